/**
 * `@coro/cli` as a library: the per-file lowering that `coro transpile`
 * runs, for integrations that receive source text from a host (the Jest
 * transformer) rather than reading files themselves.
 *
 * Example:
 *   const { lowerSource, formatProblem } = require('@coro/cli');
 *   const result = lowerSource(text, { filename: '/p/src/a.ts', runtime: 'require', sourceType: 'script',
 *                                      sourceMap: true, moduleFormat: 'commonjs' });
 *   if (result.code === undefined) throw new Error(result.problems.map((p) => formatProblem('src/a.ts', p, false)).join('\n'));
 *
 * Implementation:
 *   Only what another integration needs to behave exactly as the CLI does:
 *   the same lowering (coro, then TypeScript's transpileModule, one chained
 *   source map), the same module-or-script decision, the same strict UTF-8
 *   decoding, the same diagnostics with code frames. The executable is ./cli.ts; nothing here touches
 *   the process or the file system's outputs.
 *
 * References:
 *   ./lower-source.ts, ./source-type.ts, ./diagnostic.ts
 */

export { lowerSource } from './lower-source';
export type { FileProblem, LoweredSource, LowerSourceOptions, RuntimeMode } from './lower-source';
export type { JsxEmit, ModuleFormat } from './emit-javascript';
export { createSourceTypeResolver } from './source-type';
export type { SourceType, SourceTypeOf } from './source-type';
export { sourceText } from './source-text';
export { formatProblem } from './diagnostic';
export type { Diagnostic } from './diagnostic';
export type { RawSourceMap } from './source-map';
export { loweringVersions } from './lowering-versions';
export type { LoweringVersions } from './lowering-versions';
