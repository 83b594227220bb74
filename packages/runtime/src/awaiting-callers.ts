/**
 * The `at async` lines of an error thrown by a lowered async function or
 * async generator after it resumed: the chain of lowered functions awaiting
 * it, each at the original position of the `await` (or `for await`) where
 * it stands, as V8 writes them for native ones.
 *
 * ## Example
 * ```
 * Error: no such user
 *     at Store.load (src/store.js:9:11)
 *     at async fetchUser (src/users.js:4:10)
 *     at async main (src/main.js:3:3)
 * ```
 *
 * ## Implementation
 * Resumed from a promise job, a lowered function's step has only the
 * runtime's frames below it: the engine, which follows awaiting callers
 * only through native async functions, sees none. So the runtime keeps
 * who awaits whom, at no cost worth the name: `startAsync` notes the
 * promise it returned for a call that suspended, and the next `await`
 * compares its value with it (`await f()` awaits exactly that promise), and
 * so does a request to an async generator (`for await` awaits its
 * `next()`); a match links the awaited call to the awaiting frame, in the
 * awaited call's task (`awaiter`), an async generator's driver object, or,
 * for a function that awaits once and has no task, in its frame's `$task`.
 * Nothing else is recorded while things go
 * well. When an error escapes a resumed step (not the rejection it was
 * resumed with), the chain is read off the links, each frame at its
 * `$state` (await-positions.ts), and appended to the error's stack once
 * (a caller that rethrows it appends nothing), within
 * `Error.stackTraceLimit` frames as V8 counts them.
 *
 * What it costs: per call that suspends, two writes; per `await`, a
 * comparison (and a write when it matches); per error that escapes a
 * resumed function awaited by another, its stack is formatted then rather
 * than when first read (with Node's source maps, a lookup per frame).
 *
 * What differs from native: V8 writes the lines when the error is made,
 * this when it leaves the function that resumed, so an error made and
 * caught inside a resumed function gets none; a promise awaited later
 * than right after the call that made it (`const p = f(); …; await p`),
 * or through `Promise.all` or `.then`/`.catch`, links nothing, and the
 * chain ends there (V8 follows those); an
 * error made before the function's first `await` and thrown after it gets
 * the lines too, where native gives it the frames of its creation; and one
 * that leaves a function before its first `await`, called by a resumed one,
 * gets none (natively it has the resumed function's callers).
 *
 * ## References
 * - V8's zero-cost async stack traces (https://v8.dev/docs/stack-trace-api#async-stack-traces)
 * - ECMA-262 §27.7.5.3 Await
 */
import { awaitsOf, positionAt } from './await-positions';
import type { AsyncFrame } from './frame';

var tracedErrors = typeof WeakSet === 'function' ? new WeakSet<object>() : undefined;
/** Enough to make the lines of a chain that loops (a frame awaiting itself through others) end. */
var MAX_AWAITING_CALLERS = 200;

interface AwaitedTask {
  frame: AsyncFrame;
  awaiter: AsyncFrame | undefined;
}

/** Links a call that suspended (its frame) to the frame of the function that awaits its promise. */
export function linkAwaiter(awaited: AsyncFrame, awaiter: AsyncFrame): void {
  var task = awaited.$task as AwaitedTask | AsyncFrame | undefined;
  if (task !== undefined && (task as AwaitedTask).frame === awaited) (task as AwaitedTask).awaiter = awaiter;
  else awaited.$task = awaiter;
}

function awaiterOf(frame: AsyncFrame): AsyncFrame | undefined {
  // An async generator: the driver's object holds it (async-generator.ts).
  var queue = (frame as { $queue?: { generator?: unknown; awaiter?: AsyncFrame } }).$queue;
  if (typeof queue === 'object' && queue !== null && queue.generator === frame) return queue.awaiter;
  var task = frame.$task as AwaitedTask | AsyncFrame | undefined;
  if (task === undefined || typeof task !== 'object') return undefined;
  return (task as AwaitedTask).frame === frame ? (task as AwaitedTask).awaiter : (task as AsyncFrame);
}

/** Appends the `at async` lines of the functions awaiting `frame` to an error that escaped its resumed step. */
export function addAwaitingCallers(error: unknown, frame: AsyncFrame): void {
  if (typeof error !== 'object' || error === null || !tracedErrors || tracedErrors.has(error)) return;
  tracedErrors.add(error);
  var awaiter = awaiterOf(frame);
  if (awaiter === undefined) return;
  var stack: unknown;
  try {
    stack = (error as { stack?: unknown }).stack;
  } catch (ignored) {
    return;
  }
  if (typeof stack !== 'string') return;
  var limit = Error.stackTraceLimit;
  var room = (typeof limit === 'number' ? limit : 10) - (stack.split('\n    at ').length - 1);
  var lines = '';
  for (var seen = 0; awaiter !== undefined && room > 0 && seen < MAX_AWAITING_CALLERS; awaiter = awaiterOf(awaiter), seen++, room--) {
    var described = awaitsOf(awaiter);
    if (described === undefined) break;
    var at = positionAt(described, awaiter.$state);
    lines += '\n    at async ' + (described.$name ? described.$name + (at ? ' (' + at + ')' : '') : at || '<anonymous>');
  }
  if (lines === '') return;
  try {
    (error as { stack: string }).stack = stack + lines;
  } catch (ignored) {
    // A frozen error keeps its stack as it is.
  }
}
