/**
 * Sleeping tasks: a binary heap of (deadline, task) in two parallel arrays,
 * served by one timer of the clock set for the earliest deadline.
 *
 * ## Example
 * A million tasks in `await delay(100)` are a million pairs in the heap and
 * one host timer, not a million `Timeout` objects.
 *
 * ## Implementation
 * What the task awaits (`awaitedBy`) is its deadline while it sleeps. Cancelling a
 * sleeping task changes that and leaves its entry in the heap; an
 * entry whose task no longer awaits that deadline is dropped when it comes
 * out, or reaches the top when the timer is set (lazy deletion), so
 * cancellation costs nothing here. A clock replaced while tasks sleep gets
 * the timer at the next `delay`. Equal deadlines wake in the order they
 * were set (a third array, the insertion sequence).
 *
 * ## References
 * - libuv's timer heap; Trio's deadline heap (`trio._core._run.Deadlines`)
 */
import { currentClock, type Clock } from './clock';
import { awaitedBy, type Resumption, type TaskFrame } from './task-frame';

var deadlines: number[] = [];
var sleepers: TaskFrame[] = [];
/** Insertion order: tasks with one deadline wake in the order they went to sleep. */
var sequence: number[] = [];
var nextSequence = 0;
var timer: unknown;
var timerDeadline = Infinity;
var timerClock: Clock | undefined;

var cachedTurnTime: number | undefined;

function forgetTurnTime(): void {
  cachedTurnTime = undefined;
}

/**
 * The clock's time, read once per turn of the event loop (until the
 * microtasks of the turn have run) and rounded up to whole milliseconds, as
 * libuv caches its loop time for timers: delays of one length set in one
 * turn end together and wake in the order they were set.
 */
export function turnTime(): number {
  if (cachedTurnTime === undefined) {
    cachedTurnTime = Math.ceil(currentClock().now());
    queueMicrotask(forgetTurnTime);
  }
  return cachedTurnTime;
}

var wakeTask: Resumption | undefined;
var recheckScheduled = false;

/** Parks `task` until `deadline`, then calls `wake(task, 0, undefined)`. */
export function sleepUntil(task: TaskFrame, deadline: number, wake: Resumption): void {
  wakeTask = wake;
  task.$awaitedOrOutcome = deadline;
  push(deadline, task);
  if (deadline < timerDeadline || timerClock !== currentClock()) armTimer();
}

/** Sets the one host timer for the earliest deadline whose task still sleeps (on the current clock). */
function armTimer(): void {
  while (deadlines.length && awaitedBy(sleepers[0]) !== deadlines[0]) pop();
  if (timer !== undefined) timerClock!.clearTimer(timer);
  timer = undefined;
  timerDeadline = Infinity;
  if (!deadlines.length) return;
  var clock = (timerClock = currentClock());
  timerDeadline = deadlines[0];
  // Rounded up: a host timer that fires early would only be set again.
  timer = clock.setTimer(fire, Math.max(0, Math.ceil(timerDeadline - clock.now())));
}

function fire(): void {
  timer = undefined;
  timerDeadline = Infinity;
  var now = currentClock().now();
  while (deadlines.length && deadlines[0] <= now) {
    var deadline = deadlines[0];
    var task = pop();
    if (awaitedBy(task) === deadline) wakeTask!(task, 0, undefined);
  }
  armTimer();
}

/**
 * A sleeping task stopped sleeping (it was cancelled): once this turn is
 * over, the host timer is set again for the earliest task still asleep, or
 * cleared, so a cancelled long delay does not keep the process alive.
 */
export function sleeperLeft(): void {
  if (recheckScheduled) return;
  recheckScheduled = true;
  queueMicrotask(function recheckTimer() {
    recheckScheduled = false;
    if (deadlines.length && awaitedBy(sleepers[0]) !== deadlines[0]) armTimer();
  });
}

function before(i: number, deadline: number, order: number): boolean {
  return deadlines[i] < deadline || (deadlines[i] === deadline && sequence[i] < order);
}

function place(i: number, deadline: number, task: TaskFrame, order: number): void {
  deadlines[i] = deadline;
  sleepers[i] = task;
  sequence[i] = order;
}

function push(deadline: number, task: TaskFrame): void {
  var order = nextSequence++;
  var i = deadlines.length;
  deadlines.push(deadline);
  sleepers.push(task);
  sequence.push(order);
  while (i > 0) {
    var parent = (i - 1) >> 1;
    if (before(parent, deadline, order)) break;
    place(i, deadlines[parent], sleepers[parent], sequence[parent]);
    i = parent;
  }
  place(i, deadline, task, order);
}

function pop(): TaskFrame {
  var top = sleepers[0];
  var lastDeadline = deadlines.pop()!;
  var lastTask = sleepers.pop()!;
  var lastOrder = sequence.pop()!;
  var size = deadlines.length;
  if (size === 0) return top;
  var i = 0;
  for (;;) {
    var child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && before(child + 1, deadlines[child], sequence[child])) child++;
    if (!before(child, lastDeadline, lastOrder)) break;
    place(i, deadlines[child], sleepers[child], sequence[child]);
    i = child;
  }
  place(i, lastDeadline, lastTask, lastOrder);
  return top;
}
