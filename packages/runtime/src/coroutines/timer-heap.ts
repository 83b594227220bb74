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
 * cancellation costs nothing here. Equal deadlines wake in the order they
 * were set (a third array, the insertion sequence). There is one heap per
 * clock: deadlines of two clocks do not compare (a test's virtual time
 * starts at 0 while a program's own sleepers wait on the system clock
 * beside it), so a task sleeps in the heap of its clock (its root's), and each heap sets its timer on its own clock. A heap that
 * empties is dropped, so a test's clock is not held once its sleepers are
 * gone.
 *
 * ## References
 * - libuv's timer heap; Trio's deadline heap (`trio._core._run.Deadlines`)
 */
import type { Clock } from './clock';
import { awaitedBy, type Resumption, type TaskFrame } from './task-frame';

/** The sleepers of one clock, and the one timer set on it for the earliest of them. */
class Sleepers {
  deadlines: number[] = [];
  tasks: TaskFrame[] = [];
  /** Insertion order: tasks with one deadline wake in the order they went to sleep. */
  sequence: number[] = [];
  timer: unknown = undefined;
  timerDeadline = Infinity;
  readonly fire: () => void;

  constructor(readonly clock: Clock) {
    var sleepers = this;
    this.fire = function fire() { fireDue(sleepers); };
  }
}

var heaps = new Map<Clock, Sleepers>();
var lastClock: Clock | undefined;
var lastHeap: Sleepers | undefined;
var nextSequence = 0;

/** The time of the turn of each clock read during this turn; the last one read also in two variables, the common case being one clock. */
var turnTimes = new Map<Clock, number>();
var turnClock: Clock | undefined;
var cachedTurnTime = 0;

function forgetTurnTimes(): void {
  turnTimes.clear();
  turnClock = undefined;
}

/**
 * `clock`'s time, read once per turn of the event loop (until the
 * microtasks of the turn have run) and rounded up to whole milliseconds, as
 * libuv caches its loop time for timers: delays of one length set in one
 * turn on one clock end together and wake in the order they were set. A
 * program's sleepers and a test's, on two clocks in one turn, each keep
 * their clock's reading.
 */
export function turnTime(clock: Clock): number {
  return clock === turnClock ? cachedTurnTime : readTurnTime(clock);
}

/** `turnTime` for a clock other than the last one read: kept apart so that the common case is small enough for V8 to inline where a task suspends. */
function readTurnTime(clock: Clock): number {
  var time = turnTimes.get(clock);
  if (time === undefined) {
    if (!turnTimes.size) queueMicrotask(forgetTurnTimes);
    turnTimes.set(clock, (time = Math.ceil(clock.now())));
  }
  turnClock = clock;
  cachedTurnTime = time;
  return time;
}

var wakeTask: Resumption | undefined;
var recheckScheduled = false;

function heapOf(clock: Clock): Sleepers {
  if (clock === lastClock) return lastHeap!;
  var heap = heaps.get(clock);
  if (heap === undefined) heaps.set(clock, (heap = new Sleepers(clock)));
  lastClock = clock;
  lastHeap = heap;
  return heap;
}

/** Parks `task` until `deadline` of `clock` (the task's: clock.ts `clockOf`), then calls `wake(task, 0, undefined)`. */
export function sleepUntil(task: TaskFrame, deadline: number, wake: Resumption, clock: Clock): void {
  wakeTask = wake;
  task.$awaitedOrOutcome = deadline;
  var heap = heapOf(clock);
  push(heap, deadline, task);
  if (deadline < heap.timerDeadline) armTimer(heap);
}

/** Sets the heap's one timer for the earliest deadline whose task still sleeps; drops a heap left empty. */
function armTimer(heap: Sleepers): void {
  while (heap.deadlines.length && awaitedBy(heap.tasks[0]) !== heap.deadlines[0]) pop(heap);
  if (heap.timer !== undefined) heap.clock.clearTimer(heap.timer);
  heap.timer = undefined;
  heap.timerDeadline = Infinity;
  if (!heap.deadlines.length) {
    heaps.delete(heap.clock);
    if (lastHeap === heap) lastClock = lastHeap = undefined;
    return;
  }
  heap.timerDeadline = heap.deadlines[0];
  // Rounded up: a host timer that fires early would only be set again.
  heap.timer = heap.clock.setTimer(heap.fire, Math.max(0, Math.ceil(heap.timerDeadline - heap.clock.now())));
}

function fireDue(heap: Sleepers): void {
  heap.timer = undefined;
  heap.timerDeadline = Infinity;
  var now = heap.clock.now();
  while (heap.deadlines.length && heap.deadlines[0] <= now) {
    var deadline = heap.deadlines[0];
    var task = pop(heap);
    if (awaitedBy(task) === deadline) wakeTask!(task, 0, undefined);
  }
  armTimer(heap);
}

/**
 * A sleeping task stopped sleeping (it was cancelled): once this turn is
 * over, each heap left with no task asleep clears its timer, so a cancelled
 * long delay does not keep the process alive. A heap with tasks still asleep
 * keeps its timer: set for an earlier deadline, it fires no later than they
 * need, and `fireDue` sets the next. Set again from now instead, it went
 * behind every host timer that came due meanwhile: when the event loop ran
 * late, sleepers whose deadlines had passed first woke after those (the
 * `withTimeout`s around them fired, and every request of a busy server
 * timed out once one was cancelled).
 */
export function sleeperLeft(): void {
  if (recheckScheduled) return;
  recheckScheduled = true;
  queueMicrotask(function recheckTimers() {
    recheckScheduled = false;
    heaps.forEach(function recheck(heap) {
      while (heap.deadlines.length && awaitedBy(heap.tasks[0]) !== heap.deadlines[0]) pop(heap);
      if (!heap.deadlines.length) armTimer(heap);
    });
  });
}

function before(heap: Sleepers, i: number, deadline: number, order: number): boolean {
  return heap.deadlines[i] < deadline || (heap.deadlines[i] === deadline && heap.sequence[i] < order);
}

function place(heap: Sleepers, i: number, deadline: number, task: TaskFrame, order: number): void {
  heap.deadlines[i] = deadline;
  heap.tasks[i] = task;
  heap.sequence[i] = order;
}

function push(heap: Sleepers, deadline: number, task: TaskFrame): void {
  var order = nextSequence++;
  var i = heap.deadlines.length;
  heap.deadlines.push(deadline);
  heap.tasks.push(task);
  heap.sequence.push(order);
  while (i > 0) {
    var parent = (i - 1) >> 1;
    if (before(heap, parent, deadline, order)) break;
    place(heap, i, heap.deadlines[parent], heap.tasks[parent], heap.sequence[parent]);
    i = parent;
  }
  place(heap, i, deadline, task, order);
}

function pop(heap: Sleepers): TaskFrame {
  var top = heap.tasks[0];
  var lastDeadline = heap.deadlines.pop()!;
  var lastTask = heap.tasks.pop()!;
  var lastOrder = heap.sequence.pop()!;
  var size = heap.deadlines.length;
  if (size === 0) return top;
  var i = 0;
  for (;;) {
    var child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && before(heap, child + 1, heap.deadlines[child], heap.sequence[child])) child++;
    if (!before(heap, child, lastDeadline, lastOrder)) break;
    place(heap, i, heap.deadlines[child], heap.tasks[child], heap.sequence[child]);
    i = child;
  }
  place(heap, i, lastDeadline, lastTask, lastOrder);
  return top;
}
