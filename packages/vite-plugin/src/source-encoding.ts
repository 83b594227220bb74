/**
 * Whether the file behind a module is really UTF-8, for code the host has
 * already decoded with replacement characters.
 *
 * ## Example
 *
 * ```ts
 * // src/greet.js, saved as Latin-1 (é is the byte 0xE9):
 * //   function* g() {
 * //     yield "café";
 * // Rollup hands the plugin `… yield "caf\uFFFD"; …`
 * findInvalidUtf8InFile('/app/src/greet.js', code);
 * // { offset: 28, byte: 0xe9, line: 2, column: 13 }
 * ```
 *
 * ## Implementation
 *
 * Rollup and Vite's dev server read files as UTF-8 and turn each invalid
 * byte into U+FFFD without a word (Vite's build, on Rolldown, refuses such a
 * file itself). Lowering that text would bake the changed string
 * into output that looks fine, so when the code holds U+FFFD (and only then:
 * it is rare, and the check reads the file) the file's bytes are checked
 * with the WHATWG UTF-8 decoder's rules (@coro/host's `findInvalidUtf8`, the
 * check every integration makes). A U+FFFD that the file spells in valid
 * UTF-8 passes. The line and column are an editor's (1-based, UTF-16 code
 * units, a byte order mark not counted).
 *
 * ## References
 *
 * - https://encoding.spec.whatwg.org/#utf-8-decoder
 * - packages/testkit/src/bad-inputs.ts, the `invalid-utf8` case
 */
import { readFileSync } from 'node:fs';
import { findInvalidUtf8, type InvalidUtf8 } from '@coro/host';

export function findInvalidUtf8InFile(file: string, code: string): InvalidUtf8 | undefined {
  if (!code.includes('\uFFFD')) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return findInvalidUtf8(bytes);
}
