import { getIterator, GeneratorPrototype, resumeDelegate } from '../src';
import type { ResumeMode } from '../src';
import { asEmitted, errorName, lowered, Operation, Outcome, Step, trace } from './side-by-side';

type Log = unknown[][];
type Script = {
  next: (this: any, ...args: any[]) => any;
  throw?: ((...args: any[]) => any) | null;
  return?: ((...args: any[]) => any) | null;
};

/** An iterable whose iterator logs every call it receives (with its exact arguments) and answers from `script`. */
function scriptedIterable(log: Log, script: Script) {
  const iterator: any = {};
  for (const method of ['next', 'throw', 'return'] as const) {
    if (!(method in script)) continue;
    const answer = script[method];
    iterator[method] = answer == null ? answer : function (this: any, ...args: unknown[]) {
      log.push([method, ...args]);
      return answer.apply(this, args);
    };
  }
  return { [Symbol.iterator]() { log.push(['@@iterator']); return iterator; } };
}

/** next() yields 'v1', 'v2', … and is done with 'final' after `length` values. */
function counting(length: number) {
  let calls = 0;
  return () => (++calls > length ? { value: 'final', done: true } : { value: 'v' + calls, done: false });
}

/** What `yieldStar` answers: the inner result to hand on, or the inner iterator's last value and whether a return() ended it. */
type Turn = { handOn: IteratorResult<unknown> } | { value: unknown; returning: boolean };

/**
 * The loop the compiler emits for `yield*` (build/iteration.ts `delegate`),
 * by hand, for a step resumed at a `yield*` whose resume state is `resume`:
 * `start` begins the delegation (GetIterator, `next` read once, both kept on
 * the frame); what was sent then goes to the inner iterator. An inner result
 * that is not done is handed on with `$state` at `-3 - resume`, so that
 * resumeGenerator passes it to the caller as it is.
 */
function yieldStar(frame: any, resume: number, mode: ResumeMode, value: unknown, start?: { iterable: unknown }): Turn {
  if (start) {
    frame.$iterator = getIterator(start.iterable);
    frame.$next = frame.$iterator.next;
    mode = 0;
    value = undefined;
  }
  const result = resumeDelegate(frame.$iterator, frame.$next, mode, value);
  if (!result.done) {
    frame.$state = -3 - resume;
    return { handOn: result };
  }
  return { value: result.value, returning: mode === 2 };
}

function* nativeOuter(log: Log, inner: unknown) {
  try {
    const result = yield* inner as Iterable<unknown>;
    log.push(['outer got', result]);
    return 'outer done';
  } catch (e) {
    log.push(['outer caught', errorName(e)]);
    return 'outer caught';
  } finally {
    log.push(['outer finally']);
  }
}
// The same by hand: state 1 is the yield*.
const outerStep: Step = (frame, state, mode, value) => {
  const log: Log = frame.log;
  try {
    const turn = yieldStar(frame, 1, mode, value, state === 0 ? { iterable: frame.inner } : undefined);
    if ('handOn' in turn) return turn.handOn;
    if (turn.returning) { log.push(['outer finally']); frame.$state = -2; return turn.value; }
    log.push(['outer got', turn.value]);
    log.push(['outer finally']);
    frame.$state = -2;
    return 'outer done';
  } catch (e) {
    log.push(['outer caught', errorName(e)]);
    log.push(['outer finally']);
    frame.$state = -2;
    return 'outer caught';
  }
};
const outer = lowered(outerStep, (frame, log, inner) => { frame.log = log; frame.inner = inner; });

/** Runs `operations` on the native and the lowered outer generator, each around a fresh inner iterator. */
function compare(makeScript: () => Script, operations: Operation[]): { outcomes: Outcome[]; log: Log } {
  const nativeLog: Log = [];
  const loweredLog: Log = [];
  const expected = trace(nativeOuter(nativeLog, scriptedIterable(nativeLog, makeScript())), operations);
  const actual = trace(outer(loweredLog, scriptedIterable(loweredLog, makeScript())), operations);
  expect({ outcomes: actual, log: loweredLog }).toEqual({ outcomes: expected, log: nativeLog });
  return { outcomes: expected, log: nativeLog };
}

const returnsDone = (value: unknown) => ({ value: 'r:' + value, done: true });
const notAnObject = () => 42;
const fails = (...args: unknown[]) => { throw new Error('inner failed ' + args.join()); };

describe('yield* forwards to the inner iterator exactly as native (spec 15.5.5)', () => {
  test('next(v) calls the cached next with v (undefined first); the final value resumes the outer', () => {
    const { log, outcomes } = compare(() => ({ next: counting(2) }), [['next', 'a'], ['next', 'b'], ['next', 'c'], ['next', 'd']]);
    expect(log).toEqual([
      ['@@iterator'], ['next', undefined], ['next', 'b'], ['next', 'c'], ['outer got', 'final'], ['outer finally'],
    ]);
    expect(outcomes.map((o: any) => o.value)).toEqual(['v1', 'v2', 'outer done', undefined]);
  });

  test('throw(e) calls inner.throw(e); not done keeps delegating', () => {
    const { log } = compare(() => ({ next: counting(3), throw: () => ({ value: 't', done: false }) }),
      [['next'], ['throw', 'x'], ['next', 'y'], ['next']]);
    expect(log).toContainEqual(['throw', 'x']);
    expect(log).toContainEqual(['next', 'y']);
  });

  test('throw(e) whose inner result is done resumes the outer normally with the inner value', () => {
    const { outcomes } = compare(() => ({ next: counting(3), throw: () => ({ value: 'tv', done: true }) }), [['next'], ['throw', 'x'], ['next']]);
    expect(outcomes[1]).toEqual({ value: 'outer done', done: true });
  });

  test('an exception from inner.throw is thrown at the yield*', () => {
    const { outcomes } = compare(() => ({ next: counting(3), throw: fails }), [['next'], ['throw', 'x']]);
    expect(outcomes[1]).toEqual({ value: 'outer caught', done: true });
  });

  test.each([
    ['absent', {}],
    ['null', { throw: null }],
    ['undefined', { throw: undefined }],
  ])('throw(e) with inner.throw %s closes the inner iterator and throws a TypeError at the yield*', (_, extra) => {
    const { log } = compare(() => ({ next: counting(3), return: () => ({ done: true }), ...extra }), [['next'], ['throw', 'x'], ['next']]);
    expect(log.slice(2)).toEqual([['return'], ['outer caught', 'TypeError'], ['outer finally']]);
  });

  test('throw(e) with neither throw nor return still throws a TypeError', () => {
    const { log } = compare(() => ({ next: counting(3) }), [['next'], ['throw', 'x']]);
    expect(log).toContainEqual(['outer caught', 'TypeError']);
  });

  test('throw(e) without inner.throw: an error or a non-object from closing the inner iterator wins', () => {
    expect(compare(() => ({ next: counting(3), return: fails }), [['next'], ['throw', 'x']]).log)
      .toContainEqual(['outer caught', 'Error: inner failed ']);
    expect(compare(() => ({ next: counting(3), return: notAnObject }), [['next'], ['throw', 'x']]).log)
      .toContainEqual(['outer caught', 'TypeError']);
  });

  test('return(v) calls inner.return(v); done completes the outer with the inner value, running its finally', () => {
    const { log, outcomes } = compare(() => ({ next: counting(3), return: returnsDone }), [['next'], ['return', 5], ['next']]);
    expect(log.slice(2)).toEqual([['return', 5], ['outer finally']]);
    expect(outcomes.slice(1)).toEqual([{ value: 'r:5', done: true }, { value: undefined, done: true }]);
  });

  test('return(v) whose inner result is not done keeps delegating', () => {
    const { log } = compare(() => ({ next: counting(2), return: () => ({ value: 'still', done: false }) }),
      [['next'], ['return', 5], ['next', 'n'], ['next'], ['next']]);
    expect(log).toContainEqual(['next', 'n']);
  });

  test.each([
    ['absent', {}],
    ['null', { return: null }],
  ])('return(v) with inner.return %s returns v from the outer', (_, extra) => {
    const { outcomes, log } = compare(() => ({ next: counting(3), ...extra }), [['next'], ['return', 5], ['next']]);
    expect(outcomes[1]).toEqual({ value: 5, done: true });
    expect(log.slice(-1)).toEqual([['outer finally']]);
  });

  test('an exception from inner.return is thrown at the yield*', () => {
    const { log } = compare(() => ({ next: counting(3), return: fails }), [['next'], ['return', 5]]);
    expect(log).toContainEqual(['outer caught', 'Error: inner failed 5']);
  });

  test('an exception from inner.next is thrown at the yield*', () => {
    const { log } = compare(() => ({ next: fails }), [['next', 'a']]);
    expect(log).toContainEqual(['outer caught', 'Error: inner failed ']);
  });

  test.each([
    ['next', (): Script => ({ next: notAnObject }), [['next']]],
    ['throw', (): Script => ({ next: counting(3), throw: notAnObject }), [['next'], ['throw', 'x']]],
    ['return', (): Script => ({ next: counting(3), return: notAnObject }), [['next'], ['return', 'x']]],
  ] as [string, () => Script, Operation[]][])('a non-object result from inner.%s is a TypeError at the yield*', (_, makeScript, operations) => {
    const { log } = compare(makeScript, operations);
    expect(log).toContainEqual(['outer caught', 'TypeError']);
  });

  test('a non-callable inner.throw or inner.return is a TypeError at the yield*', () => {
    for (const method of ['throw', 'return'] as const) {
      const { log } = compare(() => ({ next: counting(3), [method]: 'nope' } as any), [['next'], [method, 'x']]);
      expect(log).toContainEqual(['outer caught', 'TypeError']);
    }
  });

  test('done is read once per inner result, value only when done', () => {
    const reads: Log = [];
    const { log } = compare(() => {
      let calls = 0;
      return {
        next: () => {
          const done = ++calls > 1;
          return {
            get done() { reads.push(['get done']); return done; },
            get value() { reads.push(['get value']); return 'value ' + calls; },
          };
        },
      };
    }, [['next'], ['next']]);
    expect(log).toContainEqual(['outer got', 'value 2']);
    // compare() ran native, then lowered.
    // yield* reads done; the trace reads value then done; yield* reads done then value; the outer's own result has no getters.
    const perRun = [['get done'], ['get value'], ['get done'], ['get done'], ['get value']];
    expect(reads).toEqual([...perRun, ...perRun]);
  });

  test('the next method is read once, when the delegation starts', () => {
    const { log } = compare(() => ({
      next(this: any) {
        this.next = () => { throw new Error('the replaced next was called'); };
        return { value: 'first', done: false };
      },
    }), [['next'], ['next']]);
    expect(log.filter((entry) => entry[0] === 'next')).toHaveLength(2);
  });

  test('a non-iterable operand throws a TypeError at the yield*', () => {
    for (const inner of [42, undefined, {}, { [Symbol.iterator]: () => 42 }, { [Symbol.iterator]: 'nope' }]) {
      const nativeLog: Log = [];
      const loweredLog: Log = [];
      const expected = trace(nativeOuter(nativeLog, inner), [['next']]);
      expect(trace(outer(loweredLog, inner), [['next']])).toEqual(expected);
      expect(loweredLog).toEqual([['outer caught', 'TypeError'], ['outer finally']]);
      expect(nativeLog).toEqual(loweredLog);
    }
  });
});

describe('yield* delegation, the outer generator', () => {
  test('passes inner results through as the same objects, not re-wrapped', () => {
    const innerResult = { value: 'v', done: false, extra: 'kept' };
    for (const generator of [nativeOuter([], scriptedIterable([], { next: () => innerResult })), outer([], scriptedIterable([], { next: () => innerResult }))]) {
      expect(generator.next()).toBe(innerResult);
    }
  });

  test('is running while the inner iterator runs: re-entering it throws a TypeError at the yield*', () => {
    const run = (makeOuter: (log: Log, inner: unknown) => any) => {
      const log: Log = [];
      let self: any;
      self = makeOuter(log, scriptedIterable(log, { next: () => self.next() }));
      return { outcomes: trace(self, [['next'], ['next']]), log };
    };
    const expected = run(nativeOuter);
    expect(run(outer)).toEqual(expected);
    expect(expected.log).toContainEqual(['outer caught', 'TypeError']);
  });

  test('is suspended inside the yield* (-3 - its resume state) between inner results, and completed when the delegation ends', () => {
    const generator = outer([], scriptedIterable([], { next: counting(1) }));
    generator.next();
    expect(generator.$state).toBe(-4);
    generator.next();
    expect(generator.$state).toBe(-2);
  });

  test('delegates to native generators and arrays, several yield* in a row', () => {
    function* nativeInner(label: string): Generator<string, string, string> { const x = yield label + 1; yield label + x; return label + ' end'; }
    function* nativeSequence() {
      const first = yield* nativeInner('a');
      const second = yield* [first, 'array'];
      const third = yield* nativeInner('b');
      return [first, second, third];
    }
    // state 1, 2, 3: the three yield*; the slots hold what lives across them.
    const sequence = lowered((frame, state, mode, value) => {
      const operands = [() => nativeInner('a'), () => [frame.first, 'array'], () => nativeInner('b')];
      let start = state === 0 ? { iterable: operands[0]() } : undefined;
      if (state === 0) state = 1;
      for (;;) {
        const turn = yieldStar(frame, state, mode, value, start);
        if ('handOn' in turn) return turn.handOn;
        if (turn.returning) { frame.$state = -2; return turn.value; }
        frame[['first', 'second', 'third'][state - 1]] = turn.value;
        if (state === 3) { frame.$state = -2; return [frame.first, frame.second, frame.third]; }
        start = { iterable: operands[state]() };
        state++;
      }
    });
    const operations: Operation[] = [['next'], ['next', 'X'], ['next'], ['next'], ['next'], ['next', 'Y'], ['next'], ['next']];
    const expected = trace(nativeSequence(), operations);
    expect(trace(sequence(), operations)).toEqual(expected);
    expect(expected.map((o: any) => o.value)).toEqual(['a1', 'aX', 'a end', 'array', 'b1', 'bY', ['a end', undefined, 'b end'], undefined]);

    const throwing: Operation[] = [['next'], ['next'], ['next'], ['throw', 'into array']];
    expect(trace(sequence(), throwing)).toEqual(trace(nativeSequence(), throwing));
    const returning: Operation[] = [['next'], ['return', 'early'], ['next']];
    expect(trace(sequence(), returning)).toEqual(trace(nativeSequence(), returning));
  });
});

describe('yield* to a lowered generator (resumed directly, not through its next method)', () => {
  test('an exception from the inner step reaches the outer yield* and completes the inner generator', () => {
    let innerObject: any;
    const inner = lowered((frame, state) => {
      if (state === 0) {
        frame.$state = 1;
        return 'a';
      }
      throw new Error('boom');
    });
    const outer = lowered((frame, state, mode, value) => {
      try {
        const turn = yieldStar(frame, 1, mode, value, state === 0 ? { iterable: (innerObject = inner()) } : undefined);
        if ('handOn' in turn) return turn.handOn;
      } catch (e) {
        frame.$state = -2;
        return 'caught ' + (e as Error).message;
      }
      frame.$state = -2;
      return 'no error';
    });
    function* nativeInner() {
      yield 'a';
      throw new Error('boom');
    }
    let nativeInnerObject: any;
    function* nativeOuter() {
      try {
        nativeInnerObject = nativeInner();
        yield* nativeInnerObject;
      } catch (e) {
        return 'caught ' + (e as Error).message;
      }
      return 'no error';
    }
    const operations: Operation[] = [['next'], ['next'], ['next']];
    expect(trace(outer(), operations)).toEqual(trace(nativeOuter(), operations));
    expect(trace(innerObject, [['next']])).toEqual(trace(nativeInnerObject, [['next']]));
  });

  test('a next method patched onto GeneratorPrototype before the yield* is the one called, as the spec caches it', () => {
    const original = GeneratorPrototype.next;
    const calls: unknown[] = [];
    const leaf = lowered((frame, state) => {
      if (state === 0) {
        frame.$state = 1;
        return 'leaf';
      }
      frame.$state = -2;
      return 'leaf done';
    });
    const outer = lowered((frame, state, mode, value) => {
      const turn = yieldStar(frame, 1, mode, value, state === 0 ? { iterable: leaf() } : undefined);
      if ('handOn' in turn) return turn.handOn;
      frame.$state = -2;
      return 'outer got ' + turn.value;
    });
    GeneratorPrototype.next = function (this: Generator, ...args: [unknown]) {
      calls.push(args[0]);
      return original.apply(this, args);
    };
    try {
      const generator = outer();
      expect([original.call(generator), original.call(generator, 'b')]).toEqual([
        { value: 'leaf', done: false },
        { value: 'outer got leaf done', done: true },
      ]);
    } finally {
      GeneratorPrototype.next = original;
    }
    expect(calls).toEqual([undefined, 'b']);
  });

  test('a lowered inner generator that itself delegates is driven to its end', () => {
    const leaf = lowered((frame, state) => {
      if (state === 0) {
        frame.$state = 1;
        return 'leaf';
      }
      frame.$state = -2;
      return 'leaf done';
    });
    const middle = lowered((frame, state, mode, value) => {
      const turn = yieldStar(frame, 1, mode, value, state === 0 ? { iterable: leaf() } : undefined);
      if ('handOn' in turn) return turn.handOn;
      frame.$state = -2;
      return 'middle got ' + turn.value;
    });
    const outer = lowered((frame, state, mode, value) => {
      const turn = yieldStar(frame, 1, mode, value, state === 0 ? { iterable: middle() } : undefined);
      if ('handOn' in turn) return turn.handOn;
      frame.$state = -2;
      return 'outer got ' + turn.value;
    });
    function* nativeLeaf() {
      yield 'leaf';
      return 'leaf done';
    }
    function* nativeMiddle() {
      return 'middle got ' + (yield* nativeLeaf());
    }
    function* nativeOuter() {
      return 'outer got ' + (yield* nativeMiddle());
    }
    const operations: Operation[] = [['next'], ['next'], ['next']];
    expect(trace(outer(), operations)).toEqual(trace(nativeOuter(), operations));
  });
});

describe('yield* across runtime copies (a %GeneratorFunction% function brings its own inline runtime)', () => {
  test('the copy whose resumeDelegate the step names delegates, to generators of either copy, while the main runtime resumes the frame', () => {
    const { inlineRuntime } = require('../src/inline-runtime');
    const copy = new Function(inlineRuntime(['getIterator', 'linkGenerator', 'resumeDelegate'], '$copy') + 'return $copy;')();
    expect(copy.resumeDelegate).not.toBe(resumeDelegate);
    const leafStep: Step = (frame, state, mode, value) => {
      if (mode !== 0) { frame.$state = -2; if (mode === 1) throw value; return value; }
      if (state === 0) { frame.$state = 1; return 'leaf'; }
      frame.$state = -2;
      return 'leaf got ' + value;
    };
    const mainLeaf = lowered(leafStep);
    function CopyLeafFrame(this: any) { this.$state = 0; this.$step = asEmitted(leafStep); }
    const copyLeaf = copy.linkGenerator(function copyLeaf() { return new (CopyLeafFrame as any)(); }, CopyLeafFrame);
    for (const leaf of [mainLeaf, copyLeaf]) {
      const outer = lowered((frame, state, mode, value) => {
        if (state === 0) {
          frame.$iterator = copy.getIterator(leaf());
          frame.$next = frame.$iterator.next;
          mode = 0;
          value = undefined;
        }
        const result = copy.resumeDelegate(frame.$iterator, frame.$next, mode, value);
        if (!result.done) { frame.$state = -3 - 1; return result; }
        frame.$state = -2;
        return mode === 2 ? result.value : 'outer got ' + result.value;
      });
      function* nativeLeaf() { return 'leaf got ' + (yield 'leaf'); }
      function* nativeOuter() { return 'outer got ' + (yield* nativeLeaf()); }
      for (const operations of [[['next'], ['next', 'x'], ['next']], [['next'], ['return', 'r'], ['next']], [['next'], ['throw', 'e'], ['next']]] as Operation[][]) {
        expect(trace(outer(), operations)).toEqual(trace(nativeOuter(), operations));
      }
    }
  });
});
