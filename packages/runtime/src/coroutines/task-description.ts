/**
 * What a task says about itself in a dump or a stack trace: its name, and
 * the original `file:line:col` where it is suspended.
 *
 * ## Example
 * ```js
 * // emitted once per coroutine, beside its step function:
 * $coroutines.describeStates(load$step, "load", "src/load.ts", [1, "4:17", 2, "9:5"]);
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

/** Emitted code: names a coroutine's step function and gives the position of each resume state. */
export function describeStates(step: Function, name: string, file: string, table: readonly (number | string)[]): void {
  var described = step as DescribedStep;
  var positions: { [state: number]: string } = {};
  for (var i = 0; i < table.length; i += 2) positions[table[i] as number] = table[i + 1] as string;
  described.$coroutineName = name;
  described.$file = file;
  described.$positions = positions;
}

/** Names the tasks a runtime step function runs, when the function they run has no name (`launch`, `withTimeout`). */
export function nameStep<F extends Function>(step: F, name: string): F {
  (step as DescribedStep).$coroutineName = name;
  return step;
}

export function taskName(task: TaskFrame): string {
  if (task.$taskState & SCOPE) return 'scope';
  var described = task.$step as DescribedStep;
  if (task.$body && task.$body.name) return task.$body.name;
  return described.$coroutineName || task.$step.name.replace(/\$step$/, '') || 'anonymous';
}

/** `file:line:col` of the `await` where the task stands, when the compiler gave a table. */
export function taskPosition(task: TaskFrame): string | undefined {
  var described = task.$step as DescribedStep;
  var at = described.$positions && described.$positions[task.$state];
  return at ? described.$file + ':' + at : undefined;
}
