/**
 * The root tasks that have suspended and not settled: where `dump()` starts.
 *
 * ## Example
 * ```js
 * listRoot(task);            // at the first suspension of a task without a parent
 * forEachLiveRoot(print);    // only the ones not settled yet
 * liveRoots();               // the same, as an array
 * rootSettled();             // when a listed task settles
 * ```
 *
 * ## Implementation
 * One array, appended to: a slot per root (8 bytes and the array's growth),
 * where a `Set` entry costs about three times that, which counts when a
 * million tasks are suspended. A settled root is not looked for; it is
 * skipped when the list is read, and the list drops all settled roots at
 * once when they are more than half of it, so the work stays constant per
 * task and a settled task is held at most until then.
 *
 * ## References
 * - ./dump.ts
 */
import { COMPLETED, statusOf, type TaskFrame } from './task-frame';

var roots: TaskFrame[] = [];
var settled = 0;

export function listRoot(task: TaskFrame): void {
  roots.push(task);
}

export function rootSettled(): void {
  if (++settled * 2 > roots.length) dropSettled();
}

export function forEachLiveRoot(visit: (task: TaskFrame) => void): void {
  for (var i = 0; i < roots.length; i++) if (statusOf(roots[i]) < COMPLETED) visit(roots[i]);
}

/** The roots not settled yet, in the order they were listed. */
export function liveRoots(): TaskFrame[] {
  var live: TaskFrame[] = [];
  forEachLiveRoot(function addRoot(task) { live.push(task); });
  return live;
}

function dropSettled(): void {
  var kept = 0;
  for (var i = 0; i < roots.length; i++) if (statusOf(roots[i]) < COMPLETED) roots[kept++] = roots[i];
  roots.length = kept;
  settled = 0;
}
