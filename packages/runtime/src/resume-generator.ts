/**
 * Resuming a generator: `next`, `throw` and `return` of every lowered
 * generator, and `resumeGenerator(frame, mode, value)` behind them (the hot
 * path).
 *
 * ## Example
 *
 * ```js
 * gen.next(5);   // GeneratorPrototype.next → resumeGenerator(gen, 0, 5)
 *                // → gen.$step(gen, gen.$state, 0, 5), which returns { value, done }
 * // function* outer() { yield* inner(); }: outer's step forwards to inner
 * // itself (./delegate.ts) and returns inner's result with $state = -3 - n;
 * // the next resumption runs the step at n.
 * ```
 *
 * ## Implementation
 *
 * `resumeGenerator` reads `$state` and runs the step, which returns the
 * iterator result itself: the one object a resumption allocates, made where
 * the frame has one shape, so that `$state` is not read again here to learn
 * `done` (a load that sees the frames of every generator is megamorphic).
 * The step marks its frame running
 * (`-1`) itself, as its first line: there the store sees the frames of one
 * generator function, where here it would see the frames of every generator
 * (a megamorphic store, the costliest access of a resumption once many
 * generators have run). An exception leaving the step completes the
 * generator (`-2`) and goes on to the caller. Everything the spec answers
 * without running the body (a running, completed or not-a-generator
 * receiver, and `return()`/`throw()` before the first `next()`) is handled
 * off the hot path by `resumeWithoutStep`.
 *
 * A frame is recognised by its `$state`: ES5 has no internal slots, so any
 * object whose `$state` is not a number is rejected with a TypeError.
 *
 * `yield*` is not this module's business: it is a loop of the step function
 * (the compiler's `delegate`, ./delegate.ts's `resumeDelegate`), so a program
 * without `yield*` does not carry the forwarding code. The step hands the
 * caller an inner result object unwrapped, as GeneratorYield(innerResult)
 * does, and leaves `$state` below `-2`: `-3 - n` for resume state `n`, which
 * is how a frame suspended inside a `yield*` stays until it is resumed,
 * and what tells this function to run it at `n`. Keeping it so, rather than storing
 * `n` back, spares a store per forwarded value into a frame whose shape
 * differs from function to function (megamorphic, the costliest access of a
 * resumption once many generators have run).
 *
 * ## References
 *
 * - ECMA-262 §27.5.3.2 GeneratorValidate
 * - ECMA-262 §27.5.3.3 GeneratorResume
 * - ECMA-262 §27.5.3.4 GeneratorResumeAbrupt
 * - ECMA-262 §27.5.3.7 GeneratorYield
 */
import { GeneratorFrame, ResumeMode } from './frame';

export function resumeGenerator(frame: GeneratorFrame, mode: ResumeMode, value: unknown): IteratorResult<unknown> {
  var state = frame.$state;
  if (!(state > 0 || (state === 0 && mode === 0))) {
    if (!(state < -2)) return resumeWithoutStep(frame, state, mode, value);
    state = -3 - state;
  }
  try {
    return frame.$step(frame, state, mode, value) as IteratorResult<unknown>;
  } catch (error) {
    frame.$state = -2;
    throw error;
  }
}

function resumeWithoutStep(frame: GeneratorFrame, state: number, mode: ResumeMode, value: unknown): IteratorResult<unknown> {
  if (state === -1) throw new TypeError('Generator is already running');
  // GeneratorResumeAbrupt on suspendedStart: completed without ever running the body.
  if (state === 0) state = frame.$state = -2;
  if (state !== -2) throw new TypeError('not a generator');
  if (mode === 1) throw value;
  return { value: mode === 2 ? value : undefined, done: true };
}

/** The methods of %GeneratorPrototype%, in its order; each is named by its key, as the native ones are. */
export var generatorMethods = {
  next: function (this: GeneratorFrame, value: unknown) {
    return resumeGenerator(this, 0, value);
  },
  return: function (this: GeneratorFrame, value: unknown) {
    return resumeGenerator(this, 2, value);
  },
  throw: function (this: GeneratorFrame, value: unknown) {
    return resumeGenerator(this, 1, value);
  },
};
