/**
 * `resumeDelegate(iterator, next, mode, value)`: one turn of the loop a
 * generator's step function runs for `yield*`.
 *
 * ## Example
 *
 * ```js
 * // function* outer() { var r = yield* inner(); return r; }
 * case 0:
 *   $frame.$iterator = $coro.getIterator(inner());
 *   $frame.$next = $frame.$iterator.next;       // read once, as the spec does
 *   $value = void 0;                            // what the first turn sends
 * case 1:                                       // the resume state: next(v) arrives with v in $value
 *   $receivedMode = 0;
 * case 2:
 *   $innerResult = $coro.resumeDelegate($frame.$iterator, $frame.$next, $receivedMode, $value);
 *   if ($innerResult.done) { $state = 5; continue; }
 *   $frame.$state = -4;                         // suspended inside the yield*, resumes at 1
 *   return $innerResult;                        // handed on as it is
 * case 3: $receivedMode = 1; $state = 2; continue;   // state 1's handler: throw(e)
 * case 4: $receivedMode = 2; $state = 2; continue;   // state 1's finalizer: return(v)
 * case 5:
 *   $delegated = $innerResult.value;
 *   if ($receivedMode !== 2) { $state = 6; continue; }
 *   $frame.$state = -2; return $delegated;      // a return() ended the inner iterator
 * ```
 *
 * ## Implementation
 *
 * Delegation is a state of the machine, not of the runtime: the step calls
 * this function and yields what it answers, so only programs with `yield*`
 * import it, and `resumeGenerator` (./resume-generator.ts) never looks for
 * a delegation in progress. It also settles which runtime copy forwards:
 * one realm may hold several (the inline runtime a function made by
 * `%GeneratorFunction%` carries, while its `next` is the main runtime's; see
 * ./frame.ts), and the copy whose `resumeDelegate` the step names is the
 * one that delegates, whichever copy resumed the frame.
 *
 * The answer is always an object whose `done` the step reads once, and whose
 * `value` it reads only when done: the inner result as it is (after the
 * type check every inner call gets), or, for a `return()` the inner iterator
 * has no `return` for, a done result holding the received value. A `throw()`
 * the inner iterator has no `throw` for closes it and throws a TypeError at
 * the `yield*`. An inner lowered generator whose `next` is this copy's own is
 * resumed here, as `resumeGenerator` would, without the call through its
 * `next`: this call site of `$step` sees only inner generators, so the
 * engine can inline a small inner step into the outer one, which it cannot
 * through `resumeGenerator`, whose call site sees every generator. It is
 * resumed in this function's own frame, and `throw()`/`return()` go to
 * another (`resumeAbruptly`), which keeps the frame small: a recursion by
 * `yield*` holds the outer step's frame and this one per level, and the
 * interpreter's frames, registers included, bound how deep it goes.
 *
 * ## References
 *
 * - ECMA-262 §15.5.5 Runtime Semantics: Evaluation, YieldExpression : yield * AssignmentExpression
 * - ECMA-262 §7.4 GetIterator, IteratorClose
 */
import { GeneratorFrame, ResumeMode } from './frame';
import { closeIterator, getMethod, notAFunction, requireIteratorResult } from './iterator-protocol';
import { generatorMethods, resumeGenerator } from './resume-generator';

export function resumeDelegate(iterator: object, next: Function, mode: ResumeMode, value: unknown): IteratorResult<unknown> {
  if (mode !== 0) return resumeAbruptly(iterator, mode, value);
  if (next !== generatorMethods.next) {
    if (typeof next !== 'function') throw notAFunction(next);
    return requireIteratorResult(next.call(iterator, value));
  }
  // The frame is `iterator` itself, cast at each use: a variable for it would be a register more in this frame.
  var state = (iterator as GeneratorFrame).$state;
  if (state < -2) state = -3 - state;
  else if (state < 0) return resumeGenerator(iterator as GeneratorFrame, 0, value);
  // Written out, not a call of resumeGenerator: that one's `$step` call site sees every generator, this one only inner ones.
  try {
    return (iterator as GeneratorFrame).$step(iterator as GeneratorFrame, state, 0, value) as IteratorResult<unknown>;
  } catch (error) {
    // An exception leaving the step completes the inner generator, as resumeGenerator does.
    (iterator as GeneratorFrame).$state = -2;
    throw error;
  }
}

function resumeAbruptly(iterator: object, mode: ResumeMode, value: unknown): IteratorResult<unknown> {
  var method = getMethod(iterator, mode === 1 ? 'throw' : 'return');
  if (method !== undefined) return requireIteratorResult(method.call(iterator, value));
  if (mode === 2) return { value: value, done: true };
  closeIterator(iterator);
  throw new TypeError('The iterator does not provide a \'throw\' method.');
}
