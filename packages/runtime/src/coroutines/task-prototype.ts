/**
 * `Task<T>`: what calling a coroutine returns. It is the coroutine's frame,
 * whose prototype (linked by `linkCoroutine`) inherits these methods.
 *
 * ## Example
 * ```js
 * const task = load(7);          // runs to its first suspension
 * task.state;                    // "suspended"
 * task.position;                 // "src/load.ts:4:17"
 * task.cancel("no longer needed");
 * await task.then(null, (e) => e.name);  // "CancellationError"
 * ```
 *
 * ## Implementation
 * `then` makes a promise only when ordinary code asks for one: a coroutine
 * awaiting a task never calls it (task-lifecycle.ts registers the awaiting
 * task itself). `catch` and `finally` are `Promise.prototype`'s, which call
 * `then`, so a function that became a coroutine keeps working for callers
 * that chain on what it returns. `signal` makes its `AbortController` on first read. `Task`
 * itself is only for `instanceof` and types; tasks come from coroutine calls,
 * `scope`, `launch` and friends.
 *
 * ## References
 * - ECMA-262 §27.2.5.4 Promise.prototype.then (what `PromiseLike` promises)
 * - https://nodejs.org/docs/latest-v20.x/api/globals.html#class-abortsignal
 */
import { addWaiter, cancelTask, cancellationOf } from './task-lifecycle';
import { taskName, taskPosition } from './task-description';
import { CANCEL_REQUESTED, COMPLETED, extraOf, OBSERVED, STATUS_NAMES, statusOf, Task as TaskConstructor, type TaskFrame } from './task-frame';

export interface Task<T = unknown> extends PromiseLike<T> {
  /** created, running, suspended, completed, failed or cancelled. */
  readonly state: 'created' | 'running' | 'suspended' | 'completed' | 'failed' | 'cancelled';
  /** The value it completed with. */
  readonly result: T | undefined;
  /** The error it failed or was cancelled with. */
  readonly error: unknown;
  readonly name: string;
  /** `file:line:col` of the `await` where it is suspended. */
  readonly position: string | undefined;
  /** Aborts when the task is cancelled. */
  readonly signal: AbortSignal;
  /** Throws a `CancellationError` at its `await`; a no-op once it is finished or already cancelled. */
  cancel(reason?: unknown): void;
  /** Cancels the task when `signal` aborts. Returns the task. */
  cancelOn(signal: AbortSignal): this;
  /** As a promise's: code written for an async function's promise (`main().catch(report)`) works on a task. */
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R>;
  finally(onFinally?: (() => void) | null): Promise<T>;
}

/**
 * A coroutine's call as the `Task<T>` it is: TypeScript types an async
 * function's call `Promise<T>`, coroutine or not, so `Task.of(load(7))`
 * gives the task's methods their types without a cast. It checks that
 * `value` is a task: a promise of a function that is not a coroutine cannot
 * be cancelled, and is refused with a `TypeError` here rather than at the
 * first `cancel()`.
 */
function taskOf<T>(value: PromiseLike<T>): Task<T> {
  if (!(value instanceof TaskConstructor)) {
    throw new TypeError('Task.of: ' + (value instanceof Promise ? 'a promise' : 'the value') + ' is not a Task: a task is what a coroutine ("use coroutine"), scope() or launch() returns');
  }
  return value as unknown as Task<T>;
}

Object.defineProperty(TaskConstructor, 'of', { value: taskOf, configurable: true, enumerable: false, writable: true });

export var Task = TaskConstructor as typeof TaskConstructor & { of: typeof taskOf };

export var TaskPrototype: object = TaskConstructor.prototype;

function defineGetter(name: string, get: (this: TaskFrame) => unknown): void {
  Object.defineProperty(TaskPrototype, name, { get: get, configurable: true, enumerable: false });
}

function defineMethod(name: string, method: Function): void {
  Object.defineProperty(TaskPrototype, name, { value: method, configurable: true, enumerable: false, writable: true });
}

defineGetter('state', function state(this: TaskFrame) { return STATUS_NAMES[statusOf(this)]; });
defineGetter('result', function result(this: TaskFrame) { return statusOf(this) === COMPLETED ? this.$awaitedOrOutcome : undefined; });
defineGetter('error', function error(this: TaskFrame) { return statusOf(this) > COMPLETED ? this.$awaitedOrOutcome : undefined; });
defineGetter('name', function name(this: TaskFrame) { return taskName(this); });
defineGetter('position', function position(this: TaskFrame) { return taskPosition(this); });
defineGetter('signal', function signal(this: TaskFrame) {
  var extra = extraOf(this);
  if (!extra.abort) {
    extra.abort = new AbortController();
    if (this.$taskState & CANCEL_REQUESTED) extra.abort.abort(cancellationOf(this));
  }
  return extra.abort.signal;
});
defineMethod('cancel', function cancel(this: TaskFrame, reason?: unknown) {
  cancelTask(this, reason, false);
});
defineMethod('cancelOn', function cancelOn(this: TaskFrame, signal: AbortSignal) {
  var task = this;
  if (statusOf(task) >= COMPLETED) return task;
  if (signal.aborted) {
    cancelTask(task, signal.reason, false);
    return task;
  }
  var cancelOnAbort = function cancelOnAbort() { cancelTask(task, signal.reason, false); };
  signal.addEventListener('abort', cancelOnAbort, { once: true });
  // A long-lived signal (a server's) would otherwise hold every task it was given, and its listeners pile up.
  var extra = extraOf(task);
  (extra.onSettled || (extra.onSettled = [])).push(function stopListening() { signal.removeEventListener('abort', cancelOnAbort); });
  return task;
});
defineMethod('then', function then(this: TaskFrame, onFulfilled?: unknown, onRejected?: unknown) {
  var task = this;
  task.$taskState |= OBSERVED;
  var promise = new Promise(function settleWithTask(resolve, reject) {
    var deliver = function deliverOutcome(settled: TaskFrame) {
      if (statusOf(settled) === COMPLETED) resolve(settled.$awaitedOrOutcome);
      else reject(settled.$awaitedOrOutcome);
    };
    if (statusOf(task) >= COMPLETED) deliver(task);
    else addWaiter(task, deliver);
  });
  return promise.then(onFulfilled as undefined, onRejected as undefined);
});
// Promise's own, which are generic: they call the task's `then`.
defineMethod('catch', Promise.prototype.catch);
defineMethod('finally', Promise.prototype.finally);
defineMethod('toString', function toString(this: TaskFrame) {
  return '[Task ' + taskName(this) + ' ' + STATUS_NAMES[statusOf(this)] + ']';
});
// What a frame without slots to clear (a runtime task's) does when its body ends; linkTaskFrame gives a coroutine's frame its own.
Object.defineProperty(TaskPrototype, '$clearSlots', { value: function keepSlots() {}, configurable: true, enumerable: false, writable: true });
Object.defineProperty(TaskPrototype, Symbol.toStringTag, { value: 'Task', configurable: true });
