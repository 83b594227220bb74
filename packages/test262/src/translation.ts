/**
 * What a run does to source text before the engine sees it: nothing
 * (native), or coro's lowering with the runtime written into the file.
 *
 * ## Example
 *
 * ```ts
 * native.translate('function* g() {}', 'script', 'a.js')
 * // { kind: 'code', code: 'function* g() {}', leftover: undefined }
 * lowered.translate('function* g() {}', 'script', 'a.js')
 * // { kind: 'code', code: 'var $coro = (function () { … })();\n…function g() { … }', leftover: undefined }
 * lowered.translate('function* g() { with (o) {} }', 'script', 'a.js')
 * // { kind: 'refused', message: 'CORO1004: …', syntaxError: false }
 * ```
 *
 * ## Implementation
 *
 * The lowering is `transform` with `runtime: 'inline'`, so lowered code
 * needs no `require` and runs in a bare realm, and with the test's source
 * type (module tests and their fixtures as modules). Error diagnostics mean
 * the lowering refused the code; warnings do not. A transform that throws
 * is a compiler crash, told apart from a refusal. The output is checked for
 * suspend functions left in it (./leftover-suspension.ts); the execution
 * decides what a leftover means, because a negative test's output must first
 * be given the chance to fail to parse.
 *
 * ## References
 *
 * `@coro/compiler` `transform`; README.md, "The transform API".
 */
import { isSyntaxErrorCode, transform } from '@coro/compiler';
import { installDynamicFunctions } from '@coro/compiler/dynamic-functions';
import { findLeftoverSuspension } from './leftover-suspension';

export type SourceType = 'script' | 'module';

export type Translated =
  | { kind: 'code'; code: string; leftover: string | undefined }
  /** `syntaxError`: every error is one an engine reports as a SyntaxError (a parse or early error). */
  | { kind: 'refused'; message: string; syntaxError: boolean }
  | { kind: 'crashed'; message: string };

export interface Translation {
  readonly name: 'native' | 'lowered';
  translate(source: string, sourceType: SourceType, filename: string): Translated;
  /** Readies a fresh realm (its global object) for the code this translation gives. */
  prepareRealm(global: object): void;
}

export const native: Translation = {
  name: 'native',
  translate: (source) => ({ kind: 'code', code: source, leftover: undefined }),
  prepareRealm: () => undefined,
};

export const lowered: Translation = {
  name: 'lowered',
  // As a user's program would: lowered code makes its dynamic suspend functions with coro's compiler.
  prepareRealm: (global) => installDynamicFunctions(global),
  translate(source, sourceType, filename) {
    let result: ReturnType<typeof transform>;
    try {
      result = transform(source, { filename, runtime: 'inline', sourceType, sourceMap: false });
    } catch (error) {
      return { kind: 'crashed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.category === 'error');
    if (errors.length > 0) {
      const message = errors.map((error) => `CORO${error.code}: ${error.message}`).join('; ');
      return { kind: 'refused', message, syntaxError: errors.every((error) => isSyntaxErrorCode(error.code)) };
    }
    return { kind: 'code', code: result.code, leftover: findLeftoverSuspension(result.code, sourceType) };
  },
};
