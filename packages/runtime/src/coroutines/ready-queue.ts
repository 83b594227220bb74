/**
 * The ready queue: tasks whose awaited value has arrived, resumed in order
 * by one microtask that drains the whole queue.
 *
 * ## Example
 * A task `a` awaiting `b`: when `b` completes, `enqueue(resume, a, 0, value)`
 * appends four slots; the microtask scheduled by the first entry runs
 * `resume(a, 0, value)`, then every entry appended meanwhile, in the same job.
 *
 * ## Implementation
 * One flat array of (run, task, mode, value) with a read index: nothing is
 * allocated per entry. A completion never calls its waiters directly, it
 * appends them, so a chain of ten thousand tasks completing one after another
 * runs in a loop at one stack depth. Entries are run inside the async context
 * their task captured (async-context.ts, suspension.ts); consecutive entries of one context
 * share one entry into it. A task that changed a store of the shared context while it ran
 * (`als.enterWith`) is moved to a context of its own, and the shared one is restored for the
 * others. Under the test scheduler (test-scheduler.ts) an
 * order is installed: before each entry runs, a seeded choice swaps it with
 * a later one, so the resumptions of one drain run in a permuted order; only
 * task resumptions move, bookkeeping entries (a failure's end-of-drain check)
 * keep their place. `progress` counts entries, so the test scheduler can
 * tell a stalled program from a busy one.
 *
 * ## References
 * - Trio's run queue (`trio._core._run.Runner.runq`)
 * - https://nodejs.org/docs/latest-v20.x/api/globals.html#queuemicrotaskcallback
 */
import { runInContext, separateChanges } from './async-context';
import { contextOf, moveToContext } from './suspension';
import type { Resumption, TaskFrame } from './task-frame';

export type { Resumption };

var entries: unknown[] = [];
var next = 0;
var drainScheduled = false;

/** Entries queued so far: the test scheduler reads it to see whether anything happened. */
export var progress = { entries: 0 };

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
  entries.push(run, task, mode, value);
  progress.entries++;
  if (!drainScheduled) {
    drainScheduled = true;
    queueMicrotask(drainReadyQueue);
  }
}

function drainReadyQueue(): void {
  try {
    while (next < entries.length) {
      if (order === undefined) runInContext(contextOf(entries[next + 1] as TaskFrame), runEntriesOfContext);
      else {
        permuteNext(order);
        runInContext(contextOf(entries[next + 1] as TaskFrame), runEntry);
      }
    }
  } finally {
    entries.length = 0;
    next = 0;
    drainScheduled = false;
  }
}

function runEntriesOfContext(context: unknown): void {
  while (next < entries.length && contextOf(entries[next + 1] as TaskFrame) === context) runEntry(context);
}

/** Swaps the next entry with a chosen later one, when both are task resumptions. */
function permuteNext(pick: ReadyOrder): void {
  if (entries[next] !== movable) return;
  var other = next + 4 * pick((entries.length - next) / 4);
  if (other === next || entries[other] !== movable) return;
  for (var i = 0; i < 4; i++) {
    var held = entries[next + i];
    entries[next + i] = entries[other + i];
    entries[other + i] = held;
  }
}

function runEntry(context: unknown): void {
  var run = entries[next] as Resumption;
  var task = entries[next + 1] as TaskFrame;
  var mode = entries[next + 2] as number;
  var value = entries[next + 3];
  entries[next] = entries[next + 1] = entries[next + 3] = undefined;
  next += 4;
  run(task, mode, value);
  var own = separateChanges(context);
  if (own !== undefined) moveToContext(task, own);
  if (next >= COMPACT_AFTER && next * 2 >= entries.length) compactEntries();
}

/**
 * Entries already run are dropped from the front once they are most of the
 * array: a drain that never ends (two tasks handing messages back and forth
 * keep one entry queued at all times) would otherwise grow it without bound,
 * and a huge array is slow to append to.
 */
var COMPACT_AFTER = 4096;

function compactEntries(): void {
  entries.copyWithin(0, next);
  entries.length -= next;
  next = 0;
}
