/**
 * `delegate(frame, iterable)`: how a step starts a `yield*`.
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
 * Every later `next`/`throw`/`return` goes to the inner iterator through
 * `resumeDelegation` (./resume-generator.ts) until it is done.
 *
 * ## References
 *
 * - ECMA-262 §15.5.5 Runtime Semantics: Evaluation, YieldExpression : yield * AssignmentExpression
 * - ECMA-262 §7.4 GetIterator
 */
import { GeneratorFrame } from './frame';
import { getIterator } from './iterator-protocol';
import { DELEGATING } from './resume-generator';

export function delegate(frame: GeneratorFrame, iterable: unknown): unknown {
  var iterator = getIterator(iterable);
  frame.$delegateNext = (iterator as Iterator<unknown>).next;
  frame.$delegate = iterator;
  return DELEGATING;
}
