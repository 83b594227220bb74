/**
 * The `at async` lines of an error thrown in a coroutine: the chain of
 * coroutines awaiting the failed one, each at the original position of the
 * `await` where it stands, appended to the error's stack.
 *
 * ## Example
 * ```
 * Error: no such user
 *     at load$step (out/load.js:31:15)
 *     at async load (src/load.ts:9:5)
 *     at async main (src/main.ts:3:3)
 * ```
 *
 * ## Implementation
 * Nothing is recorded while things go well: the chain is read off the
 * waiters (each waiter is suspended at a known state) only when a task
 * fails, and only once per error (a parent that rethrows the same error does
 * not append it again). The failing task's own frames are already in the
 * stack the engine wrote when the error was thrown. The lines join the
 * stack's text when the engine makes it (../stack-text.ts).
 *
 * ## References
 * - V8's zero-cost async stack traces (https://v8.dev/docs/stack-trace-api#async-stack-traces)
 */
import { editStack } from '../stack-text';
import { taskName, taskPosition } from './task-description';
import { awaitedBy, type TaskFrame } from './task-frame';

var traced = typeof WeakSet === 'function' ? new WeakSet<object>() : undefined;

export function addAsyncStackTrace(error: unknown, task: TaskFrame): void {
  if (!(error instanceof Error) || !traced || traced.has(error)) return;
  traced.add(error);
  var lines: string[] = [];
  var seen = 0;
  for (var waiter = firstTaskWaiter(task); waiter && seen < 64; waiter = firstTaskWaiter(waiter), seen++) {
    var at = taskPosition(waiter);
    lines.push('    at async ' + taskName(waiter) + (at ? ' (' + at + ')' : ''));
  }
  if (!lines.length) return;
  var trace = '\n' + lines.join('\n');
  editStack(error, function (text: string): string {
    return text + trace;
  });
}

/** `error` is thrown into many tasks at once (a channel's close): it gets none of their chains. */
export function shareError<E extends Error>(error: E): E {
  if (traced) traced.add(error);
  return error;
}

function firstTaskWaiter(task: TaskFrame): TaskFrame | undefined {
  var waiters = task.$waiters;
  var candidates = Array.isArray(waiters) ? waiters : waiters instanceof Set ? Array.from(waiters) : waiters === undefined ? [] : [waiters];
  for (var i = 0; i < candidates.length; i++) if (typeof candidates[i] !== 'function') return candidates[i] as TaskFrame;
  return task.$parent && awaitedBy(task.$parent) === task ? task.$parent : undefined;
}
