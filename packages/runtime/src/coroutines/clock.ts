/**
 * The scheduler's one clock: every delay and timeout reads its time and sets
 * its timers here, so a test scheduler with virtual time replaces it whole.
 *
 * ## Example
 * ```js
 * const previous = setClock({ now: () => virtualNow, setTimer: (run, ms) => …, clearTimer: (t) => … });
 * ```
 *
 * ## Implementation
 * The default clock is `performance.now()` (monotonic; `Date.now()` where it
 * is missing) with the host's `setTimeout`/`clearTimeout`, and `setImmediate`
 * for a turn of the event loop (a `setTimeout(…, 0)` would wait a millisecond). Replace it while no
 * timer is pending: timers already set stay on the clock that set them.
 *
 * ## References
 * - kotlinx.coroutines `Delay` and the test dispatcher's virtual time
 */

export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  setTimer(run: () => void, milliseconds: number): unknown;
  clearTimer(timer: unknown): void;
  /** Runs `run` on a later turn of the event loop, after pending I/O (`yieldNow`). */
  defer(run: () => void): void;
}

var hostPerformance = typeof performance === 'object' && performance !== null && typeof performance.now === 'function' ? performance : undefined;

export var systemClock: Clock = {
  now: hostPerformance ? function now() { return hostPerformance!.now(); } : function now() { return Date.now(); },
  setTimer: function setTimer(run, milliseconds) {
    return setTimeout(run, milliseconds);
  },
  clearTimer: function clearTimer(timer) { clearTimeout(timer as ReturnType<typeof setTimeout>); },
  defer: typeof setImmediate === 'function' ? function defer(run) { setImmediate(run); } : function defer(run) { setTimeout(run, 0); },
};

var clock: Clock = systemClock;

export function currentClock(): Clock {
  return clock;
}

/** Makes `replacement` the scheduler's clock; returns the one it replaces. */
export function setClock(replacement: Clock): Clock {
  var previous = clock;
  clock = replacement;
  return previous;
}
