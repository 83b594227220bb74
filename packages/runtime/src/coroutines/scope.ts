/**
 * Structured concurrency: `scope(async (s) => { s.launch(…); })`, and the
 * two ways out of it that say so in their name, `launchDetached` and
 * `nonCancellable`.
 *
 * ## Example
 * ```js
 * const [a, b] = await scope(async (s) => {
 *   const a = s.launch(() => fetchA());
 *   const b = s.launch(() => fetchB());
 *   return [await a, await b];
 * });
 * ```
 *
 * ## Implementation
 * A scope is a runtime task flagged `SCOPE` that runs its body with itself as
 * the handle. Its children are the tasks its body and its launches start;
 * task-lifecycle.ts makes it wait for all of them, cancel them all when one
 * fails (the `SCOPE` flag: at once, even if someone awaits the failed one),
 * and throw the failures (errors.ts). `launch` wraps the function in a task of
 * its own, so a function that is not a coroutine (it returns a promise, or
 * throws) is launched the same way. `launchDetached` starts a root task: no
 * parent waits for it or cancels it, and its unobserved failure is reported
 * as an unhandled rejection. `nonCancellable` runs a block that neither
 * `cancel()` nor its parent's cancellation reaches, and whose `await` in a
 * cancelled task waits instead of throwing (cleanup that must finish).
 *
 * ## References
 * - Trio nurseries (https://trio.readthedocs.io/en/stable/reference-core.html#nurseries-and-spawning)
 * - kotlinx.coroutines `coroutineScope`, `GlobalScope.launch`, `withContext(NonCancellable)`
 */
import { RuntimeTask, runBody, type RuntimeTaskFrame } from './runtime-task';
import { awaitInCoroutine, startTask } from './task-lifecycle';
import { nameStep } from './task-description';
import { TaskPrototype, type Task } from './task-prototype';
import { COMPLETED, LAUNCHED, NON_CANCELLABLE, SCOPE, statusOf, type TaskFrame } from './task-frame';

export interface Scope<T = unknown> extends Task<T> {
  /** Starts `fn` as a child of this scope; it runs to its first suspension before `launch` returns. */
  launch<R>(fn: () => R | PromiseLike<R>): Task<R>;
}

var ScopePrototype = Object.create(TaskPrototype);

var runLaunched = nameStep(function runLaunched(task: TaskFrame, state: number, mode: number, value: unknown) {
  return runBody(task, state, mode, value);
}, 'launch');
var runDetached = nameStep(function runDetached(task: TaskFrame, state: number, mode: number, value: unknown) {
  return runBody(task, state, mode, value);
}, 'launchDetached');
var runNonCancellable = nameStep(function runNonCancellable(task: TaskFrame, state: number, mode: number, value: unknown) {
  return runBody(task, state, mode, value);
}, 'nonCancellable');

Object.defineProperty(ScopePrototype, 'launch', {
  configurable: true,
  writable: true,
  value: function launch(this: TaskFrame, fn: () => unknown) {
    if (statusOf(this) >= COMPLETED) throw new Error('launch: the scope has finished; start tasks while its body or its children run');
    return startTask(new RuntimeTask(fn, LAUNCHED, runLaunched), this);
  },
});

var ScopeTask = function ScopeTask(this: RuntimeTaskFrame, body: Function) {
  (RuntimeTask as unknown as Function).call(this, body, SCOPE, runScopeBody);
} as unknown as new (body: Function) => RuntimeTaskFrame;

ScopeTask.prototype = ScopePrototype;

/** `runBody`, with the scope itself handed to the body. */
function runScopeBody(task: TaskFrame, state: number, mode: number, value: unknown): unknown {
  if (state === 0) {
    task.$state = 1;
    return awaitInCoroutine(task, (task as RuntimeTaskFrame).$body(task));
  }
  if (mode === 1) throw value;
  return value;
}

/** Runs `body` with a scope handle; settles once the body and every task launched in it have finished. */
export function scope<T>(body: (scope: Scope) => T | PromiseLike<T>): Task<T> {
  return startTask(new ScopeTask(body)) as unknown as Task<T>;
}

/** Starts `fn` as a root task that nothing waits for or cancels: its unobserved failure is an unhandled rejection. */
export function launchDetached<R>(fn: () => R | PromiseLike<R>): Task<R> {
  return startTask(new RuntimeTask(fn, 0, runDetached), null) as unknown as Task<R>;
}

/** Runs `fn` out of reach of cancellation: for cleanup that must finish inside a cancelled task. */
export function nonCancellable<R>(fn: () => R | PromiseLike<R>): Task<R> {
  return startTask(new RuntimeTask(fn, NON_CANCELLABLE, runNonCancellable)) as unknown as Task<R>;
}
