/**
 * Resuming a generator: `next`, `throw` and `return` of every lowered
 * generator, `resumeGenerator(frame, mode, value)` behind them (the hot
 * path), and `resumeDelegation`, which forwards them to the inner iterator
 * while a `yield*` runs.
 *
 * ## Example
 *
 * ```js
 * gen.next(5);   // generatorNext → resumeGenerator(gen, 0, 5)
 *                // → gen.$step(gen, gen.$state, 0, 5) → { value, done }
 * // function* outer() { var r = yield* inner(); return r; }: outer's step
 * // returned DELEGATING (see ./delegate.ts), so outer.next() goes on in
 * // resumeDelegation(outer, 1, 0, undefined) → inner.next(undefined)
 * ```
 *
 * ## Implementation
 *
 * `resumeGenerator` reads `$state`, marks the frame running (`-1`), runs the
 * step and wraps what it returns in the one object a resumption allocates.
 * An exception leaving the step completes the generator (`-2`) and goes on to
 * the caller. Everything the spec answers without running the body (a
 * running, completed or not-a-generator receiver, and `return()`/`throw()`
 * before the first `next()`) is handled off the hot path by
 * `resumeWithoutStep`; so are frames that are inside a `yield*`.
 *
 * A frame is recognised by its `$state`: ES5 has no internal slots, so any
 * object whose `$state` is not a number is rejected with a TypeError.
 *
 * While the inner iterator of a `yield*` runs the outer frame stays running
 * (`-1`); it is suspended again at its resume state only when an inner result
 * is passed to the caller, as is: sync `yield*` does not re-wrap it. When the
 * inner iterator is done, `$delegate` is cleared and the step resumes at that
 * state: mode 0 with the inner `value` (mode 2 if it ended a `return()`); mode
 * 2 with the received value when the inner iterator has no `return`; mode 1
 * with the error when an inner call or a protocol check threw, so a `try`
 * around the `yield*` catches it. The step may start another `yield*`, hence
 * the loop. An inner lowered generator whose `next` is `generatorNext` itself
 * is stepped directly, so a `yield*` chain does not pay a call and a
 * try/catch per level on every value.
 *
 * Resuming and delegating call each other (an inner lowered generator may be
 * delegating too), so they share this module; the three methods live here
 * as well, because the `yield*` shortcut recognises `next` by identity.
 *
 * ## References
 *
 * - ECMA-262 §27.5.3.2 GeneratorValidate
 * - ECMA-262 §27.5.3.3 GeneratorResume
 * - ECMA-262 §27.5.3.4 GeneratorResumeAbrupt
 * - ECMA-262 §15.5.5 Runtime Semantics: Evaluation, YieldExpression : yield * AssignmentExpression
 * - ECMA-262 §7.4 IteratorComplete, IteratorValue, IteratorClose
 */
import { GeneratorFrame, ResumeMode } from './frame';
import { closeIterator, getMethod, requireIteratorResult } from './iterator-protocol';

/** What a step returns when it has started a `yield*`: the value to forward comes from the inner iterator. */
export var DELEGATING = /*#__PURE__*/ Symbol.for('@coro/runtime.delegating');

export function resumeGenerator(frame: GeneratorFrame, mode: ResumeMode, value: unknown): IteratorResult<unknown> {
  var state = frame.$state;
  if (!(state > 0 || (state === 0 && mode === 0))) return resumeWithoutStep(frame, state, mode, value);
  frame.$state = -1;
  try {
    if (frame.$delegate !== undefined) return resumeDelegation(frame, state, mode, value);
    value = frame.$step(frame, state, mode, value);
    if (value === DELEGATING) return startDelegation(frame);
  } catch (error) {
    frame.$state = -2;
    throw error;
  }
  return { value: value, done: frame.$state === -2 } as IteratorResult<unknown>;
}

function resumeWithoutStep(frame: GeneratorFrame, state: number, mode: ResumeMode, value: unknown): IteratorResult<unknown> {
  if (state === -1) throw new TypeError('Generator is already running');
  // GeneratorResumeAbrupt on suspendedStart: completed without ever running the body.
  if (state === 0) state = frame.$state = -2;
  if (state !== -2) throw new TypeError('next/return/throw called on an object that is not a generator');
  if (mode === 1) throw value;
  return { value: mode === 2 ? value : undefined, done: true };
}

export function generatorNext(this: GeneratorFrame, value: unknown) {
  return resumeGenerator(this, 0, value);
}

export function generatorThrow(this: GeneratorFrame, value: unknown) {
  return resumeGenerator(this, 1, value);
}

export function generatorReturn(this: GeneratorFrame, value: unknown) {
  return resumeGenerator(this, 2, value);
}

/** A step has just returned DELEGATING: the frame runs again while its first `next` goes to the inner iterator. */
function startDelegation(frame: GeneratorFrame): IteratorResult<unknown> {
  var state = frame.$state;
  frame.$state = -1;
  return resumeDelegation(frame, state, 0, undefined);
}

/**
 * Called with the frame running (`-1`); `state` is where the step resumes
 * once the inner iterator is done. The frame is not marked running again on
 * every forwarded value: each mark is a store into a frame whose shape
 * differs from function to function.
 */
export function resumeDelegation(frame: GeneratorFrame, state: number, mode: ResumeMode, value: unknown): IteratorResult<unknown> {
  var result: IteratorResult<unknown> | undefined;
  for (;;) {
    try {
      result = forwardToDelegate(frame.$delegate as object, frame.$delegateNext as Function, mode, value);
      if (result !== undefined) {
        if (!result.done) {
          frame.$state = state;
          return result;
        }
        value = result.value;
        if (mode === 1) mode = 0;
      }
    } catch (error) {
      mode = 1;
      value = error;
    }
    frame.$delegate = frame.$delegateNext = undefined;
    value = frame.$step(frame, state, mode, value);
    if (value !== DELEGATING) return { value: value, done: frame.$state === -2 } as IteratorResult<unknown>;
    state = frame.$state;
    frame.$state = -1;
    mode = 0;
    value = undefined;
  }
}

/** One step of the §15.5.5 loop: the inner result object, or `undefined` when a `return()` finds no inner `return`. */
function forwardToDelegate(iterator: object, next: Function, mode: ResumeMode, value: unknown): IteratorResult<unknown> | undefined {
  if (mode === 0 && next === generatorNext) return nextOfLoweredGenerator(iterator as GeneratorFrame, value);
  var method = next;
  if (mode !== 0) {
    method = getMethod(iterator, mode === 1 ? 'throw' : 'return') as Function;
    if (method === undefined) {
      if (mode === 2) return undefined;
      closeIterator(iterator);
      throw new TypeError('The iterator does not provide a \'throw\' method');
    }
  }
  return requireIteratorResult(method.call(iterator, value));
}

/**
 * `inner.next(value)` when `inner` is a lowered generator whose `next` is
 * ours: what resumeGenerator would do, done here so a `yield*` chain does not
 * pay a call and a try/catch per level on every value.
 */
function nextOfLoweredGenerator(inner: GeneratorFrame, value: unknown): IteratorResult<unknown> {
  var state = inner.$state;
  if (state < 0 || inner.$delegate !== undefined) return resumeGenerator(inner, 0, value);
  inner.$state = -1;
  try {
    value = inner.$step(inner, state, 0, value);
    if (value === DELEGATING) return startDelegation(inner);
  } catch (error) {
    inner.$state = -2;
    throw error;
  }
  return { value: value, done: inner.$state === -2 } as IteratorResult<unknown>;
}
