/**
 * The life of a task: start, run to a suspension, await, finish the body,
 * join the children, settle, and cancel. Everything that changes a task's
 * status is here; the `Task` methods (task-prototype.ts), scopes and time
 * call these functions.
 *
 * ## Example
 * ```js
 * // async function f(t) { "use coroutine"; return 1 + await t; }
 * function f(t) { return $coroutines.startCoroutine(new f$Frame(t)); }
 * // the step: case 0: $frame.$state = 1; return $coroutines.awaitInCoroutine($frame, $frame.t$);
 * ```
 *
 * ## Implementation
 * - An `await` of a value that is there already (a completed task, a value
 *   that is not thenable) hands the value back to the step, which goes on
 *   in the same call: no microtask, no allocation, no return to the driver
 *   (C++ `await_ready`). The error of a failed task goes through the driver:
 *   `READY`, with the error left in two module variables, and `runTask`'s
 *   loop calls the step again to throw it at the resume state.
 * - An `await` of a pending task adds the awaiting task to the task's
 *   `$waiters` directly. A settling task hands its waiters to the ready
 *   queue, never calls them, so completion chains run at one stack depth.
 * - A task is listed among its parent's children at its first real
 *   suspension only: one that completes synchronously never touches a set.
 * - A body that finishes while children run waits for them (`JOINING`):
 *   nothing outlives the task that started it. A body that fails cancels its
 *   children first.
 * - A failure that no waiter receives fails the parent: at once when the
 *   parent is a scope or is being cancelled (its await of the child was
 *   interrupted, and a failure during cleanup must not vanish), otherwise
 *   when nobody has awaited it by the end of the current drain
 *   (kotlinx.coroutines' rule, with room for an `await` that follows the
 *   call). A root task's unobserved failure becomes a rejected promise with
 *   no handler, which the host reports as any unhandled rejection.
 * - `cancelTask` cancels the children first, aborts the task's signal, then
 *   interrupts the task's own await with a `CancellationError`. A task whose
 *   resumption is already queued keeps it (no value is lost) and throws at
 *   its next `await`.
 *
 * ## References
 * - docs/coroutines.md (lifecycle, cancellation rules)
 * - kotlinx.coroutines `JobSupport`; Trio `Nursery`, `CancelScope`
 */
import { addAsyncStackTrace } from './async-stack-trace';
import { clockOf } from './clock';
import { CancellationError, combinedFailure, firstCancellation, isCancellation } from './errors';
import { listRoot, rootSettled } from './live-roots';
import { enqueue } from './ready-queue';
import { suspensionOf } from './suspension';
import { sleeperLeft } from './timer-heap';
import {
  ADOPTING,
  AT_YIELD,
  ATTACHED,
  awaitedBy,
  BODY_FAILED,
  PULLED,
  CANCEL_REQUESTED,
  CANCELLED,
  COMPLETED,
  CREATED,
  extraOf,
  FAILED,
  FLOW,
  isParkedWait,
  isTask,
  JOINING,
  LAUNCHED,
  LISTED,
  NON_CANCELLABLE,
  OBSERVED,
  QUEUED,
  READY,
  REGISTERED,
  RUNNING,
  setResumedFromQueue,
  SCOPE,
  SHIELDED,
  STATUS_MASK,
  statusOf,
  SUSPEND,
  SUSPENDED,
  type SchedulerAwaitable,
  type Suspension,
  type TaskExtra,
  type TaskFrame,
  type Waiter,
} from './task-frame';

var current: TaskFrame | undefined;
var readyMode = 0;
var readyValue: unknown;

/** What flow.ts does when a producer yields (set by flow.ts; task-lifecycle.ts does not import it). */
export var flowEvents: { yielded: (producer: TaskFrame, value: unknown) => void } = { yielded: function noFlows() {} };

/** The task whose step is running, if any. */
export function runningTask(): TaskFrame | undefined {
  return current;
}

/** Starts a task: its parent is the running task (or `parent`); runs it to its first suspension. */
export function startTask<T extends TaskFrame>(task: T, parent?: TaskFrame | null): T {
  task.$parent = parent === undefined ? current : parent === null ? undefined : parent;
  runTask(task, 0, undefined, 0);
  return task;
}

/**
 * `startTask(task)` for a lowered coroutine's frame, which its wrapper calls:
 * the step is called from here, not through `startTask` and `runTask`, so a
 * coroutine awaiting itself holds three frames per level of recursion (the
 * wrapper, this, the step) rather than five, and the interpreter's frames
 * are what bounds how deep it goes. A first run that must go on (`READY`)
 * goes on in `runTask`.
 */
export function startCoroutineFrame(task: TaskFrame): TaskFrame {
  var previous = current;
  var result: unknown;
  task.$parent = previous;
  task.$taskState = (task.$taskState & ~STATUS_MASK) | RUNNING;
  current = task;
  try {
    result = task.$step(task, 0, 0, undefined);
  } catch (error) {
    current = previous;
    finishBody(task, true, error);
    return task;
  }
  current = previous;
  if (typeof result === 'object' && result === READY) runTask(task, readyMode, takeReadyValue(), 0);
  else if (!completedAtOnce(task, result)) finishRun(task, result);
  return task;
}

/**
 * A call that returned a value that is no object (so no thenable to adopt)
 * before it ever suspended, and that nothing attached to (no waiter, no
 * `$extra`): completed, which `finishBody` would find after two calls and
 * two more reads of fields every coroutine's frame has. The common case of a
 * chain of coroutine calls.
 */
function completedAtOnce(task: TaskFrame, result: unknown): boolean {
  if ((typeof result === 'object' && result !== null) || typeof result === 'function') return false;
  var state = task.$taskState;
  if (state & (FLOW | LISTED | REGISTERED | ATTACHED)) return false;
  task.$awaitedOrOutcome = result;
  task.$taskState = (state & ~STATUS_MASK) | COMPLETED;
  return true;
}

function takeReadyValue(): unknown {
  var value = readyValue;
  readyValue = undefined;
  return value;
}

/** Runs `fn` with `task` as the running task, so the tasks `fn` starts are its children (roots, with `undefined`). */
export function runAsChildOf<R>(task: TaskFrame | undefined, fn: () => R): R {
  var previous = current;
  current = task;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/**
 * Runs `task`'s step until it suspends or its body ends; `clear` is flags to
 * drop as it starts running. The task's fields are read and written as few
 * times as can be: every coroutine's frame passes through here, so each of
 * these sites sees many shapes (megamorphic), and each access costs a lookup.
 */
function runTask(task: TaskFrame, mode: number, value: unknown, clear: number): void {
  var previous = current;
  var result: unknown;
  var state = task.$taskState;
  task.$taskState = (state & ~(STATUS_MASK | clear | ADOPTING)) | RUNNING;
  if (state & ADOPTING) {
    if (mode === 1) finishBody(task, true, value);
    else finishReturn(task, value);
    return;
  }
  current = task;
  try {
    for (;;) {
      result = task.$step(task, task.$state, mode, value);
      if (typeof result !== 'object' || result !== READY) break;
      mode = readyMode;
      value = readyValue;
      readyValue = undefined;
    }
  } catch (error) {
    current = previous;
    finishBody(task, true, error);
    return;
  }
  current = previous;
  finishRun(task, result);
}

/** A run of the step returned `result`: the task suspended, a flow yielded, or the body returned. */
function finishRun(task: TaskFrame, result: unknown): void {
  if (typeof result === 'object' && result === SUSPEND) markSuspended(task);
  else if (task.$taskState & FLOW && task.$state !== -2) parkAtYield(task, result);
  else finishReturn(task, result);
}

/**
 * The body returned `value`. A thenable is adopted first, as an async
 * function's return resolves its promise with it (ECMA-262 Promise Resolve
 * Functions): the task awaits it (a cancellation stops the wait, as at an
 * `await`) and finishes with its outcome, so `return other()` gives other's
 * result, not the task. `then` is read once, as the resolve function reads it.
 */
function finishReturn(task: TaskFrame, value: unknown): void {
  for (;;) {
    if (!((typeof value === 'object' && value !== null) || typeof value === 'function')) break;
    var then: unknown = undefined;
    var scheduled = isTask(value) || typeof (value as SchedulerAwaitable).$suspend === 'function';
    try {
      if (!scheduled) {
        then = (value as PromiseLike<unknown>).then;
        if (typeof then !== 'function') break;
        if (task.$taskState & CANCEL_REQUESTED) throw cancellationOf(task);
        awaitThenable(task, value as PromiseLike<unknown>, then as Function);
        value = SUSPEND;
      } else {
        value = awaitInline(task, value);
      }
    } catch (error) {
      finishBody(task, true, error);
      return;
    }
    if (typeof value === 'object' && value === SUSPEND) {
      task.$taskState |= ADOPTING;
      markSuspended(task);
      return;
    }
    if (typeof value === 'object' && value === READY) {
      value = readyValue;
      readyValue = undefined;
      if (readyMode === 1) {
        finishBody(task, true, value);
        return;
      }
    }
  }
  finishBody(task, false, value);
}

/** A flow's producer returned from its step before its end: it yielded `value`, and waits for the next pull. */
function parkAtYield(task: TaskFrame, value: unknown): void {
  markSuspended(task);
  task.$awaitedOrOutcome = AT_YIELD;
  flowEvents.yielded(task, value);
}

/** Each field of the task is read once, and written only when it changes (task-frame.ts `setResumedFromQueue`). */
function markSuspended(task: TaskFrame): void {
  var state = task.$taskState;
  noteSuspension(task, task.$suspension);
  if (state & REGISTERED) {
    if ((state & STATUS_MASK) !== SUSPENDED) task.$taskState = (state & ~STATUS_MASK) | SUSPENDED;
    return;
  }
  task.$taskState = (state & ~STATUS_MASK) | SUSPENDED | REGISTERED;
  var parent = task.$parent;
  if (parent === undefined) {
    task.$taskState |= LISTED;
    listRoot(task);
    return;
  }
  var extra = extraOf(parent);
  (extra.children || (extra.children = new Set())).add(task);
  if (parent.$taskState & CANCEL_REQUESTED) cancelTask(task, extra.cancellation && (extra.cancellation as CancellationError).reason, false, extra.cancellation);
}

/**
 * When and where `task` suspends, given its `$suspension` (`previous`): the
 * queue hands over the one it read to find the task's context, and a task
 * the queue resumed needs nothing else at its next suspension, its status and
 * flags being unchanged (`resumeQueued`).
 */
function noteSuspension(task: TaskFrame, previous: Suspension | undefined): void {
  var suspension = suspensionOf(previous, clockOf(task));
  if (suspension !== previous) task.$suspension = suspension;
}

/**
 * `await value` in a coroutine's step, as the compiler emits it: the value itself when it is there
 * already (a task that completed, a value that is not thenable), so the step goes on in the same
 * call; `SUSPEND` once the continuation is registered; `READY` when the step must be called again
 * by the driver: with the error of a task that failed (thrown at the resume state, as a resumption
 * would throw it), or with a value that is one of these two markers itself.
 */
export function awaitInline(frame: TaskFrame, value: unknown): unknown {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    if (isTask(value)) return awaitTask(frame, value);
    if (frame.$taskState & CANCEL_REQUESTED) throw refusedByCancellation(frame, value as SchedulerAwaitable);
    if (typeof (value as SchedulerAwaitable).$suspend === 'function') {
      var outcome = (value as SchedulerAwaitable).$suspend(frame);
      return typeof outcome === 'object' && outcome === SUSPEND ? SUSPEND : inline(outcome);
    }
    var then = (value as PromiseLike<unknown>).then;
    if (typeof then === 'function') {
      awaitThenable(frame, value as PromiseLike<unknown>, then);
      return SUSPEND;
    }
  } else if (frame.$taskState & CANCEL_REQUESTED) {
    throw cancellationOf(frame);
  }
  return inline(value);
}

/** `await value` for a step written by hand (the runtime's own tasks): `READY` to continue at once, `SUSPEND` once the continuation is registered. */
export function awaitInCoroutine(frame: TaskFrame, value: unknown): unknown {
  var result = awaitInline(frame, value);
  if (isMarker(result)) return result;
  readyMode = 0;
  readyValue = result;
  return READY;
}

/**
 * Whether `value` is `SUSPEND` or `READY`. The `typeof` comes first, here and
 * wherever a result meets a marker, because the values compared are mostly
 * results (numbers, strings, objects): compared with a marker directly, such
 * a mix leaves the comparison generic (a call to V8's StrictEqual builtin, a
 * tenth of a coroutine call's time), where behind it only objects are
 * compared, by reference.
 */
function isMarker(value: unknown): boolean {
  return typeof value === 'object' && (value === SUSPEND || value === READY);
}

/** A value the step goes on with in the same call, unless it is one of the markers: that one goes through the driver. */
function inline(value: unknown): unknown {
  if (!isMarker(value)) return value;
  readyMode = 0;
  readyValue = value;
  return READY;
}

function awaitTask(frame: TaskFrame, task: TaskFrame): unknown {
  var state = task.$taskState;
  var shielded = state & NON_CANCELLABLE;
  if (!shielded && frame.$taskState & CANCEL_REQUESTED) throw cancellationOf(frame);
  var status = state & STATUS_MASK;
  // A flow is iterated, not awaited: it has no `then`, so it is its own value (one never pulled is `created`, as no other task ever is).
  if (state & FLOW || status === CREATED) return inline(task);
  if (status >= COMPLETED) {
    // Only a failure needs a reader (`checkObserved`): a completed task's state is left as it is.
    if (status === COMPLETED) return inline(task.$awaitedOrOutcome);
    task.$taskState = state | OBSERVED;
    readyMode = 1;
    readyValue = task.$awaitedOrOutcome;
    return READY;
  }
  if (task === frame) throw new TypeError('a task cannot await itself');
  addWaiter(task, frame);
  frame.$awaitedOrOutcome = task;
  if (shielded) frame.$taskState |= SHIELDED;
  return SUSPEND;
}

function awaitThenable(frame: TaskFrame, thenable: PromiseLike<unknown>, then: Function): void {
  frame.$awaitedOrOutcome = thenable;
  try {
    then.call(
      thenable,
      function resumeWithValue(value: unknown) { wakeFromThenable(frame, thenable, 0, value); },
      function resumeWithReason(reason: unknown) { wakeFromThenable(frame, thenable, 1, reason); },
    );
  } catch (error) {
    // A `then` that called back before it threw has settled the await: the throw is ignored, as a promise's
    // resolving functions ignore a rejection after a resolution (ECMA-262 NewPromiseResolveThenableJob).
    // Thrown at the await as well, it resumed the task twice, the queued resumption after its end.
    if (frame.$awaitedOrOutcome !== thenable) return;
    frame.$awaitedOrOutcome = undefined;
    throw error;
  }
}

/** A thenable calls back once, and only while the task still awaits it (not after a cancellation). */
function wakeFromThenable(frame: TaskFrame, thenable: unknown, mode: number, value: unknown): void {
  if (awaitedBy(frame) !== thenable) return;
  wake(frame, mode, value);
}

/** Queues the resumption of a suspended task. */
export function wake(task: TaskFrame, mode: number, value: unknown): void {
  task.$awaitedOrOutcome = QUEUED;
  enqueue(resumeQueued, task, mode, value);
}

/** `wake` for a task whose `ParkedWait` says from now on that it no longer waits there (`$waiting`), which stands for `QUEUED`. */
export function wakeFromParkedWait(task: TaskFrame, mode: number, value: unknown): void {
  enqueue(resumeQueued, task, mode, value);
}

/**
 * The ready queue's entry for a task's resumption (the test scheduler
 * permutes these, and only these). What the task awaits stays `QUEUED` (or
 * the `ParkedWait` that queued it) while it runs: nothing asks what a
 * running task awaits, and its next suspension or its end overwrites the
 * field, so clearing it would only add a write to a megamorphic site per
 * resumption. Its status stays `SUSPENDED` too, unless a flag must go:
 * `statusOf` says `RUNNING` for the task the queue runs (task-frame.ts
 * `setResumedFromQueue`), and its next suspension only notes when it
 * suspended, in the record the queue read (`suspension`). The loop is
 * `runTask`'s, written out here rather than shared through a parameter, as
 * every message between coroutines passes through it.
 */
export function resumeQueued(task: TaskFrame, mode: number, value: unknown, suspension?: Suspension): void {
  if ((task.$taskState & (STATUS_MASK | REGISTERED | SHIELDED | ADOPTING)) !== (SUSPENDED | REGISTERED)) {
    runTask(task, mode, value, SHIELDED);
    return;
  }
  var previous = current;
  var previousResumed = setResumedFromQueue(task);
  var result: unknown;
  current = task;
  try {
    for (;;) {
      result = task.$step(task, task.$state, mode, value);
      if (typeof result !== 'object' || result !== READY) break;
      mode = readyMode;
      value = readyValue;
      readyValue = undefined;
    }
  } catch (error) {
    current = previous;
    setResumedFromQueue(previousResumed);
    finishBody(task, true, error);
    return;
  }
  current = previous;
  setResumedFromQueue(previousResumed);
  if (typeof result === 'object' && result === SUSPEND && suspension !== undefined) noteSuspension(task, suspension);
  else finishRun(task, result);
}

/** Resumes, now, a task parked outside the queue (a flow's producer at its `yield`). */
export function resume(task: TaskFrame, mode: number, value: unknown): void {
  task.$awaitedOrOutcome = undefined;
  runTask(task, mode, value, SHIELDED);
}

/**
 * A task taking waiters out of this many or more keeps them in a `Set` from
 * then on: each is then taken out at once, where an array would be searched
 * and shifted. Only then: a waiter costs an array slot, about half a `Set`
 * entry, and most waiters are never taken out.
 */
var MANY_WAITERS = 32;

export function addWaiter(task: TaskFrame, waiter: Waiter): void {
  var waiters = task.$waiters;
  if (waiters === undefined) {
    task.$waiters = waiter;
    var state = task.$taskState;
    if (!(state & REGISTERED)) task.$taskState = state | ATTACHED;
  } else if (Array.isArray(waiters)) waiters.push(waiter);
  else if (waiters instanceof Set) waiters.add(waiter);
  else task.$waiters = [waiters, waiter];
}

/** Takes `waiter` out; a task left with none has `undefined` again, so its failure is known to have no reader (`settle`). */
export function removeWaiter(task: TaskFrame, waiter: Waiter): void {
  var waiters = task.$waiters;
  if (waiters === waiter) task.$waiters = undefined;
  else if (Array.isArray(waiters) && waiters.length >= MANY_WAITERS) {
    // A `Set` keeps the order the waiters came in, the order they are resumed in.
    var many = new Set(waiters);
    many.delete(waiter);
    task.$waiters = many;
  } else if (Array.isArray(waiters)) {
    var at = waiters.indexOf(waiter);
    if (at >= 0) waiters.splice(at, 1);
    if (waiters.length === 0) task.$waiters = undefined;
  } else if (waiters instanceof Set) {
    waiters.delete(waiter);
    if (waiters.size === 0) task.$waiters = undefined;
  }
}

function finishBody(task: TaskFrame, failed: boolean, outcome: unknown): void {
  task.$awaitedOrOutcome = outcome;
  var state = task.$taskState;
  // The common case, a call that completes before it ever suspends: nobody to tell, no children.
  if (!failed && (state & (LISTED | REGISTERED | ATTACHED)) === 0) {
    task.$taskState = (state & ~STATUS_MASK) | COMPLETED;
    return;
  }
  // A task that suspended may be held long after its end (a dump, a list of tasks, a waiter's reference): it lets go of
  // what its locals held, as a settled promise holds nothing of its function. A call that completed without suspending
  // skips the writes (a chain of synchronous calls is the hot path); it is usually dropped as soon as it returns.
  if (state & REGISTERED) task.$clearSlots();
  // From here the field holds the outcome, not an awaited value (awaitedBy).
  task.$taskState |= JOINING;
  if (failed) task.$taskState |= BODY_FAILED;
  var children = task.$extra && task.$extra.children;
  if (failed && children && children.size > 0 && !isCancellation(outcome)) {
    // Listed now, so that the failures its children make while they are cancelled come after it.
    var failures = extraOf(task).failures || (task.$extra!.failures = []);
    if (failures.indexOf(outcome) < 0) failures.push(outcome);
    cancelChildren(task, outcome);
  }
  if (children) closeAbandonedFlows(children);
  if (!children || children.size === 0) {
    settle(task);
    return;
  }
  if (task.$taskState & CANCEL_REQUESTED) throwAtJoin(task, cancellationOf(task));
  markSuspended(task);
}

/**
 * Waiting for its children is the task's last `await`: a cancellation that
 * finds it there, or that it carries into it, is thrown there, and the task
 * ends cancelled rather than with what its body returned (kotlinx: a job
 * cancelled while completing is cancelled). A body that failed keeps its
 * failure.
 */
function throwAtJoin(task: TaskFrame, error: unknown): void {
  if (task.$taskState & BODY_FAILED) return;
  task.$taskState |= BODY_FAILED;
  task.$awaitedOrOutcome = error;
}

/** Flows and stages a body leaves behind (`PULLED`) are closed: cancelled where they wait, so their `finally` blocks run, and then joined. */
function closeAbandonedFlows(children: Set<TaskFrame>): void {
  children.forEach(function closeIfAbandoned(child) {
    if (child.$taskState & PULLED) cancelTask(child, undefined, false);
  });
}

function settle(task: TaskFrame): void {
  if (task.$extra && task.$extra.unobserved) takeUnobservedFailures(task, task.$extra);
  var state = task.$taskState;
  var outcome = task.$awaitedOrOutcome;
  var failures = task.$extra && task.$extra.failures;
  var status: number;
  if (state & BODY_FAILED && !isCancellation(outcome) && failures && failures.indexOf(outcome) < 0) failures.push(outcome);
  if (failures && failures.length) {
    status = FAILED;
    outcome = combinedFailure(failures);
  } else if (state & BODY_FAILED) {
    status = isCancellation(outcome) ? CANCELLED : FAILED;
    // A cancelled task's error is the CancellationError, also when disposals wrapped it.
    if (status === CANCELLED) outcome = firstCancellation(outcome);
  } else {
    status = COMPLETED;
  }
  task.$awaitedOrOutcome = outcome;
  task.$taskState = (state & ~(STATUS_MASK | JOINING)) | status;
  var undo = task.$extra && task.$extra.onSettled;
  if (undo) {
    task.$extra!.onSettled = undefined;
    for (var u = 0; u < undo.length; u++) undo[u]();
  }
  if (status === FAILED) addAsyncStackTrace(outcome, task);
  var waiters = task.$waiters;
  task.$waiters = undefined;
  if (Array.isArray(waiters)) for (var i = 0; i < waiters.length; i++) notify(waiters[i], task, status, outcome);
  else if (waiters instanceof Set) waiters.forEach(function notifyWaiter(waiter) { notify(waiter, task, status, outcome); });
  else if (waiters !== undefined) notify(waiters, task, status, outcome);
  if (state & LISTED) rootSettled();
  var parent = task.$parent;
  // A waiter receives the failure; one that stopped waiting (it was cancelled) does not. A scope's
  // launched child fails the scope whoever receives it (Trio's nursery, kotlinx's coroutineScope).
  if (status === FAILED && parent && state & LAUNCHED) failParent(parent, outcome);
  else if (status === FAILED && waiters === undefined && !(task.$taskState & OBSERVED)) {
    if (parent && parent.$taskState & (SCOPE | CANCEL_REQUESTED)) failParent(parent, outcome);
    else {
      if (parent) {
        var parentExtra = extraOf(parent);
        (parentExtra.unobserved || (parentExtra.unobserved = [])).push(task);
      }
      enqueue(checkObserved, task, 0, undefined);
    }
  }
  if (parent && state & REGISTERED) childSettled(parent, task);
}

function notify(waiter: Waiter, task: TaskFrame, status: number, outcome: unknown): void {
  if (typeof waiter === 'function') waiter(task);
  else wake(waiter, status === COMPLETED ? 0 : 1, outcome);
}

function childSettled(parent: TaskFrame, child: TaskFrame): void {
  var children = parent.$extra!.children!;
  children.delete(child);
  if (children.size === 0 && parent.$taskState & JOINING) {
    enqueue(settleAfterJoin, parent, 0, undefined);
  }
}

function settleAfterJoin(task: TaskFrame): void {
  settle(task);
}

/** Run after the drain that saw a task fail: still unobserved, its failure goes to its parent, or to the host. */
function checkObserved(task: TaskFrame): void {
  if (task.$taskState & OBSERVED) return;
  task.$taskState |= OBSERVED;
  var parent = task.$parent;
  if (parent && statusOf(parent) < COMPLETED) failParent(parent, task.$awaitedOrOutcome);
  else failureEvents.unhandled(task.$awaitedOrOutcome);
}

/**
 * A task settling before the end of the drain in which a child of its failed
 * with nobody to receive it (its body ended meanwhile) takes that failure
 * now: the child's failure is its, and must not reach the host as though the
 * child had outlived it.
 */
function takeUnobservedFailures(task: TaskFrame, extra: TaskExtra): void {
  var children = extra.unobserved!;
  extra.unobserved = undefined;
  for (var i = 0; i < children.length; i++) {
    if (children[i].$taskState & OBSERVED) continue;
    children[i].$taskState |= OBSERVED;
    var failures = extra.failures || (extra.failures = []);
    if (failures.indexOf(children[i].$awaitedOrOutcome) < 0) failures.push(children[i].$awaitedOrOutcome);
  }
}

function failParent(parent: TaskFrame, error: unknown): void {
  var extra = extraOf(parent);
  var failures = extra.failures || (extra.failures = []);
  if (failures.indexOf(error) < 0) failures.push(error);
  cancelTask(parent, error, true);
}

/** Reported the way the host reports a promise rejected with no handler. */
function reportUnhandled(error: unknown): void {
  Promise.reject(error);
}

/** Where the failure of a root task nobody received goes: the host, or the running test (test-scheduler.ts). */
export var failureEvents: { unhandled: (error: unknown) => void } = { unhandled: reportUnhandled };

/**
 * Cancels `task` and its subtree, children first. `force` also cancels a
 * `nonCancellable` task (its own child failed); a parent's cancellation never
 * does. One `CancellationError` serves the whole subtree (`shared`): making
 * an error captures a stack, which would cost more than the rest of a
 * cancellation, once per task.
 */
export function cancelTask(task: TaskFrame, reason: unknown, force: boolean, shared?: Error): void {
  var state = task.$taskState;
  if ((state & STATUS_MASK) >= COMPLETED || state & CANCEL_REQUESTED) return;
  if (!force && state & NON_CANCELLABLE) return;
  var error = shared || new CancellationError(reason);
  markCancelled(task, error);
  cancelSubtrees(task, error);
  interruptCancelled(task, error);
}

/** Cancels every child of `task`, not `task` itself (a timeout cancels what runs inside it). */
export function cancelChildren(task: TaskFrame, reason: unknown, shared?: Error): void {
  var children = task.$extra && task.$extra.children;
  // The set stays once made: a failure rethrown up a chain of tasks, each left with an empty one, made a CancellationError (a stack capture) per level.
  if (!children || children.size === 0) return;
  cancelSubtrees(task, shared || new CancellationError(reason));
}

function markCancelled(task: TaskFrame, error: Error): void {
  task.$taskState |= CANCEL_REQUESTED;
  extraOf(task).cancellation = error;
}

/** Aborts the task's signal, then throws `error` at its `await`. */
function interruptCancelled(task: TaskFrame, error: Error): void {
  var extra = task.$extra!;
  if (extra.abort) extra.abort.abort(error);
  if (statusOf(task) === SUSPENDED && !(task.$taskState & SHIELDED)) interruptAwait(task, error);
}

/**
 * Cancels the subtrees under `top`, depth first: each task is marked on the
 * way down and interrupted once its own children have been, in the order
 * they first suspended. A loop over a stack of child lists, not recursion:
 * a chain of 50,000 tasks each awaiting the next is as deep, and overflowed
 * the JavaScript stack halfway, leaving the rest of the tree running.
 */
function cancelSubtrees(top: TaskFrame, error: Error): void {
  var children = top.$extra && top.$extra.children;
  if (!children || children.size === 0) return;
  var lists: TaskFrame[][] = [Array.from(children)];
  var owners: TaskFrame[] = [top];
  var next: number[] = [0];
  while (lists.length) {
    var depth = lists.length - 1;
    var list = lists[depth];
    if (next[depth] === list.length) {
      lists.pop();
      next.pop();
      var owner = owners.pop()!;
      if (owner !== top) interruptCancelled(owner, error);
      continue;
    }
    var child = list[next[depth]++];
    var state = child.$taskState;
    if ((state & STATUS_MASK) >= COMPLETED || state & (CANCEL_REQUESTED | NON_CANCELLABLE)) continue;
    markCancelled(child, error);
    var below = child.$extra!.children;
    if (below && below.size) {
      lists.push(Array.from(below));
      owners.push(child);
      next.push(0);
    } else {
      interruptCancelled(child, error);
    }
  }
}

/** Resumes a suspended task by throwing `error` at its `await`, unless its resumption is already queued. */
export function interruptAwait(task: TaskFrame, error: unknown): void {
  if (task.$taskState & JOINING) {
    throwAtJoin(task, error);
    return;
  }
  var awaiting = awaitedBy(task);
  if (awaiting === QUEUED) return;
  if (isTask(awaiting)) removeWaiter(awaiting, task);
  else if (isParkedWait(awaiting)) {
    if (!awaiting.$waiting(task)) return;
    awaiting.$withdraw(task);
  }
  wake(task, 1, error);
  if (typeof awaiting === 'number') sleeperLeft();
}

/**
 * What an `await` in a cancelled task throws at once. A scheduler operation
 * that will not run is told first (`$refuse`): a send hands its element to
 * the channel's `onUndelivered`, so that no element vanishes.
 */
function refusedByCancellation(frame: TaskFrame, value: SchedulerAwaitable): Error {
  if (typeof value.$refuse === 'function') value.$refuse();
  return cancellationOf(frame);
}

export function cancellationOf(task: TaskFrame): Error {
  return (task.$extra && task.$extra.cancellation) || new CancellationError();
}
