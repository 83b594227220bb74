import { awaitOnce, awaitValue, startAsyncWith } from '../src';
import { errorName, Step } from './side-by-side';
import {
  expectSameJobs, flushJobs, loggingThenable, loweredAsync, promiseWithConstructorGetter, record, Say, show, startAsync, traceJobs,
} from './side-by-side-async';

// async function awaitEach(say, values) {
//   say('start');
//   for (let i = 0; i < values.length; i++) say('got', await values[i]);
//   return 'done';
// }
async function nativeAwaitEach(say: Say, values: unknown[]) {
  say('start');
  for (let i = 0; i < values.length; i++) say('got', await values[i]);
  return 'done';
}
const awaitEach = loweredAsync((frame, state, mode, value) => {
  if (mode !== 0) throw value;
  for (;;) switch (state) {
    case 0:
      frame.say('start');
      frame.i = 0;
      // falls through
    case 1:
      if (!(frame.i < frame.values.length)) { frame.$state = -2; return 'done'; }
      return awaitValue(frame, frame.$task, frame.values[frame.i], 2);
    case 2:
      frame.say('got', value);
      frame.i++;
      state = 1;
      continue;
  }
}, (frame, say, values) => { frame.say = say; frame.values = values; frame.i = undefined; });

// async function guarded(say, value) {
//   try { say('got', await value); } catch (e) { say('caught', e); }
//   return 'end';
// }
async function nativeGuarded(say: Say, value: unknown) {
  try {
    say('got', await value);
  } catch (e) {
    say('caught', e);
  }
  return 'end';
}
// States 1 and 2 are inside the try; 3 is the catch entry (exception table as the compiler emits it).
const guardedHandlers = [0, 3, 3, 0, 0];
const guarded = loweredAsync((frame, state, mode, value) => {
  for (;;) {
    try {
      if (mode === 1) { mode = 0; throw value; }
      switch (state) {
        case 0:
          state = 1;
          // falls through
        case 1:
          return awaitValue(frame, frame.$task, frame.value, 2);
        case 2:
          frame.say('got', value);
          state = 4;
          continue;
        case 3:
          frame.say('caught', value);
          // falls through
        case 4:
          frame.$state = -2;
          return 'end';
      }
    } catch (e) {
      state = guardedHandlers[state];
      if (state === 0) throw e;
      value = e;
    }
  }
}, (frame, say, value) => { frame.say = say; frame.value = value; });

// async function returns(say, value) { say('body'); return value; }
async function nativeReturns(say: Say, value: unknown) {
  say('body');
  return value;
}
const returns = loweredAsync((frame) => {
  frame.say('body');
  frame.$state = -2;
  return frame.value;
}, (frame, say, value) => { frame.say = say; frame.value = value; });

// async function returnsAfterAwait(say, value) { await null; say('body'); return value; }
async function nativeReturnsAfterAwait(say: Say, value: unknown) {
  await null;
  say('body');
  return value;
}
const returnsAfterAwait = loweredAsync((frame, state, mode, value) => {
  if (mode !== 0) throw value;
  if (state === 0) return awaitValue(frame, frame.$task, null, 1);
  frame.say('body');
  frame.$state = -2;
  return frame.value;
}, (frame, say, value) => { frame.say = say; frame.value = value; });

// async function fails(say, error) { say('body'); throw error; }
async function nativeFails(say: Say, error: unknown) {
  say('body');
  throw error;
}
const fails = loweredAsync((frame) => {
  frame.say('body');
  throw frame.error;
}, (frame, say, error) => { frame.say = say; frame.error = error; });

type AwaitEach = (say: Say, values: unknown[]) => Promise<unknown>;
type Guarded = (say: Say, value: unknown) => Promise<unknown>;

describe('startAsync and awaitValue, side by side with native async functions', () => {
  test('plain values: each await takes one tick, the body starts synchronously, the result settles after', async () => {
    const object = { a: 1 };
    const trace = await expectSameJobs<AwaitEach>(nativeAwaitEach, awaitEach, (f, say) => {
      const promise = f(say, [1, undefined, null, object, 'last']);
      say('returned a promise', promise instanceof Promise);
      record(say, 'f', promise);
    });
    expect(trace).toEqual([
      'start', 'returned a promise true', 'sync end',
      'tick 1', 'got 1', 'tick 2', 'got undefined', 'tick 3', 'got null', 'tick 4', 'got {"a":1}', 'tick 5', 'got last',
      'tick 6', 'f fulfilled done', 'tick 7', 'tick 8', 'tick 9', 'tick 10', 'tick 11', 'tick 12',
    ]);
  });

  test('an awaited object is resumed with as is, not copied', async () => {
    const object = { a: 1 };
    let seen: unknown;
    await awaitEach((_: unknown, value: unknown) => { seen = value; }, [object]);
    expect(seen).toBe(object);
  });

  test('native promises: a fulfilled one takes one tick, a pending one resumes one tick after it settles', async () => {
    const trace = await expectSameJobs<AwaitEach>(nativeAwaitEach, awaitEach, (f, say) => {
      let resolveLater: (value: string) => void = () => {};
      const pending = new Promise<string>((resolve) => { resolveLater = resolve; });
      Promise.resolve().then(() => Promise.resolve()).then(() => { say('resolving'); resolveLater('late'); });
      record(say, 'f', f(say, [Promise.resolve('early'), pending]));
    });
    expect(trace.slice(0, 4)).toEqual(['start', 'sync end', 'tick 1', 'got early']);
    const resolving = trace.indexOf('resolving');
    expect(resolving).toBeGreaterThan(4);
    expect(trace.slice(resolving + 1, resolving + 3)).toEqual([expect.stringMatching(/^tick/), 'got late']);
  });

  test('a rejected promise is thrown at the await: caught by the body, or rejecting the caller\'s promise', async () => {
    const error = new Error('no');
    const trace = await expectSameJobs<Guarded>(nativeGuarded, guarded, (f, say) => {
      record(say, 'guarded', f(say, Promise.reject(error)));
    });
    expect(trace.slice(0, 6)).toEqual(['sync end', 'tick 1', 'caught Error: no', 'tick 2', 'guarded fulfilled end', 'tick 3']);

    const uncaught = await expectSameJobs<AwaitEach>(nativeAwaitEach, awaitEach, (f, say) => {
      record(say, 'f', f(say, [1, Promise.reject('reason'), 3]));
    });
    expect(uncaught.slice(0, 7)).toEqual(['start', 'sync end', 'tick 1', 'got 1', 'tick 2', 'tick 3', 'f rejected reason']);
  });

  test('the rejection reason reaches the caller as the same object', async () => {
    const error = new Error('identity');
    await expect(awaitEach(() => {}, [Promise.reject(error)])).rejects.toBe(error);
  });

  test('thenables: `then` is read at the await, called in a later job, and the body resumes after it settles', async () => {
    const trace = await expectSameJobs<AwaitEach>(nativeAwaitEach, awaitEach, (f, say) => {
      record(say, 'f', f(say, [loggingThenable(say, 'T', (resolve) => resolve('from thenable'))]));
    });
    expect(trace.slice(0, 7)).toEqual([
      'start', 'read then of T', 'sync end', 'tick 1', 'then called for T', 'tick 2', 'got from thenable',
    ]);
  });

  test('thenables that reject, throw from `then`, or throw from the `then` getter reject at the await', async () => {
    const scenarios: Array<[(say: Say) => unknown, string]> = [
      [(say) => loggingThenable(say, 'R', (_, reject) => reject('rejected by then')), 'caught rejected by then'],
      [(say) => loggingThenable(say, 'X', () => { throw new Error('then threw'); }), 'caught Error: then threw'],
      [() => ({ get then() { throw new Error('then getter threw'); } }), 'caught Error: then getter threw'],
      [(say) => loggingThenable(say, 'late', (resolve, reject) => { resolve('first wins'); reject('ignored'); }), 'got first wins'],
    ];
    for (const [thenable, outcome] of scenarios) {
      const trace = await expectSameJobs<Guarded>(nativeGuarded, guarded, (f, say) => { record(say, 'g', f(say, thenable(say))); });
      expect(trace.filter((entry) => /^(caught|got)/.test(entry as string))).toEqual([outcome]);
    }
  });

  test('a native promise whose `constructor` getter throws: thrown at the await, synchronously, inside the body', async () => {
    const trace = await expectSameJobs<Guarded>(nativeGuarded, guarded, (f, say) => {
      const promise = promiseWithConstructorGetter(say, 1, () => { throw new Error('constructor getter'); });
      record(say, 'g', f(say, promise));
      say('after call');
    });
    expect(trace.slice(0, 5)).toEqual(['read constructor', 'caught Error: constructor getter', 'after call', 'sync end', 'tick 1']);
  });

  test('a native promise whose `constructor` is not %Promise% is wrapped and adopted through its `then` (two more ticks)', async () => {
    const trace = await expectSameJobs<AwaitEach>(nativeAwaitEach, awaitEach, (f, say) => {
      const promise = Promise.resolve('wrapped');
      Object.defineProperty(promise, 'constructor', { value: Object });
      record(say, 'f', f(say, [promise]));
    });
    expect(trace.slice(0, 6)).toEqual(['start', 'sync end', 'tick 1', 'tick 2', 'tick 3', 'got wrapped']);
  });

  test('documented difference: `then` reads the awaited promise\'s `constructor` once more (species), native reads it once', async () => {
    // async-function.ts: "the species lookup `then` performs (reading the awaited
    // promise's `constructor` once more) is the one observable difference left".
    const scenario = (f: Guarded, say: Say) => {
      record(say, 'g', f(say, promiseWithConstructorGetter(say, 'v', () => Promise)));
    };
    const native = await traceJobs((say) => scenario(nativeGuarded, say));
    const ours = await traceJobs((say) => scenario(guarded, say));
    expect(native.filter((entry) => entry === 'read constructor')).toHaveLength(1);
    expect(ours.filter((entry) => entry === 'read constructor')).toHaveLength(2);
    expect(ours.filter((entry) => entry !== 'read constructor')).toEqual(native.filter((entry) => entry !== 'read constructor'));
  });

  test('a body that completes without awaiting gets an already fulfilled promise, and runs before the call returns', async () => {
    const trace = await expectSameJobs(nativeReturns, returns, (f, say) => {
      record(say, 'f', f(say, 'value'));
      say('after call');
    });
    expect(trace.slice(0, 5)).toEqual(['body', 'after call', 'sync end', 'tick 1', 'f fulfilled value']);
    const object = {};
    expect(await returns(() => {}, object)).toBe(object);
  });

  test('a body that throws before any await rejects the promise: the call itself does not throw', async () => {
    const error = new Error('sync throw');
    const trace = await expectSameJobs(nativeFails, fails, (f, say) => {
      let promise: Promise<unknown> | undefined;
      try {
        promise = f(say, error);
      } catch (e) {
        say('threw at the call', e);
      }
      record(say, 'f', promise);
      say('after call');
    });
    expect(trace.slice(0, 5)).toEqual(['body', 'after call', 'sync end', 'tick 1', 'f rejected Error: sync throw']);
    await expect(fails(() => {}, error)).rejects.toBe(error);
    await expect(fails(() => {}, 'a string')).rejects.toBe('a string');
  });

  test('returning a thenable: `then` is read when the body returns, called a job later, its outcome adopted', async () => {
    for (const f of [[nativeReturns, returns], [nativeReturnsAfterAwait, returnsAfterAwait]] as const) {
      const trace = await expectSameJobs(f[0], f[1], (fn, say) => {
        record(say, 'ok', fn(say, loggingThenable(say, 'ok', (resolve) => resolve('adopted'))));
        record(say, 'bad', fn(say, loggingThenable(say, 'bad', (_, reject) => reject('refused'))));
        record(say, 'getter', fn(say, { get then() { say('then getter throws'); throw new Error('getter'); } }));
        record(say, 'not callable', fn(say, { then: 42 }));
      });
      expect(trace).toContain('ok fulfilled adopted');
      expect(trace).toContain('bad rejected refused');
      expect(trace).toContain('getter rejected Error: getter');
      expect(trace).toContain('not callable fulfilled {"then":42}');
      expect(trace.indexOf('then called for ok')).toBeGreaterThan(trace.indexOf('read then of ok'));
    }
  });

  test('returning a native promise takes two more ticks than returning a value, as natively', async () => {
    const trace = await expectSameJobs(nativeReturns, returns, (f, say) => {
      record(say, 'promise', f(say, Promise.resolve('p')));
      record(say, 'value', f(say, 'v'));
      record(say, 'rejected', f(say, Promise.reject('r')));
    });
    expect(trace.slice(0, 10)).toEqual([
      'body', 'body', 'body', 'sync end', 'tick 1', 'value fulfilled v', 'tick 2', 'tick 3', 'promise fulfilled p', 'rejected rejected r',
    ]);
  });

  test('the awaited value of a `then` reaction is the fulfillment value, and the frame is resumed where it stopped', async () => {
    const steps: Array<[number, number, unknown]> = [];
    const f = loweredAsync((frame, state, mode, value) => {
      steps.push([state, mode, value]);
      if (mode !== 0) throw value;
      if (state < 2) return awaitValue(frame, frame.$task, 'a' + state, state + 1);
      frame.$state = -2;
      return 'end';
    });
    await expect(f()).resolves.toBe('end');
    expect(steps).toEqual([[0, 0, undefined], [1, 0, 'a0'], [2, 0, 'a1']]);
  });

  test('the task (and its reactions) is made at the first await and reused by every later one', async () => {
    const seen: unknown[] = [];
    const f = loweredAsync((frame, state) => {
      seen.push(frame.$task);
      if (state < 3) return awaitValue(frame, frame.$task, state, state + 1);
      frame.$state = -2;
      return 'end';
    });
    await f();
    expect(seen[0]).toBeUndefined();
    expect(typeof seen[1]).toBe('object');
    expect(seen[2]).toBe(seen[1]);
    expect(seen[3]).toBe(seen[1]);
  });

  test('calls started before a body\'s first await (suspending, throwing, completing at once) leave its task its own step', async () => {
    // asyncStarted takes the task the body's own await made, which the awaits of nested calls must not replace.
    const inner = loweredAsync((frame, state, mode, value) => {
      if (mode !== 0) throw value;
      if (state === 0) return awaitValue(frame, frame.$task, 'inner awaited', 1);
      frame.$state = -2;
      return 'inner ' + value;
    });
    const throwsAtOnce = loweredAsync(() => {
      throw new Error('at once');
    });
    const completesAtOnce = loweredAsync((frame) => {
      frame.$state = -2;
      return 'at once';
    });
    const resumedAt: number[] = [];
    const outer = loweredAsync((frame, state, mode, value) => {
      if (mode !== 0) throw value;
      if (state === 0) {
        frame.pending = inner();
        frame.thrown = throwsAtOnce();
        frame.thrown.catch(() => {});
        frame.completed = completesAtOnce();
        return awaitValue(frame, frame.$task, frame.pending, 1);
      }
      resumedAt.push(state);
      if (state === 1) {
        frame.got = value;
        return awaitValue(frame, frame.$task, frame.completed, 2);
      }
      frame.$state = -2;
      return [frame.got, value];
    });
    await expect(outer()).resolves.toEqual(['inner inner awaited', 'at once']);
    expect(resumedAt).toEqual([1, 2]);
  });
  test('a constructor getter read by an await starts a call that suspends: each promise is its call\'s own', async () => {
    const inner = loweredAsync((frame, state, mode, value) => {
      if (mode !== 0) throw value;
      if (state === 0) return awaitValue(frame, frame.$task, 'inner awaited', 1);
      frame.$state = -2;
      return 'inner ' + value;
    });
    let started: Promise<unknown> | undefined;
    const awaited = Promise.resolve('outer awaited');
    Object.defineProperty(awaited, 'constructor', {
      get() {
        started ??= inner();
        return Promise;
      },
    });
    const outer = loweredAsync((frame, state, mode, value) => {
      if (mode !== 0) throw value;
      if (state === 0) return awaitValue(frame, frame.$task, awaited, 1);
      frame.$state = -2;
      return value;
    });
    await expect(outer()).resolves.toBe('outer awaited');
    await expect(started).resolves.toBe('inner inner awaited');
  });

  test('a body whose first await threw calls a function that suspends, then awaits: its promise is its own', async () => {
    // The task of the first await stays the body's, and the inner call's start takes its own task before the body awaits again.
    const inner = loweredAsync((frame, state, mode, value) => {
      if (mode !== 0) throw value;
      if (state === 0) return awaitValue(frame, frame.$task, 'inner awaited', 1);
      frame.$state = -2;
      return 'inner ' + value;
    });
    const throwing = promiseWithConstructorGetter(() => {}, 1, () => {
      throw new Error('constructor getter');
    });
    const outer = loweredAsync((frame, state, mode, value) => {
      if (state === 0) {
        try {
          return awaitValue(frame, frame.$task, throwing, 1);
        } catch (error) {
          frame.caught = (error as Error).message;
        }
        frame.pending = inner();
        return awaitValue(frame, frame.$task, frame.pending, 2);
      }
      if (mode !== 0) throw value;
      frame.$state = -2;
      return [frame.caught, value];
    });
    await expect(outer()).resolves.toEqual(['constructor getter', 'inner inner awaited']);
  });
});

describe('startAsyncWith: parameters bound by a function that can throw', () => {
  // async function withDefaults(a, b = (say('default b'), a.x)) { say('body'); return [a, b]; }
  async function nativeWithDefaults(this: unknown, say: Say, a?: any, b = (say('default b'), a.x)) {
    say('body');
    return [a, b];
  }
  function Frame(this: any, say: Say, a: any, b: any) {
    this.$state = 0;
    this.$step = withDefaultsStep;
    this.say = say;
    this.a = a;
    this.b = b;
    this.$task = undefined;
  }
  const withDefaultsStep: Step = (frame) => {
    frame.say('body');
    frame.$state = -2;
    return [frame.a, frame.b];
  };
  function withDefaults(this: unknown, ..._: unknown[]): Promise<unknown> {
    return startAsyncWith((say: Say, a?: any, b = (say('default b'), a.x)) => new (Frame as any)(say, a, b), arguments);
  }

  test('an error while binding rejects the promise; defaults still run synchronously at the call', async () => {
    const trace = await expectSameJobs(nativeWithDefaults, withDefaults as typeof nativeWithDefaults, (f, say) => {
      record(say, 'missing a', f(say));
      record(say, 'given a', f(say, { x: 'x of a' }));
      record(say, 'given b', f(say, null, 'b'));
      say('after calls');
    });
    expect(trace.slice(0, 10)).toEqual([
      'default b', 'default b', 'body', 'body', 'after calls', 'sync end', 'tick 1',
      'missing a rejected TypeError', 'given a fulfilled [{"x":"x of a"},"x of a"]', 'given b fulfilled [null,"b"]',
    ]);
  });

  test('the binder gets exactly the call\'s arguments, and its frame is started', async () => {
    const received: unknown[][] = [];
    const start = function (..._: unknown[]) {
      return startAsyncWith(function (...args: unknown[]) {
        received.push(args);
        return { $state: 0, $step: () => { return 'started'; } };
      }, arguments);
    };
    await expect(start(1, undefined)).resolves.toBe('started');
    await expect(start()).resolves.toBe('started');
    expect(received).toEqual([[1, undefined], []]);
  });

  test('a thrown non-error value is the rejection reason as is', async () => {
    const reason = { not: 'an error' };
    await expect(startAsyncWith(() => { throw reason; }, [])).rejects.toBe(reason);
  });
});

describe('awaitOnce: the caller\'s promise is the one `then` derives at the only await', () => {
  // async function chain(say, depth) { if (depth === 0) return 0; const r = 1 + await chain(say, depth - 1); say('resumed', depth); return r; }
  async function nativeChain(say: Say, depth: number): Promise<number> {
    if (depth === 0) return 0;
    const r = 1 + await nativeChain(say, depth - 1);
    say('resumed', depth);
    return r;
  }
  const modes: number[] = [];
  const chain = loweredAsync((frame, state, mode, value) => {
    modes.push(mode);
    if (mode !== 0) throw value;
    switch (state) {
      case 0:
        if (frame.depth === 0) { frame.$state = -2; return 0; }
        frame.$state = 1;
        return awaitOnce(frame, chain(frame.say, frame.depth - 1));
      default:
        frame.$state = -2;
        frame.say('resumed', frame.depth);
        return 1 + value;
    }
  }, (frame, say, depth) => { frame.say = say; frame.depth = depth; }, true);

  // async function addOne(value) { return 1 + await value; }
  async function nativeAddOne(value: unknown) {
    return 1 + (await value as number);
  }
  const addOne = loweredAsync((frame, state, mode, value) => {
    modes.push(mode);
    if (mode !== 0) throw value;
    if (state === 0) { frame.$state = 1; return awaitOnce(frame, frame.value); }
    frame.$state = -2;
    return 1 + value;
  }, (frame, value) => { frame.value = value; }, true);

  // async function passOn(value) { return await value; }: the completion is itself a thenable.
  async function nativePassOn(value: unknown) {
    return await value;
  }
  const passOn = loweredAsync((frame, state, mode, value) => {
    if (mode !== 0) throw value;
    if (state === 0) { frame.$state = 1; return awaitOnce(frame, frame.value); }
    frame.$state = -2;
    return value;
  }, (frame, value) => { frame.value = value; }, true);

  beforeEach(() => { modes.length = 0; });

  test('a chain of single-await calls settles in the same jobs as natively', async () => {
    const trace = await expectSameJobs(nativeChain, chain, (f, say) => { record(say, 'chain', f(say, 3)); }, 8);
    expect(trace).toEqual([
      'sync end', 'tick 1', 'resumed 1', 'tick 2', 'resumed 2', 'tick 3', 'resumed 3', 'tick 4', 'chain fulfilled 3',
      'tick 5', 'tick 6', 'tick 7', 'tick 8',
    ]);
  });

  test('plain values, promises, thenables and rejections take the ticks they take natively', async () => {
    const trace = await expectSameJobs(nativeAddOne, addOne, (f, say) => {
      record(say, 'plain', f(1));
      record(say, 'promise', f(Promise.resolve(2)));
      record(say, 'thenable', f(loggingThenable(say, 'T', (resolve) => resolve(3))));
      record(say, 'rejected', f(Promise.reject('no')));
      record(say, 'thenable rejects', f(loggingThenable(say, 'R', (_, reject) => reject('refused'))));
    });
    expect(trace.slice(0, 10)).toEqual([
      'read then of T', 'read then of R', 'sync end', 'tick 1', 'then called for T', 'then called for R',
      'tick 2', 'plain fulfilled 2', 'promise fulfilled 3', 'rejected rejected no',
    ]);
    expect(trace).toContain('thenable fulfilled 4');
    expect(trace).toContain('thenable rejects rejected refused');
  });

  test('a rejection passes to the caller\'s promise untouched: the machine is never resumed with mode 1', async () => {
    const error = new Error('passes through');
    await expect(addOne(Promise.reject(error))).rejects.toBe(error);
    expect(modes).toEqual([0]);
    await expect(addOne(Promise.resolve(1))).resolves.toBe(2);
    expect(modes).toEqual([0, 0, 0]);
  });

  test('a throwing `constructor` getter at the await rejects the caller\'s promise at once', async () => {
    const trace = await expectSameJobs(nativeAddOne, addOne, (f, say) => {
      record(say, 'f', f(promiseWithConstructorGetter(say, 1, () => { throw new Error('getter'); })));
    });
    expect(trace.slice(0, 4)).toEqual(['read constructor', 'sync end', 'tick 1', 'f rejected Error: getter']);
  });

  test('a completion that is a thenable is adopted by the derived promise, with native timing', async () => {
    const trace = await expectSameJobs(nativePassOn, passOn, (f, say) => {
      const inner = loggingThenable(say, 'inner', (resolve) => resolve('innermost'));
      record(say, 'f', f(loggingThenable(say, 'outer', (resolve) => resolve(inner))));
    });
    expect(trace).toContain('f fulfilled innermost');
  });

  test('no settlers and no await reactions are made on the frame; the promise is a %Promise%', async () => {
    let frame: any;
    const f = loweredAsync((fr, state, mode, value) => {
      frame = fr;
      if (state === 0) { fr.$state = 1; return awaitOnce(fr, 'x'); }
      fr.$state = -2;
      return value;
    }, undefined, true);
    const promise = f();
    expect(Object.getPrototypeOf(promise)).toBe(Promise.prototype);
    expect(Object.keys(frame)).toEqual(['$state', '$step']);
    await expect(promise).resolves.toBe('x');
    expect(Object.keys(frame)).toEqual(['$state', '$step']);
  });

  test('calls that complete synchronously between an awaitOnce and its return do not take its promise', async () => {
    // A body that calls a synchronously completing async function while evaluating the operand.
    const f = loweredAsync((frame, state, mode, value) => {
      if (state === 0) {
        frame.$state = 1;
        return awaitOnce(frame, returns(() => {}, 'inner'));
      }
      frame.$state = -2;
      return 'outer got ' + value;
    }, undefined, true);
    await expect(f()).resolves.toBe('outer got inner');
    await expect(chain(() => {}, 4)).resolves.toBe(4);
  });
});

describe('the intrinsic %Promise% is captured when the runtime loads', () => {
  const RealPromise = Promise;

  test('replacing globalThis.Promise later changes nothing', async () => {
    let constructed = 0;
    let resolved = 0;
    function FakePromise(this: unknown, executor: any) { constructed++; return new RealPromise(executor); }
    FakePromise.resolve = (v: unknown) => { resolved++; return RealPromise.resolve(v); };
    FakePromise.reject = (v: unknown) => { resolved++; return RealPromise.reject(v); };
    const results: unknown[] = [];
    (globalThis as any).Promise = FakePromise;
    try {
      const promises = [
        awaitEach(() => {}, [1, 2]),
        returns(() => {}, 'sync'),
        returns(() => {}, { then(resolve: any) { resolve('thenable'); } }),
        fails(() => {}, 'thrown'),
      ];
      for (const promise of promises) {
        results.push(Object.getPrototypeOf(promise) === RealPromise.prototype);
        promise.then(undefined, () => {});
      }
      await flushJobs();
    } finally {
      (globalThis as any).Promise = RealPromise;
    }
    expect(results).toEqual([true, true, true, true]);
    expect(constructed).toBe(0);
    expect(resolved).toBe(0);
  });

  test('patching Promise.prototype.then and Promise.resolve later is not seen by await, as natively', async () => {
    const then = RealPromise.prototype.then;
    const resolve = RealPromise.resolve;
    const watched = new Set<unknown>();
    const scenario = (f: AwaitEach, say: Say) => {
      const awaited = [new RealPromise((r) => r('a')), new RealPromise((r) => r('b'))];
      awaited.forEach((p) => watched.add(p));
      record(say, 'f', f(say, awaited));
    };
    (RealPromise.prototype as any).then = function (this: unknown, ...args: any[]) {
      if (watched.has(this)) throw new Error('patched then called on an awaited promise');
      return then.apply(this, args as any);
    };
    RealPromise.resolve = function () { throw new Error('patched Promise.resolve called'); } as any;
    let native: unknown[];
    let ours: unknown[];
    try {
      native = await traceJobs((say) => scenario(nativeAwaitEach, say));
      ours = await traceJobs((say) => scenario(awaitEach, say));
    } finally {
      RealPromise.prototype.then = then;
      RealPromise.resolve = resolve;
    }
    expect(ours).toEqual(native);
    expect(native).toContain('f fulfilled done');
  });

  test('a returned promise is still adopted through its own `then`, patched or not, as natively', async () => {
    const then = RealPromise.prototype.then;
    let calls = 0;
    const returned = RealPromise.resolve('r');
    (RealPromise.prototype as any).then = function (this: unknown, ...args: any[]) {
      if (this === returned) calls++;
      return then.apply(this, args as any);
    };
    try {
      nativeReturns(() => {}, returned);
      const nativeCalls = (await flushJobs(), calls);
      calls = 0;
      returns(() => {}, returned);
      await flushJobs();
      expect(calls).toBe(nativeCalls);
      expect(nativeCalls).toBe(1);
    } finally {
      RealPromise.prototype.then = then;
    }
  });
});

describe('asyncStarted with hand-made frames', () => {
  test('an exception from a resumed body rejects the promise with it; later awaits are not run', async () => {
    const error = new Error('after await');
    let resumed = 0;
    const f = loweredAsync((frame, state) => {
      if (state === 0) return awaitValue(frame, frame.$task, 1, 1);
      resumed++;
      throw error;
    });
    await expect(f()).rejects.toBe(error);
    expect(resumed).toBe(1);
  });

  test('the wrapper\'s start: a step returning a plain value, a thenable, or throwing', async () => {
    await expect(startAsync({ $state: 0, $step: () => 'plain' })).resolves.toBe('plain');
    await expect(startAsync({ $state: 0, $step: () => ({ then(r: any) { r('adopted'); } }) })).resolves.toBe('adopted');
    await expect(startAsync({ $state: 0, $step: () => { throw 'thrown'; } })).rejects.toBe('thrown');
  });
});

describe('awaitOnce and a patched Promise[Symbol.species]', () => {
  function withSpecies<T>(species: unknown, run: () => T): T {
    const descriptor = Object.getOwnPropertyDescriptor(Promise, Symbol.species)!;
    Object.defineProperty(Promise, Symbol.species, { get: () => species, configurable: true });
    try {
      return run();
    } finally {
      Object.defineProperty(Promise, Symbol.species, descriptor);
    }
  }

  test('natively the species is never consulted (guard for the failing test below)', async () => {
    class Species extends Promise<unknown> {}
    const native = withSpecies(Species, () => (async () => await 1)());
    expect(Object.getPrototypeOf(native)).toBe(Promise.prototype);
    expect(await native).toBe(1);
  });

  // Known difference, documented in async-function.ts (awaitOnce): the caller's
  // promise is the one `then` derives through SpeciesConstructor, so with
  // `Promise[Symbol.species]` redefined it is an instance of that species,
  // where a native async function always returns a plain %Promise%.
  test.failing('the caller\'s promise is a %Promise% whatever Promise[Symbol.species] says, as natively', async () => {
    class Species extends Promise<unknown> {}
    const f = loweredAsync((frame, state, mode, value) => {
      if (state === 0) { frame.$state = 1; return awaitOnce(frame, 1); }
      frame.$state = -2;
      return value;
    }, undefined, true);
    const ours = withSpecies(Species, () => f());
    expect(await ours).toBe(1);
    expect(Object.getPrototypeOf(ours)).toBe(Promise.prototype);
  });
});

describe('the trace helpers', () => {
  test('show() keeps apart what the traces compare: error kinds, promises, iterator results', () => {
    expect(show(new TypeError('x'))).toBe('TypeError');
    expect(show(new Error('m'))).toBe('Error: m');
    expect(show(Promise.resolve())).toBe('<promise>');
    expect(show({ value: 1, done: false })).toBe('{1, false}');
    expect(show({ value: 1, done: true })).not.toBe(show({ value: 1, done: false }));
    expect(errorName('plain')).toBe('plain');
  });
});
