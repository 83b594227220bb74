import { AsyncGeneratorPrototype, awaitInAsyncGenerator, GeneratorPrototype } from '../src';
import { errorName, lowered, Step } from './side-by-side';
import {
  expectSameJobs, flushJobs, loggingThenable, loweredAsyncGenerator, promiseWithConstructorGetter, record, Say,
} from './side-by-side-async';

// async function* yieldEach(say, values) {
//   say('start');
//   for (let i = 0; i < values.length; i++) say('sent', yield values[i]);
//   return 'end';
// }
async function* nativeYieldEach(say: Say, values: unknown[]) {
  say('start');
  for (let i = 0; i < values.length; i++) say('sent', yield values[i]);
  return 'end';
}
const yieldEach = loweredAsyncGenerator((frame, state, mode, value) => {
  if (mode !== 0) { frame.$state = -2; if (mode === 1) throw value; return value; }
  for (;;) switch (state) {
    case 0:
      frame.say('start');
      frame.i = 0;
      // falls through
    case 1:
      if (!(frame.i < frame.values.length)) { frame.$state = 4; return awaitInAsyncGenerator(frame, 'end'); }
      frame.$state = 2;
      return awaitInAsyncGenerator(frame, frame.values[frame.i]);   // yield awaits its operand
    case 2:
      frame.$state = 3;
      return value;                                                 // then yields it
    case 3:
      frame.say('sent', value);
      frame.i++;
      state = 1;
      continue;
    case 4:
      frame.$state = -2;
      return value;
  }
}, (frame, say, values) => { frame.say = say; frame.values = values; frame.i = undefined; });

// async function* guarded(say) {
//   say('start');
//   try {
//     say('sent', yield 'a');
//     say('sent', yield 'b');
//   } catch (e) {
//     say('caught', e);
//     say('sent', yield 'c');
//   } finally {
//     say('finally');
//   }
//   say('end');
// }
async function* nativeGuarded(say: Say) {
  say('start');
  try {
    say('sent', yield 'a');
    say('sent', yield 'b');
  } catch (e) {
    say('caught', e);
    say('sent', yield 'c');
  } finally {
    say('finally');
  }
  say('end');
}
// States 1-5 are in the try (catch entry 6), 6-8 in the catch (finally's throw entry 11);
// a return() at any of them goes to the finally's return entry 12. 9 is the finally.
const guardedHandlers = [0, 6, 6, 6, 6, 6, 11, 11, 11, 0, 0, 0, 0];
const guardedFinalizers = [0, 12, 12, 12, 12, 12, 12, 12, 12, 0, 0, 0, 0];
const NORMAL = 0;
const THROW = 1;
const RETURN = 2;
const guardedStep: Step = (frame, state, mode, value) => {
  let completion = NORMAL;
  let result: unknown;
  if (mode === 2) {
    state = guardedFinalizers[state];
    if (state === 0) { frame.$state = -2; return value; }
  }
  for (;;) {
    try {
      if (mode === 1) { mode = 0; throw value; }
      switch (state) {
        case 0:
          frame.say('start');
          state = 1;
          // falls through
        case 1: frame.$state = 2; return awaitInAsyncGenerator(frame, 'a');
        case 2: frame.$state = 3; return value;
        case 3: frame.say('sent', value); frame.$state = 4; return awaitInAsyncGenerator(frame, 'b');
        case 4: frame.$state = 5; return value;
        case 5: frame.say('sent', value); state = 9; continue;
        case 6: frame.say('caught', value); frame.$state = 7; return awaitInAsyncGenerator(frame, 'c');
        case 7: frame.$state = 8; return value;
        case 8: frame.say('sent', value); state = 9; continue;
        case 9:
          frame.say('finally');
          if (completion === THROW) throw result;
          if (completion === RETURN) { frame.$state = -2; return result; }
          state = 10;
          // falls through
        case 10: frame.say('end'); frame.$state = -2; return undefined;
        case 11: completion = THROW; result = value; state = 9; continue;
        case 12: completion = RETURN; result = value; state = 9; continue;
      }
    } catch (e) {
      state = guardedHandlers[state];
      if (state === 0) throw e;
      value = e;
    }
  }
};
const guarded = loweredAsyncGenerator(guardedStep, (frame, say) => { frame.say = say; });

// async function* reentrant(say, box) {
//   say('start');
//   record(say, 'inner ' + box.method, box.generator[box.method](box.argument));
//   say('sent', yield 'a');
//   say('sent', yield 'b');
// }
type Box = { generator?: any; method: 'next' | 'throw' | 'return'; argument?: unknown };
async function* nativeReentrant(say: Say, box: Box) {
  say('start');
  record(say, 'inner ' + box.method, box.generator[box.method](box.argument));
  say('sent', yield 'a');
  say('sent', yield 'b');
}
const reentrant = loweredAsyncGenerator((frame, state, mode, value) => {
  if (mode !== 0) { frame.$state = -2; if (mode === 1) throw value; return value; }
  const box: Box = frame.box;
  switch (state) {
    case 0:
      frame.say('start');
      record(frame.say, 'inner ' + box.method, box.generator[box.method](box.argument));
      frame.$state = 1;
      return awaitInAsyncGenerator(frame, 'a');
    case 1: frame.$state = 2; return value;
    case 2: frame.say('sent', value); frame.$state = 3; return awaitInAsyncGenerator(frame, 'b');
    case 3: frame.$state = 4; return value;
    default: frame.say('sent', value); frame.$state = -2; return undefined;
  }
}, (frame, say, box) => { frame.say = say; frame.box = box; });

type Request = [method: 'next' | 'throw' | 'return', argument?: unknown];
type Requests = (say: Say) => Request[];

/** All requests made at once, before any of them settles. */
function requestAtOnce(generator: any, say: Say, requests: Request[]) {
  requests.forEach(([method, argument], i) => record(say, i + ' ' + method, generator[method](argument)));
}

/** Each request made once the previous one has settled. */
function requestInTurn(generator: any, say: Say, requests: Request[]) {
  (async () => {
    for (const [method, argument] of requests) {
      try {
        say(method, 'fulfilled', await generator[method](argument));
      } catch (e) {
        say(method, 'rejected', e);
      }
    }
  })();
}

type YieldEach = (say: Say, values: unknown[]) => any;
type Guarded = (say: Say) => any;

function compareYieldEach(values: (say: Say) => unknown[], requests: Requests, inTurn = true) {
  return expectSameJobs<YieldEach>(nativeYieldEach, yieldEach, (f, say) => {
    (inTurn ? requestInTurn : requestAtOnce)(f(say, values(say)), say, requests(say));
  }, 16);
}

function compareGuarded(requests: Requests, inTurn = true) {
  return expectSameJobs<Guarded>(nativeGuarded, guarded, (f, say) => {
    (inTurn ? requestInTurn : requestAtOnce)(f(say), say, requests(say));
  }, 16);
}

/** The values a `return()` can be given, each with what its promise must settle to. */
const returnValues: Array<[string, (say: Say) => unknown, string, string[]]> = [
  ['a plain value', () => 'r', 'return fulfilled {r, true}', ['finally', 'return fulfilled {r, true}']],
  ['a fulfilled promise', () => Promise.resolve('p'), 'return fulfilled {p, true}', ['finally', 'return fulfilled {p, true}']],
  ['a thenable', (say) => loggingThenable(say, 'T', (resolve) => resolve('t')), 'return fulfilled {t, true}', ['finally', 'return fulfilled {t, true}']],
  // At a yield, an abrupt Await of the value is thrown there (AsyncGeneratorUnwrapYieldResumption).
  ['a rejected promise', () => Promise.reject(new Error('refused')), 'return rejected Error: refused', ['caught Error: refused', 'return fulfilled {c, false}', 'finally']],
  ['a promise whose constructor getter throws', (say) => promiseWithConstructorGetter(say, 'x', () => { throw new Error('getter'); }), 'return rejected Error: getter', ['caught Error: getter', 'return fulfilled {c, false}', 'finally']],
];

describe('suspended-start', () => {
  test('next() runs the body to its first yield; the argument of the first next() is dropped', async () => {
    const trace = await compareYieldEach(() => ['a', 'b'], () => [['next', 'dropped'], ['next', 'x'], ['next', 'y'], ['next', 'after']]);
    expect(trace.filter((entry) => !/^tick/.test(entry as string))).toEqual([
      'start', 'sync end', 'next fulfilled {a, false}', 'sent x', 'next fulfilled {b, false}', 'sent y',
      'next fulfilled {end, true}', 'next fulfilled {undefined, true}',
    ]);
  });

  test('throw() rejects with its argument, never runs the body and completes the generator', async () => {
    const trace = await compareGuarded(() => [['throw', 'early'], ['next'], ['return', 'r'], ['throw', 'late']]);
    expect(trace.filter((entry) => !/^tick/.test(entry as string))).toEqual([
      'sync end', 'throw rejected early', 'next fulfilled {undefined, true}', 'return fulfilled {r, true}', 'throw rejected late',
    ]);
  });

  test.each(returnValues)('return(%s) awaits it, never runs the body and completes the generator', async (_, value, settled) => {
    const trace = await compareGuarded((say) => [['return', value(say)], ['next', 'n']]);
    expect(trace).toContain(settled);
    expect(trace).toContain('next fulfilled {undefined, true}');
    expect(trace).not.toContain('start');
    expect(trace).not.toContain('finally');
  });
});

describe('suspended-yield', () => {
  test('throw() is thrown at the yield: the body\'s catch gets it, then its finally runs on the way out', async () => {
    const trace = await compareGuarded(() => [['next'], ['throw', 'e1'], ['throw', 'e2'], ['next']]);
    expect(trace.filter((entry) => !/^tick/.test(entry as string))).toEqual([
      'start', 'sync end', 'next fulfilled {a, false}', 'caught e1', 'throw fulfilled {c, false}', 'finally',
      'throw rejected e2', 'next fulfilled {undefined, true}',
    ]);
  });

  test('the body runs to its end: finally, then the code after it', async () => {
    const trace = await compareGuarded(() => [['next'], ['next', 1], ['next', 2], ['next']]);
    expect(trace.filter((entry) => !/^tick/.test(entry as string))).toEqual([
      'start', 'sync end', 'next fulfilled {a, false}', 'sent 1', 'next fulfilled {b, false}', 'sent 2', 'finally', 'end',
      'next fulfilled {undefined, true}', 'next fulfilled {undefined, true}',
    ]);
  });

  test.each(returnValues)('return(%s) at a yield: awaited there, then returned through finally (or thrown there)', async (_, value, __, atYield) => {
    const trace = await compareGuarded((say) => [['next'], ['next', 1], ['return', value(say)], ['next']]);
    const after = trace.slice(trace.indexOf('next fulfilled {b, false}') + 1).filter((entry) => /^(finally|caught|return)/.test(entry as string));
    expect(after).toEqual(atYield);
  });

  test('a rejected return() value is thrown at the yield, where the body\'s catch gets it', async () => {
    const trace = await compareGuarded(() => [['next'], ['return', Promise.reject('refused')], ['next', 'n'], ['next']]);
    expect(trace.filter((entry) => !/^tick/.test(entry as string))).toEqual([
      'start', 'sync end', 'next fulfilled {a, false}', 'caught refused', 'return fulfilled {c, false}', 'sent n', 'finally', 'end',
      'next fulfilled {undefined, true}', 'next fulfilled {undefined, true}',
    ]);
  });

  test('a return() value whose PromiseResolve throws is thrown at the yield before return() returns', async () => {
    const sync = await expectSameJobs<Guarded>(nativeGuarded, guarded, (f, say) => {
      const generator = f(say);
      generator.next().then(() => {
        say('calling return');
        record(say, 'return', generator.return(promiseWithConstructorGetter(say, 'x', () => { throw new Error('getter'); })));
        say('return returned');
      });
    });
    expect(sync.filter((entry) => !/^tick/.test(entry as string))).toEqual([
      'start', 'sync end', 'calling return', 'read constructor', 'caught Error: getter', 'return returned',
      'return fulfilled {c, false}',
    ]);
  });

  test('return() at a yield takes the ticks it takes natively (the value is awaited once more than next())', async () => {
    const trace = await compareYieldEach(() => ['a', 'b'], (say) => [['next'], ['return', loggingThenable(say, 'T', (r) => r('t'))], ['next']]);
    expect(trace).toContain('return fulfilled {t, true}');
  });
});

describe('executing: requests made while the body runs are queued', () => {
  test('requests made at once are served in order, each after the previous one', async () => {
    const trace = await compareYieldEach(
      (say) => ['a', loggingThenable(say, 'slow', (resolve) => resolve('b')), Promise.resolve('c')],
      () => [['next', 'dropped'], ['next', 1], ['next', 2], ['next', 3], ['next', 4]],
      false,
    );
    expect(trace.filter((entry) => !/^tick/.test(entry as string))).toEqual([
      // The body goes on without suspending when a request is already queued at its yield
      // (AsyncGeneratorYield step 11), so 'sent 1' comes before the first result is seen.
      'start', 'sync end', 'sent 1', 'read then of slow', '0 next fulfilled {a, false}', 'then called for slow', 'sent 2',
      '1 next fulfilled {b, false}', 'sent 3', '2 next fulfilled {c, false}', '3 next fulfilled {end, true}',
      '4 next fulfilled {undefined, true}',
    ]);
  });

  test('throw() and return() queued behind next() reach the body at the yield next() stops at', async () => {
    await compareGuarded(() => [['next'], ['throw', 'queued'], ['next', 'n'], ['return', 'r'], ['next']], false);
    const trace = await compareGuarded(() => [['next'], ['next', 1], ['return', Promise.resolve('r')], ['throw', 'after'], ['next']], false);
    expect(trace).toContain('2 return fulfilled {r, true}');
    expect(trace).toContain('3 throw rejected after');
  });

  const fromInside: Array<[Box['method'], string[]]> = [
    ['next', ['start', 'sync end', 'sent from inside', 'outer next fulfilled {a, false}', 'inner next fulfilled {b, false}']],
    ['throw', ['start', 'sync end', 'outer next fulfilled {a, false}', 'inner throw rejected from inside']],
    ['return', ['start', 'sync end', 'outer next fulfilled {a, false}', 'inner return fulfilled {from inside, true}']],
  ];
  test.each(fromInside)('%s() called by the body itself is queued until the body yields', async (method, expected) => {
    const trace = await expectSameJobs(nativeReentrant, reentrant, (f, say) => {
      const box: Box = { method, argument: 'from inside' };
      box.generator = f(say, box);
      record(say, 'outer next', box.generator.next());
    }, 16);
    expect(trace.filter((entry) => !/^tick/.test(entry as string))).toEqual(expected);
  });
});

describe('draining-queue and completed', () => {
  test('requests queued behind the completion: next → done, throw → rejected, return → its value awaited', async () => {
    const trace = await compareYieldEach(
      () => ['a'],
      (say) => [
        ['next'], ['next'], ['return', loggingThenable(say, 'slow', (resolve) => Promise.resolve().then(() => resolve('s')))],
        ['next'], ['throw', 'late'], ['return', Promise.resolve('p')], ['return', Promise.reject('no')], ['next'],
      ],
      false,
    );
    expect(trace.filter((entry) => !/^(tick|read|then)/.test(entry as string))).toEqual([
      'start', 'sync end', 'sent undefined', '0 next fulfilled {a, false}', '1 next fulfilled {end, true}',
      '2 return fulfilled {s, true}', '3 next fulfilled {undefined, true}', '4 throw rejected late',
      '5 return fulfilled {p, true}', '6 return rejected no', '7 next fulfilled {undefined, true}',
    ]);
  });

  test('requests queued behind a return() at suspended-start wait for its value', async () => {
    const trace = await compareGuarded(
      (say) => [['return', loggingThenable(say, 'T', (resolve) => resolve('t'))], ['next'], ['throw', 'x'], ['return', 'again'], ['next']],
      false,
    );
    expect(trace.filter((entry) => !/^(tick|read|then)/.test(entry as string))).toEqual([
      'sync end', '0 return fulfilled {t, true}', '1 next fulfilled {undefined, true}', '2 throw rejected x',
      '3 return fulfilled {again, true}', '4 next fulfilled {undefined, true}',
    ]);
  });

  test('a return() value whose PromiseResolve throws, while draining, rejects that request alone', async () => {
    const trace = await compareYieldEach(
      () => [],
      (say) => [['next'], ['return', promiseWithConstructorGetter(say, 'x', () => { throw new Error('getter'); })], ['next'], ['return', 'r']],
      false,
    );
    expect(trace.filter((entry) => !/^tick/.test(entry as string))).toEqual([
      'start', 'sync end', 'read constructor', '0 next fulfilled {end, true}', '1 return rejected Error: getter',
      '2 next fulfilled {undefined, true}', '3 return fulfilled {r, true}',
    ]);
  });

  test.each(returnValues)('completed: return(%s) awaits it', async (_, value, settled) => {
    const trace = await compareYieldEach(() => [], (say) => [['next'], ['return', value(say)], ['next'], ['throw', 't']]);
    expect(trace).toContain(settled);
    expect(trace).toContain('throw rejected t');
  });

  test('the body ends by throwing (a rejected yield operand) with requests queued behind', async () => {
    const error = new Error('operand rejected');
    const trace = await compareYieldEach(
      () => ['a', Promise.reject(error), 'never'],
      () => [['next'], ['next', 1], ['next', 2], ['throw', 't'], ['return', 'r'], ['next']],
      false,
    );
    expect(trace.filter((entry) => !/^tick/.test(entry as string))).toEqual([
      'start', 'sync end', 'sent 1', '0 next fulfilled {a, false}', '1 next rejected Error: operand rejected',
      '2 next fulfilled {undefined, true}', '3 throw rejected t', '4 return fulfilled {r, true}', '5 next fulfilled {undefined, true}',
    ]);
  });

  test('the body ends by throwing synchronously from its step (finally rethrows)', async () => {
    const trace = await compareGuarded(() => [['next'], ['next', 1], ['throw', 'at b'], ['throw', 'at c'], ['next'], ['throw', 'after']], false);
    expect(trace.filter((entry) => !/^tick/.test(entry as string))).toEqual([
      'start', 'sync end', 'sent 1', '0 next fulfilled {a, false}', 'caught at b', '1 next fulfilled {b, false}', 'finally',
      '2 throw fulfilled {c, false}', '3 throw rejected at c', '4 next fulfilled {undefined, true}', '5 throw rejected after',
    ]);
  });
});

describe('results and receivers', () => {
  test('each result is a fresh { value, done } object, as natively', async () => {
    const generator = yieldEach(() => {}, ['a']);
    const first = await generator.next();
    const second = await generator.next();
    const third = await generator.next();
    expect(first).not.toBe(second);
    expect(second).not.toBe(third);
    const native = nativeYieldEach(() => {}, ['a']);
    expect(Object.keys(first)).toEqual(Object.keys(await native.next()));
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect([first, second, third]).toEqual([{ value: 'a', done: false }, { value: 'end', done: true }, { value: undefined, done: true }]);
  });

  test('next/throw/return on a non-generator return a promise rejected with a TypeError, never throw, as natively', async () => {
    const nativePrototype = Object.getPrototypeOf(nativeYieldEach.prototype);
    const syncGenerator = lowered((frame) => { frame.$state = -2; })();
    const receivers = [undefined, null, 42, 'text', {}, { $phase: 'x', $queue: [] }, { $phase: 0 }, { $queue: undefined, $state: 0 }, { $queue: {}, $state: 0, $step() {} }, AsyncGeneratorPrototype, syncGenerator, GeneratorPrototype];
    for (const method of ['next', 'throw', 'return'] as const) {
      for (const receiver of receivers) {
        let ours: unknown;
        let native: unknown;
        expect(() => { ours = (AsyncGeneratorPrototype as any)[method].call(receiver, 1); }).not.toThrow();
        expect(() => { native = nativePrototype[method].call(receiver, 1); }).not.toThrow();
        expect(ours).toBeInstanceOf(Promise);
        await expect(ours).rejects.toBeInstanceOf(TypeError);
        await expect(native).rejects.toBeInstanceOf(TypeError);
      }
      // A native async generator is not one of ours either (no [[AsyncGeneratorState]] we can read).
      await expect((AsyncGeneratorPrototype as any)[method].call(nativeYieldEach(() => {}, []), 1)).rejects.toBeInstanceOf(TypeError);
    }
  });

  test('a rejected request does not disturb the generator it was not made of', async () => {
    const generator = yieldEach(() => {}, ['a']);
    await expect((AsyncGeneratorPrototype as any).next.call({}, 1)).rejects.toBeInstanceOf(TypeError);
    await expect(generator.next()).resolves.toEqual({ value: 'a', done: false });
  });

  test('errors keep their identity through the queue', async () => {
    const error = new Error('same');
    const generator = guarded(() => {});
    await generator.next();
    await generator.throw(error);
    await expect(generator.throw(error)).rejects.toBe(error);
    await expect(generator.throw(error)).rejects.toBe(error);
    expect(errorName(error)).toBe('Error: same');
  });

  test('the generator object is the frame, and its prototype chain is the function\'s', async () => {
    const generator = yieldEach(() => {}, []);
    expect(Object.getPrototypeOf(generator)).toBe(yieldEach.prototype);
    expect(Object.getPrototypeOf(yieldEach.prototype)).toBe(AsyncGeneratorPrototype);
    expect(generator[Symbol.asyncIterator]()).toBe(generator);
    await flushJobs();
  });
});
