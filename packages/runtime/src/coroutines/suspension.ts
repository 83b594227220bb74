/**
 * Where and when a task last suspended: the async context it resumes in and
 * the time of the turn, in one small record that the tasks suspending in the
 * same context during the same turn share.
 *
 * ## Example
 * ```js
 * // 1000 tasks started by one request suspend during one turn:
 * task.$suspension = suspensionOf(task.$suspension, clockOf(task));   // the same { context, since } for all of them
 * task.$suspension.since;                  // whole milliseconds of the turn (dump's "suspended 12 ms")
 * contextOf(task);                         // what the ready queue resumes it in
 * ```
 *
 * ## Implementation
 * A task keeps one pointer where it would keep two fields (a time and a
 * context): a record per context and turn is made once and shared, so a
 * million tasks suspended by one loop cost one record. The last record made
 * is kept for reuse; a task that suspends again in a later turn gets one for
 * the new time with the context it already has (its context is the one it
 * was started in, captured at its first suspension, async-context.ts).
 *
 * ## References
 * - ./async-context.ts, ./timer-heap.ts (`turnTime`)
 */
import { captureContext } from './async-context';
import { turnTime } from './timer-heap';
import type { Clock } from './clock';
import type { Suspension, TaskFrame } from './task-frame';

export type { Suspension };


var last: Suspension | undefined;

/** The record for a task suspending now whose `$suspension` is `previous`. */
export function suspensionOf(previous: Suspension | undefined, clock: Clock): Suspension {
  var since = turnTime(clock);
  return previous !== undefined && previous.since === since ? previous : laterSuspension(previous, since);
}

/** `suspensionOf` for a task that suspended in an earlier turn, or never: apart, so that the common case is small enough for V8 to inline. */
function laterSuspension(previous: Suspension | undefined, since: number): Suspension {
  var context = previous === undefined ? captureContext() : previous.context;
  if (last !== undefined && last.since === since && last.context === context) return last;
  return (last = { context: context, since: since });
}

/** The context `task` resumes in; `undefined` for a task that never suspended. */
export function contextOf(task: TaskFrame): unknown {
  var suspension = task.$suspension;
  return suspension === undefined ? undefined : suspension.context;
}

/** `task` resumes in `context` from now on (it changed a store of the context it shared: async-context.ts). */
export function moveToContext(task: TaskFrame, context: unknown): void {
  var suspension = task.$suspension;
  if (suspension !== undefined) task.$suspension = { context: context, since: suspension.since };
}
