/**
 * Tasks the runtime makes itself, for a function that is not a coroutine or
 * for the structure around one: a scope, a launch, a `nonCancellable` block,
 * a timeout. They have a coroutine frame's fields and a hand-written step
 * function in the same protocol, so the scheduler cannot tell them apart.
 *
 * ## Example
 * ```js
 * // what runBody does, written as a coroutine:
 * async function run(body) { "use coroutine"; return await body(); }
 * ```
 *
 * ## Implementation
 * `runBody` calls `$body` while its own task is the running one, so a
 * coroutine the body starts is its child, then awaits what the body
 * returned: a task, a promise or a plain value.
 *
 * ## References
 * - docs/architecture.md, "The step function"
 */
import { awaitInCoroutine } from './task-lifecycle';
import { TaskPrototype } from './task-prototype';
import type { TaskFrame } from './task-frame';

export interface RuntimeTaskFrame extends TaskFrame {
  $body: Function;
}

/** `body` is `undefined` for a task whose step does all its work (a flow operator's stage): it is then named after its step. */
export var RuntimeTask = function RuntimeTask(this: RuntimeTaskFrame, body: Function | undefined, flags: number, step: RuntimeTaskFrame['$step']) {
  this.$state = 0;
  this.$step = step;
  this.$taskState = flags;
  this.$awaitedOrOutcome = undefined;
  this.$parent = undefined;
  this.$extra = undefined;
  this.$waiters = undefined;
  this.$suspension = undefined;
  this.$body = body as Function;
} as unknown as new (body: Function | undefined, flags: number, step: RuntimeTaskFrame['$step']) => RuntimeTaskFrame;

RuntimeTask.prototype = Object.create(TaskPrototype);

/** The step of a task that awaits what its body returns. */
export function runBody(task: TaskFrame, state: number, mode: number, value: unknown): unknown {
  if (state === 0) {
    task.$state = 1;
    return awaitInCoroutine(task, (task as RuntimeTaskFrame).$body());
  }
  if (mode === 1) throw value;
  return value;
}
