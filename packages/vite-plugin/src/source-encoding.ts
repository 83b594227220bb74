/**
 * Whether the file behind a module is really UTF-8, for code the host has
 * already decoded with replacement characters.
 *
 * ## Example
 *
 * ```ts
 * // src/greet.js holds `yield "café";` saved as Latin-1 (é is the byte 0xE9);
 * // Rollup hands the plugin `yield "caf\uFFFD";`
 * findInvalidUtf8('/app/src/greet.js', code);
 * // { byte: 0xe9, line: 2, column: 13 }
 * ```
 *
 * ## Implementation
 *
 * Rollup and Vite's dev server read files as UTF-8 and turn each invalid
 * byte into U+FFFD without a word (Vite's build, on Rolldown, refuses such a
 * file itself). Lowering that text would bake the changed string
 * into output that looks fine, so when the code holds U+FFFD (and only then:
 * it is rare, and the check reads the file) the file's bytes are checked
 * with the WHATWG UTF-8 decoder's rules: a lead byte with the right number
 * of continuation bytes, no overlong forms, no surrogates, nothing above
 * U+10FFFF. A U+FFFD that the file spells in valid UTF-8 passes.
 * The line and column are an editor's (1-based, UTF-16 code units, a byte
 * order mark not counted).
 *
 * ## References
 *
 * - https://encoding.spec.whatwg.org/#utf-8-decoder
 * - packages/testkit/src/bad-inputs.ts, the `invalid-utf8` case
 */
import { readFileSync } from 'node:fs';

export interface InvalidUtf8 {
  readonly byte: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}

export function findInvalidUtf8(file: string, code: string): InvalidUtf8 | undefined {
  if (!code.includes('\uFFFD')) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const index = firstInvalidByte(bytes);
  if (index === undefined) return undefined;
  // The default decoder drops a leading byte order mark, as an editor does not count it as a column.
  const lines = new TextDecoder('utf-8').decode(bytes.subarray(0, index)).split(/\r\n|\r|\n/);
  return { byte: bytes[index], line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Index of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index];
    const length = sequenceLength(lead);
    if (length === 0) return index;
    // The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and code points above U+10FFFF (F4).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      const inRange = next === 1 ? byte >= low && byte <= high : byte >= 0x80 && byte <= 0xbf;
      if (byte === undefined || !inRange) return index;
    }
    index += length;
  }
  return undefined;
}

function sequenceLength(lead: number): number {
  if (lead <= 0x7f) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}
