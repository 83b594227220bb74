/**
 * What emitted code calls for a coroutine: `linkCoroutine` (the wrapper and
 * its frame's prototype), `linkTaskFrame` (the frame's prototype inherits
 * `Task`; the per-state position table), `startCoroutine` and
 * `startCoroutineWith` (the wrapper's body).
 *
 * ## Example
 * ```js
 * // async function load(id) { "use coroutine"; return await get(id); }
 * $coroutines.linkTaskFrame(load$Frame, load$step, "load", "src/load.ts", [1, "1:51"]);
 * $coroutines.linkCoroutine(load, load$Frame);
 * function load(id) { if (this instanceof load$Frame) throw new TypeError("not a constructor"); return $coroutines.startCoroutine(new load$Frame(id)); }
 * ```
 *
 * ## Implementation
 * A coroutine's frame is its task, so its prototype must inherit `Task`'s
 * methods. The frame takes the function's `prototype` (for the wrapper's
 * `new` test, as `linkAsyncFunction` does) when it has one; both link calls
 * make that object inherit from `TaskPrototype`, so the order in which the
 * two run does not matter (a method is linked by `linkMethods` later).
 *
 * ## References
 * - ../async-function-prototype.ts (`linkAsyncFunction`)
 */
import { linkAsyncFunction } from '../async-function-prototype';
import { watchStackFormatting } from '../stack-text';
import type { GeneratorFrame } from '../frame';
import { describeStates } from './task-description';
import { RuntimeTask, runBody } from './runtime-task';
import { startCoroutineFrame, startTask } from './task-lifecycle';
import { TaskPrototype } from './task-prototype';
import type { TaskFrame } from './task-frame';

export function linkCoroutine<F extends Function | null>(fn: F, Frame: Function): F {
  linkAsyncFunction(fn, Frame);
  inheritTask(Frame);
  return fn;
}

/**
 * The step function becomes the frame prototype's `$step`: every frame of the function shares it,
 * so it is not a field of each (the compiler leaves it out of the frame constructor). `step` is
 * undefined for a method that uses private names: its class makes it later, and its frames keep it
 * as a field (task-description.ts).
 */
export function linkTaskFrame(Frame: Function, step: Function | undefined, name: string, file: string, positions: readonly (number | string)[], clearSlots?: () => void): void {
  watchStackFormatting();
  inheritTask(Frame);
  if (step) Frame.prototype.$step = step;
  if (clearSlots) Frame.prototype.$clearSlots = clearSlots;
  describeStates(step, Frame, name, file, positions);
}

function inheritTask(Frame: Function): void {
  if (!Object.prototype.isPrototypeOf.call(TaskPrototype, Frame.prototype)) Object.setPrototypeOf(Frame.prototype, TaskPrototype);
}

/** The wrapper's call: the task-lifecycle function itself, not a function calling it, which would be one more frame per level of a recursion. */
export var startCoroutine = startCoroutineFrame;

var applyFunction = Function.prototype.apply;

/** For parameters that can throw (defaults, patterns): their error fails the task, as an async function's rejects. */
export function startCoroutineWith(bind: Function, args: ArrayLike<unknown>): unknown {
  var frame: GeneratorFrame;
  try {
    frame = applyFunction.call(bind, undefined, args);
  } catch (error) {
    return startTask(new RuntimeTask(function bindParameters() { throw error; }, 0, runBody));
  }
  return startTask(frame as unknown as TaskFrame);
}
