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
 * others.
 *
 * ## References
 * - Trio's run queue (`trio._core._run.Runner.runq`)
 * - https://nodejs.org/docs/latest-v20.x/api/globals.html#queuemicrotaskcallback
 */
import { runInContext, separateChanges } from './async-context';
import { contextOf, moveToContext } from './suspension';
import type { TaskFrame } from './task-frame';

export type Resumption = (task: TaskFrame, mode: number, value: unknown) => void;

var entries: unknown[] = [];
var next = 0;
var drainScheduled = false;

export function enqueue(run: Resumption, task: TaskFrame, mode: number, value: unknown): void {
  entries.push(run, task, mode, value);
  if (!drainScheduled) {
    drainScheduled = true;
    queueMicrotask(drainReadyQueue);
  }
}

function drainReadyQueue(): void {
  try {
    while (next < entries.length) runInContext(contextOf(entries[next + 1] as TaskFrame), runEntriesOfContext);
  } finally {
    entries.length = 0;
    next = 0;
    drainScheduled = false;
  }
}

function runEntriesOfContext(context: unknown): void {
  while (next < entries.length && contextOf(entries[next + 1] as TaskFrame) === context) {
    var run = entries[next] as Resumption;
    var task = entries[next + 1] as TaskFrame;
    var mode = entries[next + 2] as number;
    var value = entries[next + 3];
    entries[next] = entries[next + 1] = entries[next + 3] = undefined;
    next += 4;
    run(task, mode, value);
    var own = separateChanges(context);
    if (own !== undefined) moveToContext(task, own);
  }
}
