/**
 * Edits of an error's `stack` text (the `at async` lines of lowered
 * awaits), made when the engine makes the text rather than when the error
 * passes an `await`.
 *
 * ## Example
 * ```js
 * watchStackFormatting();                         // once, when lowered code is linked
 * editStack(error, function (text) { return text + '\n    at async main (main.js:3:3)'; });
 * error.message;                                  // no stack text made yet
 * error.stack;                                    // made now, with the line
 * ```
 *
 * ## Implementation
 * V8 makes an error's stack text on the first read of `stack`, from the
 * frames it recorded when the error was made, through
 * `Error.prepareStackTrace` where that is a function (Node 20 installs its
 * own, which applies source maps). Reading `stack` to append a line made the
 * text for every rejected `await`, about a hundred thousand instructions
 * per error, which native code never pays unless someone reads the stack:
 * a retry loop's errors are caught and looked at by `code`, not printed.
 *
 * So where `Error.prepareStackTrace` is a function, it is wrapped once: the
 * wrapper calls the one it found and applies the edits waiting for that
 * error. An error whose text is made already (the wrapper made it, so it is
 * known) is edited at once, as before, and so is every error while the
 * wrapper is not the installed formatter (a program or a tool installed its
 * own after it: its text would never reach the wrapper). Where the function
 * is missing (a `vm` context, a browser), every edit is made at once.
 *
 * The edits waiting for an error are kept on it, in a property of a symbol
 * that enumerations do not see (`defineHidden`).
 *
 * Where it says less than editing at once: an error whose `stack` the
 * program assigned before anyone read it, or whose text was made before
 * the wrapper was installed, never reaches the wrapper, and its waiting
 * edits are dropped with it. Native code shows `at async` lines there; the
 * runtime cannot tell such an error from one whose text is still to be
 * made without making the text.
 *
 * ## References
 * - V8's stack trace API (https://v8.dev/docs/stack-trace-api)
 */

type StackEdit = (text: string) => string;

var EDITS = Symbol('@coro/runtime.stackEdits');
var formattedErrors = typeof WeakSet === 'function' ? new WeakSet<object>() : undefined;
var wrapper: ((this: unknown, error: unknown, trace: unknown) => unknown) | undefined;

interface StackTraceApi {
  prepareStackTrace?: unknown;
}

/**
 * `object[key]` made `value`, in a property that no enumeration, `JSON`,
 * spread or `Object.assign` sees. A `WeakMap` from errors would keep each
 * value only as long as its error, as the property does, but its entries
 * kept values alive through the engine's young-generation collections: a
 * loop of rejected awaits spent most of its time in the collector.
 */
export function defineHidden(object: object, key: PropertyKey, value: unknown): boolean {
  try {
    Object.defineProperty(object, key, { value: value, writable: true, configurable: true });
    return true;
  } catch (ignored) {
    // Not extensible (frozen, sealed) or a proxy that refuses.
    return false;
  }
}

/** Wraps the engine's `Error.prepareStackTrace`, if it has one, so that edits can wait for the text. */
export function watchStackFormatting(): void {
  if (wrapper !== undefined || !formattedErrors) return;
  var previous = (Error as StackTraceApi).prepareStackTrace;
  if (typeof previous !== 'function') return;
  var formatted = formattedErrors;
  wrapper = function prepareStackTrace(this: unknown, error: unknown, trace: unknown): unknown {
    var text = (previous as Function).call(this, error, trace);
    if ((typeof error === 'object' && error !== null) || typeof error === 'function') {
      formatted.add(error as object);
      var waiting = waitingEdits(error as object);
      if (waiting !== undefined && waiting.length > 0 && typeof text === 'string') {
        for (var i = 0; i < waiting.length; i++) text = waiting[i](text as string);
        waiting.length = 0;
      }
    }
    return text;
  };
  try {
    (Error as StackTraceApi).prepareStackTrace = wrapper;
  } catch (ignored) {
    // A frozen `Error`: every edit is made at once.
    wrapper = undefined;
  }
}

function waitingEdits(error: object): StackEdit[] | undefined {
  try {
    return (error as { [key: PropertyKey]: StackEdit[] | undefined })[EDITS];
  } catch (ignored) {
    // An object whose property lookup throws (a revoked proxy given to `Error.captureStackTrace`).
    return undefined;
  }
}

/** Applies `edit` to `error`'s stack text: when the engine makes the text, or now if it is made already. */
export function editStack(error: object, edit: StackEdit): void {
  if (wrapper !== undefined && (Error as StackTraceApi).prepareStackTrace === wrapper && !formattedErrors!.has(error)) {
    var waiting = waitingEdits(error);
    if (waiting !== undefined) {
      waiting.push(edit);
      return;
    }
    if (defineHidden(error, EDITS, [edit])) return;
  }
  var text: unknown;
  try {
    text = (error as { stack: unknown }).stack;
  } catch (ignored) {
    // A `stack` getter of the program's that throws (or a revoked proxy): the error stays as it is.
    return;
  }
  if (typeof text !== 'string') return;
  var edited = edit(text);
  if (edited === text) return;
  try {
    (error as { stack: string }).stack = edited;
  } catch (ignored) {
    // Frozen, or a `stack` without a setter or not writable: it stays as it is.
  }
}
