/**
 * What a task says about itself in a dump or a stack trace: its name, and
 * the original `file:line:col` where it is suspended.
 *
 * ## Example
 * ```js
 * // emitted once per coroutine, beside its step function:
 * $coroutines.linkTaskFrame(load$Frame, load$step, "load", "src/load.ts", [1, "4:17", 2, "9:5"]);
 * taskName(task);      // "load"
 * taskPosition(task);  // "src/load.ts:4:17" while suspended in state 1
 * ```
 *
 * ## Implementation
 * The table hangs on the step function, which every frame of the function
 * shares: nothing per call. It maps a resume state (the `$state` a task has
 * while suspended at an `await`) to the position of that `await`. Tasks the
 * runtime makes are named after the function they run, or after what made
 * them (`launch`, `withTimeout`) when that function has no name; a scope is
 * `scope`.
 *
 * ## References
 * - docs/architecture.md, "Frame fields" (`$state` is the resume state)
 */
import { SCOPE, type TaskFrame } from './task-frame';

interface DescribedStep {
  $coroutineName?: string;
  $file?: string;
  $positions?: { [state: number]: string };
}

/**
 * Descriptions of step functions that did not exist yet when they were
 * described: a method that uses private names gets its step function from a
 * static block of its class, after the setup ran. Such a frame's prototype is
 * its constructor's own (a method has no `prototype` to take), so the
 * description is found again through `constructor` the first time it is read.
 */
var laterSteps = typeof WeakMap === 'function' ? new WeakMap<Function, DescribedStep>() : undefined;

/** Emitted code: names a coroutine's step function and gives the position of each resume state. */
export function describeStates(step: Function | undefined, Frame: Function, name: string, file: string, table: readonly (number | string)[]): void {
  var positions: { [state: number]: string } = {};
  for (var i = 0; i < table.length; i += 2) positions[table[i] as number] = table[i + 1] as string;
  var description: DescribedStep = { $coroutineName: name, $file: file, $positions: positions };
  if (step) copyDescription(description, step as DescribedStep);
  else if (laterSteps) laterSteps.set(Frame, description);
}

function copyDescription(from: DescribedStep, to: DescribedStep): void {
  to.$coroutineName = from.$coroutineName;
  to.$file = from.$file;
  to.$positions = from.$positions;
}

function descriptionOf(task: TaskFrame): DescribedStep {
  var step = task.$step as DescribedStep;
  if (step.$positions === undefined && laterSteps) {
    var later = laterSteps.get((task as unknown as { constructor: Function }).constructor);
    if (later) copyDescription(later, step);
  }
  return step;
}

/** Names the tasks a runtime step function runs, when the function they run has no name (`launch`, `withTimeout`). */
export function nameStep<F extends Function>(step: F, name: string): F {
  (step as DescribedStep).$coroutineName = name;
  return step;
}

export function taskName(task: TaskFrame): string {
  if (task.$taskState & SCOPE) return 'scope';
  var described = descriptionOf(task);
  if (task.$body && task.$body.name) return task.$body.name;
  return described.$coroutineName || task.$step.name.replace(/\$step$/, '') || 'anonymous';
}

/** `file:line:col` of the `await` where the task stands, when the compiler gave a table. */
export function taskPosition(task: TaskFrame): string | undefined {
  var described = descriptionOf(task);
  var at = described.$positions && described.$positions[task.$state];
  return at ? described.$file + ':' + at : undefined;
}
