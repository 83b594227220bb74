/**
 * The async generator driver: the request queue behind `next`/`throw`/
 * `return`, and what happens when the machine yields, awaits or completes.
 *
 * ## Example
 *
 * ```js
 * // async function* ticks() { yield 1; }   lowers to a machine whose step does
 * case 0: $frame.$state = 1; return $coro.awaitInAsyncGenerator($frame, 1);  // yield awaits its operand
 * case 1: $frame.$state = 2; return $value;                                   // then yields it
 * case 2: $frame.$state = -2; return;
 * ```
 *
 * ## Implementation
 *
 Everything the driver keeps lives in one object of its own, an
 * `AsyncGeneratorQueue`, that the frame holds in `$queue` from its first
 * request on. Every queue has the same shape whatever the frame's, so the
 * driver's property accesses stay monomorphic in a program with many async
 * generators; touching the frames themselves (each function's frame has its
 * own shape) would make every one of them megamorphic. The driver reads only
 * `$queue` and `$state` from a frame per step.
 *
 * `phase` is the spec's [[AsyncGeneratorState]]: SUSPENDED (suspended-start
 * while `$state` is 0, suspended-yield after), EXECUTING (also while the body
 * waits on an `await`), DRAINING (draining-queue: the body has ended and a
 * `return()` request's value is being awaited) and COMPLETED.
 *
 * The oldest request lives in the queue object (`requestMode`, `-1` for
 * none, `requestValue`, and the resolving functions `resolve`/`reject` of the
 * promise `pendingPromise` made for it); later ones wait in `waiting`, flat,
 * four slots each, made when a second request arrives. A `for await` loop
 * makes one request per value and never has two waiting: it allocates
 * neither a request object nor array room.
 * The body runs in `runBody`, which loops instead of recursing when a yield
 * finds the next request already queued (AsyncGeneratorYield step 11: the
 * generator goes on without suspending). The machine itself awaits `yield`
 * and `return` operands; the driver awaits the value of a `return()` request
 * (AsyncGeneratorUnwrapYieldResumption, then mode 2 into the machine's
 * finalizers) and, once the body is done, AsyncGeneratorAwaitReturn's value.
 * All of them use the queue's two await reactions (closures over the queue, made
 * with it), told apart by `phase` and `returnPending`.
 *
 * ## References
 *
 * - ECMA-262 §27.6.3 AsyncGenerator Abstract Operations: AsyncGeneratorStart,
 *   AsyncGeneratorValidate, AsyncGeneratorEnqueue, AsyncGeneratorCompleteStep,
 *   AsyncGeneratorResume, AsyncGeneratorUnwrapYieldResumption,
 *   AsyncGeneratorYield, AsyncGeneratorAwaitReturn, AsyncGeneratorDrainQueue
 * - ECMA-262 §27.6.1.2-4 AsyncGenerator.prototype.next / return / throw
 */
import { AWAITED_PRIMITIVE, AWAITING, awaitWith } from './async-function';
import { AsyncGeneratorFrame, ResumeMode, StepFunction } from './frame';
import { addAwaitingCaller } from './async-stack-trace';
import { pendingPromise, PromiseSettlers, rejectedPromise, resolvedPromise } from './native-promise';

var SUSPENDED = 0;
var EXECUTING = 1;
var DRAINING = 2;
var COMPLETED = 3;

/** The driver's state of one async generator (see the module comment); the frame holds it in `$queue`. */
interface AsyncGeneratorQueue extends PromiseSettlers {
  generator: AsyncGeneratorFrame;
  step: StepFunction;
  phase: number;
  requestMode: number;
  requestValue: unknown;
  waiting: unknown[] | undefined;
  returnPending: boolean;
  awaited: unknown;
  onFulfilled: (value: unknown) => void;
  onRejected: (reason: unknown) => void;
}

function AsyncGeneratorQueue(this: AsyncGeneratorQueue, generator: AsyncGeneratorFrame) {
  var queue = this;
  this.generator = generator;
  this.step = generator.$step;
  this.phase = SUSPENDED;
  this.requestMode = -1;
  this.requestValue = undefined;
  this.$resolve = undefined;
  this.$reject = undefined;
  this.waiting = undefined;
  this.returnPending = false;
  this.awaited = undefined;
  this.onFulfilled = function (value: unknown) {
    resumeAwaitingAsyncGenerator(queue, 0, typeof value === 'symbol' && value === AWAITED_PRIMITIVE ? queue.awaited : value);
  };
  this.onRejected = function (reason: unknown) {
    if (queue.phase !== DRAINING) addAwaitingCaller(reason, queue, queue.step, queue.generator.$state);
    resumeAwaitingAsyncGenerator(queue, 1, reason);
  };
}

/** The queue of `value` when it is an async generator object, else undefined. */
function queueOf(value: unknown): AsyncGeneratorQueue | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  var queue = (value as AsyncGeneratorFrame).$queue as AsyncGeneratorQueue | undefined;
  // Not `instanceof`: the queue may come from another copy of the runtime (see ./frame.ts, "Runtime copies").
  if (queue !== undefined) return queue.generator === value ? queue : undefined;
  // Its first request: only a frame of a lowered async generator owns a `$queue` field from its constructor on.
  var frame = value as AsyncGeneratorFrame;
  if (!hasOwnField.call(frame, '$queue') || typeof frame.$state !== 'number' || typeof frame.$step !== 'function') return undefined;
  return (frame.$queue = new (AsyncGeneratorQueue as any)(frame));
}

var hasOwnField = Object.prototype.hasOwnProperty;

/** `next` (mode 0), `throw` (1) or `return` (2) called on an async generator object. */
export function requestAsyncGenerator(generator: AsyncGeneratorFrame, mode: ResumeMode, value: unknown): Promise<unknown> {
  var queue = queueOf(generator);
  if (queue === undefined) {
    return rejectedPromise(new TypeError('not an async generator'));
  }
  var phase = queue.phase;
  if (mode === 1 && phase === SUSPENDED && generator.$state === 0) {
    generator.$state = -2;
    queue.phase = phase = COMPLETED;
  }
  if (phase === COMPLETED && mode !== 2) {
    return mode === 1 ? rejectedPromise(value) : resolvedPromise({ value: undefined, done: true });
  }
  var promise = enqueue(queue, mode, value);
  if (mode === 2 && (phase === COMPLETED || (phase === SUSPENDED && generator.$state === 0))) {
    generator.$state = -2;
    queue.phase = DRAINING;
    awaitReturn(queue);
  } else if (phase === SUSPENDED) {
    queue.phase = EXECUTING;
    if (mode === 2) unwrapReturn(queue, value);
    else runBody(queue, mode, value);
  }
  return promise;
}

/** `await` inside an async generator's body. */
export function awaitInAsyncGenerator(generator: AsyncGeneratorFrame, value: unknown): unknown {
  return awaitWith(generator.$queue as AsyncGeneratorQueue, value);
}

function resumeAwaitingAsyncGenerator(queue: AsyncGeneratorQueue, mode: ResumeMode, value: unknown): void {
  if (queue.phase === DRAINING) {
    // AsyncGeneratorAwaitReturn's fulfilled and rejected closures.
    completeStep(queue, mode, value, true);
    drainQueue(queue);
    return;
  }
  if (queue.returnPending) {
    queue.returnPending = false;
    if (mode === 0) mode = 2;
  }
  runBody(queue, mode, value);
}

function runBody(queue: AsyncGeneratorQueue, mode: ResumeMode, value: unknown): void {
  var generator = queue.generator;
  for (;;) {
    var result: unknown;
    try {
      result = queue.step(generator, generator.$state, mode, value);
    } catch (error) {
      generator.$state = -2;
      finishBody(queue, 1, error);
      return;
    }
    if (result === AWAITING) return;
    if (generator.$state === -2) {
      finishBody(queue, 0, result);
      return;
    }
    completeStep(queue, 0, result, false);
    if (queue.requestMode < 0) {
      queue.phase = SUSPENDED;
      return;
    }
    mode = queue.requestMode as ResumeMode;
    value = queue.requestValue;
    if (mode === 2) {
      unwrapReturn(queue, value);
      return;
    }
  }
}

/** A `return(value)` received at a yield: the value is awaited in the body, then returned from there. */
function unwrapReturn(queue: AsyncGeneratorQueue, value: unknown): void {
  queue.returnPending = true;
  try {
    awaitWith(queue, value);
  } catch (error) {
    queue.returnPending = false;
    runBody(queue, 1, error);
  }
}

function finishBody(queue: AsyncGeneratorQueue, mode: ResumeMode, value: unknown): void {
  queue.phase = DRAINING;
  completeStep(queue, mode, value, true);
  drainQueue(queue);
}

var settlersOfNewRequest: PromiseSettlers = { $resolve: undefined, $reject: undefined };

/**
 * AsyncGeneratorEnqueue: a request and the promise that answers it. The
 * oldest request's resolving functions go straight onto the queue: a queue
 * that lives long is in the old generation, where each store of a new
 * object costs a write barrier, so they are stored there once and not
 * copied through another object.
 */
function enqueue(queue: AsyncGeneratorQueue, mode: ResumeMode, value: unknown): Promise<unknown> {
  if (queue.requestMode < 0) {
    queue.requestMode = mode;
    queue.requestValue = value;
    return pendingPromise(queue);
  }
  var promise = pendingPromise(settlersOfNewRequest);
  if (queue.waiting === undefined) queue.waiting = [];
  queue.waiting.push(mode, value, settlersOfNewRequest.$resolve, settlersOfNewRequest.$reject);
  settlersOfNewRequest.$resolve = settlersOfNewRequest.$reject = undefined;
  return promise;
}

/** Settles the oldest request: rejected with `value` for mode 1, else fulfilled with an iterator result. */
function completeStep(queue: AsyncGeneratorQueue, mode: ResumeMode, value: unknown, done: boolean): void {
  var resolve = queue.$resolve as Function;
  var reject = queue.$reject as Function;
  var waiting = queue.waiting;
  if (waiting !== undefined && waiting.length > 0) {
    queue.requestMode = waiting.shift() as number;
    queue.requestValue = waiting.shift();
    queue.$resolve = waiting.shift() as Function;
    queue.$reject = waiting.shift() as Function;
  } else {
    queue.requestMode = -1;
    queue.requestValue = queue.$resolve = queue.$reject = undefined;
  }
  if (mode === 1) reject(value);
  else resolve({ value: value, done: done });
}

function drainQueue(queue: AsyncGeneratorQueue): void {
  while (queue.requestMode >= 0) {
    var mode = queue.requestMode as ResumeMode;
    if (mode === 2) {
      awaitReturn(queue);
      return;
    }
    completeStep(queue, mode, mode === 1 ? queue.requestValue : undefined, true);
  }
  queue.phase = COMPLETED;
}

function awaitReturn(queue: AsyncGeneratorQueue): void {
  try {
    awaitWith(queue, queue.requestValue);
  } catch (error) {
    completeStep(queue, 1, error, true);
    drainQueue(queue);
  }
}
