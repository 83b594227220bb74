/**
 * `@coro/tsc-plugin`: coro as a TypeScript transformer, for `tspc`
 * (ts-patch), `program.emit`, ts-loader and ts-jest.
 *
 * ## Example
 * ```jsonc
 * // tsconfig.json, built with `npx tspc`
 * {
 *   "compilerOptions": {
 *     "module": "commonjs",
 *     "plugins": [{ "transform": "@coro/tsc-plugin" }]
 *   }
 * }
 * ```
 * ```ts
 * import ts from 'typescript';
 * import { coroTransformer } from '@coro/tsc-plugin';
 * program.emit(undefined, undefined, undefined, false, { before: [coroTransformer(program, { runtime: 'require' }, { ts })] });
 * ```
 * ts-jest: `astTransformers: { before: ['@coro/tsc-plugin/ts-jest'] }`.
 *
 * ## Implementation
 * The default export is what ts-patch loads for a `transform` entry (its
 * "program" pattern); it is the same function as `coroTransformer`.
 * ./coro-transformer.ts is where the work starts.
 *
 * ## References
 * https://github.com/nonara/ts-patch#configuration
 * docs/architecture.md, "Packages"
 */
import { coroTransformer } from './coro-transformer';

export { coroTransformer, type CoroTransformerHost } from './coro-transformer';
export { CoroDiagnosticsError, DIAGNOSTIC_CODE_OFFSET } from './coro-diagnostics';
export type { CoroPluginOptions } from './plugin-options';
export default coroTransformer;
