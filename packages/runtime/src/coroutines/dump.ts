/**
 * `dump()`: the tree of live tasks, and `formatDump`, which prints it.
 *
 * ## Example
 * ```
 * main suspended 12 ms at src/main.ts:8:9, awaiting scope
 *   scope suspended 12 ms, awaiting its children
 *     poll suspended 3 ms at src/poll.ts:4:11, awaiting delay (97 ms left)
 * ```
 *
 * ## Implementation
 * Roots are the tasks without a parent that have suspended and not settled
 * (task-lifecycle.ts lists them at their first suspension, live-roots.ts); children come
 * from each task's child set. A snapshot is plain data, made when asked.
 *
 * ## References
 * - kotlinx.coroutines debug probes (`DebugProbes.dumpCoroutines`)
 */
import { clockOf } from './clock';
import { liveRoots } from './live-roots';
import { taskName, taskPosition } from './task-description';
import { awaitedBy, isParkedWait, isTask, JOINING, QUEUED, STATUS_NAMES, statusOf, SUSPENDED, type TaskFrame } from './task-frame';

export interface TaskSnapshot {
  readonly name: string;
  readonly state: string;
  /** `file:line:col` of the `await` where it stands, when known. */
  readonly position: string | undefined;
  /** Milliseconds since it last suspended (0 unless suspended). */
  readonly suspendedFor: number;
  /** What it waits for, in words. */
  readonly awaiting: string | undefined;
  readonly children: TaskSnapshot[];
}

export function dump(): TaskSnapshot[] {
  return snapshotTasks(liveRoots());
}

/** Snapshots of `tasks` and their subtrees (the test scheduler dumps the tasks of one test). */
export function snapshotTasks(tasks: Iterable<TaskFrame>): TaskSnapshot[] {
  var roots: TaskSnapshot[] = [];
  // A tree shares its root's clock: a test's tasks count virtual time, the program's real time.
  for (var task of tasks as Iterable<TaskFrame>) roots.push(snapshotTree(task, clockOf(task).now()));
  return roots;
}

/** The snapshot of `root` and of its subtree, made with a stack of its own: a chain of tasks can be deeper than the JavaScript stack. */
function snapshotTree(root: TaskFrame, now: number): TaskSnapshot {
  var top = snapshotOf(root, now);
  var tasks: TaskFrame[] = [root];
  var snapshots: TaskSnapshot[] = [top];
  while (tasks.length) {
    var task = tasks.pop()!;
    var snapshot = snapshots.pop()!;
    var set = task.$extra && task.$extra.children;
    if (set) set.forEach(function addChild(child) {
      var below = snapshotOf(child, now);
      snapshot.children.push(below);
      tasks.push(child);
      snapshots.push(below);
    });
  }
  return top;
}

/** One task's snapshot, its children left to `snapshotTree`. */
function snapshotOf(task: TaskFrame, now: number): TaskSnapshot {
  var suspended = statusOf(task) === SUSPENDED;
  return {
    name: taskName(task),
    state: STATUS_NAMES[statusOf(task)],
    position: suspended ? taskPosition(task) : undefined,
    suspendedFor: suspended && task.$suspension ? Math.max(0, now - task.$suspension.since) : 0,
    awaiting: !suspended ? undefined : task.$taskState & JOINING ? 'its children' : describeAwaiting(task, awaitedBy(task), now),
    children: [],
  };
}

function describeAwaiting(task: TaskFrame, awaiting: unknown, now: number): string | undefined {
  if (awaiting === undefined) return undefined;
  if (awaiting === QUEUED || (isParkedWait(awaiting) && !awaiting.$waiting(task))) return 'its turn in the ready queue';
  if (typeof awaiting === 'number') return 'delay (' + Math.max(0, Math.round(awaiting - now)) + ' ms left)';
  if (isTask(awaiting)) return taskName(awaiting);
  if (isParkedWait(awaiting)) return awaiting.$describe();
  return awaiting instanceof Promise ? 'a promise' : 'a thenable';
}

/** Deeper than this, a line is indented no more and says its depth: a chain of N tasks would otherwise print N² spaces (50,000 deep, more than a string can hold). */
var DEEPEST_INDENT = 32;

function indentation(depth: number): string {
  return depth <= DEEPEST_INDENT ? '  '.repeat(depth) : '  '.repeat(DEEPEST_INDENT) + '[depth ' + depth + '] ';
}

/** The snapshot as indented lines: name, state, time suspended, position, what it awaits. */
export function formatDump(snapshots: readonly TaskSnapshot[] = dump()): string {
  var lines: string[] = [];
  // A stack of its own, in reverse so that each task comes out before its children, in order.
  var pending: TaskSnapshot[] = [];
  var depths: number[] = [];
  for (var i = snapshots.length - 1; i >= 0; i--) {
    pending.push(snapshots[i]);
    depths.push(0);
  }
  while (pending.length) {
    var snapshot = pending.pop()!;
    var depth = depths.pop()!;
    var line = indentation(depth) + snapshot.name + ' ' + snapshot.state;
    if (snapshot.state === 'suspended') line += ' ' + Math.round(snapshot.suspendedFor) + ' ms';
    if (snapshot.position) line += ' at ' + snapshot.position;
    if (snapshot.awaiting) line += ', awaiting ' + snapshot.awaiting;
    lines.push(line);
    for (var j = snapshot.children.length - 1; j >= 0; j--) {
      pending.push(snapshot.children[j]);
      depths.push(depth + 1);
    }
  }
  return lines.join('\n');
}
