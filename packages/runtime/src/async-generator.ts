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
 * `$phase` is the spec's [[AsyncGeneratorState]]: SUSPENDED (suspended-start
 * while `$state` is 0, suspended-yield after), EXECUTING (also while the body
 * waits on an `await`), DRAINING (draining-queue: the body has ended and a
 * `return()` request's value is being awaited) and COMPLETED.
 *
 * The oldest request lives in the frame (`$requestMode`, `-1` for none,
 * `$requestValue`, and the resolving functions `$resolve`/`$reject` of the
 * promise `pendingPromise` made for it); later ones wait in `$queue`, flat,
 * four slots each. A `for await` loop makes one request per value and never
 * has two waiting: it allocates neither a request object nor array room.
 * The body runs in `runBody`, which loops instead of recursing when a yield
 * finds the next request already queued (AsyncGeneratorYield step 11: the
 * generator goes on without suspending). The machine itself awaits `yield`
 * and `return` operands; the driver awaits the value of a `return()` request
 * (AsyncGeneratorUnwrapYieldResumption, then mode 2 into the machine's
 * finalizers) and, once the body is done, AsyncGeneratorAwaitReturn's value.
 * Both use the frame's own await reactions, told apart by `$phase` and
 * `$returnPending`.
 *
 * ## References
 *
 * - ECMA-262 §27.6.3 AsyncGenerator Abstract Operations: AsyncGeneratorStart,
 *   AsyncGeneratorValidate, AsyncGeneratorEnqueue, AsyncGeneratorCompleteStep,
 *   AsyncGeneratorResume, AsyncGeneratorUnwrapYieldResumption,
 *   AsyncGeneratorYield, AsyncGeneratorAwaitReturn, AsyncGeneratorDrainQueue
 * - ECMA-262 §27.6.1.2-4 AsyncGenerator.prototype.next / return / throw
 */
import { AWAITED_PRIMITIVE, AWAITING, registerAwait } from './async-function';
import { AsyncGeneratorFrame, ResumeMode } from './frame';
import { pendingPromise, PromiseSettlers, rejectedPromise, resolvedPromise } from './native-promise';

var SUSPENDED = 0;
var EXECUTING = 1;
var DRAINING = 2;
var COMPLETED = 3;

/** `next` (mode 0), `throw` (1) or `return` (2) called on an async generator object. */
export function requestAsyncGenerator(generator: AsyncGeneratorFrame, mode: ResumeMode, value: unknown): Promise<unknown> {
  if (!isAsyncGeneratorFrame(generator)) {
    return rejectedPromise(new TypeError('next/return/throw called on an object that is not an async generator'));
  }
  var phase = generator.$phase;
  if (mode === 1 && phase === SUSPENDED && generator.$state === 0) {
    generator.$state = -2;
    generator.$phase = phase = COMPLETED;
  }
  if (phase === COMPLETED && mode !== 2) {
    return mode === 1 ? rejectedPromise(value) : resolvedPromise({ value: undefined, done: true });
  }
  var promise = enqueue(generator, mode, value);
  if (mode === 2 && (phase === COMPLETED || (phase === SUSPENDED && generator.$state === 0))) {
    generator.$state = -2;
    generator.$phase = DRAINING;
    awaitReturn(generator);
  } else if (phase === SUSPENDED) {
    generator.$phase = EXECUTING;
    if (mode === 2) unwrapReturn(generator, value);
    else runBody(generator, mode, value);
  }
  return promise;
}

/** `await` inside an async generator's body. */
export function awaitInAsyncGenerator(generator: AsyncGeneratorFrame, value: unknown): unknown {
  return registerAwait(generator, value, asyncGeneratorAwaitFulfilled, asyncGeneratorAwaitRejected);
}

function asyncGeneratorAwaitFulfilled(this: AsyncGeneratorFrame, value: unknown): void {
  resumeAwaitingAsyncGenerator(this, 0, value === AWAITED_PRIMITIVE ? this.$awaited : value);
}

function asyncGeneratorAwaitRejected(this: AsyncGeneratorFrame, reason: unknown): void {
  resumeAwaitingAsyncGenerator(this, 1, reason);
}

function resumeAwaitingAsyncGenerator(generator: AsyncGeneratorFrame, mode: ResumeMode, value: unknown): void {
  if (generator.$phase === DRAINING) {
    // AsyncGeneratorAwaitReturn's fulfilled and rejected closures.
    completeStep(generator, mode, value, true);
    drainQueue(generator);
    return;
  }
  if (generator.$returnPending) {
    generator.$returnPending = false;
    if (mode === 0) mode = 2;
  }
  runBody(generator, mode, value);
}

function runBody(generator: AsyncGeneratorFrame, mode: ResumeMode, value: unknown): void {
  for (;;) {
    var result: unknown;
    try {
      result = generator.$step(generator, generator.$state, mode, value);
    } catch (error) {
      generator.$state = -2;
      finishBody(generator, 1, error);
      return;
    }
    if (result === AWAITING) return;
    if (generator.$state === -2) {
      finishBody(generator, 0, result);
      return;
    }
    completeStep(generator, 0, result, false);
    if (generator.$requestMode < 0) {
      generator.$phase = SUSPENDED;
      return;
    }
    mode = generator.$requestMode as ResumeMode;
    value = generator.$requestValue;
    if (mode === 2) {
      unwrapReturn(generator, value);
      return;
    }
  }
}

/** A `return(value)` received at a yield: the value is awaited in the body, then returned from there. */
function unwrapReturn(generator: AsyncGeneratorFrame, value: unknown): void {
  generator.$returnPending = true;
  try {
    awaitInAsyncGenerator(generator, value);
  } catch (error) {
    generator.$returnPending = false;
    runBody(generator, 1, error);
  }
}

function finishBody(generator: AsyncGeneratorFrame, mode: ResumeMode, value: unknown): void {
  generator.$phase = DRAINING;
  completeStep(generator, mode, value, true);
  drainQueue(generator);
}

var settlersOfNewRequest: PromiseSettlers = { $resolve: undefined, $reject: undefined };

/** AsyncGeneratorEnqueue: a request and the promise that answers it. */
function enqueue(generator: AsyncGeneratorFrame, mode: ResumeMode, value: unknown): Promise<unknown> {
  var promise = pendingPromise(settlersOfNewRequest);
  var resolve = settlersOfNewRequest.$resolve;
  var reject = settlersOfNewRequest.$reject;
  settlersOfNewRequest.$resolve = settlersOfNewRequest.$reject = undefined;
  if (generator.$requestMode < 0) {
    generator.$requestMode = mode;
    generator.$requestValue = value;
    generator.$resolve = resolve;
    generator.$reject = reject;
  } else {
    generator.$queue.push(mode, value, resolve, reject);
  }
  return promise;
}

/** Settles the oldest request: rejected with `value` for mode 1, else fulfilled with an iterator result. */
function completeStep(generator: AsyncGeneratorFrame, mode: ResumeMode, value: unknown, done: boolean): void {
  var resolve = generator.$resolve as Function;
  var reject = generator.$reject as Function;
  var queue = generator.$queue;
  if (queue.length > 0) {
    generator.$requestMode = queue.shift() as number;
    generator.$requestValue = queue.shift();
    generator.$resolve = queue.shift() as Function;
    generator.$reject = queue.shift() as Function;
  } else {
    generator.$requestMode = -1;
    generator.$requestValue = generator.$resolve = generator.$reject = undefined;
  }
  if (mode === 1) reject(value);
  else resolve({ value: value, done: done });
}

function drainQueue(generator: AsyncGeneratorFrame): void {
  while (generator.$requestMode >= 0) {
    var mode = generator.$requestMode as ResumeMode;
    if (mode === 2) {
      awaitReturn(generator);
      return;
    }
    completeStep(generator, mode, mode === 1 ? generator.$requestValue : undefined, true);
  }
  generator.$phase = COMPLETED;
}

function awaitReturn(generator: AsyncGeneratorFrame): void {
  try {
    awaitInAsyncGenerator(generator, generator.$requestValue);
  } catch (error) {
    completeStep(generator, 1, error, true);
    drainQueue(generator);
  }
}

function isAsyncGeneratorFrame(value: unknown): value is AsyncGeneratorFrame {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AsyncGeneratorFrame).$phase === 'number' &&
    typeof (value as AsyncGeneratorFrame).$requestMode === 'number' &&
    Array.isArray((value as AsyncGeneratorFrame).$queue)
  );
}
