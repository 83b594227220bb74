/**
 * The ready queue: tasks whose awaited value has arrived, resumed in order
 * by one microtask that drains the whole queue.
 *
 * ## Example
 * A task `a` awaiting `b`: when `b` completes, `enqueue(resumeQueued, a, 0, value)`
 * appends four slots; the microtask scheduled by the first entry runs
 * `resumeQueued(a, 0, value)`, then every entry appended meanwhile, in the same job.
 *
 * ## Implementation
 * A ring of (run, task, mode, value) slots, four per entry, in one array
 * whose length is a power of two, doubled when full: nothing is allocated per
 * entry, and a drain that never ends (two tasks handing messages back and
 * forth keep one entry queued at all times) goes round the same slots. A flat
 * array cut back once its consumed prefix was long was regrown push by push
 * after every cut: about 140 bytes of garbage per resumption. A completion
 * never calls its waiters directly, it appends them, so a chain of ten
 * thousand tasks completing one after another runs in a loop at one stack
 * depth. Entries are run inside the async context their task captured
 * (async-context.ts, suspension.ts); consecutive entries of one context share
 * one entry into it. A task that changed a store of the shared context while
 * it ran (`als.enterWith`) is moved to a context of its own, and the shared
 * one is restored for the others. Under the test scheduler
 * (test-scheduler.ts) an order is installed: before each entry runs, a seeded
 * choice swaps it with a later one, so the resumptions of one drain run in a
 * permuted order; only task resumptions move, bookkeeping entries (a
 * failure's end-of-drain check) keep their place.
 *
 * ## References
 * - Trio's run queue (`trio._core._run.Runner.runq`)
 * - https://nodejs.org/docs/latest-v20.x/api/globals.html#queuemicrotaskcallback
 */
import { runInContext, separateChanges } from './async-context';
import { contextOf, moveToContext } from './suspension';
import type { Resumption, Suspension, TaskFrame } from './task-frame';

export type { Resumption };

/** The ring: `count` slots in use from `head`, a multiple of four; its length is a power of two (at least four). */
var KEPT_SLOTS = 1024;
var slots: unknown[] = new Array(64);
var head = 0;
var count = 0;
var drainScheduled = false;

/** Picks an index in [0, count): installed by the test scheduler. */
export type ReadyOrder = (count: number) => number;
var order: ReadyOrder | undefined;
var movable: Resumption | undefined;

/** Installs (or, with no arguments, removes) a permuted order for the entries whose run is `permuted`. */
export function setReadyOrder(pick?: ReadyOrder, permuted?: Resumption): void {
  order = pick;
  movable = permuted;
}

export function enqueue(run: Resumption, task: TaskFrame, mode: number, value: unknown): void {
  if (count === slots.length) grow();
  var at = (head + count) & (slots.length - 1);
  slots[at] = run;
  slots[at + 1] = task;
  slots[at + 2] = mode;
  slots[at + 3] = value;
  count += 4;
  if (!drainScheduled) {
    drainScheduled = true;
    queueMicrotask(drainReadyQueue);
  }
}

function drainReadyQueue(): void {
  try {
    while (count > 0) {
      if (order === undefined) runInContext(contextOf(slots[head + 1] as TaskFrame), runEntriesOfContext);
      else {
        permuteNext(order);
        runInContext(contextOf(slots[head + 1] as TaskFrame), runEntry);
      }
    }
  } finally {
    // Only an entry that threw leaves some: they are dropped, as the queue had no way to run them.
    if (count > 0) discardEntries();
    // A burst (a million timers firing together) leaves a large ring: it is not kept past its drain.
    // The head goes back to the start with it, as it may stand past the small ring's end.
    if (slots.length > KEPT_SLOTS) {
      slots = new Array(KEPT_SLOTS);
      head = 0;
    }
    drainScheduled = false;
  }
}

/**
 * Runs the entries at the head whose task resumes in `context`. The record
 * that says so (the task's `$suspension`, a field of every coroutine's frame:
 * a megamorphic load) is read once and handed to the entry, which needs it
 * again when the task suspends.
 */
function runEntriesOfContext(context: unknown): void {
  while (count > 0) {
    var suspension = (slots[head + 1] as TaskFrame).$suspension;
    if ((suspension === undefined ? undefined : suspension.context) !== context) return;
    runEntry(context, suspension);
  }
}

/** Swaps the next entry with a chosen later one, when both are task resumptions. */
function permuteNext(pick: ReadyOrder): void {
  if (slots[head] !== movable) return;
  var other = (head + 4 * pick(count / 4)) & (slots.length - 1);
  if (other === head || slots[other] !== movable) return;
  for (var i = 0; i < 4; i++) {
    var held = slots[head + i];
    slots[head + i] = slots[other + i];
    slots[other + i] = held;
  }
}

function runEntry(context: unknown, suspension?: Suspension): void {
  var run = slots[head] as Resumption;
  var task = slots[head + 1] as TaskFrame;
  var mode = slots[head + 2] as number;
  var value = slots[head + 3];
  slots[head] = slots[head + 1] = slots[head + 3] = undefined;
  head = (head + 4) & (slots.length - 1);
  count -= 4;
  run(task, mode, value, suspension);
  var own = separateChanges(context);
  if (own !== undefined) moveToContext(task, own);
}

/** Twice the slots, the entries in order from the start. */
function grow(): void {
  var grown: unknown[] = new Array(slots.length * 2);
  for (var i = 0; i < count; i++) grown[i] = slots[(head + i) & (slots.length - 1)];
  slots = grown;
  head = 0;
}

function discardEntries(): void {
  for (var i = 0; i < count; i++) slots[(head + i) & (slots.length - 1)] = undefined;
  head = 0;
  count = 0;
}
