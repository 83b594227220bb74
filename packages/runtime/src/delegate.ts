/**
 * `yield*` delegation: `delegate(frame, iterable)` starts it, and
 * `resumeDelegation` forwards every later `next`/`throw`/`return` to the inner
 * iterator until it is done.
 *
 * ## Example
 *
 * ```js
 * // function* outer() { var r = yield* inner(); return r; }
 * case 0: $frame.$state = 1; return $coro.delegate($frame, inner());
 * case 1: $frame.$state = -2; return $value;   // mode 0: the inner iterator's final value
 * ```
 *
 * ## Implementation
 *
 * `delegate` runs GetIterator inside the step (so a non-iterable throws at the
 * `yield*`, where the function's own handlers see it), caches the iterator
 * and its `next` in `$delegate`/`$delegateNext`, and returns `DELEGATING`,
 * which tells `resumeGenerator` to forward a first `next(undefined)` at once.
 *
 * While the inner iterator runs the outer frame stays running (`-1`); it is
 * suspended again at its resume state only when an inner result is passed to
 * the caller, as is: sync `yield*` does not re-wrap it. When the inner
 * iterator is done, `$delegate` is cleared and the step resumes at that state:
 * mode 0 with the inner `value` (mode 2 if it ended a `return()`); mode 2 with
 * the received value when the inner iterator has no `return`; mode 1 with the
 * error when an inner call or a protocol check threw, so a `try` around the
 * `yield*` catches it. The step may start another `yield*`, hence the loop.
 *
 * ## References
 *
 * - ECMA-262 §15.5.5 Runtime Semantics: Evaluation, YieldExpression : yield * AssignmentExpression
 * - ECMA-262 §7.4 GetIterator, IteratorComplete, IteratorValue, IteratorClose
 */
import { GeneratorFrame, ResumeMode } from './frame';
import { closeIterator, getIterator, getMethod, requireIteratorResult } from './iteratorProtocol';
import { GeneratorPrototype } from './generatorPrototype';
import { resumeGenerator } from './resumeGenerator';

export var DELEGATING = {};

export function delegate(frame: GeneratorFrame, iterable: unknown): unknown {
  var iterator = getIterator(iterable);
  frame.$delegateNext = (iterator as Iterator<unknown>).next;
  frame.$delegate = iterator;
  return DELEGATING;
}

/** Called with the frame running (`-1`); `state` is where the step resumes once the inner iterator is done. */
export function resumeDelegation(frame: GeneratorFrame, state: number, mode: ResumeMode, value: unknown): IteratorResult<unknown> {
  var result: IteratorResult<unknown> | undefined;
  for (;;) {
    frame.$state = -1;
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
    mode = 0;
    value = undefined;
  }
}

/** One step of the §15.5.5 loop: the inner result object, or `undefined` when a `return()` finds no inner `return`. */
function forwardToDelegate(iterator: object, next: Function, mode: ResumeMode, value: unknown): IteratorResult<unknown> | undefined {
  if (mode === 0 && next === GeneratorPrototype.next) return nextOfLoweredGenerator(iterator as GeneratorFrame, value);
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
    if (value === DELEGATING) return resumeDelegation(inner, inner.$state, 0, undefined);
  } catch (error) {
    inner.$state = -2;
    throw error;
  }
  return { value: value, done: inner.$state === -2 } as IteratorResult<unknown>;
}
