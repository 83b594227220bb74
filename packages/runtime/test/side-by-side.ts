/**
 * Test support: hand-made lowered generators (shaped like the compiler's
 * output in docs/architecture.md) and traces that compare them with native
 * generators.
 */
import { linkGenerator } from '../src';

export type Step = (frame: any, state: number, mode: 0 | 1 | 2, value: any) => unknown;
export type Operation = ['next' | 'throw' | 'return', unknown?];
export type Outcome = { value: unknown; done: unknown } | { threw: unknown };

/**
 * `step`, which returns the bare yielded or completion value, as an emitted generator step: it
 * marks the frame running first, and returns the iterator result of what `step` returns, as every
 * emitted `yield` and completion does (a `$state` below -2 after it: the inner result of a
 * `yield*`, handed on as it is).
 */
export function asEmitted(step: Step): Step {
  return (frame, state, mode, value) => {
    frame.$state = -1;
    const result = step(frame, state, mode, value);
    return frame.$state < -2 ? result : { value: result, done: frame.$state === -2 };
  };
}

/** A lowered generator function: `fn(...args)` allocates one frame whose `$step` runs `step` `asEmitted`. */
export function lowered(step: Step, init?: (frame: any, ...args: any[]) => void): (...args: any[]) => any {
  const marked = asEmitted(step);
  function Frame(this: any, args: any[]) {
    this.$state = 0;
    this.$step = marked;
    if (init) init(this, ...args);
  }
  function generator(...args: any[]) {
    return new (Frame as any)(args);
  }
  return linkGenerator(generator, Frame);
}

/** What a thrown value looks like in a trace: messages differ between engines and runtime, kinds must not. */
export function errorName(error: unknown): unknown {
  if (error instanceof TypeError) return 'TypeError';
  if (error instanceof Error) return 'Error: ' + error.message;
  return error;
}

/** Applies `operations` in order and records each result or thrown value. */
export function trace(generator: any, operations: Operation[]): Outcome[] {
  return operations.map(([method, argument]) => {
    try {
      const result = generator[method](argument);
      return { value: result.value, done: result.done };
    } catch (error) {
      return { threw: errorName(error) };
    }
  });
}
