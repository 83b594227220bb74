import { resumeGenerator } from '../src';
import { errorName, lowered, Operation, Step, trace } from './side-by-side';

// The architecture doc's example, verbatim: function* count(n) { for (let i = 0; i < n; i++) yield i; }
function count$step($frame: any, $state: number, $mode: number, $value: any): unknown {
  $frame.$state = -1;
  if ($mode === 1) throw $value;
  if ($mode === 2) { $frame.$state = -2; return $value; }
  for (;;) switch ($state) {
    case 0: $frame.i = 0;
    // falls through
    case 1: if (!($frame.i < $frame.n)) { $frame.$state = -2; return; }
            $frame.$state = 2; return $frame.i;
    case 2: $frame.i++; $state = 1; continue;
  }
}
const count = lowered(count$step as Step, (frame, n) => { frame.n = n; frame.i = undefined; });
function* nativeCount(n: number) { for (let i = 0; i < n; i++) yield i; }

// function* echo() { const x = yield 1; const y = yield x + 1; return x + y; }
const echo = lowered((frame, state, mode, value) => {
  if (mode === 1) throw value;
  if (mode === 2) { frame.$state = -2; return value; }
  switch (state) {
    case 0: frame.$state = 1; return 1;
    case 1: frame.x = value; frame.$state = 2; return frame.x + 1;
    default: frame.$state = -2; return frame.x + value;
  }
});
function* nativeEcho(): Generator<number, number, number> { const x = yield 1; const y = yield x + 1; return x + y; }

function* nativeGuarded(log: string[]): Generator<string, string, unknown> {
  log.push('start');
  try {
    const x = yield 'a';
    log.push('got ' + x);
    yield 'b';
  } catch (e) {
    log.push('caught ' + e);
    yield 'c';
  } finally {
    log.push('finally');
  }
  log.push('end');
  return 'done';
}
// The same by hand: 1 and 2 are the yields in the try, 3 the yield in the catch (finally pending).
const guarded = lowered((frame, state, mode, value) => {
  const log: string[] = frame.log;
  if (state === 0) { log.push('start'); frame.$state = 1; return 'a'; }
  if (state === 3) {
    log.push('finally');
    if (mode === 1) throw value;
    frame.$state = -2;
    if (mode === 2) return value;
    log.push('end');
    return 'done';
  }
  try {
    if (mode === 1) throw value;
    if (mode === 2) { log.push('finally'); frame.$state = -2; return value; }
    if (state === 1) { log.push('got ' + value); frame.$state = 2; return 'b'; }
  } catch (e) {
    log.push('caught ' + e);
    frame.$state = 3;
    return 'c';
  }
  log.push('finally');
  log.push('end');
  frame.$state = -2;
  return 'done';
}, (frame, log) => { frame.log = log; });

function compareGuarded(operations: Operation[]) {
  const nativeLog: string[] = [];
  const loweredLog: string[] = [];
  const expected = trace(nativeGuarded(nativeLog), operations);
  expect(trace(guarded(loweredLog), operations)).toEqual(expected);
  expect(loweredLog).toEqual(nativeLog);
  return { outcomes: expected, log: nativeLog };
}

describe('resumeGenerator, side by side with native generators', () => {
  test('next() runs to each yield, then reports completion forever', () => {
    const operations: Operation[] = [['next'], ['next'], ['next'], ['next'], ['next']];
    const expected = trace(nativeCount(3), operations);
    expect(trace(count(3), operations)).toEqual(expected);
    expect(expected.map((o: any) => o.value)).toEqual([0, 1, 2, undefined, undefined]);
  });

  test('the value passed to next() becomes the result of the yield, the first one is dropped', () => {
    const operations: Operation[] = [['next', 'ignored'], ['next', 10], ['next', 5], ['next', 7]];
    const expected = trace(nativeEcho(), operations);
    expect(trace(echo(), operations)).toEqual(expected);
    expect(expected).toEqual([
      { value: 1, done: false }, { value: 11, done: false }, { value: 15, done: true }, { value: undefined, done: true },
    ]);
  });

  test('each result is a fresh { value, done } object', () => {
    const generator = count(2);
    const first = generator.next();
    const second = generator.next();
    expect(first).not.toBe(second);
    expect(Object.keys(first)).toEqual(Object.keys(nativeCount(2).next()));
  });

  test('throw() at a yield is caught by the body\'s try/catch; finally runs on the way out', () => {
    const { outcomes, log } = compareGuarded([['next'], ['throw', 'x'], ['next'], ['next']]);
    expect(outcomes).toEqual([
      { value: 'a', done: false }, { value: 'c', done: false }, { value: 'done', done: true }, { value: undefined, done: true },
    ]);
    expect(log).toEqual(['start', 'caught x', 'finally', 'end']);
  });

  test('return() at a yield runs finally and completes with the given value', () => {
    const { outcomes, log } = compareGuarded([['next'], ['return', 5], ['next']]);
    expect(outcomes).toEqual([{ value: 'a', done: false }, { value: 5, done: true }, { value: undefined, done: true }]);
    expect(log).toEqual(['start', 'finally']);
  });

  test('throw() and return() at a yield inside catch', () => {
    expect(compareGuarded([['next'], ['next', 1], ['throw', 'y'], ['throw', 'z'], ['next']]).log)
      .toEqual(['start', 'got 1', 'caught y', 'finally']);
    expect(compareGuarded([['next'], ['throw', 'y'], ['return', 9], ['next']]).outcomes[2]).toEqual({ value: 9, done: true });
  });

  test('return() before the first next() completes the generator without running the body', () => {
    const { outcomes, log } = compareGuarded([['return', 1], ['next'], ['throw', 'late'], ['return', 2]]);
    expect(outcomes).toEqual([{ value: 1, done: true }, { value: undefined, done: true }, { threw: 'late' }, { value: 2, done: true }]);
    expect(log).toEqual([]);
  });

  test('throw() before the first next() throws, completes the generator and never runs the body', () => {
    const { outcomes, log } = compareGuarded([['throw', 'early'], ['next'], ['return', 3]]);
    expect(outcomes).toEqual([{ threw: 'early' }, { value: undefined, done: true }, { value: 3, done: true }]);
    expect(log).toEqual([]);
  });

  test('a completed generator: next → { undefined, done }, return(v) → { v, done }, throw(e) throws e', () => {
    const operations: Operation[] = [['next'], ['next'], ['return', 'r'], ['throw', 't'], ['next', 'n']];
    const expected = trace(nativeCount(1), operations);
    expect(trace(count(1), operations)).toEqual(expected);
    expect(expected.slice(1)).toEqual([
      { value: undefined, done: true }, { value: 'r', done: true }, { threw: 't' }, { value: undefined, done: true },
    ]);
  });

  test('an exception escaping the body reaches the caller as is and completes the generator', () => {
    const error = new Error('boom');
    function* nativeFailing(): Generator<number> { yield 1; throw error; }
    const failing = lowered((frame, state, mode, value) => {
      if (mode === 1) throw value;
      if (mode === 2) { frame.$state = -2; return value; }
      if (state === 0) { frame.$state = 1; return 1; }
      throw error;
    });
    for (const generator of [nativeFailing(), failing()]) {
      generator.next();
      let caught: unknown;
      try { generator.next(); } catch (e) { caught = e; }
      expect(caught).toBe(error);
      expect(generator.next()).toEqual({ value: undefined, done: true });
    }
  });

  test('re-entering a running generator (next, return or throw) throws a TypeError inside it', () => {
    const methods = ['next', 'return', 'throw'] as const;
    let nativeSelf: any;
    function* nativeReentrant() {
      const outcomes: unknown[] = [];
      for (const method of methods) {
        try { nativeSelf[method](1); outcomes.push('no error'); } catch (e) { outcomes.push(errorName(e)); }
      }
      return outcomes;
    }
    let loweredSelf: any;
    const reentrant = lowered((frame) => {
      const outcomes: unknown[] = [];
      for (const method of methods) {
        try { loweredSelf[method](1); outcomes.push('no error'); } catch (e) { outcomes.push(errorName(e)); }
      }
      frame.$state = -2;
      return outcomes;
    });
    nativeSelf = nativeReentrant();
    loweredSelf = reentrant();
    const expected = nativeSelf.next();
    expect(loweredSelf.next()).toEqual(expected);
    expect(expected).toEqual({ value: ['TypeError', 'TypeError', 'TypeError'], done: true });
  });

  test('an uncaught re-entrant call completes the generator, as native', () => {
    let nativeSelf: any;
    function* nativeReentrant() { yield nativeSelf.next(); }
    let loweredSelf: any;
    const reentrant = lowered(() => loweredSelf.next());
    nativeSelf = nativeReentrant();
    loweredSelf = reentrant();
    const operations: Operation[] = [['next'], ['next']];
    const expected = trace(nativeSelf, operations);
    expect(trace(loweredSelf, operations)).toEqual(expected);
    expect(expected).toEqual([{ threw: 'TypeError' }, { value: undefined, done: true }]);
  });

  test('the step is called as step(frame, state, mode, value), and the frame it marks running stays so until it returns', () => {
    const calls: unknown[][] = [];
    const spied = lowered((frame, state, mode, value) => {
      calls.push([frame, state, mode, value, frame.$state]);
      if (state === 0) { frame.$state = 4; return 'yielded'; }
      frame.$state = -2;
      return 'returned';
    });
    const generator = spied();
    expect(generator.next('a')).toEqual({ value: 'yielded', done: false });
    expect(generator.$state).toBe(4);
    expect(generator.throw('b')).toEqual({ value: 'returned', done: true });
    expect(generator.$state).toBe(-2);
    expect(calls).toEqual([[generator, 0, 0, 'a', -1], [generator, 4, 1, 'b', -1]]);
  });

  test('resumeGenerator is what the prototype methods call, usable directly', () => {
    const generator = count(2);
    expect(resumeGenerator(generator, 0, undefined)).toEqual({ value: 0, done: false });
    expect(resumeGenerator(generator, 2, 'stop')).toEqual({ value: 'stop', done: true });
    expect(() => resumeGenerator(generator, 1, 'err')).toThrow('err');
  });
});
