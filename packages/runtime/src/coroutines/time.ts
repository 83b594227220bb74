/**
 * Time in coroutines: `delay(ms)`, `yieldNow()`, `withTimeout(ms, fn)` and
 * `withTimeoutOrUndefined(ms, fn)`, on the clock of the task that waits; and
 * the starvation budget, which yields as `yieldNow` does.
 *
 * ## Example
 * ```js
 * await delay(100);
 * const page = await withTimeoutOrUndefined(5000, () => fetchPage(url));
 * ```
 *
 * ## Implementation
 * `delay` and `yieldNow` return small awaitables the scheduler recognises
 * (`$suspend`): awaited in a coroutine, the task itself goes into the timer
 * heap or the deferred list, with no promise and no timer of its own.
 * Awaited by ordinary code, they are promises on the same clock. A timeout
 * is a runtime task around the body: when the clock fires it cancels the
 * body's tasks (their `finally` blocks run), stops awaiting what the body
 * returned, and turns its own `CancellationError` into a `TimeoutError` (or
 * `undefined`); it still settles only once the cancelled tasks have finished.
 * A cancellation from outside stays a cancellation.
 *
 * ## References
 * - kotlinx.coroutines `delay`, `yield`, `withTimeout`, `withTimeoutOrNull`
 * - Trio `sleep`, `checkpoint`, `fail_after`, `move_on_after`
 */
import { clockOf, currentClock, type Clock } from './clock';
import { CancellationError, isCancellation, TimeoutError } from './errors';
import { addPromiseMethods } from './awaited-operation';
import { RuntimeTask, type RuntimeTaskFrame } from './runtime-task';
import { awaitInCoroutine, cancelChildren, interruptAwait, startTask, wake } from './task-lifecycle';
import { sleepUntil, turnTime } from './timer-heap';
import { nameStep } from './task-description';
import { CANCEL_REQUESTED, extraOf, QUEUED, SUSPEND, type SchedulerAwaitable, type TaskFrame } from './task-frame';
import type { Task } from './task-prototype';

export interface Delay extends PromiseLike<void>, SchedulerAwaitable {
  catch<R = never>(onRejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<void | R>;
  finally(onFinally?: (() => void) | null): Promise<void>;
}

function DelayAwaitable(this: { $milliseconds: number }, milliseconds: number) {
  this.$milliseconds = milliseconds;
}

Object.defineProperty(DelayAwaitable.prototype, '$suspend', {
  value: function suspendForDelay(this: { $milliseconds: number }, task: TaskFrame) {
    var clock = clockOf(task);
    sleepUntil(task, turnTime(clock) + this.$milliseconds, wake, clock);
    return SUSPEND;
  },
});

Object.defineProperty(DelayAwaitable.prototype, 'then', {
  value: function then(this: { $milliseconds: number }, onFulfilled?: unknown, onRejected?: unknown) {
    var milliseconds = this.$milliseconds;
    var elapsed = new Promise<void>(function startTimer(resolve) { currentClock().setTimer(resolve, milliseconds); });
    return elapsed.then(onFulfilled as undefined, onRejected as undefined);
  },
});

addPromiseMethods(DelayAwaitable.prototype);

/** Resolves after `milliseconds` of the scheduler's clock. */
export function delay(milliseconds: number): Delay {
  return new (DelayAwaitable as unknown as new (ms: number) => Delay)(delayLength(milliseconds));
}

/** A delay as the scheduler takes it: negative and `NaN` are 0, `Infinity` never ends. */
function delayLength(milliseconds: number): number {
  return Math.max(0, +milliseconds || 0);
}

/** The tasks waiting for a turn of each clock: one `defer` per clock and turn. */
var deferred = new Map<Clock, TaskFrame[]>();

function resumeDeferred(clock: Clock): void {
  var tasks = deferred.get(clock)!;
  deferred.delete(clock);
  for (var i = 0; i < tasks.length; i++) wake(tasks[i], 0, undefined);
}

var YIELD: Delay = {
  $suspend: function suspendForTurn(task: TaskFrame) {
    task.$awaitedOrOutcome = QUEUED;
    var clock = clockOf(task);
    var waiting = deferred.get(clock);
    if (waiting === undefined) {
      deferred.set(clock, (waiting = []));
      clock.defer(function nextTurn() { resumeDeferred(clock); });
    }
    waiting.push(task);
    return SUSPEND;
  },
  then: function then(onFulfilled?: unknown, onRejected?: unknown) {
    var turn = new Promise<void>(function nextTurn(resolve) { currentClock().defer(resolve); });
    return turn.then(onFulfilled as undefined, onRejected as undefined);
  } as PromiseLike<void>['then'],
} as Delay;
addPromiseMethods(YIELD);

/** Lets every other ready task, timer and I/O callback run before continuing. */
export function yieldNow(): Delay {
  return YIELD;
}

function timeoutStep(milliseconds: number, orUndefined: boolean) {
  return nameStep(function withTimeoutStep(task: TaskFrame, state: number, mode: number, value: unknown): unknown {
    var extra = extraOf(task);
    if (state === 0) {
      task.$state = 1;
      var inside = (task as RuntimeTaskFrame).$body();
      extra.timer = clockOf(task).setTimer(function expire() {
        extra.timer = undefined;
        extra.timedOut = true;
        var reason = new TimeoutError(milliseconds);
        cancelChildren(task, reason);
        interruptAwait(task, new CancellationError(reason));
      }, milliseconds);
      return awaitInCoroutine(task, inside);
    }
    if (extra.timer !== undefined) {
      clockOf(task).clearTimer(extra.timer);
      extra.timer = undefined;
    }
    if (mode === 0) return value;
    if (extra.timedOut && isCancellation(value) && !(task.$taskState & CANCEL_REQUESTED)) {
      if (orUndefined) return undefined;
      throw new TimeoutError(milliseconds);
    }
    throw value;
  }, orUndefined ? 'withTimeoutOrUndefined' : 'withTimeout');
}

/** Runs `fn`; after `milliseconds` cancels what it started and throws a `TimeoutError`. */
export function withTimeout<R>(milliseconds: number, fn: () => R | PromiseLike<R>): Task<R> {
  return startTask(new RuntimeTask(fn, 0, timeoutStep(delayLength(milliseconds), false))) as unknown as Task<R>;
}

/** `withTimeout` that gives `undefined` instead of throwing. */
export function withTimeoutOrUndefined<R>(milliseconds: number, fn: () => R | PromiseLike<R>): Task<R | undefined> {
  return startTask(new RuntimeTask(fn, 0, timeoutStep(delayLength(milliseconds), true))) as unknown as Task<R | undefined>;
}

/**
 * The starvation budget's counter: code compiled with `coroutineBudget: N`
 * counts every loop iteration of a coroutine here (`++budget.spent < N`), and
 * calls `spendBudget` only when the count reaches N.
 */
export var budget = { spent: 0 };

/** The budget ran out: start counting again, and let the others run. */
export function spendBudget(): Delay {
  budget.spent = 0;
  return YIELD;
}
