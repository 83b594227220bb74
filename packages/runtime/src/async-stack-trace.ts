/**
 * The `at async` lines of an error that rejects a lowered `await`: V8 writes
 * them for native async functions, but a lowered function resumed by a
 * promise job is called by the runtime, so the engine sees no awaiting
 * callers. They are written here instead, one per awaiting call, as the
 * rejection travels up through the awaits.
 *
 * ## Example
 * ```js
 * // emitted once per async function or async generator, beside its step function
 * // ($file: the file's name, declared once at its top):
 * $coro.describeAwaits(load$step, "load", $file, "1 4:17 2 9:5");
 * // an error made in `fetchUser`, awaited by `load` (suspended in state 2):
 * //   Error: no such user
 * //       at fetchUser (src/user.ts:3:9)
 * //       at async load (src/load.ts:9:5)        ← appended when load's await rejects
 * //       at async main (src/main.ts:3:3)        ← appended when main's await rejects
 * ```
 *
 * ## Implementation
 * Nothing is written or allocated per call, per `await` or per resumption:
 * the table hangs on the step function, which every call shares, and the
 * runtime's rejection reaction for an `await` (the only code of ours a
 * rejection passes through) appends the line, reading the state where the
 * awaiting body stands.
 *
 * V8 fixes an error's stack when the error is made: the frames on the stack
 * (the synchronous callers) and, when a resumed async function is at the
 * bottom, the callers awaiting it. A body whose frame the stack already
 * holds (it was running, not awaiting, when the error was made: a callee
 * threw before its first `await`, or the body rejected its own `await`)
 * gets no `at async` line; its frame is found by name, the one the source
 * map gives it or its step function's. The first body whose frame is not
 * there was awaiting, and so is every caller after it: they all get a line
 * (so a recursive function's callers do, whose name the stack holds). An
 * error a resumed body throws, first seen there, was made in that
 * resumption: every caller gets a line from the first on.
 *
 * Where this says more than V8: an error made outside any async function
 * (at the top level, in a timer's callback, in a thenable's `then`) and
 * awaited later has no `at async` lines natively, and gets one per awaiting
 * caller here; so does an error made earlier and thrown by a resumed body.
 * Where it says less: a caller named like a function the stack holds is
 * taken for it (a minifier's short names meet more often), until a caller
 * not on the stack has been found.
 *
 * No line goes past `Error.stackTraceLimit` frames, where V8 stops too
 * (lowered calls add the runtime's frames, so that comes sooner).
 *
 * Each call gets a line once per error (a retry loop awaiting the same
 * rejected promise again adds nothing). Only
 * error objects get lines. A line is added to the text when the engine
 * makes it, at the first read of `stack` (./stack-text.ts), so an error
 * nobody prints costs no text at all; an error whose text is made already
 * gets it at once, unless its `stack` cannot be written (the write throws:
 * this code is strict). An error that takes no property (frozen, sealed)
 * gets none: its trail is kept on it. The
 * table stays the emitted text until one of the function's awaits is
 * rejected, which makes the line of each of its awaits once. Each caller
 * of one rejection sees the stack the one before it wrote: the count of
 * its frames and their names are kept with that text (per error, beside the
 * calls that got a line), not searched for again.
 *
 * The runtime's own frames (`resumeAsync`, `resumeOnce`) stay in the stack
 * text: telling them apart would take their names or their file, which a
 * bundler renames or merges with the user's.
 *
 * ## References
 * - V8's zero-cost async stack traces (https://v8.dev/docs/stack-trace-api#async-stack-traces)
 * - ./stack-text.ts, which makes the edit when the engine makes the stack's text
 * - ./coroutines/async-stack-trace.ts, the same lines for coroutines, read off their waiters
 */
import { defineHidden, editStack, watchStackFormatting } from './stack-text';

/**
 * What `describeAwaits` hangs on a step function: its name in traces, its file, and `"state line:col …"`;
 * the fourth element, once one of its awaits has been rejected, is the `at async` line of each
 * resume state, made from the table then.
 */
interface DescribedStep {
  $awaits?: [string, string, string, { [state: number]: string }?];
}

/** A step function as the lines are written for it: its description and its own name (`f$step`, looked for in stacks). */
interface AwaitingStep extends DescribedStep {
  readonly name: string;
}

/** Emitted code: the name stack traces give the function, its file, and the `line:col` of the `await` of each resume state. */
export function describeAwaits(step: Function, name: string, file: string, table: string): void {
  watchStackFormatting();
  (step as DescribedStep).$awaits = [name, file, table];
}

type Rejection = (reason: unknown) => never;

/**
 * The rejection reactions of functions that await once, by the text that
 * describes them: a function expression is described each time it is
 * evaluated (its helpers are made there), and its reactions are the same
 * every time, so they are made once per function text, not per evaluation.
 */
var onceReactions = typeof Map === 'function' ? new Map<string, OnceReactions[]>() : undefined;

interface OnceReactions {
  step: AwaitingStep;
  rejections: { [state: number]: Rejection };
}

/**
 * For a function that awaits once (`awaitOnce`, whose only reaction is the
 * caller's promise's): returns per resume state the rejection reaction of
 * that `await`, which adds the line and throws the reason on. The reaction
 * is shared by every call and every evaluation of the function; a call that
 * awaits once never meets an error twice, so it names none.
 */
export function describeAwaitOnce(step: Function, name: string, file: string, table: string): { [state: number]: Rejection } {
  watchStackFormatting();
  // Looked up by the table, a string of the emitted text (no key is built); positions make it all but unique.
  var known = onceReactions && onceReactions.get(table);
  var stepName = step.name;
  if (known) {
    for (var k = 0; k < known.length; k++) {
      var awaits = known[k].step.$awaits!;
      if (awaits[0] === name && awaits[1] === file && known[k].step.name === stepName) return known[k].rejections;
    }
  }
  // A stand-in for the step, so that the reactions keep no evaluation's function (and its scope) alive.
  var described: AwaitingStep = { $awaits: [name, file, table], name: stepName };
  var rejections: { [state: number]: Rejection } = {};
  var entries = table.split(' ');
  for (var i = 0; i < entries.length; i += 2) rejections[+entries[i]] = rejectionAt(described, +entries[i]);
  if (onceReactions) {
    if (known) known.push({ step: described, rejections: rejections });
    else onceReactions.set(table, [{ step: described, rejections: rejections }]);
  }
  return rejections;
}

function rejectionAt(step: AwaitingStep, state: number): Rejection {
  return function (reason: unknown): never {
    addAwaitingCaller(reason, undefined, step, state);
    throw reason;
  };
}

/**
 * An error the runtime has seen: the calls that got a line, whether the calls still to come get
 * one, and the last stack text read or written here with its count of frame lines up to the
 * `Error.stackTraceLimit` it was counted for and the names of its frames (once asked for), so
 * that a stack seen again, as each awaiting caller of one rejection sees it, is not searched again.
 */
interface ErrorTrail {
  lined: unknown[];
  appending: boolean;
  stack: string | undefined;
  frames: number;
  limit: unknown;
  names: string[] | undefined;
}

var TRAIL = Symbol('@coro/runtime.awaitTrail');

/** Errors a resumed body threw before any `await` saw them (`thrownByResumedBody`). */
var thrownByResumedBodies = typeof WeakSet === 'function' ? new WeakSet<object>() : undefined;

/**
 * The trail of an error object, made on first sight and kept on the error
 * itself (stack-text.ts `defineHidden`): none for one that takes no
 * property.
 */
function trailOf(error: object): ErrorTrail | undefined {
  var trail = (error as { [key: PropertyKey]: ErrorTrail | undefined })[TRAIL];
  if (trail !== undefined) return trail;
  var appending = thrownByResumedBodies !== undefined && thrownByResumedBodies.has(error);
  trail = { lined: [], appending: appending, stack: undefined, frames: 0, limit: undefined, names: undefined };
  return defineHidden(error, TRAIL, trail) ? trail : undefined;
}

/** A resumed body threw `error`: if no `await` has seen it yet, the calls awaiting it were suspended when it was made. */
export function thrownByResumedBody(error: unknown): void {
  if (thrownByResumedBodies !== undefined && typeof error === 'object' && error !== null) thrownByResumedBodies.add(error);
}

/**
 * The rejection reaction of the `await` where `body` (a call of `step`, undefined for one that
 * awaits once) stands in `state`: appends its `at async` line to `error`'s stack.
 */
export function addAwaitingCaller(error: unknown, body: unknown, step: AwaitingStep, state: number): void {
  if (typeof error !== 'object' || error === null) return;
  var trail: ErrorTrail | undefined;
  try {
    if (objectToString.call(error) !== '[object Error]') return;
    trail = trailOf(error);
  } catch (ignored) {
    // A revoked proxy: the rejection goes on as it is.
    return;
  }
  if (!trail) return;
  var lined = trail;
  editStack(error as object, function (stack: string): string {
    return withAwaitingCaller(lined, stack, body, step, state);
  });
}

/** `stack` with the `at async` line of `body` (standing at `state`) appended, if it gets one. */
function withAwaitingCaller(trail: ErrorTrail, stack: string, body: unknown, step: AwaitingStep, state: number): string {
  var described = step.$awaits;
  var limit: unknown;
  try {
    limit = (Error as { stackTraceLimit?: unknown }).stackTraceLimit;
  } catch (ignored) {
    return stack;
  }
  if (stack !== trail.stack || limit !== trail.limit) {
    if (stack !== trail.stack) trail.names = undefined;
    trail.stack = stack;
    trail.limit = limit;
    trail.frames = typeof limit === 'number' ? frameLines(stack, limit) : 0;
  }
  // A stack as long as V8 makes them is full, as natively (`at async` lines count), and may have lost the frames to look for.
  if (typeof limit === 'number' && trail.frames >= limit) return stack;
  if (!trail.appending) {
    if (holdsFrameOf(trail.names || (trail.names = frameNames(stack)), described ? described[0] : '', step.name)) return stack;
    trail.appending = true;
  }
  if (!described || (body !== undefined && trail.lined.indexOf(body) >= 0)) return stack;
  var line = (described[3] || (described[3] = awaitLines(described)))[state];
  if (line === undefined) return stack;
  if (body !== undefined) trail.lined.push(body);
  stack += line;
  trail.stack = stack;
  trail.names = undefined;
  trail.frames++;
  return stack;
}

/** How many frame lines (`at` lines, `at async` ones too) `stack` holds, counted up to `limit`: no array of its lines is made. */
function frameLines(stack: string, limit: number): number {
  var count = 0;
  for (var at = stack.indexOf('\n    at '); at >= 0 && count < limit; at = stack.indexOf('\n    at ', at + 1)) count++;
  return count;
}

/** The `at async` line of each resume state of a described step, made once, at its first rejected await. */
function awaitLines(described: [string, string, string, { [state: number]: string }?]): { [state: number]: string } {
  var lines: { [state: number]: string } = {};
  var entries = described[2].split(' ');
  for (var i = 0; i < entries.length; i += 2) {
    var at = described[1] + ':' + entries[i + 1];
    lines[+entries[i]] = '\n    at async ' + (described[0] ? described[0] + ' (' + at + ')' : at);
  }
  return lines;
}

var objectToString = Object.prototype.toString;

/** The names of a stack's frames (not its `at async` lines), as `holdsFrameOf` compares them. */
function frameNames(stack: string): string[] {
  var names: string[] = [];
  var lines = stack.split('\n');
  for (var i = 1; i < lines.length; i++) {
    var frame = /^\s*at (?!async )(.*?)(?: \[as [^\]]*\])? \(/.exec(lines[i]);
    if (frame && frame[1] !== '') names.push(frame[1]);
  }
  return names;
}

/**
 * Whether a stack holds a frame of the function, by its frames' names: under its name in the
 * source (source maps) or its step function's (`at f$step`, `at Object.f$step [as step]`).
 */
function holdsFrameOf(names: string[], traceName: string, stepName: string): boolean {
  for (var i = 0; i < names.length; i++) {
    var name = names[i];
    if (name === traceName || name === stepName || name.slice(-stepName.length - 1) === '.' + stepName) return true;
  }
  return false;
}
