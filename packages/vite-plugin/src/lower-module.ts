/**
 * Lowers one module's code with `@coro/compiler`, and says what became of it.
 *
 * ## Example
 *
 * ```ts
 * lowerModule('export const a = 1;', '/app/a.ts', { sourceType: 'module', runtime: 'import' });
 * // { kind: 'untouched', warnings: [] }
 * lowerModule('export function* g() { yield 1; }', '/app/g.ts', { sourceType: 'module', runtime: 'import' });
 * // { kind: 'lowered', code: 'import * as $coro from "@coro/runtime"; …', map: { … }, warnings: [] }
 * lowerModule('function* g() { with (o) yield 1; }', '/app/w.cjs', { sourceType: 'script', runtime: 'require' });
 * // { kind: 'rejected', errors: [{ code: 1035, line: 1, column: 17, … }], warnings: [] }
 * ```
 *
 * ## Implementation
 *
 * Whether the file is an ES module or a script is the host's reading of it,
 * which the caller decides (./coro-unplugin.ts).
 * The compiler leaves a file without suspend functions byte for byte, so
 * output equal to the input means "untouched": the host then keeps its own
 * code and map and pays nothing for this plugin. Any error diagnostic means
 * no output at all (docs/architecture.md, "Errors").
 *
 * An exception out of the compiler is a coro bug, not a problem of the
 * input: it propagates, and the host reports it with the plugin's name, the
 * file and the stack.
 *
 * ## References
 *
 * - docs/architecture.md, the `transform` contract
 * - README.md, "The `transform` API" (diagnostics: 1-based line and column)
 */
import { transform, type Diagnostic, type EvalAndWith, type RuntimeMode, type SourceMap, type SourceType } from '@coro/compiler';

export type ModuleLowering =
  | { readonly kind: 'untouched'; readonly warnings: readonly Diagnostic[] }
  | { readonly kind: 'lowered'; readonly code: string; readonly map: SourceMap; readonly warnings: readonly Diagnostic[] }
  | { readonly kind: 'rejected'; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

/** How one module is lowered: the plugin's options as they apply to its file. */
export interface ModuleOptions {
  readonly sourceType: SourceType;
  readonly runtime: RuntimeMode;
  readonly coroutines?: boolean;
  readonly coroutineBudget?: number;
  readonly evalAndWith?: EvalAndWith;
  /** The file's name in the `at async` lines of stack traces: its path from the project's root. */
  readonly traceFilename?: string;
}

export function lowerModule(code: string, file: string, options: ModuleOptions): ModuleLowering {
  const result = transform(code, { filename: file, sourceMap: true, ...options });
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.category === 'error');
  const warnings = result.diagnostics.filter((diagnostic) => diagnostic.category !== 'error');
  if (errors.length > 0) return { kind: 'rejected', errors, warnings };
  if (result.code === code) return { kind: 'untouched', warnings };
  if (result.map === null) throw new Error('@coro/compiler lowered the file but returned no source map, though one was asked for');
  return { kind: 'lowered', code: result.code, map: result.map, warnings };
}

