/**
 * Bounding a synchronous call in time.
 *
 * ## Example
 *
 * ```ts
 * callWithTimeout(() => transform(code, options), 10_000, 'transform of input.js');
 * // → the transform's result, its own exception, or a TimeoutError after 10 s
 * ```
 *
 * ## Implementation
 *
 * A synchronous call cannot be interrupted from JavaScript, but the `vm`
 * timeout can: V8 terminates whatever runs on the isolate when the watchdog
 * fires, host functions called from the script included. So the call is
 * made from a one-line script run with `{ timeout }`. The callee's own
 * exceptions pass through unchanged; only a run that used up its budget and
 * was terminated becomes a {@link TimeoutError}. Used for code under test
 * that might loop forever (a compiler pass that does not converge), so that
 * one bad input fails its own test instead of hanging the whole run.
 *
 * ## References
 *
 * Node.js `vm`: `Script#runInContext({ timeout })`.
 */
import * as vm from 'vm';

export class TimeoutError extends Error {
  constructor(what: string, readonly timeoutMs: number) {
    super(`${what} did not finish within ${timeoutMs} ms (endless loop?)`);
    this.name = 'TimeoutError';
  }
}

const callScript = new vm.Script('call()', { filename: 'callWithTimeout' });
const TIMEOUT_ERROR_CODE = 'ERR_SCRIPT_EXECUTION_TIMEOUT';

/** Calls `fn` and returns its result; throws {@link TimeoutError} when it runs longer than `timeoutMs`. */
export function callWithTimeout<T>(fn: () => T, timeoutMs: number, what = 'call'): T {
  let result: T | undefined;
  const context = vm.createContext({
    call() {
      result = fn();
    },
  });
  const started = performance.now();
  try {
    callScript.runInContext(context, { timeout: timeoutMs });
  } catch (error) {
    const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    if (code === TIMEOUT_ERROR_CODE && ranOutOfTime(performance.now() - started, timeoutMs)) throw new TimeoutError(what, timeoutMs);
    throw error;
  }
  return result as T;
}

/**
 * Whether a run used up its budget. V8's watchdog and this process read
 * different clocks: on a loaded machine the watchdog may fire a fraction of a
 * millisecond before `performance.now()` says the budget is spent.
 */
export function ranOutOfTime(elapsedMs: number, timeoutMs: number): boolean {
  return elapsedMs >= timeoutMs - 1;
}
