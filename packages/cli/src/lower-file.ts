/**
 * Lowers one file of the file system: read its bytes, decode them, decide
 * module or script, and hand the text to `lowerSource`.
 *
 * Example:
 *   lowerFile('/p/src/main.ts', { decide: createModuleDecider({ module: undefined, runtime: undefined }), sourceMap: false })
 *   // → { code: 'var $coro = require("@coro/runtime"); …', map: undefined, problems: [] }   (under "type": "commonjs")
 *   lowerFile('/p/src/latin1.js', …)
 *   // → { code: undefined, problems: [{ kind: 'diagnostic', diagnostic: { code: 2001, line: 2, column: 12, … } }] }
 *
 * Implementation:
 *   The file is read as bytes and decoded strictly (`sourceText`), so a
 *   file that is not UTF-8 is an error at its first bad byte rather than a
 *   program with replacement characters in it. The file is named in
 *   diagnostics and in the map the way the user sees it: relative to the
 *   working directory. Standard input takes the same path through
 *   `lowerText`, with the name given by `--filename`. Module or script,
 *   converted or not, and the runtime binding are ./module-format.ts's
 *   decision; decorators and class fields in TypeScript are emitted as the
 *   nearest tsconfig.json says (@coro/host's createClassEmitOptionsResolver).
 *   TypeScript is written as JavaScript (./output-layout.ts), so a relative
 *   import of `./a.ts` is written as `./a.js`, the file that will be there.
 *   Node runs the output, so `import()` stays itself in CommonJS: there it
 *   loads ES modules too, which `require` cannot.
 *
 * References:
 *   @coro/host (lowerSource, sourceText), ./module-format.ts
 */

import { readFileSync } from 'node:fs';
import { lowerSource, sourceText, type ClassEmitOptionsOf, type EvalAndWith, type LoweredSource } from '@coro/host';
import { displayPath } from './display-path';
import type { ModuleDecider } from './module-format';

export interface LowerFileOptions {
  /** Module or script, converted or not, and the runtime binding; throws a UsageError for output that cannot run. */
  readonly decide: ModuleDecider;
  readonly sourceMap: boolean;
  /** Print the IR of the lowered functions instead of the code. */
  readonly dumpIR?: boolean;
  /** Whether the async functions of the file at this (absolute) path are all coroutines (`--coroutines`). */
  readonly isCoroutineFile?: (path: string) => boolean;
  /** Loop iterations between two turns a coroutine gives the others (`--coroutine-budget`). */
  readonly coroutineBudget?: number;
  /** A suspend function with direct `eval` or `with`: lowered (default) or refused. */
  readonly evalAndWith?: EvalAndWith;
  /** How the TypeScript project of the file at this (absolute) path emits classes (its tsconfig.json). */
  readonly classEmitOptionsOf?: ClassEmitOptionsOf;
}

export function lowerFile(path: string, options: LowerFileOptions): LoweredSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { code: undefined, map: undefined, problems: [{ kind: 'unreadable', error: error as Error }] };
  }
  return lowerText(bytes, path, options);
}

/** Lowers bytes that belong at `path` (a real file, or where `--filename` places standard input). */
export function lowerText(bytes: Uint8Array, path: string, options: LowerFileOptions): LoweredSource {
  const filename = displayPath(path);
  const decoded = sourceText(bytes, filename);
  if (decoded.problem !== undefined) {
    return { code: undefined, map: undefined, problems: [{ kind: 'diagnostic', diagnostic: decoded.problem, text: decoded.text }] };
  }
  const module = options.decide(path, decoded.text);
  return lowerSource(decoded.text, {
    filename,
    runtime: module.runtime,
    sourceType: module.sourceType,
    moduleFormat: module.convert ? 'commonjs' : 'preserve',
    sourceMap: options.sourceMap,
    dumpIR: options.dumpIR,
    coroutines: options.isCoroutineFile?.(path) ?? false,
    coroutineBudget: options.coroutineBudget,
    evalAndWith: options.evalAndWith,
    classes: options.classEmitOptionsOf?.(path),
    rewriteImportExtensions: true,
    keepDynamicImport: true,
  });
}
