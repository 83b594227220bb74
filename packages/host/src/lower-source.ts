/**
 * Lowers one source text to the JavaScript that is written (by the CLI) or
 * handed to Jest: coro's `transform`, then, when the result is not yet plain
 * JavaScript of the wanted module format, TypeScript's `transpileModule`,
 * with one source map from the result back to the original text.
 *
 * Example:
 *   lowerSource('function* ids(n: number) { yield n; }', { filename: 'src/ids.ts', runtime: undefined,
 *                sourceType: 'script', sourceMap: true })
 *   // → { code: 'var $coro = require("@coro/runtime"); … function ids(n) { … }',
 *   //     map: { sources: ['src/ids.ts'], sourcesContent: [the TypeScript], mappings: … }, problems: [] }
 *   lowerSource(<a syntax error>, …)
 *   // → { code: undefined, map: undefined, problems: [{ kind: 'diagnostic', diagnostic: { line: 3, … }, text }] }
 *
 * Implementation:
 *   Without an explicit runtime, an ES module reaches the runtime by `import`
 *   and a script by `require`: the compiler refuses `import` in a script, and
 *   a project mixing `.mjs` and `.cjs` needs both.
 *   The second step runs only when it has work: for TypeScript (types to
 *   remove), for an ES module when CommonJS is wanted (Jest without ESM
 *   support), for JSX when it is to be compiled. Plain JavaScript otherwise
 *   leaves coro untouched, byte for byte where coro kept it. The second
 *   step's map points into coro's output; chained with coro's map it points
 *   at the original. A file without suspend functions gets no map from coro
 *   (its text is coro's output): an identity map stands in for it.
 *   Bad input never yields partial output (docs/architecture.md, "Errors"): one error
 *   diagnostic, from coro or from the second step, and `code` is undefined.
 *   Warnings are passed on, but for a top-level await in a module converted
 *   to CommonJS, which has none: that one is an error, as `import.meta` is
 *   there (./commonjs-conversion.ts). Every problem keeps the text its line and column
 *   refer to (the source for coro's diagnostics, coro's output for the second
 *   step's, which are TypeScript's), so a code frame shows the right lines. An exception thrown by the
 *   compiler is a coro bug, not a problem of the input: it comes back as a
 *   crash, with its stack.
 *
 * References:
 *   docs/architecture.md (the `transform` contract)
 *   ./emit-javascript.ts, ./compose-source-maps.ts
 */

import { transform, type Diagnostic, type EvalAndWith, type RuntimeMode, type SourceType } from '@coro/compiler';
import { importMetaInCommonJs, topLevelAwaitInCommonJs } from './commonjs-conversion';
import { composeSourceMaps } from './compose-source-maps';
import { emitJavaScript, type JsxEmit, type ModuleFormat } from './emit-javascript';
import { STANDARD_CLASSES, type ClassEmitOptions } from './class-emit-options';
import type { FileProblem } from './file-problem';
import { identitySourceMap } from './identity-source-map';
import type { RawSourceMap } from './source-map';
import { defaultRuntime } from './source-type';

export interface LoweredSource {
  /** The JavaScript to write; undefined when an error means nothing is written. */
  readonly code: string | undefined;
  /** From `code` to the source text, named `filename`; only when asked for and there is code. */
  readonly map: RawSourceMap | undefined;
  readonly problems: readonly FileProblem[];
  /** With `dumpIR`: the IR of every lowered function, printed (`coro transpile --dump-ir`). */
  readonly ir?: string;
}

export interface LowerSourceOptions {
  /** Names the source in diagnostics and the map; its extension selects TypeScript, JSX or JavaScript. */
  readonly filename: string;
  /** Undefined: `import` for an ES module, `require` for a script. */
  readonly runtime: RuntimeMode | undefined;
  readonly sourceType: SourceType;
  readonly sourceMap: boolean;
  /** `preserve` (default) keeps `import`/`export`; `commonjs` rewrites them, as Jest needs. */
  readonly moduleFormat?: ModuleFormat;
  /** What happens to JSX; `preserve` (default) leaves it for the next tool. */
  readonly jsx?: JsxEmit;
  /** How the project emits classes (its tsconfig.json, ./class-emit-options.ts); standard when not given. */
  readonly classes?: ClassEmitOptions;
  /** Relative imports of TypeScript files name the JavaScript written for them (`./a.ts` → `./a.js`): true where each file is written as JavaScript beside the others (the CLI). */
  readonly rewriteImportExtensions?: boolean;
  /** In CommonJS output, `import()` stays Node's `import()` (the CLI); Jest's registry needs a `require` (default). */
  readonly keepDynamicImport?: boolean;
  /** Also print the IR of every lowered function (`LoweredSource.ir`). */
  readonly dumpIR?: boolean;
  /** Every async function of the file is a coroutine (`transform`'s `coroutines`; docs/coroutines.md). */
  readonly coroutines?: boolean;
  /** Loop iterations between two turns a coroutine gives the others (`transform`'s `coroutineBudget`). */
  readonly coroutineBudget?: number;
  /** A suspend function with direct `eval` or `with`: lowered (default) or refused (`transform`'s `evalAndWith`). */
  readonly evalAndWith?: EvalAndWith;
}

const TYPESCRIPT_FILE = /\.[mc]?tsx?$/i;
const JSX_FILE = /\.[jt]sx$/i;

export function lowerSource(text: string, options: LowerSourceOptions): LoweredSource {
  const { filename, sourceType } = options;
  let lowered: { code: string; map: unknown; diagnostics: readonly Diagnostic[]; ir?: string };
  try {
    lowered = transform(text, {
      filename,
      runtime: options.runtime ?? defaultRuntime(sourceType),
      sourceMap: options.sourceMap,
      sourceType,
      dumpIR: options.dumpIR,
      coroutines: options.coroutines,
      coroutineBudget: options.coroutineBudget,
      evalAndWith: options.evalAndWith,
    });
  } catch (error) {
    return { code: undefined, map: undefined, problems: [{ kind: 'crash', error }] };
  }

  const moduleFormat = options.moduleFormat ?? 'preserve';
  const converted = moduleFormat === 'commonjs' && sourceType === 'module';
  const importMeta = converted ? importMetaInCommonJs(text, filename) : undefined;
  const diagnostics = converted ? [...lowered.diagnostics.map(topLevelAwaitInCommonJs), ...(importMeta ? [importMeta] : [])] : lowered.diagnostics;
  const problems: FileProblem[] = diagnostics.map((diagnostic) => ({ kind: 'diagnostic', diagnostic, text }));
  if (hasError(diagnostics)) return { code: undefined, map: undefined, problems };
  if (typeof lowered.code !== 'string') {
    const error = new Error('transform returned no code and no error diagnostic');
    return { code: undefined, map: undefined, problems: [...problems, { kind: 'crash', error }] };
  }
  const coroMap = options.sourceMap
    ? ((lowered.map as RawSourceMap | null) ?? identitySourceMap(text, filename))
    : undefined;

  const jsx = options.jsx ?? 'preserve';
  const secondStep =
    TYPESCRIPT_FILE.test(filename) ||
    converted ||
    (jsx !== 'preserve' && JSX_FILE.test(filename));
  const ir = lowered.ir === undefined ? {} : { ir: lowered.ir };
  if (!secondStep) return { code: lowered.code, map: coroMap, problems, ...ir };

  const emitted = emitJavaScript(lowered.code, filename, { sourceMap: options.sourceMap, moduleFormat, jsx, classes: options.classes ?? STANDARD_CLASSES, rewriteImportExtensions: options.rewriteImportExtensions ?? false, keepDynamicImport: options.keepDynamicImport ?? false });
  for (const diagnostic of emitted.diagnostics) {
    problems.push({
      kind: 'typescript',
      diagnostic: { ...diagnostic, message: `in coro's output, which TypeScript could not turn into JavaScript: ${diagnostic.message}` },
      text: lowered.code,
    });
  }
  if (hasError(emitted.diagnostics)) return { code: undefined, map: undefined, problems };
  const map = emitted.map !== undefined && coroMap !== undefined ? composeSourceMaps(emitted.map, coroMap) : undefined;
  return { code: emitted.code, map, problems, ...ir };
}

function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.category === 'error');
}
