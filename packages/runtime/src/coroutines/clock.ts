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
 * A task reads the clock of its root (`clockOf`): while a test runs, the
 * test scheduler answers for the roots of the test (its virtual clock) and
 * for the roots a finished test left behind (that test's stopped clock);
 * every other root has the program's clock. Code outside every task (a
 * promise's `then` on a `delay`) reads `currentClock()`, the test's while
 * one runs.
 *
 * ## References
 * - kotlinx.coroutines `Delay` and the test dispatcher's virtual time
 * - Go `testing/synctest` (a goroutine belongs to the bubble it was started in)
 */
import type { TaskFrame } from './task-frame';

export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  setTimer(run: () => void, milliseconds: number): unknown;
  clearTimer(timer: unknown): void;
  /** Runs `run` on a later turn of the event loop, after pending I/O (`yieldNow`). */
  defer(run: () => void): void;
}

var hostPerformance = typeof performance === 'object' && performance !== null && typeof performance.now === 'function' ? performance : undefined;

/** The longest delay a host timer takes: Node and browsers fire a longer one (or `Infinity`) after 1 ms. */
var LONGEST_HOST_DELAY = 0x7fffffff;

/**
 * A timer longer than a host timer can be: a chain of host timers, each of
 * the longest delay the host takes, then one for what is left; none at all
 * for `Infinity` (it never fires, and holds nothing alive).
 */
class LongTimer {
  host: ReturnType<typeof setTimeout> | undefined = undefined;
  constructor(private readonly run: () => void, private readonly deadline: number) {
    this.arm();
  }

  private arm(): void {
    var left = this.deadline - systemClock.now();
    if (left === Infinity) return;
    var timer = this;
    this.host = left > LONGEST_HOST_DELAY ? setTimeout(function waitLonger() { timer.arm(); }, LONGEST_HOST_DELAY) : setTimeout(this.run, Math.max(0, left));
  }
}

export var systemClock: Clock = {
  now: hostPerformance ? function now() { return hostPerformance!.now(); } : function now() { return Date.now(); },
  setTimer: function setTimer(run, milliseconds) {
    return milliseconds > LONGEST_HOST_DELAY ? new LongTimer(run, systemClock.now() + milliseconds) : setTimeout(run, milliseconds);
  },
  clearTimer: function clearTimer(timer) { clearTimeout(timer instanceof LongTimer ? timer.host : (timer as ReturnType<typeof setTimeout>)); },
  defer: typeof setImmediate === 'function' ? function defer(run) { setImmediate(run); } : function defer(run) { setTimeout(run, 0); },
};

var clock: Clock = systemClock;

/** Installed by the test scheduler: the clock of a root task, when it is not the program's. */
var clockOfRoot: ((root: TaskFrame) => Clock | undefined) | undefined;
/** The running test's clock, for code that runs outside every task. */
var testClock: Clock | undefined;

/** The clock of code that runs outside every task: the running test's, otherwise the program's. */
export function currentClock(): Clock {
  return testClock || clock;
}

/** The clock `task` sleeps and yields on: its root's (the program's clock for code outside every task). */
export function clockOf(task: TaskFrame | undefined): Clock {
  return clockOfRoot === undefined && task !== undefined ? clock : clockOfRootOf(task);
}

/** `clockOf` outside a task, or while a test scheduler runs: apart, so that the common case is small enough for V8 to inline where a task suspends. */
function clockOfRootOf(task: TaskFrame | undefined): Clock {
  if (clockOfRoot === undefined || task === undefined) return task === undefined ? currentClock() : clock;
  var root = task;
  while (root.$parent !== undefined) root = root.$parent;
  return clockOfRoot(root) || clock;
}

/** Installs the test scheduler's answer for roots, and the running test's clock (`undefined` between tests). */
export function setTestClocks(ofRoot: (root: TaskFrame) => Clock | undefined, running: Clock | undefined): void {
  clockOfRoot = ofRoot;
  testClock = running;
}

/** Makes `replacement` the scheduler's clock; returns the one it replaces. */
export function setClock(replacement: Clock): Clock {
  var previous = clock;
  clock = replacement;
  return previous;
}
