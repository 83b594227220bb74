/**
 * The async function driver: `asyncStarted(result)` turns what the first run
 * of a lowered async function's body returned into the promise its caller
 * receives; `awaitValue` is what the machine calls at each `await`.
 *
 * ## Example
 *
 * ```js
 * // async function f(x) { return 1 + await x; }
 * function f(x) {
 *   try { return $coro.asyncStarted(f$step(new f$Frame(x), 0, 0, void 0)); }
 *   catch ($error) { return $coro.rejectedPromise($error); }
 * }
 * function f$step($frame, $state, $mode, $value) {
 *   …
 *   case 0: return $coro.awaitValue($frame, $frame.$task, $frame.x, 1);   // resumes at 1
 *   case 1: $frame.$state = -2; return 1 + $value;
 * }
 * ```
 *
 * ## Implementation
 *
 * The body starts synchronously, as AsyncFunctionStart does. A step that
 * reaches an `await` registers the continuation itself (`awaitValue`) and
 * returns `AWAITING`; any other return value is the completion.
 *
 * The wrapper calls the step itself, with the `try` that turns an exception
 * into the rejected promise, rather than a runtime function calling it: a
 * recursion then holds two frames per level (the wrapper and the step), not
 * three, and the interpreter's frames are what bounds how deep an async
 * function awaiting itself can go. The step's call site in the wrapper sees
 * one function, which the engine can inline. What `asyncStarted` needs
 * besides the result, the last `await` of the run leaves in a module
 * variable (the task, or the promise of `awaitOnce`).
 *
 * What is allocated per call: the frame, the promise and its two resolving
 * functions (only when the body suspends: a body that completes at once gets
 * an already settled promise), and at the first `await` an `AsyncTask`
 * holding them, the two reactions (closures over the task) that every
 * `await` of the call registers, and an awaited primitive. An `await` itself
 * allocates what PromiseResolve and `then` must: nothing of ours.
 *
 * The task exists for speed: every lowered function's frame has a shape of
 * its own, so in a program with many async functions each access of the
 * runtime to a frame field is a megamorphic lookup. Tasks all have one
 * shape. The step reads `$task` itself (its own frame, one shape) and names
 * the state to resume at; the runtime reads the frame's `$step` when it
 * starts the body, and writes and reads `$task` once when the first run
 * suspends: per `await` and per resumption it touches no frame field.
 *
 * Timing matches Await step for step: PromiseResolve (a native promise whose
 * `constructor` is %Promise% is used as it is; anything else is wrapped, a
 * thenable through NewPromiseResolveThenableJob), then one reaction on it.
 * An exception from PromiseResolve (a throwing `constructor` or `then`
 * getter) is thrown where the `await` stands, inside the body. The `Promise`
 * used is the one the runtime saw when it loaded, as native code uses the
 * realm's intrinsic rather than whatever the global holds later. `then` is
 * reached through that intrinsic too, so a patched `Promise.prototype.then`
 * is not called; the species lookup `then` performs (reading the awaited
 * promise's `constructor` once more) is the one observable difference left.
 *
 * ## References
 *
 * - ECMA-262 §27.7.5.1 AsyncFunctionStart, §27.7.5.2 AsyncBlockStart
 * - ECMA-262 §6.2.3.1 Await
 * - ECMA-262 §27.2.4.7.1 PromiseResolve, §27.2.5.4.1 PerformPromiseThen
 */
import { AsyncFrame, GeneratorFrame, ResumeMode, StepFunction } from './frame';
import { addAwaitingCaller, thrownByResumedBody } from './async-stack-trace';
import { pendingPromise, promiseResolveIntrinsic, promiseThen, PromiseSettlers, rejectedPromise, resolvedPromise } from './native-promise';

/** Returned by a step suspended at an `await`: the continuation is already registered. */
export var AWAITING = /*#__PURE__*/ Symbol.for('@coro/runtime.awaiting');

/** Returned by a step suspended at its only `await`: `promiseOfOnlyAwait` is the promise awaited. */
var AWAITING_ONCE = {};
var promiseOfOnlyAwait: Promise<unknown> | undefined;
var bindFunction = Function.prototype.bind;

/**
 * The task of the last `await` that registered reactions (`awaitValue`):
 * when a body's first run returns `AWAITING`, that `await` was its own, and
 * `asyncStarted` takes the task from here. Written at every such `await`,
 * not only at a call's first: a body whose first `await` threw (in
 * PromiseResolve) may call other async functions before it awaits again.
 */
var awaitingTask: AsyncTask | undefined;

/** The promise of a call whose body's first run returned `result` (the wrapper's `try` handles a throw). */
export function asyncStarted(result: unknown): Promise<unknown> {
  if (typeof result === 'symbol' && result === AWAITING) {
    var task = awaitingTask as AsyncTask;
    awaitingTask = undefined;
    return pendingPromise(task);
  }
  if (result === AWAITING_ONCE) {
    var promise = promiseOfOnlyAwait as Promise<unknown>;
    promiseOfOnlyAwait = undefined;
    return promise;
  }
  return resolvedPromise(result);
}

var applyFunction = Function.prototype.apply;

/**
 * For a function whose parameters can throw (defaults, patterns): `bind`
 * binds them and makes the frame, so an error there rejects the promise.
 */
export function startAsyncWith(bind: Function, args: ArrayLike<unknown>): Promise<unknown> {
  var result: unknown;
  try {
    var frame: GeneratorFrame = applyFunction.call(bind, undefined, args);
    result = frame.$step(frame, 0, 0, undefined);
  } catch (error) {
    return rejectedPromise(error);
  }
  return asyncStarted(result);
}

/** What an async function's call keeps from its first `await` on (see the module comment). */
interface AsyncTask extends PromiseSettlers {
  frame: GeneratorFrame;
  step: StepFunction;
  /** Where the body resumes: the state its last `await` named. */
  state: number;
  awaited: unknown;
  onFulfilled: (value: unknown) => void;
  onRejected: (reason: unknown) => void;
}

/** A literal rather than `new`: the allocation is inlined even where the caller is not. */
function newAsyncTask(frame: GeneratorFrame, step: StepFunction): AsyncTask {
  var task: AsyncTask = {
    frame: frame,
    step: step,
    state: 0,
    $resolve: undefined,
    $reject: undefined,
    awaited: undefined,
    onFulfilled: function (value: unknown) {
      resumeAsync(task, 0, typeof value === 'symbol' && value === AWAITED_PRIMITIVE ? task.awaited : value);
    },
    onRejected: function (reason: unknown) {
      addAwaitingCaller(reason, task, task.step, task.state);
      resumeAsync(task, 1, reason);
    },
  };
  return task;
}

/** Resumes a suspended body: `mode` 0 with the awaited value, 1 with the rejection reason. */
function resumeAsync(task: AsyncTask, mode: ResumeMode, value: unknown): void {
  var result: unknown;
  try {
    result = task.step(task.frame, task.state, mode, value);
  } catch (error) {
    thrownByResumedBody(error);
    (task.$reject as Function)(error);
    return;
  }
  if (!(typeof result === 'symbol' && result === AWAITING)) (task.$resolve as Function)(result);
}

/**
 * Await steps 2-9 in an async function: the value resolved to a promise, the
 * task's reactions hung on it. `task` is the frame's `$task` (undefined at
 * the first `await`), `state` where the body resumes.
 */
export function awaitValue(frame: AsyncFrame, frameTask: unknown, value: unknown, state: number): unknown {
  var task = frameTask as AsyncTask | undefined;
  if (task === undefined) task = frame.$task = newAsyncTask(frame, frame.$step);
  task.state = state;
  var awaiting = awaitWith(task, value);
  // Written once the reactions are registered: the `constructor` getter that PromiseResolve and `then` read may start other calls that await.
  awaitingTask = task;
  return awaiting;
}

/** What an `await` registers its reactions on: an async function's task or an async generator's queue. */
export interface AwaitReactions {
  awaited: unknown;
  onFulfilled: (value: unknown) => void;
  onRejected: (reason: unknown) => void;
}

/** Await steps 2-9: `value` resolved to a promise, `reactions` hung on it. */
export function awaitWith(reactions: AwaitReactions, value: unknown): unknown {
  var promise: Promise<unknown>;
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') {
    // PromiseResolve would make a promise fulfilled with the value: one already fulfilled does the same job.
    reactions.awaited = value;
    promise = fulfilledWithAwaitedPrimitive;
  } else {
    promise = promiseResolveIntrinsic(value);
  }
  promiseThen.call(promise, reactions.onFulfilled, reactions.onRejected);
  return AWAITING;
}

/** What `fulfilledWithAwaitedPrimitive` holds: the reaction then reads the awaited primitive where the await left it. */
export var AWAITED_PRIMITIVE = /*#__PURE__*/ Symbol.for('@coro/runtime.awaitedPrimitive');
export var fulfilledWithAwaitedPrimitive = promiseResolveIntrinsic(AWAITED_PRIMITIVE);

/**
 * The `await` of a function that awaits at most once per call, never under a
 * `try` (the compiler proves it): the promise `then` derives here is the
 * caller's. The resumed machine returns its completion, or throws, from the
 * reaction, which settles the derived promise in the same job; a rejection
 * passes to it untouched. No resolving functions and one bound function
 * instead of two: what a pending call keeps is the frame, that function and
 * the reaction (a bound function is smaller than a closure and its context,
 * which is why the step writes `$state` here and the reaction reads it
 * back). `rejections[state]`, the rejection reaction `describeAwaitOnce`
 * made for this `await` (resuming at `state`), adds the function's `at async` line and throws the reason
 * on (./async-stack-trace.ts); one per `await` of the function, not per
 * call. The derived promise is made by `then`'s species lookup: a program
 * that redefines `Promise[Symbol.species]` gets its species here, where
 * native code always gives a plain promise.
 */
export function awaitOnce(frame: GeneratorFrame, value: unknown, rejections?: { [state: number]: (reason: unknown) => never }, state?: number): unknown {
  var promise = promiseResolveIntrinsic(value);
  // `rejections` is undefined when an import cycle calls the function before its module's statements described it.
  var rejected = rejections === undefined ? undefined : rejections[state as number];
  promiseOfOnlyAwait = promiseThen.call(promise, bindFunction.call(resumeOnce, frame), rejected) as Promise<unknown>;
  return AWAITING_ONCE;
}

function resumeOnce(this: GeneratorFrame, value: unknown): unknown {
  try {
    return this.$step(this, this.$state, 0, value);
  } catch (error) {
    thrownByResumedBody(error);
    throw error;
  }
}
