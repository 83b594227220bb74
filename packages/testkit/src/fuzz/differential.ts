/**
 * One differential check: run a program native, lower it, run the lowering,
 * compare the traces.
 *
 * ## Example
 * ```ts
 * const result = runDifferential(printProgram(generateProgram(42)));
 * if (result.failure) console.log(result.failure.kind, result.failure.mode, result.failure.message);
 * ```
 *
 * ## Implementation
 * The native run comes first and must be clean (ran to its end, no engine
 * error the generator does not mean to provoke, no promise rejection left
 * unhandled): otherwise the program, not the compiler, is at fault, and the
 * result says `invalid-program`. Then, for
 * each runtime mode (`inline` and `require` by default), `transform` with
 * `sourceType: 'script'`; a thrown exception, an error diagnostic, output that
 * still holds a `function*`, output that V8 does not compile as a script
 * (checked before it runs, so that it is named as such and not as the
 * trace of an uncaught SyntaxError), or a trace other than the native one
 * is a failure. The first failure found is the result's `failure`; the shrinker
 * keeps a candidate only while a failure of the same kind persists.
 *
 * `@coro/compiler` is not imported: it runs in a worker thread (see
 * isolated-transform.ts), so that a compiler caught in an endless loop is a
 * `transform-timeout` failure rather than a hung fuzzer, and a compiler that
 * does not load is a `compiler-unavailable` failure while the native-only
 * checks still run. Programs run on a worker thread too (see
 * isolated-execution.ts), which records the rejections a run leaves
 * unhandled as trace lines instead of letting them crash this process.
 */
import { Script } from 'vm';
import ts from 'typescript';
import type { ExecuteOptions, ExecutionResult } from '../execute';
import type { CompilerDiagnostic, DifferentialRuntime, Transform, TransformOptions } from './compiler-contract';
import { IsolatedExecution, UNHANDLED_REJECTION } from './isolated-execution';
import { IsolatedTransform, type IsolatedOutcome } from './isolated-transform';
import { PRELUDE } from './prelude';

export type FailureKind =
  /** The native run itself went wrong: a bug in the program generator, not in the compiler. */
  | 'invalid-program'
  | 'compiler-unavailable'
  | 'transform-threw'
  | 'transform-timeout'
  | 'diagnostic'
  | 'not-lowered'
  /** The lowered code does not compile: a syntax error or an early error. */
  | 'unparsable-output'
  | 'trace-mismatch';

export interface Failure {
  kind: FailureKind;
  /** The runtime mode that failed; absent for `invalid-program` and `compiler-unavailable`. */
  mode?: DifferentialRuntime;
  /** One line saying what went wrong. */
  message: string;
}

export interface LoweredRun {
  mode: DifferentialRuntime;
  /** Absent when `transform` threw. */
  code?: string;
  diagnostics: readonly CompilerDiagnostic[];
  /** Absent when nothing was run (the transform failed). */
  execution?: ExecutionResult;
}

export interface DifferentialResult {
  source: string;
  native: ExecutionResult;
  lowered: LoweredRun[];
  failure: Failure | null;
}

export interface DifferentialOptions {
  /** Default `['inline', 'require']`. */
  modes?: readonly DifferentialRuntime[];
  /** Per run. Default 2000 ms: generated programs finish in a few milliseconds. */
  timeoutMs?: number;
  /**
   * A stand-in for `@coro/compiler`, called in this thread (tests of the
   * fuzzer itself use one). Default: the real compiler, in a worker.
   */
  transform?: Transform;
  /**
   * How long one call of the real compiler may take. Default 10 s: a call takes a few milliseconds, but
   * the first calls of a fresh compiler worker took over 2 s on a machine busy with other test files
   * (Jest runs two at a time, test262's worker processes beside them); an endless loop is caught all the same.
   */
  transformTimeoutMs?: number;
  /**
   * Default true: output that still holds a `function*` fails as `not-lowered`.
   * Off only for stand-in transforms (the shrinker's tests use one).
   */
  requireLowering?: boolean;
  /**
   * The source is TypeScript (a program printed as such): it is lowered as a `.ts` file, and both the
   * native program and the lowered output run as TypeScript's own emit of them, types erased.
   */
  typescript?: boolean;
}

const DEFAULT_MODES: readonly DifferentialRuntime[] = ['inline', 'require'];
const TYPESCRIPT_MODES: readonly DifferentialRuntime[] = ['require'];
const DEFAULT_TIMEOUT_MS = 2000;
const DEFAULT_TRANSFORM_TIMEOUT_MS = 10_000;
const FILENAME = 'fuzz.js';
const TYPESCRIPT_FILENAME = 'fuzz.ts';

/**
 * Engine errors a generated program never provokes on purpose. (`TypeError`
 * is not here: `throw()` into a `yield*` over an array must raise one.)
 */
const UNINTENDED_ENGINE_ERRORS = /\b(ReferenceError|SyntaxError|RangeError|EvalError|URIError)\b/;

export interface NativeCheck {
  execution: ExecutionResult;
  /** Why the program is not a valid fuzz program; `null` when it is. */
  problem: string | null;
}

let sandboxWorker: IsolatedExecution | undefined;

/** Runs a program (native or lowered) in a fresh sandbox, on the sandbox worker. */
function run(source: string, options: ExecuteOptions): ExecutionResult {
  sandboxWorker ??= new IsolatedExecution();
  return sandboxWorker.run(source, options);
}

/** Runs `source` natively (a TypeScript program as TypeScript's emit of it) and says whether it is a sound fuzz program. */
export function checkNative(source: string, timeoutMs = DEFAULT_TIMEOUT_MS, typescript = false): NativeCheck {
  const script = typescript ? eraseTypes(source) : { code: source };
  if (script.code === undefined) {
    // What running the program would report: a program TypeScript cannot read never starts.
    const error = `uncaught SyntaxError: ${script.error}`;
    return { execution: { outcome: 'uncaught', trace: [error], error, truncated: false }, problem: `TypeScript does not read the program: ${script.error}` };
  }
  const execution = run(script.code, { filename: FILENAME, timeoutMs });
  return { execution, problem: nativeProblem(execution) };
}

function nativeProblem(execution: ExecutionResult): string | null {
  if (execution.outcome !== 'completed') return `native run did not complete: ${execution.error ?? execution.outcome}`;
  if (execution.truncated) return 'native run printed too many lines';
  const line = execution.trace.find((text) => UNINTENDED_ENGINE_ERRORS.test(text));
  if (line !== undefined) return `native run raised an engine error: ${line}`;
  const unhandled = execution.trace.find((text) => text.startsWith(UNHANDLED_REJECTION));
  return unhandled === undefined ? null : `native run left a promise rejection unhandled: ${unhandled}`;
}

export function runDifferential(source: string, options: DifferentialOptions = {}): DifferentialResult {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const native = checkNative(source, timeoutMs, options.typescript);
  const result: DifferentialResult = { source, native: native.execution, lowered: [], failure: null };
  if (native.problem !== null) {
    result.failure = { kind: 'invalid-program', message: native.problem };
    return result;
  }
  // A TypeScript program is lowered with the runtime required: TypeScript's emit of the inline runtime would be most of the time.
  for (const mode of options.modes ?? (options.typescript ? TYPESCRIPT_MODES : DEFAULT_MODES)) {
    const run = lowerAndRun(source, mode, options, timeoutMs, native.execution.trace);
    result.lowered.push(run.lowered);
    if (run.failure !== null) {
      result.failure = run.failure;
      break;
    }
  }
  return result;
}

function callTransform(source: string, transformOptions: TransformOptions, options: DifferentialOptions): IsolatedOutcome {
  if (options.transform !== undefined) {
    try {
      const output = options.transform(source, transformOptions);
      return { kind: 'done', output: { code: output.code, diagnostics: output.diagnostics ?? [] } };
    } catch (error) {
      return { kind: 'threw', message: errorText(error) };
    }
  }
  let compiler: string;
  try {
    compiler = require.resolve('@coro/compiler');
  } catch (error) {
    return { kind: 'unavailable', message: errorText(error) };
  }
  compilerWorker ??= new IsolatedTransform(compiler);
  return compilerWorker.call(source, transformOptions, options.transformTimeoutMs ?? DEFAULT_TRANSFORM_TIMEOUT_MS);
}

let compilerWorker: IsolatedTransform | undefined;

/** Stops the workers that run the compiler and the programs (a later check starts new ones). */
export function closeCompiler(): void {
  compilerWorker?.close();
  compilerWorker = undefined;
  sandboxWorker?.close();
  sandboxWorker = undefined;
}

function lowerAndRun(
  source: string,
  mode: DifferentialRuntime,
  options: DifferentialOptions,
  timeoutMs: number,
  nativeTrace: readonly string[],
): { lowered: LoweredRun; failure: Failure | null } {
  const filename = options.typescript ? TYPESCRIPT_FILENAME : FILENAME;
  const transformed = callTransform(source, { filename, runtime: mode, sourceMap: false, sourceType: 'script' }, options);
  const nothing: LoweredRun = { mode, diagnostics: [] };
  switch (transformed.kind) {
    case 'unavailable':
      return { lowered: nothing, failure: { kind: 'compiler-unavailable', message: `cannot load @coro/compiler: ${transformed.message}` } };
    case 'threw':
      return { lowered: nothing, failure: { kind: 'transform-threw', mode, message: `transform threw: ${firstLines(transformed.message)}` } };
    case 'timeout': {
      const limit = options.transformTimeoutMs ?? DEFAULT_TRANSFORM_TIMEOUT_MS;
      return { lowered: nothing, failure: { kind: 'transform-timeout', mode, message: `transform did not return within ${limit} ms` } };
    }
    case 'done':
      break;
  }
  const output = transformed.output;
  const diagnostics = output.diagnostics ?? [];
  const lowered: LoweredRun = { mode, code: output.code, diagnostics };
  const errors = diagnostics.filter(isErrorDiagnostic);
  if (errors.length > 0) {
    return { lowered, failure: { kind: 'diagnostic', mode, message: `error diagnostic: ${errors.map(formatDiagnostic).join('; ')}` } };
  }
  if ((options.requireLowering ?? true) && /\bfunction\s*\*/.test(output.code)) {
    return { lowered, failure: { kind: 'not-lowered', mode, message: 'the output still contains a native generator function' } };
  }
  const script = options.typescript ? eraseTypes(output.code) : { code: output.code };
  if (script.code === undefined) {
    return { lowered, failure: { kind: 'unparsable-output', mode, message: `TypeScript does not read the lowered code: ${script.error}` } };
  }
  const syntaxError = compileError(script.code);
  if (syntaxError !== null) {
    return { lowered, failure: { kind: 'unparsable-output', mode, message: `the lowered code does not compile: ${syntaxError}` } };
  }
  lowered.execution = run(script.code, { filename: FILENAME, timeoutMs });
  return { lowered, failure: compareTraces(nativeTrace, lowered.execution.trace, mode) };
}

/**
 * TypeScript's own emit of a TypeScript script: its types erased and nothing
 * else changed (target ESNext, class fields defined as the language defines
 * them, the script strict as TypeScript 6 makes it), or the first syntax
 * error TypeScript reports. The prelude, plain JavaScript and most of the
 * text, stands in for itself as one statement while the rest is erased: the
 * emit takes time in proportion to the text.
 */
function eraseTypes(source: string): { code: string; error?: undefined } | { code?: undefined; error: string } {
  const emitted = ts.transpileModule(source.replace(PRELUDE, PRELUDE_STAND_IN), {
    fileName: TYPESCRIPT_FILENAME,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, useDefineForClassFields: true },
  });
  const first = emitted.diagnostics?.[0];
  if (first !== undefined) return { error: ts.flattenDiagnosticMessageText(first.messageText, '\n') };
  return { code: emitted.outputText.replace(PRELUDE_STAND_IN, PRELUDE) };
}

const PRELUDE_STAND_IN = '$coroFuzzPrelude;\n';

/** V8's error compiling `code` as a classic script (nothing runs), or `null`. */
function compileError(code: string): string | null {
  try {
    new Script(code, { filename: FILENAME });
    return null;
  } catch (error) {
    // V8 puts the place of a SyntaxError on the first line of its stack: `fuzz.js:12`.
    const stack = (error as { stack?: unknown }).stack;
    return typeof stack === 'string' ? `${String(error)} at ${stack.split('\n')[0]}` : String(error);
  }
}

function compareTraces(nativeTrace: readonly string[], loweredTrace: readonly string[], mode: DifferentialRuntime): Failure | null {
  const length = Math.max(nativeTrace.length, loweredTrace.length);
  for (let index = 0; index < length; index++) {
    if (nativeTrace[index] !== loweredTrace[index]) {
      const native = index < nativeTrace.length ? JSON.stringify(nativeTrace[index]) : '(end of trace)';
      const lowered = index < loweredTrace.length ? JSON.stringify(loweredTrace[index]) : '(end of trace)';
      return { kind: 'trace-mismatch', mode, message: `traces differ at line ${index + 1}: native ${native}, lowered ${lowered}` };
    }
  }
  return null;
}

function isErrorDiagnostic(diagnostic: CompilerDiagnostic): boolean {
  // The contract says `category: 'error' | 'warning'`; anything not marked as advisory counts as an error.
  return !['warning', 'suggestion', 'message', 'info'].includes(String(diagnostic.category ?? 'error'));
}

function formatDiagnostic(diagnostic: CompilerDiagnostic): string {
  const at = diagnostic.line === undefined ? '' : `${diagnostic.line}:${diagnostic.column ?? 0} `;
  const code = diagnostic.code === undefined ? '' : `${diagnostic.code} `;
  return `${at}${code}${diagnostic.message}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? firstLines(error.stack ?? error.message) : String(error);
}

/** A message and the top of its stack: enough to find the throw site. */
function firstLines(text: string): string {
  return text.split('\n').slice(0, 4).join('\n');
}

