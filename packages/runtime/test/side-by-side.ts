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
 * A lowered generator function: `fn(...args)` allocates one frame whose `$step` runs `step` after
 * marking the frame running, as the first line of every emitted generator step does.
 */
export function lowered(step: Step, init?: (frame: any, ...args: any[]) => void): (...args: any[]) => any {
  const marked: Step = (frame, state, mode, value) => {
    frame.$state = -1;
    return step(frame, state, mode, value);
  };
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
