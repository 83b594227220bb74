/**
 * `resumeGenerator(frame, mode, value)`: the hot path behind `next`,
 * `throw` and `return`.
 *
 * ## Example
 *
 * ```js
 * gen.next(5);   // resumeGenerator(gen, 0, 5)
 *                // → gen.$step(gen, gen.$state, 0, 5) → { value, done }
 * ```
 *
 * ## Implementation
 *
 * Reads `$state`, marks the frame running (`-1`), runs the step and wraps
 * what it returns in the one object a resumption allocates. An exception
 * leaving the step completes the generator (`-2`) and goes on to the caller.
 * Everything the spec answers without running the body (a running, completed
 * or not-a-generator receiver, and `return()`/`throw()` before the first
 * `next()`) is handled off the hot path by `resumeWithoutStep`; so are frames
 * that are inside a `yield*` (`resumeDelegation`).
 *
 * A frame is recognised by its `$state`: ES5 has no internal slots, so any
 * object whose `$state` is not a number is rejected with a TypeError.
 *
 * ## References
 *
 * - ECMA-262 §27.5.3.2 GeneratorValidate
 * - ECMA-262 §27.5.3.3 GeneratorResume
 * - ECMA-262 §27.5.3.4 GeneratorResumeAbrupt
 */
import { GeneratorFrame, ResumeMode } from './frame';
import { DELEGATING, resumeDelegation } from './delegate';

export function resumeGenerator(frame: GeneratorFrame, mode: ResumeMode, value: unknown): IteratorResult<unknown> {
  var state = frame.$state;
  if (!(state > 0 || (state === 0 && mode === 0))) return resumeWithoutStep(frame, state, mode, value);
  frame.$state = -1;
  try {
    if (frame.$delegate !== undefined) return resumeDelegation(frame, state, mode, value);
    value = frame.$step(frame, state, mode, value);
    if (value === DELEGATING) return resumeDelegation(frame, frame.$state, 0, undefined);
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
