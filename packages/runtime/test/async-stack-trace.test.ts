import { awaitInAsyncGenerator, awaitOnce, awaitValue, describeAwaitOnce, describeAwaits } from '../src';
import { loweredAsync, loweredAsyncGenerator } from './side-by-side-async';

/** The `at async` lines of a stack, in order. */
function asyncLines(error: unknown): string[] {
  return String((error as Error).stack)
    .split('\n')
    .filter((line) => line.startsWith('    at async '))
    .map((line) => line.slice('    at async '.length));
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('not rejected');
}

// async function leaf(make) { await null; throw make(); }
const leafStep = (frame: any, state: number, mode: number, value: unknown) => {
  if (mode !== 0) throw value;
  switch (state) {
    case 0:
      return awaitValue(frame, frame.$task, null, 1);
    case 1:
      frame.$state = -2;
      throw frame.make();
  }
};
describeAwaits(leafStep, 'leaf', 'leaf.js', '1 1:30');
const leaf = loweredAsync(leafStep, (frame, make) => (frame.make = make));

// async function middle(inner) { return 1 + await inner(); }   (awaits once)
const middleStep = (frame: any, state: number, mode: number, value: unknown): unknown => {
  if (mode !== 0) throw value;
  switch (state) {
    case 0:
      frame.$state = 1;
      return awaitOnce(frame, frame.inner(), middleRejected, 1);
    case 1:
      frame.$state = -2;
      return 1 + (value as number);
  }
};
const middleRejected = describeAwaitOnce(middleStep, 'middle', 'middle.js', '1 2:44');
const middle = loweredAsync(middleStep, (frame, inner) => (frame.inner = inner), true);

// async function top(inner) { await null; return await inner(); }   (awaits twice, the second at 3:22)
const topStep = (frame: any, state: number, mode: number, value: unknown): unknown => {
  if (mode !== 0) throw value;
  switch (state) {
    case 0:
      return awaitValue(frame, frame.$task, null, 1);
    case 1:
      return awaitValue(frame, frame.$task, frame.inner(), 2);
    case 2:
      frame.$state = -2;
      return value;
  }
};
describeAwaits(topStep, 'top', 'top.js', '1 3:5 2 3:22');
const top = loweredAsync(topStep, (frame, inner) => (frame.inner = inner));

// async function outer(inner) { return await inner(); }
const outerStep = (frame: any, state: number, mode: number, value: unknown): unknown => {
  if (mode !== 0) throw value;
  if (state === 0) return awaitValue(frame, frame.$task, frame.inner(), 1);
  frame.$state = -2;
  return value;
};
describeAwaits(outerStep, 'outer', 'outer.js', '1 4:16');
const outer = loweredAsync(outerStep, (frame, inner) => (frame.inner = inner));

// async function early(make) { throw make(); }   (no await)
const early = loweredAsync((frame: any) => {
  frame.$state = -2;
  throw frame.make();
}, (frame, make) => (frame.make = make));

describe('at async lines of lowered async functions', () => {
  test('an error made after a resumption gets a line per awaiting caller, at its await', async () => {
    const error = await rejectionOf(top(() => middle(() => leaf(() => new Error('deep')))));
    expect(asyncLines(error)).toEqual(['middle (middle.js:2:44)', 'top (top.js:3:22)']);
    expect(String((error as Error).stack).split('\n')[0]).toBe('Error: deep');
  });

  test('callers on the stack where the error was made get none: a throw before the first await of a body a resumed caller started', async () => {
    // top resumes, calls middle, which calls early: both are on the stack (sync frames), top's caller would be next.
    const error = await rejectionOf(top(() => middle(() => early(() => new Error('early')))));
    expect(asyncLines(error)).toEqual([]);
    // outer started top, which suspended at its first await before the error was made: outer was awaiting.
    const awaited = await rejectionOf(outer(() => top(() => middle(() => early(() => new Error('early'))))));
    expect(asyncLines(awaited)).toEqual(['outer (outer.js:4:16)']);
  });

  test('a chain started at the top level, which throws before any await, gets no line (natively all frames are synchronous)', async () => {
    const error = await rejectionOf(middle(() => middle(() => early(() => new Error('sync')))));
    expect(asyncLines(error)).toEqual([]);
  });

  test('an error that rejects an await first (made outside the runtime) gets a line per awaiting call', async () => {
    const made = new Error('outside');
    const error = await rejectionOf(top(() => middle(() => Promise.reject(made))));
    expect(error).toBe(made);
    expect(asyncLines(error)).toEqual(['middle (middle.js:2:44)', 'top (top.js:3:22)']);
  });

  test('only errors get lines; a frozen error or one whose stack cannot be written is left alone', async () => {
    const frozen = Object.freeze(new Error('frozen'));
    const stack = frozen.stack;
    expect(await rejectionOf(top(() => leaf(() => frozen)))).toBe(frozen);
    expect(frozen.stack).toBe(stack);
    const fixed = new Error('fixed');
    Object.defineProperty(fixed, 'stack', { value: 'Error: fixed', writable: false });
    await rejectionOf(top(() => leaf(() => fixed)));
    expect(fixed.stack).toBe('Error: fixed');
    const throwing = new Error('throwing getter');
    Object.defineProperty(throwing, 'stack', { get() { throw new TypeError('no stack'); } });
    expect(await rejectionOf(top(() => leaf(() => throwing)))).toBe(throwing);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    let caught: unknown;
    await top(() => leaf(() => proxy)).catch((e) => {
      caught = e;
    });
    expect(caught).toBe(proxy);
    const plain = { stack: 'not an error' };
    await rejectionOf(top(() => leaf(() => plain)));
    expect(plain.stack).toBe('not an error');
    expect(await rejectionOf(top(() => leaf(() => 'reason')))).toBe('reason');
  });

  test('a call that awaits the same error again adds no second line', async () => {
    const made = new Error('again');
    const rejected = Promise.reject(made);
    rejected.catch(() => {});
    // async function retry() { for (let i = 0; i < 3; i++) try { await rejected; } catch {} throw made; }
    const retryStep = (frame: any, state: number, mode: number, value: unknown): unknown => {
      for (;;) {
        try {
          if (mode === 1) { mode = 0; throw value; }
          switch (state) {
            case 0:
              frame.i = 0;
              state = 1;
            // falls through
            case 1:
              if (frame.i === 3) throw made;
              return awaitValue(frame, frame.$task, rejected, 2);
          }
        } catch (e) {
          if (state !== 2) throw e;
          frame.i++;
          state = 1;
        }
      }
    };
    describeAwaits(retryStep, 'retry', 'retry.js', '2 4:5');
    const retry = loweredAsync(retryStep);
    const error = await rejectionOf(top(() => retry()));
    expect(asyncLines(error)).toEqual(['retry (retry.js:4:5)', 'top (top.js:3:22)']);
  });

  test('a recursive function thrown out of a resumption gets a line per awaiting call, though its name is on the stack', async () => {
    // async function walk(n) { if (n === 0) { await null; throw new Error('bottom'); } return await walk(n - 1); }
    const walkStep = (frame: any, state: number, mode: number, value: unknown): unknown => {
      if (mode !== 0) throw value;
      switch (state) {
        case 0:
          if (frame.n === 0) return awaitValue(frame, frame.$task, null, 1);
          return awaitValue(frame, frame.$task, walk(frame.n - 1), 2);
        case 1:
          throw new Error('bottom');
        case 2:
          return value;
      }
    };
    describeAwaits(walkStep, 'walk', 'walk.js', '1 1:44 2 1:96');
    const walk = loweredAsync(walkStep, (frame, n) => (frame.n = n));
    expect(asyncLines(await rejectionOf(walk(2)))).toEqual(['walk (walk.js:1:96)', 'walk (walk.js:1:96)']);
  });

  test('each call of a recursive function that awaits once gets its line, though the calls share one reaction', async () => {
    // async function countdown(n) { if (n === 0) return await leaf(); return 1 + await countdown(n - 1); }
    const countdownStep = (frame: any, state: number, mode: number, value: unknown): unknown => {
      if (mode !== 0) throw value;
      switch (state) {
        case 0:
          if (frame.n === 0) {
            frame.$state = 1;
            return awaitOnce(frame, leaf(() => new Error('zero')), countdownRejected, 1);
          }
          frame.$state = 2;
          return awaitOnce(frame, countdown(frame.n - 1), countdownRejected, 2);
        case 1:
          return value;
        case 2:
          return 1 + (value as number);
      }
    };
    const countdownRejected = describeAwaitOnce(countdownStep, 'countdown', 'countdown.js', '1 1:46 2 1:81');
    const countdown = loweredAsync(countdownStep, (frame, n) => (frame.n = n), true);
    expect(asyncLines(await rejectionOf(countdown(2)))).toEqual([
      'countdown (countdown.js:1:46)',
      'countdown (countdown.js:1:81)',
      'countdown (countdown.js:1:81)',
    ]);
  });

  test('no line goes past Error.stackTraceLimit frames', async () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 2;
    try {
      const error = await rejectionOf(top(() => middle(() => leaf(() => new Error('limited')))));
      // The error's own frames (its maker's and the step's) fill the two.
      expect(String((error as Error).stack).split('\n').length).toBe(3);
      expect(asyncLines(error)).toEqual([]);
    } finally {
      Error.stackTraceLimit = limit;
    }
  });

  test('a function without a name gets its position alone, as V8 writes it', async () => {
    const anonymousStep = (frame: any, state: number, mode: number, value: unknown): unknown => {
      if (mode !== 0) throw value;
      if (state === 0) return awaitValue(frame, frame.$task, leaf(() => new Error('anonymous')), 1);
      return value;
    };
    describeAwaits(anonymousStep, '', 'anonymous.js', '1 7:3');
    const error = await rejectionOf(loweredAsync(anonymousStep)());
    expect(asyncLines(error)).toEqual(['anonymous.js:7:3']);
  });

  test("an async generator's await gets its line, and so does the caller awaiting its next()", async () => {
    // async function* lines() { yield 1; await leaf(); }
    const linesStep = (frame: any, state: number, mode: number, value: unknown): unknown => {
      if (mode !== 0) throw value;
      switch (state) {
        case 0:
          frame.$state = 1;
          return 1;
        case 1:
          frame.$state = 2;
          return awaitInAsyncGenerator(frame, leaf(() => new Error('in generator')));
        case 2:
          frame.$state = -2;
          return undefined;
      }
    };
    describeAwaits(linesStep, 'lines', 'lines.js', '2 1:35');
    const lines = loweredAsyncGenerator(linesStep);
    const it = lines();
    await it.next();
    const error = await rejectionOf(top(() => it.next()));
    expect(asyncLines(error)).toEqual(['lines (lines.js:1:35)', 'top (top.js:3:22)']);
  });

  test('a function expression evaluated again shares its rejection reactions, which keep no evaluation alive', async () => {
    // Each evaluation of `async () => { await x }` makes a step function of its own and describes it again.
    const evaluate = () => {
      const step = function made$step() {};
      return { step, rejected: describeAwaitOnce(step, 'made', 'made.js', '1 4:9') };
    };
    const first = evaluate();
    const second = evaluate();
    expect(second.rejected).toBe(first.rejected);
    expect(Object.keys(first.step)).toEqual([]);
    // Another function with the same positions in another file, or another name, has reactions of its own.
    expect(describeAwaitOnce(function made$step() {}, 'made', 'other.js', '1 4:9')).not.toBe(first.rejected);
    expect(describeAwaitOnce(function other$step() {}, 'other', 'made.js', '1 4:9')).not.toBe(first.rejected);
    const error = new Error('made');
    expect(() => first.rejected[1](error)).toThrow(error);
    expect(asyncLines(error)).toEqual(['made (made.js:4:9)']);
  });
});
