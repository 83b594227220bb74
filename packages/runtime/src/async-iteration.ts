/**
 * `for await` and async `yield*`: getting an async iterator (wrapping a sync
 * one when needed) and closing one.
 *
 * ## Example
 *
 * ```js
 * // for await (const x of source) body
 * $iterator = $coro.getAsyncIterator(source); $next = $iterator.next;
 * // each turn:   await $coro.callNext($iterator, $next)  → result object
 * // on an abrupt exit:
 * $closing = $coro.startAsyncIteratorClose($iterator, isThrow);
 * if ($closing !== $coro.NOTHING_TO_AWAIT) await $closing;
 * ```
 *
 * ## Implementation
 *
 * An iterable without `Symbol.asyncIterator` is wrapped in an
 * AsyncFromSyncIterator: an object inheriting `next`/`return`/`throw` that
 * answer with promises of iterator results. Each answer is the promise that
 * `then` derives from the value's wrapper, so settling it costs the same
 * jobs as the spec's PerformPromiseThen with a capability.
 *
 * The wrapper follows ECMAScript 2025, which closes the sync iterator when a
 * value it produced rejects (and when `throw()` finds no `throw` method);
 * Node 20 predates that change (ecma262 PR #2600) and leaves it open.
 *
 * AsyncIteratorClose awaits the result of `return()` between its two halves:
 * `startAsyncIteratorClose` runs the part before the await (and swallows its
 * errors when the loop is leaving by a throw, whose error wins); the machine
 * awaits, then checks the awaited result with `requireIteratorResult`
 * unless it is leaving by a throw.
 *
 * ## References
 *
 * - ECMA-262 §7.4.3 GetIterator (async), §7.4.13 AsyncIteratorClose
 * - ECMA-262 §27.1.6 AsyncFromSyncIterator Objects
 * - ECMA-262 §14.7.5.7 ForIn/OfBodyEvaluation
 */
import { closeIterator, describeValue, getMethod, notAFunction, requireIterator, requireIteratorResult } from './iterator-protocol';
import { promiseResolveIntrinsic, promiseThen, rejectedPromise, resolvedPromise } from './native-promise';

export function getAsyncIterator(value: unknown): object {
  var method = value == null ? undefined : getMethod(value, Symbol.asyncIterator);
  if (method === undefined) {
    // Symbol.iterator is read once, as GetIterator reads it.
    var syncMethod = value == null ? undefined : getMethod(value, Symbol.iterator);
    if (syncMethod === undefined) throw new TypeError(describeValue(value) + ' is not async iterable');
    return createAsyncFromSyncIterator(requireIterator(syncMethod.call(value), 'Symbol.iterator') as Iterator<unknown>);
  }
  return requireIterator(method.call(value), 'Symbol.asyncIterator');
}

/** `next` as the loop calls it: with no argument. */
export function callNext(iterator: object, next: Function): unknown {
  if (typeof next !== 'function') throw notAFunction(next);
  return next.call(iterator);
}

/** What `startAsyncIteratorClose` returns when the iterator has no `return` to await. */
export var NOTHING_TO_AWAIT = /*#__PURE__*/ Symbol.for('@coro/runtime.nothingToAwait');

/** AsyncIteratorClose up to its Await: the value to await, or `NOTHING_TO_AWAIT`. */
export function startAsyncIteratorClose(iterator: object, leavingByThrow: boolean): unknown {
  try {
    var method = getMethod(iterator, 'return');
    return method === undefined ? NOTHING_TO_AWAIT : method.call(iterator);
  } catch (error) {
    if (leavingByThrow) return NOTHING_TO_AWAIT;
    throw error;
  }
}

interface AsyncFromSyncIterator {
  $syncIterator: Iterator<unknown>;
  $syncNext: Function;
}

/** %AsyncFromSyncIteratorPrototype%: never reachable by user code, so its methods trust their receiver. */
export var AsyncFromSyncIteratorPrototype: object = /*#__PURE__*/ createAsyncFromSyncIteratorPrototype();

function createAsyncFromSyncIteratorPrototype(): object {
  var prototype: any = {};
  prototype.next = asyncFromSyncNext;
  prototype['return'] = asyncFromSyncReturn;
  prototype['throw'] = asyncFromSyncThrow;
  return prototype;
}

/** CreateAsyncFromSyncIterator: `next` is read once, here, as GetIterator reads it. */
export function createAsyncFromSyncIterator(syncIterator: Iterator<unknown>): object {
  var iterator: AsyncFromSyncIterator = Object.create(AsyncFromSyncIteratorPrototype);
  iterator.$syncIterator = syncIterator;
  iterator.$syncNext = syncIterator.next;
  return iterator;
}

function asyncFromSyncNext(this: AsyncFromSyncIterator, value?: unknown): Promise<unknown> {
  var result: unknown;
  try {
    if (typeof this.$syncNext !== 'function') throw notAFunction(this.$syncNext);
    result = arguments.length > 0 ? this.$syncNext.call(this.$syncIterator, value) : this.$syncNext.call(this.$syncIterator);
    requireIteratorResult(result);
  } catch (error) {
    return rejectedPromise(error);
  }
  return continueFromSync(result as IteratorResult<unknown>, this.$syncIterator, true);
}

function asyncFromSyncReturn(this: AsyncFromSyncIterator, value?: unknown): Promise<unknown> {
  var result: unknown;
  try {
    var method = getMethod(this.$syncIterator, 'return');
    if (method === undefined) return resolvedPromise({ value: value, done: true });
    result = arguments.length > 0 ? method.call(this.$syncIterator, value) : method.call(this.$syncIterator);
    requireIteratorResult(result);
  } catch (error) {
    return rejectedPromise(error);
  }
  return continueFromSync(result as IteratorResult<unknown>, this.$syncIterator, false);
}

function asyncFromSyncThrow(this: AsyncFromSyncIterator, value?: unknown): Promise<unknown> {
  var result: unknown;
  try {
    var method = getMethod(this.$syncIterator, 'throw');
    if (method === undefined) {
      // The delegating code would otherwise wait on an iterator that can never answer a throw.
      closeIterator(this.$syncIterator);
      throw new TypeError('The iterator does not provide a \'throw\' method.');
    }
    result = method.call(this.$syncIterator, value);
    requireIteratorResult(result);
  } catch (error) {
    return rejectedPromise(error);
  }
  return continueFromSync(result as IteratorResult<unknown>, this.$syncIterator, true);
}

/** AsyncFromSyncIteratorContinuation: the result's value awaited, then handed on with `done`. */
function continueFromSync(result: IteratorResult<unknown>, syncIterator: object, closeOnRejection: boolean): Promise<unknown> {
  var done: boolean;
  var wrapper: Promise<unknown>;
  try {
    done = !!result.done;
    var value = result.value;
    try {
      wrapper = promiseResolveIntrinsic(value);
    } catch (error) {
      if (!done && closeOnRejection) closeIterator(syncIterator, true);
      throw error;
    }
  } catch (error) {
    return rejectedPromise(error);
  }
  if (done || !closeOnRejection) return promiseThen.call(wrapper, done ? unwrapDone : unwrapNotDone) as Promise<unknown>;
  return promiseThen.call(wrapper, unwrapNotDone, function closeOnRejectedValue(reason: unknown) {
    closeIterator(syncIterator, true);
    throw reason;
  }) as Promise<unknown>;
}

function unwrapDone(value: unknown) {
  return { value: value, done: true };
}

function unwrapNotDone(value: unknown) {
  return { value: value, done: false };
}

/**
 * One step of async `yield*`: what the caller sent (`mode` 0 next, 1 throw,
 * 2 return) forwarded to the inner iterator, or `NOTHING_TO_AWAIT` when it
 * has no `throw`/`return` method for it.
 */
export function callDelegate(iterator: object, next: Function, mode: number, value: unknown): unknown {
  if (mode === 0) {
    if (typeof next !== 'function') throw notAFunction(next);
    return next.call(iterator, value);
  }
  var method = getMethod(iterator, mode === 1 ? 'throw' : 'return');
  return method === undefined ? NOTHING_TO_AWAIT : method.call(iterator, value);
}
