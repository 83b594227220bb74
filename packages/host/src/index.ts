/**
 * `@coro/host`: lowering a file the way Node and bundlers see it, for the
 * integrations that take files from a host (`coro transpile`, the Jest
 * transformer, the Vite plugin), so that each behaves exactly as the others.
 *
 * Example:
 *   const { createSourceTypeResolver, formatProblem, lowerSource } = require('@coro/host');
 *   const sourceType = createSourceTypeResolver()('/p/src/a.ts', text);
 *   const result = lowerSource(text, { filename: '/p/src/a.ts', runtime: undefined, sourceType,
 *                                      sourceMap: true, moduleFormat: 'commonjs' });
 *   if (result.code === undefined) throw new Error(result.problems.map((p) => formatProblem('src/a.ts', p, false)).join('\n'));
 *
 * Implementation:
 *   The lowering (coro, then TypeScript's transpileModule when types, JSX or
 *   the module format ask for it, one chained source map), the
 *   module-or-script decision (Node's rules, and the bundlers' simpler one),
 *   strict UTF-8 decoding, and problems printed as tsc prints them, with a
 *   code frame. Nothing here touches the process or writes a file: the
 *   integrations own their outputs. The types the compiler declares
 *   (`Diagnostic`, `RuntimeMode`, `SourceType`) are passed on as they are.
 *
 * References:
 *   ./lower-source.ts, ./source-type.ts, ./source-text.ts, ./file-problem.ts
 */

export type { Diagnostic, EvalAndWith, RuntimeMode, SourceType } from '@coro/compiler';
export { lowerSource } from './lower-source';
export type { LoweredSource, LowerSourceOptions } from './lower-source';
export type { JsxEmit, ModuleFormat } from './emit-javascript';
export { bundlerSourceTypeOf, createSourceTypeResolver, defaultRuntime, isCommonJsTypeScript, typeScriptCommonJsStatement } from './source-type';
export type { SourceTypeOf } from './source-type';
export { createPackageTypeResolver } from './package-type';
export { createClassEmitOptionsResolver, STANDARD_CLASSES } from './class-emit-options';
export type { ClassEmitOptions, ClassEmitOptionsOf } from './class-emit-options';
export type { PackageType, PackageTypeOf } from './package-type';
export { findInvalidUtf8, sourceText } from './source-text';
export type { InvalidUtf8, SourceText } from './source-text';
export { codeFrame } from './code-frame';
export type { FramePosition } from './code-frame';
export { formatFileError, formatProblem } from './file-problem';
export type { FileProblem } from './file-problem';
export type { RawSourceMap } from './source-map';
export { loweringVersions } from './lowering-versions';
export type { LoweringVersions } from './lowering-versions';
export { coroutinePathFilter, coroutinePatterns } from './coroutine-paths';
export { coroutineBudget } from './coroutine-budget';
export { traceFilename } from './trace-filename';
