/**
 * `@coro/compiler`: lowers suspend functions into stackless state machines.
 *
 * ## Example
 * ```js
 * const { transform } = require('@coro/compiler');
 * const { code, map, diagnostics } = transform(source, { filename: 'a.ts', runtime: 'require' });
 * ```
 *
 * ## Implementation
 * See docs/architecture.md for the passes and their contracts.
 *
 * ## References
 * ECMAScript 2025, 15.5 Generator Function Definitions; 27.5 Generator Objects.
 */
import type { TransformOptions } from './transform';

export { transform, type TransformOptions, type TransformResult, type SourceMap } from './transform';
export type { Diagnostic } from './diagnostics';
export { DiagnosticCode, isSyntaxErrorCode } from './diagnostics';
export type { RuntimeMode } from './runtime-binding';
export type { EvalAndWith } from './dynamic-scope';

/** Whether `transform` reads the code as an ES module or as a script. */
export type SourceType = NonNullable<TransformOptions['sourceType']>;
