/**
 * The test scheduler: `runTest(body)` runs coroutines on virtual time, with
 * auto-advance, leak and deadlock detection; a seed permutes the order of
 * ready tasks, and `exploreSchedules(test, { runs })` runs a test under many
 * seeds and names the one that fails, which `runTest(test, { seed })`
 * replays exactly.
 *
 * ## Example
 * ```js
 * test('a timeout in virtual time', () => runTest(async () => {
 *   await delay(60_000);               // at once: nothing else can run
 *   expect(currentTime()).toBe(60_000);
 * }));
 * test('no interleaving loses an update', () => exploreSchedules(async () => { … }, { runs: 500 }));
 * ```
 *
 * ## Implementation
 * `runTest` installs a `VirtualClock` (virtual-clock.ts) as the clock of
 * the test's tasks (clock.ts `clockOf`: the roots started while it runs,
 * and their subtrees; the program's other tasks keep their clock) and a
 * seeded source of choices (random-choice.ts: the winner of a `select`
 * among ready clauses), and with a seed a permuted order of the
 * ready queue (ready-queue.ts). It starts the body as a root task and drives
 * the program from outside, one real turn of the event loop at a time (a
 * `setImmediate`, after which every promise job and the ready queue have run):
 * 1. the body's task has settled: the test is over;
 * 2. deferred turns (`yieldNow`) are run;
 * 3. `advanceTimeBy` moves the time to its target, running the timers due;
 * 4. idle, a timer set: time jumps to it (auto-advance);
 * 5. idle, no timer: when every live task of the test waits on something of
 *    the scheduler (a task of the test, its children, a channel, a select),
 *    nothing can ever wake them: a deadlock. When one awaits a promise the
 *    scheduler cannot see into (real I/O, a native async function) or a
 *    task of the program (on the program's clock), the driver waits in real
 *    time, and calls the test stalled after `stallTimeout` real
 *    milliseconds in which none of the test's tasks moved.
 * A root task of the test that fails with nobody to receive its error (a
 * `launchDetached`) fails the test, where outside a test it would be an
 * unhandled rejection. When the body has settled, a root task started
 * during the test that is still alive is a leak. Deadlocks, stalls and leaks fail the test with the
 * `formatDump` of the tasks concerned; those tasks are then cancelled and
 * driven to their end, so the next test starts clean, for at most
 * `stallTimeout` real milliseconds: one that ignores its cancellation (in a
 * `nonCancellable` part) is reported and left on the test's clock, which
 * no longer moves. A test's own tasks
 * are the body's subtree and the root tasks started while it ran (a
 * coroutine called by ordinary code after its first native `await` is a
 * root task).
 *
 * ## References
 * - kotlinx-coroutines-test `runTest`, `TestCoroutineScheduler`
 * - Go `testing/synctest` (durably blocked goroutines, deadlock in a bubble)
 * - Loom, Shuttle (randomised schedule exploration with replayable seeds)
 */
import { setTestClocks, type Clock } from './clock';
import { formatDump, snapshotTasks } from './dump';
import { setReadyOrder } from './ready-queue';
import { seededChoice, setChoice } from './random-choice';
import { RuntimeTask, runBody } from './runtime-task';
import { liveRoots } from './live-roots';
import { cancelTask, failureEvents, resumeQueued, runningTask, startTask } from './task-lifecycle';
import { combinedFailure } from './errors';
import { nameStep } from './task-description';
import { awaitedBy, COMPLETED, isParkedWait, isTask, OBSERVED, statusOf, SUSPENDED, type TaskFrame } from './task-frame';
import { VirtualClock } from './virtual-clock';

export interface TestOptions {
  /** Permutes the order of ready tasks with this seed; without it they run in the scheduler's own order. */
  seed?: number;
  /** Real milliseconds without progress, while a task awaits a promise, before the test is called stalled (default 2000). */
  stallTimeout?: number;
}

export interface ExploreOptions extends TestOptions {
  /** How many schedules to run (default 100). */
  runs?: number;
}

interface RunningTest {
  /** Failures of the test that nobody received (a `launchDetached` that failed, a channel's `onUndelivered` that threw). */
  unhandled: unknown[];
  clock: VirtualClock;
  advanceTarget: number | undefined;
  advanced: (() => void) | undefined;
  rootsBefore: Set<TaskFrame>;
}

var running: RunningTest | undefined;

/** The roots a finished test could not bring to their end: they keep its clock, which no longer moves. */
var abandoned = new WeakMap<TaskFrame, Clock>();

/** clock.ts asks this for a root's clock: the running test's for its roots, a finished test's for those it left. */
function clockOfRoot(root: TaskFrame): Clock | undefined {
  if (running !== undefined && !running.rootsBefore.has(root)) return running.clock;
  return abandoned.get(root);
}

var realSetImmediate = typeof setImmediate === 'function' ? setImmediate : function setImmediateByTimeout(run: () => void) { setTimeout(run, 0); };
var realSetTimeout = setTimeout;
var realNow = typeof performance === 'object' && performance !== null && typeof performance.now === 'function' ? function realNow() { return performance.now(); } : Date.now;

function realTurn(): Promise<void> {
  return new Promise(function nextRealTurn(resolve) { realSetImmediate(resolve); });
}

function realDelay(milliseconds: number): Promise<void> {
  return new Promise(function afterRealDelay(resolve) { realSetTimeout(resolve, milliseconds); });
}

var runTestBody = nameStep(function runTestBody(task: TaskFrame, state: number, mode: number, value: unknown) {
  return runBody(task, state, mode, value);
}, 'runTest');

/** Runs `body` on virtual time; rejects with its failure, a deadlock, a stall or a leak. */
export function runTest(body: () => unknown, options: TestOptions = {}): Promise<void> {
  if (running) return Promise.reject(new Error('runTest: a test is already running; tests on the test scheduler run one at a time'));
  var clock = new VirtualClock();
  var test: RunningTest = (running = { unhandled: [], clock: clock, advanceTarget: undefined, advanced: undefined, rootsBefore: rootsOutsideTheTest() });
  setTestClocks(clockOfRoot, clock);
  var previousUnhandled = failureEvents.unhandled;
  failureEvents.unhandled = function failTheTest(error: unknown) { test.unhandled.push(error); };
  var previousChoice = setChoice(seededChoice(options.seed === undefined ? 0 : options.seed));
  if (options.seed !== undefined) setReadyOrder(seededChoice(~options.seed), resumeQueued);
  var task = startTask(new RuntimeTask(body, OBSERVED, runTestBody), null);
  return driveTest(test, task, options.stallTimeout === undefined ? 2000 : options.stallTimeout).finally(function restoreScheduler() {
    testRoots(test).forEach(function abandon(root) { abandoned.set(root, clock); });
    setReadyOrder();
    failureEvents.unhandled = previousUnhandled;
    setChoice(previousChoice);
    setTestClocks(clockOfRoot, undefined);
    running = undefined;
  });
}

async function driveTest(test: RunningTest, task: TaskFrame, stallTimeout: number): Promise<void> {
  var stuck = await driveUntil(test, function bodySettled() { return statusOf(task) >= COMPLETED; }, stallTimeout, Infinity);
  var leaked = testRoots(test).filter(function isLeak(root) { return root !== task; });
  var failure: unknown;
  var report: string | undefined;
  if (stuck) {
    leaked = [task].concat(leaked);
    report = 'runTest: ' + stuck + '\n' + formatDump(snapshotTasks(leaked));
  } else if (statusOf(task) !== COMPLETED) {
    failure = task.$awaitedOrOutcome;
  } else if (test.unhandled.length) {
    failure = combinedFailure(test.unhandled, 'failures of the test that nobody received');
  } else if (leaked.length) {
    report = 'runTest: ' + count(leaked.length) + (leaked.length === 1 ? ' was' : ' were') + ' still alive when the test ended (leaked):\n' + formatDump(snapshotTasks(leaked));
  }
  var survivors = await cancelAndFinish(test, leaked, stallTimeout);
  if (!survivors.length) {
    if (report !== undefined) throw new Error(report);
    if (failure !== undefined || statusOf(task) !== COMPLETED) throw failure;
    return;
  }
  var left = count(survivors.length) + ' of the test did not end within ' + stallTimeout + ' ms (stallTimeout) of being cancelled (a nonCancellable part still waits or runs), and ' + (survivors.length === 1 ? 'is' : 'are') + ' left on the test\'s clock, which no longer moves:\n' + formatDump(snapshotTasks(survivors));
  if (report !== undefined) throw new Error(report + '\n' + left);
  throw new Error('runTest: the test failed (the cause), and ' + left, { cause: failure });
}

function count(tasks: number): string {
  return tasks + ' coroutine' + (tasks === 1 ? '' : 's');
}

/**
 * Cancels `tasks` and drives the program until they have finished (their
 * `finally` blocks ran), for at most `stallTimeout` real milliseconds: a
 * `nonCancellable` part that never ends (a `delay(Infinity)`, a loop) would
 * otherwise hold the test forever. Returns the tasks still alive.
 */
async function cancelAndFinish(test: RunningTest, tasks: TaskFrame[], stallTimeout: number): Promise<TaskFrame[]> {
  if (!tasks.length) return tasks;
  for (var i = 0; i < tasks.length; i++) cancelTask(tasks[i], new Error('runTest: the test ended'), false);
  await driveUntil(test, function allFinished() {
    return tasks.every(function finished(task) { return statusOf(task) >= COMPLETED; });
  }, stallTimeout, realNow() + stallTimeout);
  return tasks.filter(function alive(task) { return statusOf(task) < COMPLETED; });
}

/** Drives the program until `done()`, or until the real time `until`; returns why it cannot go on (a deadlock, a stall, the time is up), or `undefined`. */
async function driveUntil(test: RunningTest, done: () => boolean, stallTimeout: number, until: number): Promise<string | undefined> {
  var clock = test.clock;
  for (;;) {
    await realTurn();
    if (done()) return undefined;
    if (realNow() >= until) return 'out of time';
    var acted = false;
    if (clock.hasTurns()) {
      clock.runTurn();
      acted = true;
    }
    if (test.advanceTarget !== undefined) {
      var due = clock.nextDue();
      if (due !== undefined && due <= test.advanceTarget) clock.fireNext();
      else finishAdvance(test);
      continue;
    }
    if (acted) continue;
    if (clock.nextDue() !== undefined) {
      clock.fireNext();
      continue;
    }
    if (!testRoots(test).some(function awaitsForeign(root) { return awaitsForeignThenable(test, root); })) return 'deadlock: every coroutine is blocked and no timer is pending';
    var seen = activityOf(test);
    var waited = 0;
    while (sameActivity(seen, activityOf(test)) && !done() && waited < stallTimeout && !clock.hasTurns() && clock.nextDue() === undefined) {
      await realDelay(5);
      waited += 5;
    }
    if (waited >= stallTimeout) return 'stalled: no coroutine resumed for ' + stallTimeout + ' ms of real time, and one awaits a promise the scheduler cannot see into';
  }
}

function finishAdvance(test: RunningTest): void {
  test.clock.moveTo(test.advanceTarget!);
  var advanced = test.advanced!;
  test.advanceTarget = undefined;
  test.advanced = undefined;
  advanced();
}

/** The live roots, and the tasks that call `runTest` (a coroutine awaiting it is not one of the test's tasks). */
function rootsOutsideTheTest(): Set<TaskFrame> {
  var outside = new Set(liveRoots());
  for (var caller = runningTask(); caller !== undefined; caller = caller.$parent) outside.add(caller);
  return outside;
}

/** The body's task and every root task started while the test ran that is still alive. */
function testRoots(test: RunningTest): TaskFrame[] {
  var roots: TaskFrame[] = [];
  liveRoots().forEach(function addRoot(root) { if (!test.rootsBefore.has(root)) roots.push(root); });
  return roots;
}

/**
 * Whether a task of `root`'s subtree awaits what the scheduler of the test
 * cannot see into: a promise or thenable (real work), or a task that is not
 * the test's (started before it, it runs on the program's clock, in real
 * time). A loop, as a chain of tasks can be deeper than the JavaScript stack.
 */
function awaitsForeignThenable(test: RunningTest, root: TaskFrame): boolean {
  var pending: TaskFrame[] = [root];
  while (pending.length) {
    var task = pending.pop()!;
    var awaiting = awaitedBy(task);
    if (statusOf(task) === SUSPENDED && typeof awaiting === 'object' && awaiting !== null && !isParkedWait(awaiting)) {
      if (isTask(awaiting) ? !isTestTask(test, awaiting) : typeof (awaiting as PromiseLike<unknown>).then === 'function') return true;
    }
    var children = task.$extra && task.$extra.children;
    if (children) children.forEach(function visit(child) { pending.push(child); });
  }
  return false;
}

function isTestTask(test: RunningTest, task: TaskFrame): boolean {
  while (task.$parent !== undefined) task = task.$parent;
  return !test.rootsBefore.has(task);
}

/**
 * What the test's tasks stand on (each task, its state, what it awaits):
 * while it stays the same, none of them has moved. Only the test's own
 * tasks count: a program's coroutine that keeps busy beside the test (a
 * `yieldNow` loop) does not hide a stalled test.
 */
function activityOf(test: RunningTest): unknown[] {
  var seen: unknown[] = [];
  var pending = testRoots(test);
  while (pending.length) {
    var task = pending.pop()!;
    seen.push(task, task.$taskState, task.$state, task.$awaitedOrOutcome);
    var children = task.$extra && task.$extra.children;
    if (children) children.forEach(function visit(child) { pending.push(child); });
  }
  return seen;
}

function sameActivity(before: unknown[], now: unknown[]): boolean {
  if (before.length !== now.length) return false;
  for (var i = 0; i < before.length; i++) if (before[i] !== now[i]) return false;
  return true;
}

function runningTest(what: string): RunningTest {
  if (!running) throw new Error(what + ': only inside runTest');
  return running;
}

/** The virtual time of the running test, in milliseconds since it started. */
export function currentTime(): number {
  return runningTest('currentTime').clock.now();
}

/** Moves virtual time forward by `milliseconds`, running every timer due meanwhile; resolves when done. */
export function advanceTimeBy(milliseconds: number): Promise<void> {
  var test = runningTest('advanceTimeBy');
  if (test.advanceTarget !== undefined) return Promise.reject(new Error('advanceTimeBy: time is already being advanced'));
  return new Promise(function advance(resolve) {
    test.advanceTarget = test.clock.now() + Math.max(0, +milliseconds || 0);
    test.advanced = resolve;
  });
}

/** A failing schedule of `exploreSchedules`: its `seed` replays it with `runTest(test, { seed })`. */
export class ScheduleError extends Error {
  readonly seed: number;
  constructor(seed: number, run: number, runs: number, cause: unknown) {
    super('the schedule of seed ' + seed + ' failed (run ' + run + ' of ' + runs + '); replay it with runTest(test, { seed: ' + seed + ' }): ' + (cause instanceof Error ? cause.message : String(cause)), { cause: cause });
    this.name = 'ScheduleError';
    this.seed = seed;
  }
}

/** Runs `test` under `runs` seeded schedules (seeds `seed`, `seed + 1`, …; default from 1); rejects with the first that fails. */
export async function exploreSchedules(test: () => unknown, options: ExploreOptions = {}): Promise<void> {
  var runs = options.runs === undefined ? 100 : options.runs;
  var first = options.seed === undefined ? 1 : options.seed;
  for (var run = 0; run < runs; run++) {
    try {
      await runTest(test, { seed: first + run, stallTimeout: options.stallTimeout });
    } catch (error) {
      throw new ScheduleError(first + run, run + 1, runs, error);
    }
  }
}
