/**
 * The part of `@coro/compiler`'s contract the fuzzer relies on: how it calls
 * `transform`, and what it reads of the answer.
 *
 * ## Example
 * ```ts
 * const options: TransformOptions = { filename: 'fuzz.js', runtime: 'inline', sourceMap: false, sourceType: 'script' };
 * const standIn: Transform = (code) => ({ code: code.replaceAll('yield*', 'yield'), diagnostics: [] });
 * ```
 *
 * ## Implementation
 * Types only, made of the compiler's own (docs/architecture.md): the
 * compiler runs in a worker (isolated-transform.ts), so nothing of it is
 * loaded here, and a test may hand the fuzzer a stand-in instead, which need
 * not fill in every field of a diagnostic.
 */
import type { Diagnostic, RuntimeMode, SourceType } from '@coro/compiler';

/** The modes a program can be lowered in here: it runs as a script in a sandbox, which cannot `import`. */
export type DifferentialRuntime = Exclude<RuntimeMode, 'import'>;

/**
 * The part of `@coro/compiler`'s diagnostic the fuzzer relies on; a stand-in
 * transform may leave out the rest.
 */
export type CompilerDiagnostic = Pick<Diagnostic, 'message'> & Partial<Pick<Diagnostic, 'category' | 'line' | 'column' | 'code'>>;

export interface TransformOptions {
  filename: string;
  runtime: DifferentialRuntime;
  sourceMap: boolean;
  sourceType: SourceType;
}

export type Transform = (code: string, options: TransformOptions) => { code: string; diagnostics: readonly CompilerDiagnostic[] };
