/**
 * Running a program in a sandbox and recording what it prints.
 *
 * ## Example
 *
 * ```ts
 * execute("console.log('a', 1); null.x;", { filename: 'input.js' })
 * // → { trace: ['a 1', "uncaught TypeError: Cannot read properties of null (reading 'x')"],
 * //     error: "uncaught TypeError: …", outcome: 'uncaught' }
 * ```
 *
 * The same program run native and lowered must give the same trace; that is
 * the whole check of the fixture suite and of the fuzzer.
 *
 * ## Implementation
 *
 * Every run gets a fresh `vm` context, so nothing leaks between programs. The
 * context sees three things besides the language's own globals:
 * - `console.log` (and `info`/`debug`; `warn`/`error` with a prefix): each
 *   call is one trace line, formatted by `./format` so that values from the
 *   sandbox realm print the same whether the code was lowered or not;
 * - `require`, which resolves exactly `'@coro/runtime'` (see `./runtime-loader`);
 * - nothing else: no timers, no `process`.
 *
 * An uncaught exception ends the trace with `uncaught <Constructor>: <message>`.
 * An endless program is stopped by the `vm` timeout and ends the trace with
 * `timeout after <n> ms`.
 *
 * Promise jobs the program queues run before `execute` returns: the context
 * has its own microtask queue (`microtaskMode: 'afterEvaluate'`), drained at
 * the end of the script, so the jobs' output lands in the trace in order.
 * (With the default mode they would run on the host's queue after `execute`
 * returned, and an endless chain of jobs would hang the host for good.)
 * Known limit, Node 20: if the timeout fires *while promise jobs run*, Node's
 * async-hook stack is left corrupted and the process aborts as soon as async
 * hooks are on (they are under jest). Synchronous programs never get there;
 * the asynchronous variant (timers, `await`) should run each program in a
 * worker it can terminate, reusing {@link createSandbox} and
 * {@link runInSandbox} inside it.
 *
 * A promise the program rejects and never handles is not part of the trace:
 * Node reports it after the host's current task, when `execute` has returned,
 * and by default (Node 20: `--unhandled-rejections=throw`) that crashes the
 * host. The fuzzer runs programs on a worker thread that turns such reports
 * into trace lines instead (fuzz/isolated-execution.ts).
 *
 * ## References
 *
 * Node.js `vm`: `createContext`, `Script#runInContext({ timeout })`,
 * `microtaskMode`.
 */
import * as vm from 'vm';
import { describeThrown, formatLogLine } from './format';
import { ranOutOfTime } from './timeout';
import { createRuntimeRequire, RuntimeRealm } from './runtime-loader';

export interface ExecuteOptions {
  /** Shown in the sandbox's stack traces and syntax errors. Default `program.js`. */
  filename?: string;
  /** Wall-clock budget for the whole run, promise jobs included. Default 5000 ms. */
  timeoutMs?: number;
  /** Where `require('@coro/runtime')` comes from; see `./runtime-loader`. Default `'context'`. */
  runtimeRealm?: RuntimeRealm;
  /** Lines recorded before the trace is cut (an endless loop that prints). Default 100 000. */
  maxTraceLines?: number;
}

/** How a run ended. */
export type ExecutionOutcome = 'completed' | 'uncaught' | 'timeout';

export interface ExecutionResult {
  /** One line per `console.log` call, then possibly one closing `uncaught …` / `timeout …` line. */
  trace: string[];
  /** Set when the program did not run to its end: the same text as the closing trace line. */
  error?: string;
  outcome: ExecutionOutcome;
  /** True when the program printed more than `maxTraceLines` lines and later ones were dropped. */
  truncated: boolean;
}

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_MAX_TRACE_LINES = 100_000;
const TIMEOUT_ERROR_CODE = 'ERR_SCRIPT_EXECUTION_TIMEOUT';

/** A fresh context plus the trace its console writes to. */
export interface Sandbox {
  readonly context: vm.Context;
  readonly trace: string[];
  truncated: boolean;
}

/** Runs `code` as a classic script in a fresh sandbox and returns its trace. */
export function execute(code: string, options: ExecuteOptions = {}): ExecutionResult {
  const sandbox = createSandbox(options);
  const ending = runInSandbox(sandbox, code, options);
  return finish(sandbox, ending);
}

/** A fresh `vm` context with the recording console and the runtime-only `require`. */
export function createSandbox(options: ExecuteOptions = {}): Sandbox {
  const maxLines = options.maxTraceLines ?? DEFAULT_MAX_TRACE_LINES;
  const context = vm.createContext({}, { microtaskMode: 'afterEvaluate' });
  const sandbox: Sandbox = { context, trace: [], truncated: false };

  const record = (prefix: string) =>
    function log(...args: unknown[]): void {
      if (sandbox.trace.length >= maxLines) {
        // Dropping rather than throwing: a program may catch what we throw
        // and keep looping; the timeout stops it either way.
        sandbox.truncated = true;
        return;
      }
      sandbox.trace.push(prefix + formatLogLine(args));
    };

  const consoleObject = vm.runInContext('({})', context) as Record<string, unknown>;
  consoleObject.log = record('');
  consoleObject.info = record('');
  consoleObject.debug = record('');
  consoleObject.warn = record('[warn] ');
  consoleObject.error = record('[error] ');
  defineGlobal(context, 'console', consoleObject);
  defineGlobal(context, 'require', createRuntimeRequire(context, options.runtimeRealm ?? 'context'));
  return sandbox;
}

/** How a script run ended early; `runInSandbox` returns `undefined` when it ran to its end. */
export interface Ending {
  outcome: Exclude<ExecutionOutcome, 'completed'>;
  line: string;
}

/** Compiles and runs `code` in `sandbox`; never throws for anything the program does. */
export function runInSandbox(sandbox: Sandbox, code: string, options: ExecuteOptions = {}): Ending | undefined {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  try {
    const script = new vm.Script(code, { filename: options.filename ?? 'program.js' });
    script.runInContext(sandbox.context, { timeout: timeoutMs, breakOnSigint: true });
    return undefined;
  } catch (thrown) {
    if (isTimeout(thrown, performance.now() - started, timeoutMs)) {
      return { outcome: 'timeout', line: `timeout after ${timeoutMs} ms` };
    }
    return { outcome: 'uncaught', line: `uncaught ${describeThrown(thrown)}` };
  }
}

function finish(sandbox: Sandbox, ending: Ending | undefined): ExecutionResult {
  const trace = sandbox.trace.slice();
  if (sandbox.truncated) trace.push(`trace truncated after ${sandbox.trace.length} lines`);
  if (ending === undefined) return { trace, outcome: 'completed', truncated: sandbox.truncated };
  trace.push(ending.line);
  return { trace, error: ending.line, outcome: ending.outcome, truncated: sandbox.truncated };
}

/**
 * Node creates the timeout error inside the sandbox realm, so its realm does
 * not tell it apart from something the program threw. The program can forge
 * the `code`, but not the elapsed time: only a run that used up its budget
 * counts as a timeout.
 */
function isTimeout(thrown: unknown, elapsedMs: number, timeoutMs: number): boolean {
  if (thrown === null || typeof thrown !== 'object') return false;
  const code = Object.getOwnPropertyDescriptor(thrown, 'code');
  return code !== undefined && code.value === TIMEOUT_ERROR_CODE && ranOutOfTime(elapsedMs, timeoutMs);
}

function defineGlobal(context: vm.Context, name: string, value: unknown): void {
  Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
}
