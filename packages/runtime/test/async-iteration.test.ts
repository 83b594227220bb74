import {
  awaitInAsyncGenerator, awaitValue, callDelegate, callNext, getAsyncIterator, NOTHING_TO_AWAIT, requireIteratorResult,
  startAsyncIteratorClose,
} from '../src';
import { Step } from './side-by-side';
import {
  expectSameJobs, loggingThenable, loweredAsync, loweredAsyncGenerator, record, Say, traceJobs,
} from './side-by-side-async';

// async function loop(say, source, stopAt, throwAt) {
//   for await (const x of source) {
//     say('body', x);
//     if (x === stopAt) break;
//     if (x === throwAt) throw new Error('body threw');
//   }
//   say('after loop');
//   return 'done';
// }
async function nativeLoop(say: Say, source: any, stopAt?: unknown, throwAt?: unknown) {
  for await (const x of source) {
    say('body', x);
    if (x === stopAt) break;
    if (x === throwAt) throw new Error('body threw');
  }
  say('after loop');
  return 'done';
}
// Shaped like fixtures/async-generators/async-generator-vs-async-function-ticks: 3 is the
// body (throw entry 4, break entry 5), 6-11 close the iterator, 12 follows the loop.
const loopHandlers = [0, 0, 0, 4, 0, 0, 0, 10, 10, 0, 0, 0, 0];
const BREAK = 1;
const THROW = 2;
const loopStep: Step = (frame, state, mode, value) => {
  let step: IteratorResult<unknown>;
  let closing: unknown;
  for (;;) {
    try {
      if (mode === 1) { mode = 0; throw value; }
      switch (state) {
        case 0:
          frame.$iterator = getAsyncIterator(frame.source);
          frame.$next = frame.$iterator.next;
          state = 1;
          // falls through
        case 1:
          return awaitValue(frame, frame.$task, callNext(frame.$iterator, frame.$next), 2);
        case 2:
          step = requireIteratorResult(value);
          if (step.done) { state = 12; continue; }
          frame.item = step.value;
          state = 3;
          // falls through
        case 3:
          frame.say('body', frame.item);
          if (frame.item === frame.stopAt) { state = 5; continue; }
          if (frame.item === frame.throwAt) throw new Error('body threw');
          state = 1;
          continue;
        case 4:
          frame.completion = THROW;
          frame.result = value;
          state = 6;
          continue;
        case 5:
          frame.completion = BREAK;
          state = 6;
          // falls through
        case 6:
          closing = startAsyncIteratorClose(frame.$iterator, frame.completion === THROW);
          if (closing === NOTHING_TO_AWAIT) { state = 11; continue; }
          state = 7;
          // falls through
        case 7:
          return awaitValue(frame, frame.$task, closing, 8);
        case 8:
          if (frame.completion !== THROW) requireIteratorResult(value);
          state = 11;
          continue;
        case 10:
          if (frame.completion !== THROW) throw value;
          state = 11;
          // falls through
        case 11:
          if (frame.completion === THROW) throw frame.result;
          state = 12;
          // falls through
        case 12:
          frame.say('after loop');
          frame.$state = -2;
          return 'done';
      }
    } catch (e) {
      state = loopHandlers[state];
      if (state === 0) throw e;
      value = e;
    }
  }
};
const loop = loweredAsync(loopStep, (frame, say, source, stopAt, throwAt) => {
  Object.assign(frame, { say, source, stopAt, throwAt, $iterator: undefined, $next: undefined, item: undefined, completion: undefined, result: undefined });
});

// async function* outer(say, inner) { const r = yield* inner; say('yield* value', r); return r; }
async function* nativeOuter(say: Say, inner: any) {
  const r = yield* inner;
  say('yield* value', r);
  return r;
}
// Shaped like fixtures/async-generators/yield-star-async-iterable, except where a return()
// finishes the inner iterator (state 2): 6 is the yield of an inner result (throw entry 7,
// return entry 8); 10-14 answer a throw/return the inner iterator has no method for.
const outerHandlers = [0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const outerFinalizers = [0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const outerStep: Step = (frame, state, mode, value) => {
  let innerCall: unknown;
  let innerResult: IteratorResult<unknown>;
  let delegated: unknown;
  let closing: unknown;
  if (mode === 2) {
    state = outerFinalizers[state];
    if (state === 0) { frame.$state = -2; return value; }
  }
  for (;;) {
    try {
      if (mode === 1) { mode = 0; throw value; }
      switch (state) {
        case 0:
          frame.$iterator = getAsyncIterator(frame.inner);
          frame.$next = frame.$iterator.next;
          frame.receivedMode = 0;
          frame.received = undefined;
          state = 1;
          // falls through
        case 1:
          innerCall = callDelegate(frame.$iterator, frame.$next, frame.receivedMode, frame.received);
          if (innerCall === NOTHING_TO_AWAIT) { state = 10; continue; }
          frame.$state = 2;
          return awaitInAsyncGenerator(frame, innerCall);
        case 2:
          innerResult = requireIteratorResult(value);
          if (!innerResult.done) { frame.$state = 6; return innerResult.value; }   // yielded as is, not awaited
          delegated = innerResult.value;
          if (frame.receivedMode !== 2) { state = 15; continue; }
          // A return() the inner iterator finished: ReturnCompletion(IteratorValue(innerReturnResult)),
          // not awaited (§15.5.5 step 7.c.viii). The goldens await it here (see the test below).
          frame.$state = -2;
          return delegated;
        case 6: frame.receivedMode = 0; frame.received = value; state = 1; continue;
        case 7: frame.receivedMode = 1; frame.received = value; state = 1; continue;
        case 8: frame.receivedMode = 2; frame.received = value; state = 1; continue;
        case 10:
          if (frame.receivedMode !== 1) { state = 13; continue; }
          closing = startAsyncIteratorClose(frame.$iterator, false);
          if (closing === NOTHING_TO_AWAIT) { state = 12; continue; }
          frame.$state = 11;
          return awaitInAsyncGenerator(frame, closing);
        case 11:
          requireIteratorResult(value);
          state = 12;
          // falls through
        case 12:
          throw new TypeError('The iterator does not provide a \'throw\' method.');
        case 13:
          frame.$state = 14;
          return awaitInAsyncGenerator(frame, frame.received);
        case 14:
          frame.$state = -2;
          return value;
        case 15:
          frame.say('yield* value', delegated);
          frame.$state = 16;
          return awaitInAsyncGenerator(frame, delegated);
        case 16:
          frame.$state = -2;
          return value;
      }
    } catch (e) {
      state = outerHandlers[state];
      if (state === 0) throw e;
      value = e;
    }
  }
};
const outer = loweredAsyncGenerator(outerStep, (frame, say, inner) => {
  Object.assign(frame, { say, inner, $iterator: undefined, $next: undefined, receivedMode: undefined, received: undefined });
});

// async function* inner(say) { try { say('inner got', yield 'i1'); say('inner got', yield 'i2'); return 'inner result'; } finally { say('inner finally'); } }
async function* nativeInner(say: Say) {
  try {
    say('inner got', yield 'i1');
    say('inner got', yield 'i2');
    return 'inner result';
  } finally {
    say('inner finally');
  }
}
// 1-5 and 9 (the await of `return 'inner result'`) are in the try; a throw there goes to 7,
// a return() to 8 (the finally's entries); 6 is the finally.
const innerHandlers = [0, 7, 7, 7, 7, 7, 0, 0, 0, 7];
const innerFinalizers = [0, 8, 8, 8, 8, 8, 0, 0, 0, 8];
const inner = loweredAsyncGenerator((frame, state, mode, value) => {
  let completion = 0;
  let result: unknown;
  if (mode === 2) {
    state = innerFinalizers[state];
    if (state === 0) { frame.$state = -2; return value; }
  }
  for (;;) {
    try {
      if (mode === 1) { mode = 0; throw value; }
      switch (state) {
        case 0: state = 1;
          // falls through
        case 1: frame.$state = 2; return awaitInAsyncGenerator(frame, 'i1');
        case 2: frame.$state = 3; return value;
        case 3: frame.say('inner got', value); frame.$state = 4; return awaitInAsyncGenerator(frame, 'i2');
        case 4: frame.$state = 5; return value;
        case 5: frame.say('inner got', value); frame.$state = 9; return awaitInAsyncGenerator(frame, 'inner result');
        case 9: completion = 2; result = value; state = 6; continue;
        case 7: completion = 1; result = value; state = 6; continue;
        case 8: completion = 2; result = value; state = 6; continue;
        case 6:
          frame.say('inner finally');
          if (completion === 1) throw result;
          frame.$state = -2;
          return result;
      }
    } catch (e) {
      state = innerHandlers[state];
      if (state === 0) throw e;
      value = e;
    }
  }
}, (frame, say) => { frame.say = say; });

type Loop = (say: Say, source: any, stopAt?: unknown, throwAt?: unknown) => Promise<unknown>;
type Outer = (say: Say, inner: any) => any;

/** A sync iterable whose iterator says what is called on it; `script` overrides its methods. */
function syncSource(say: Say, values: unknown[], script: { return?: any; throw?: any } = {}) {
  let i = 0;
  const iterator: any = {
    next(...args: unknown[]) {
      say('sync next', ...args);
      return i < values.length ? { value: values[i++], done: false } : { value: 'sync done', done: true };
    },
    return(...args: unknown[]) {
      say('sync return', ...args);
      return { value: 'sync return value', done: true };
    },
  };
  if ('return' in script) iterator.return = script.return;
  if ('throw' in script) iterator.throw = script.throw;
  return { [Symbol.iterator]: () => iterator };
}

/** An async iterator object (not a generator) whose methods answer with promises. */
function asyncSource(say: Say, values: unknown[], script: { return?: any; throw?: any } = {}) {
  let i = 0;
  const iterator: any = {
    next(...args: unknown[]) {
      say('async next', ...args);
      return Promise.resolve(i < values.length ? { value: values[i++], done: false } : { value: 'async done', done: true });
    },
    return(...args: unknown[]) {
      say('async return', ...args);
      return Promise.resolve({ value: 'async return value', done: true });
    },
  };
  if ('return' in script) iterator.return = script.return;
  if ('throw' in script) iterator.throw = script.throw;
  return { [Symbol.asyncIterator]: () => iterator };
}

const notTicks = (entry: unknown) => !/^tick/.test(entry as string);

describe('for await, side by side with native loops', () => {
  test('a sync iterable of plain values, promises and thenables: each value awaited, as natively', async () => {
    const trace = await expectSameJobs<Loop>(nativeLoop, loop, (f, say) => {
      record(say, 'loop', f(say, syncSource(say, ['a', Promise.resolve('p'), loggingThenable(say, 'T', (r) => r('t'))])));
    }, 20);
    expect(trace.filter(notTicks)).toEqual([
      'sync next', 'sync end', 'body a', 'sync next', 'body p', 'sync next', 'read then of T', 'then called for T', 'body t',
      'sync next', 'after loop', 'loop fulfilled done',
    ]);
  });

  test('break closes a sync iterator (its return is called without arguments), as natively', async () => {
    const trace = await expectSameJobs<Loop>(nativeLoop, loop, (f, say) => {
      record(say, 'loop', f(say, syncSource(say, ['a', 'b', 'c']), 'b'));
    }, 20);
    expect(trace.filter(notTicks)).toEqual([
      'sync next', 'sync end', 'body a', 'sync next', 'body b', 'sync return', 'after loop', 'loop fulfilled done',
    ]);
  });

  test('break: a return() whose result is not an object rejects the loop with a TypeError; no return() is fine', async () => {
    const trace = await expectSameJobs<Loop>(nativeLoop, loop, (f, say) => {
      record(say, 'primitive', f(say, syncSource(say, ['a'], { return: () => 42 }), 'a'));
      record(say, 'no return', f(say, syncSource(say, ['a'], { return: undefined }), 'a'));
      record(say, 'return throws', f(say, syncSource(say, ['a'], { return: () => { throw new Error('return threw'); } }), 'a'));
      record(say, 'async primitive', f(say, asyncSource(say, ['a'], { return: () => Promise.resolve(42) }), 'a'));
    }, 20);
    expect(trace).toContain('primitive rejected TypeError');
    expect(trace).toContain('no return fulfilled done');
    expect(trace).toContain('return throws rejected Error: return threw');
    expect(trace).toContain('async primitive rejected TypeError');
  });

  test('a throw from the body closes the iterator; its errors are ignored and the body\'s error wins', async () => {
    const trace = await expectSameJobs<Loop>(nativeLoop, loop, (f, say) => {
      record(say, 'sync', f(say, syncSource(say, ['a', 'b']), undefined, 'a'));
      record(say, 'return throws', f(say, syncSource(say, ['a'], { return: () => { throw new Error('ignored'); } }), undefined, 'a'));
      record(say, 'return rejects', f(say, asyncSource(say, ['a'], { return: () => Promise.reject(new Error('ignored')) }), undefined, 'a'));
      record(say, 'return not callable', f(say, asyncSource(say, ['a'], { return: 'nope' }), undefined, 'a'));
    }, 20);
    // Without a return() to await the loop rejects first; a sync iterator's return() is
    // answered through the AsyncFromSyncIterator, which takes the longest.
    expect(trace.filter((entry) => / rejected /.test(entry as string))).toEqual([
      'return not callable rejected Error: body threw', 'return rejects rejected Error: body threw',
      'return throws rejected Error: body threw', 'sync rejected Error: body threw',
    ]);
  });

  test('an async iterator: next() results awaited, break awaits return()', async () => {
    const trace = await expectSameJobs<Loop>(nativeLoop, loop, (f, say) => {
      record(say, 'loop', f(say, asyncSource(say, ['a', 'b', 'c']), 'b'));
    }, 20);
    expect(trace.filter(notTicks)).toEqual([
      'async next', 'sync end', 'body a', 'async next', 'body b', 'async return', 'after loop', 'loop fulfilled done',
    ]);
  });

  test('over a lowered async generator, as over a native one: break runs its finally', async () => {
    const trace = await expectSameJobs<[Loop, (say: Say) => any]>([nativeLoop, nativeInner], [loop, inner], ([f, g], say) => {
      record(say, 'all', f(say, g(say)));
      record(say, 'break', f(say, g(say), 'i1'));
    }, 20);
    expect(trace.filter(notTicks)).toEqual([
      'sync end', 'body i1', 'inner got undefined', 'body i1', 'inner finally', 'body i2', 'inner got undefined',
      'after loop', 'inner finally', 'break fulfilled done', 'after loop', 'all fulfilled done',
    ]);
  });

  test('a next() that throws, or answers a non-object, rejects the loop without closing the iterator', async () => {
    const trace = await expectSameJobs<Loop>(nativeLoop, loop, (f, say) => {
      const throwing = { [Symbol.asyncIterator]: () => ({ next() { throw new Error('next threw'); }, return() { say('closed (wrong)'); } }) };
      const primitive = { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve(7), return() { say('closed (wrong)'); } }) };
      const rejected = { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('next rejected')), return() { say('closed (wrong)'); } }) };
      record(say, 'throwing', f(say, throwing));
      record(say, 'primitive', f(say, primitive));
      record(say, 'rejected', f(say, rejected));
    });
    expect(trace).toContain('throwing rejected Error: next threw');
    expect(trace).toContain('primitive rejected TypeError');
    expect(trace).toContain('rejected rejected Error: next rejected');
    expect(trace).not.toContain('closed (wrong)');
  });

  test('ECMAScript 2025: a rejected value from a sync iterator closes it (Node 20 does not)', async () => {
    // AsyncFromSyncIteratorContinuation with closeOnRejection (ecma262 PR #2600). Node 20
    // predates it and leaves the iterator open, so the lowered trace is checked against the
    // spec, and against native with the one difference the change makes.
    const scenario = (f: Loop, say: Say) => {
      record(say, 'loop', f(say, syncSource(say, ['a', Promise.reject(new Error('rejected value')), 'c'])));
    };
    const ours = await traceJobs((say) => scenario(loop, say), 20);
    const native = await traceJobs((say) => scenario(nativeLoop, say), 20);
    expect(ours.filter(notTicks)).toEqual([
      'sync next', 'sync end', 'body a', 'sync next', 'sync return', 'loop rejected Error: rejected value',
    ]);
    expect(ours.filter((entry) => entry !== 'sync return')).toEqual(native);
  });

  test('iterator lookup errors are thrown at the loop head, rejecting the promise', async () => {
    const trace = await expectSameJobs<Loop>(nativeLoop, loop, (f, say) => {
      record(say, 'number', f(say, 42));
      record(say, 'null', f(say, null));
      record(say, 'plain object', f(say, {}));
      record(say, 'async not callable', f(say, { [Symbol.asyncIterator]: 'str' }));
      record(say, 'async returns primitive', f(say, { [Symbol.asyncIterator]: () => 1 }));
      record(say, 'sync returns primitive', f(say, { [Symbol.iterator]: () => 1 }));
      record(say, 'string', f(say, 'hi'));
    });
    expect(trace.filter((entry) => / (rejected|fulfilled) /.test(entry as string))).toEqual([
      'number rejected TypeError', 'null rejected TypeError', 'plain object rejected TypeError', 'async not callable rejected TypeError',
      'async returns primitive rejected TypeError', 'sync returns primitive rejected TypeError', 'string fulfilled done',
    ]);
    expect(trace).toContain('body h');
  });

  test('Symbol.asyncIterator is preferred: Symbol.iterator is not even read', async () => {
    const trace = await expectSameJobs<Loop>(nativeLoop, loop, (f, say) => {
      const source = {
        get [Symbol.asyncIterator]() { say('read @@asyncIterator'); return () => asyncSource(say, ['x'])[Symbol.asyncIterator](); },
        get [Symbol.iterator]() { say('read @@iterator'); return () => [][Symbol.iterator](); },
      };
      record(say, 'loop', f(say, source));
    });
    expect(trace).toContain('read @@asyncIterator');
    expect(trace).not.toContain('read @@iterator');
    expect(trace).toContain('body x');
  });

  // GetIterator(obj, async) reads Symbol.iterator once (GetMethod, then
  // GetIteratorFromMethod with that method): a getter runs once.
  test('when only Symbol.iterator exists it is read once, as natively', async () => {
    const trace = await expectSameJobs<Loop>(nativeLoop, loop, (f, say) => {
      const source = {
        get [Symbol.asyncIterator]() { say('read @@asyncIterator'); return undefined; },
        get [Symbol.iterator]() { say('read @@iterator'); return () => ['x'][Symbol.iterator](); },
      };
      record(say, 'loop', f(say, source));
    });
    expect(trace.filter((entry) => entry === 'read @@iterator')).toHaveLength(1);
  });

  test('when only Symbol.iterator exists: the sync method is used (guard for the failing test above)', async () => {
    const reads: string[] = [];
    const source = {
      get [Symbol.asyncIterator]() { reads.push('@@asyncIterator'); return null; },
      get [Symbol.iterator]() { reads.push('@@iterator'); return () => ['x'][Symbol.iterator](); },
    };
    const nativeReads: string[] = [];
    const nativeSource = {
      get [Symbol.asyncIterator]() { nativeReads.push('@@asyncIterator'); return null; },
      get [Symbol.iterator]() { nativeReads.push('@@iterator'); return () => ['x'][Symbol.iterator](); },
    };
    await expect(loop(() => {}, source)).resolves.toBe('done');
    await expect(nativeLoop(() => {}, nativeSource)).resolves.toBe('done');
    expect(nativeReads).toEqual(['@@asyncIterator', '@@iterator']);
    expect(reads.slice(0, 2)).toEqual(['@@asyncIterator', '@@iterator']);
  });
});

describe('async yield*, side by side with native async generators', () => {
  type Pair = [Outer, (say: Say) => any];
  const generators: Pair[] = [[nativeOuter, nativeInner], [outer, inner]];

  async function compareOuter(requests: Array<['next' | 'throw' | 'return', unknown?]>, innerOf?: (say: Say) => any) {
    return expectSameJobs<Pair>(generators[0], generators[1], ([o, i], say) => {
      const generator = o(say, innerOf ? innerOf(say) : i(say));
      (async () => {
        for (const [method, argument] of requests) {
          try {
            say(method, 'fulfilled', await generator[method](argument));
          } catch (e) {
            say(method, 'rejected', e);
          }
        }
      })();
    }, 30);
  }

  test('inner results pass through; the inner return value is the value of yield*', async () => {
    const trace = await compareOuter([['next'], ['next', 'x'], ['next', 'y'], ['next']]);
    expect(trace.filter(notTicks)).toEqual([
      'sync end', 'next fulfilled {i1, false}', 'inner got x', 'next fulfilled {i2, false}', 'inner got y', 'inner finally',
      'yield* value inner result', 'next fulfilled {inner result, true}', 'next fulfilled {undefined, true}',
    ]);
  });

  test('throw() and return() are forwarded to the inner async generator', async () => {
    const thrown = await compareOuter([['next'], ['throw', 'E'], ['next']]);
    expect(thrown.filter(notTicks)).toEqual([
      'sync end', 'next fulfilled {i1, false}', 'inner finally', 'throw rejected E', 'next fulfilled {undefined, true}',
    ]);
    const returned = await compareOuter([['next'], ['return', Promise.resolve('R')], ['next']]);
    expect(returned.filter(notTicks)).toEqual([
      'sync end', 'next fulfilled {i1, false}', 'inner finally', 'return fulfilled {R, true}', 'next fulfilled {undefined, true}',
    ]);
  });

  test('a sync iterable: values awaited, next() arguments forwarded, return() forwarded', async () => {
    const trace = await compareOuter([['next', 'dropped'], ['next', 'x'], ['return', 'R'], ['next']], (say) => syncSource(say, [Promise.resolve('s1'), 's2']));
    expect(trace.filter(notTicks)).toEqual([
      'sync next undefined', 'sync end', 'next fulfilled {s1, false}', 'sync next x', 'next fulfilled {s2, false}',
      'sync return R', 'return fulfilled {sync return value, true}', 'next fulfilled {undefined, true}',
    ]);
  });

  test('a return() the inner iterator finishes: its value is the outer result as is, not awaited again', async () => {
    // §15.5.5 7.c.viii: ReturnCompletion(? IteratorValue(innerReturnResult)), no Await. The
    // compiler's goldens (yield-star-async-iterable states 4-5, yield-star-forward-throw-return
    // states 3-4) emit an await there: one tick late, and a promise value gets unwrapped.
    const inner = (say: Say) => asyncSource(say, ['a'], {
      return: (v: unknown) => { say('async return', v); return Promise.resolve({ value: Promise.resolve('inner promise'), done: true }); },
    });
    const trace = await compareOuter([['next'], ['return', 'R'], ['next']], inner);
    expect(trace.filter(notTicks)).toEqual([
      'async next undefined', 'sync end', 'next fulfilled {a, false}', 'async return R', 'return fulfilled {<promise>, true}',
      'next fulfilled {undefined, true}',
    ]);
  });

  test('an async iterator without return(): return() completes the outer generator with the awaited value', async () => {
    const trace = await compareOuter([['next'], ['return', loggingThenable(() => {}, 'T', (r) => r('R'))], ['next']], (say) => asyncSource(say, ['a'], { return: undefined }));
    expect(trace.filter(notTicks)).toEqual([
      'async next undefined', 'sync end', 'next fulfilled {a, false}', 'return fulfilled {R, true}', 'next fulfilled {undefined, true}',
    ]);
  });

  test('an async iterator without throw(): it is closed, then the outer generator throws a TypeError', async () => {
    const trace = await compareOuter([['next'], ['throw', 'E'], ['next']], (say) => asyncSource(say, ['a']));
    expect(trace.filter(notTicks)).toEqual([
      'async next undefined', 'sync end', 'next fulfilled {a, false}', 'async return', 'throw rejected TypeError',
      'next fulfilled {undefined, true}',
    ]);
  });

  test('ECMAScript 2025: a sync iterator without throw() is closed and the TypeError rejects (Node 20 rejects with the value)', async () => {
    // %AsyncFromSyncIteratorPrototype%.throw step 8 (ecma262 PR #2600): Node 20 rejects with
    // the thrown value and leaves the iterator open, so this is checked against the spec.
    const ours = await traceJobs((say) => {
      const generator = outer(say, syncSource(say, ['a']));
      (async () => {
        say('next', 'fulfilled', await generator.next());
        try { await generator.throw('E'); } catch (e) { say('throw rejected', e); }
        say('next', 'fulfilled', await generator.next());
      })();
    }, 30);
    expect(ours.filter(notTicks)).toEqual([
      'sync next undefined', 'sync end', 'next fulfilled {a, false}', 'sync return', 'throw rejected TypeError',
      'next fulfilled {undefined, true}',
    ]);
  });
});

describe('the AsyncFromSyncIterator (ECMAScript 2025 §27.1.6)', () => {
  /** A sync iterator whose every call and property read lands in `calls`. */
  function scripted(calls: unknown[], methods: Record<string, any>) {
    const iterator: any = {};
    for (const [name, method] of Object.entries(methods)) {
      iterator[name] = typeof method === 'function'
        ? function (this: unknown, ...args: unknown[]) { calls.push([name, ...args]); return method.apply(this, args); }
        : method;
    }
    return getAsyncIterator({ [Symbol.iterator]: () => iterator }) as any;
  }
  const result = (value: unknown, done: boolean, calls?: unknown[]) => ({
    get done() { calls?.push('read done'); return done; },
    get value() { calls?.push('read value'); return value; },
  });

  test('next(): the argument is passed on only when given; done is read before value, each once', async () => {
    const calls: unknown[] = [];
    const wrapper = scripted(calls, { next: () => result('v', false, calls) });
    await expect(wrapper.next()).resolves.toEqual({ value: 'v', done: false });
    await expect(wrapper.next(undefined)).resolves.toEqual({ value: 'v', done: false });
    await expect(wrapper.next('x')).resolves.toEqual({ value: 'v', done: false });
    expect(calls).toEqual([['next'], 'read done', 'read value', ['next', undefined], 'read done', 'read value', ['next', 'x'], 'read done', 'read value']);
  });

  test('next(): the sync iterator\'s next is read once, when the wrapper is made', async () => {
    let reads = 0;
    const iterator = { get next() { reads++; return () => ({ value: 1, done: false }); } };
    const wrapper: any = getAsyncIterator({ [Symbol.iterator]: () => iterator });
    expect(reads).toBe(1);
    await wrapper.next();
    await wrapper.next();
    expect(reads).toBe(1);
  });

  test('next(): promises and thenables in value are awaited; done: true keeps done', async () => {
    const values = [Promise.resolve('p'), { then(r: any) { r('t'); } }];
    const wrapper = scripted([], { next: () => (values.length ? { value: values.shift(), done: false } : { value: Promise.resolve('end'), done: true }) });
    await expect(wrapper.next()).resolves.toEqual({ value: 'p', done: false });
    await expect(wrapper.next()).resolves.toEqual({ value: 't', done: false });
    await expect(wrapper.next()).resolves.toEqual({ value: 'end', done: true });
  });

  test('next(): a throwing next, a non-object result, or throwing done/value getters reject; the iterator stays open', async () => {
    const error = new Error('next threw');
    const cases: Array<[() => unknown, unknown]> = [
      [() => { throw error; }, error],
      [() => 5, TypeError],
      [() => ({ get done() { throw error; } }), error],
      [() => ({ done: false, get value() { throw error; } }), error],
    ];
    for (const [next, expected] of cases) {
      const calls: unknown[] = [];
      const wrapper = scripted(calls, { next, return: () => ({}) });
      const promise = wrapper.next();
      expect(promise).toBeInstanceOf(Promise);
      if (expected === TypeError) await expect(promise).rejects.toBeInstanceOf(TypeError);
      else await expect(promise).rejects.toBe(expected);
      expect(calls.filter((call: any) => call[0] === 'return')).toEqual([]);
    }
  });

  test('next(): a rejected value with done: false closes the sync iterator, and the rejection wins', async () => {
    const reason = new Error('rejected value');
    for (const returnMethod of [() => ({}), () => 1, () => { throw new Error('ignored'); }]) {
      const calls: unknown[] = [];
      const wrapper = scripted(calls, { next: () => ({ value: Promise.reject(reason), done: false }), return: returnMethod });
      await expect(wrapper.next()).rejects.toBe(reason);
      expect(calls).toEqual([['next'], ['return']]);
    }
  });

  test('next(): a rejected value with done: true does not close it', async () => {
    const calls: unknown[] = [];
    const wrapper = scripted(calls, { next: () => ({ value: Promise.reject('r'), done: true }), return: () => ({}) });
    await expect(wrapper.next()).rejects.toBe('r');
    expect(calls).toEqual([['next']]);
  });

  test('next(): a value whose PromiseResolve throws closes the iterator when not done, and rejects with that error', async () => {
    const error = new Error('constructor getter');
    const throwingPromise = () => {
      const promise = Promise.resolve(1);
      Object.defineProperty(promise, 'constructor', { get() { throw error; } });
      return promise;
    };
    for (const done of [false, true]) {
      const calls: unknown[] = [];
      const wrapper = scripted(calls, { next: () => ({ value: throwingPromise(), done }), return: () => ({}) });
      await expect(wrapper.next()).rejects.toBe(error);
      expect(calls).toEqual(done ? [['next']] : [['next'], ['return']]);
    }
  });

  test('return(): without a return method, { value, done: true } with the value not awaited', async () => {
    for (const missing of [undefined, null]) {
      const value = Promise.resolve('kept as a promise');
      const wrapper = scripted([], { next: () => ({}), return: missing });
      const answer: any = await wrapper.return(value);
      expect(answer).toEqual({ value, done: true });
      expect(answer.value).toBe(value);
      await expect(wrapper.return()).resolves.toEqual({ value: undefined, done: true });
    }
  });

  test('return(): the argument is passed on only when given; the result\'s value is awaited', async () => {
    const calls: unknown[] = [];
    const wrapper = scripted(calls, { next: () => ({}), return: () => ({ value: Promise.resolve('awaited'), done: false }) });
    await expect(wrapper.return()).resolves.toEqual({ value: 'awaited', done: false });
    await expect(wrapper.return('x')).resolves.toEqual({ value: 'awaited', done: false });
    expect(calls).toEqual([['return'], ['return', 'x']]);
  });

  test('return(): errors reject, and a rejected value does not call return again', async () => {
    const error = new Error('return threw');
    const rejectsWith = async (methods: Record<string, any>, expected: unknown) => {
      const calls: unknown[] = [];
      const promise = scripted(calls, { next: () => ({}), ...methods }).return('v');
      if (expected === TypeError) await expect(promise).rejects.toBeInstanceOf(TypeError);
      else await expect(promise).rejects.toBe(expected);
      return calls;
    };
    await rejectsWith({ return: () => { throw error; } }, error);
    await rejectsWith({ return: () => 'primitive' }, TypeError);
    await rejectsWith({ return: 'not callable' }, TypeError);
    const getterIterator = { next: () => ({}), get return() { throw error; } };
    await expect((getAsyncIterator({ [Symbol.iterator]: () => getterIterator }) as any).return()).rejects.toBe(error);
    expect(await rejectsWith({ return: () => ({ value: Promise.reject('r'), done: false }) }, 'r')).toEqual([['return', 'v']]);
  });

  test('throw(): forwarded to the sync throw; a rejected value with done: false closes the iterator', async () => {
    const calls: unknown[] = [];
    const wrapper = scripted(calls, {
      next: () => ({}),
      throw: (e: unknown) => ({ value: e === 'reject' ? Promise.reject('rejected') : Promise.resolve('handled ' + e), done: false }),
      return: () => ({}),
    });
    await expect(wrapper.throw('e')).resolves.toEqual({ value: 'handled e', done: false });
    await expect(wrapper.throw('reject')).rejects.toBe('rejected');
    expect(calls).toEqual([['throw', 'e'], ['throw', 'reject'], ['return']]);
  });

  test('throw(): errors of the sync throw reject without closing', async () => {
    const error = new Error('throw threw');
    for (const [method, expected] of [[() => { throw error; }, error], [() => 3, TypeError], ['not callable', TypeError]] as const) {
      const calls: unknown[] = [];
      const promise = scripted(calls, { next: () => ({}), throw: method, return: () => ({}) }).throw('e');
      if (expected === TypeError) await expect(promise).rejects.toBeInstanceOf(TypeError);
      else await expect(promise).rejects.toBe(expected);
      expect(calls.filter((call: any) => call[0] === 'return')).toEqual([]);
    }
  });

  test('throw() without a throw method: the iterator is closed, then a TypeError rejects (ES2025, step 8)', async () => {
    const calls: unknown[] = [];
    // Step 8.f: what closing answers is ignored, even a rejected promise as its value.
    const ignored = Promise.reject('ignored');
    ignored.catch(() => {});
    const wrapper = scripted(calls, { next: () => ({}), return: () => ({ value: ignored, done: false }) });
    await expect(wrapper.throw('e')).rejects.toBeInstanceOf(TypeError);
    expect(calls).toEqual([['return']]);
    // No return method either: just the TypeError.
    await expect(scripted([], { next: () => ({}) }).throw('e')).rejects.toBeInstanceOf(TypeError);
  });

  test('throw() without a throw method: errors from closing win over the TypeError (IteratorClose, normal completion)', async () => {
    const error = new Error('return threw');
    await expect(scripted([], { next: () => ({}), return: () => { throw error; } }).throw('e')).rejects.toBe(error);
    const primitive = scripted([], { next: () => ({}), return: () => 'primitive' }).throw('e');
    await expect(primitive).rejects.toBeInstanceOf(TypeError);
  });

  test('an answer settles one job after its value\'s wrapper does, as the spec\'s PerformPromiseThen', async () => {
    const trace = await traceJobs((say) => {
      const values = ['plain', Promise.resolve('promise')];
      const wrapper = scripted([], { next: () => ({ value: values.shift(), done: false }) });
      record(say, 'plain', wrapper.next());
      record(say, 'promise', wrapper.next());
    }, 4);
    // The wrapper promise of a native promise is that promise: its reaction runs in tick 1 and
    // fulfills the answer; `record`'s reaction runs one tick later.
    expect(trace).toEqual(['sync end', 'tick 1', 'tick 2', 'plain fulfilled {plain, false}', 'promise fulfilled {promise, false}', 'tick 3', 'tick 4']);
  });
});

describe('the for await and yield* helpers', () => {
  test('callNext calls next on the iterator with no argument and returns its answer as is', () => {
    const calls: unknown[][] = [];
    const iterator = {};
    const answer = { not: 'checked' };
    const next = function (this: unknown, ...args: unknown[]) { calls.push([this, ...args]); return answer; };
    expect(callNext(iterator, next)).toBe(answer);
    expect(callNext(iterator, () => 42)).toBe(42);
    expect(calls).toEqual([[iterator]]);
    expect(() => callNext(iterator, undefined as any)).toThrow(TypeError);
  });

  test('callDelegate mode 0 calls the cached next with exactly the received value', () => {
    const calls: unknown[][] = [];
    const iterator = { next() { throw new Error('the cached next must be used'); } };
    const next = function (this: unknown, ...args: unknown[]) { calls.push([this, ...args]); return 'answer'; };
    expect(callDelegate(iterator, next, 0, undefined)).toBe('answer');
    expect(callDelegate(iterator, next, 0, 'v')).toBe('answer');
    expect(calls).toEqual([[iterator, undefined], [iterator, 'v']]);
  });

  test('callDelegate modes 1 and 2 look up throw/return each time and call them with the value', () => {
    const calls: unknown[][] = [];
    let reads = 0;
    const iterator = {
      get throw() { reads++; return function (this: unknown, v: unknown) { calls.push(['throw', this, v]); return 'thrown'; }; },
      return(this: unknown, v: unknown) { calls.push(['return', this, v]); return 'returned'; },
    };
    expect(callDelegate(iterator, () => {}, 1, 'e')).toBe('thrown');
    expect(callDelegate(iterator, () => {}, 1, 'e2')).toBe('thrown');
    expect(callDelegate(iterator, () => {}, 2, 'r')).toBe('returned');
    expect(reads).toBe(2);
    expect(calls).toEqual([['throw', iterator, 'e'], ['throw', iterator, 'e2'], ['return', iterator, 'r']]);
  });

  test('callDelegate answers NOTHING_TO_AWAIT when the method is undefined or null, and throws when not callable', () => {
    for (const mode of [1, 2]) {
      expect(callDelegate({}, () => {}, mode, 'v')).toBe(NOTHING_TO_AWAIT);
      expect(callDelegate({ throw: null, return: null }, () => {}, mode, 'v')).toBe(NOTHING_TO_AWAIT);
      expect(() => callDelegate({ throw: 1, return: 1 }, () => {}, mode, 'v')).toThrow(TypeError);
    }
    const error = new Error('getter');
    expect(() => callDelegate({ get throw() { throw error; } }, () => {}, 1, 'v')).toThrow(error);
  });

  test('startAsyncIteratorClose: NOTHING_TO_AWAIT without return, else return() called bare and its answer handed back unchecked', () => {
    expect(startAsyncIteratorClose({}, false)).toBe(NOTHING_TO_AWAIT);
    expect(startAsyncIteratorClose({ return: null }, true)).toBe(NOTHING_TO_AWAIT);
    const calls: unknown[][] = [];
    const iterator = { return(this: unknown, ...args: unknown[]) { calls.push([this, ...args]); return 42; } };
    expect(startAsyncIteratorClose(iterator, false)).toBe(42);
    const promise = Promise.resolve('r');
    expect(startAsyncIteratorClose({ return: () => promise }, true)).toBe(promise);
    expect(calls).toEqual([[iterator]]);
  });

  test('startAsyncIteratorClose: errors of GetMethod and of the call throw, unless the loop leaves by a throw', () => {
    const error = new Error('closing failed');
    const iterators = [
      { get return() { throw error; } },
      { return() { throw error; } },
    ];
    for (const iterator of iterators) {
      expect(() => startAsyncIteratorClose(iterator, false)).toThrow(error);
      expect(startAsyncIteratorClose(iterator, true)).toBe(NOTHING_TO_AWAIT);
    }
    expect(() => startAsyncIteratorClose({ return: 'not callable' }, false)).toThrow(TypeError);
    expect(startAsyncIteratorClose({ return: 'not callable' }, true)).toBe(NOTHING_TO_AWAIT);
  });

  test('NOTHING_TO_AWAIT is the runtime\'s registered symbol, the same in every copy of the runtime, and no value a return method gives', () => {
    expect(NOTHING_TO_AWAIT).toBe(Symbol.for('@coro/runtime.nothingToAwait'));
    expect(startAsyncIteratorClose({ return: () => undefined }, false)).toBeUndefined();
    expect(callDelegate({ return: () => ({}) }, () => {}, 2, 'v')).not.toBe(NOTHING_TO_AWAIT);
  });
});

describe('getAsyncIterator', () => {
  test('calls Symbol.asyncIterator on the value and returns its object as is', () => {
    const iterator = { next() {} };
    const receivers: unknown[] = [];
    const source = { [Symbol.asyncIterator](this: unknown) { receivers.push(this); return iterator; } };
    expect(getAsyncIterator(source)).toBe(iterator);
    expect(receivers).toEqual([source]);
  });

  test('wraps a sync iterator in an object that answers with promises; strings iterate their characters', async () => {
    const wrapper: any = getAsyncIterator('ab');
    const first = wrapper.next();
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual({ value: 'a', done: false });
    expect(await wrapper.next()).toEqual({ value: 'b', done: false });
    expect(await wrapper.next()).toEqual({ value: undefined, done: true });
    expect(typeof wrapper.return).toBe('function');
    expect(typeof wrapper.throw).toBe('function');
  });

  test('TypeErrors: nothing to iterate, a method that is not callable, a method answering a primitive', () => {
    const bad = [undefined, null, 42, {}, { [Symbol.asyncIterator]: 1 }, { [Symbol.asyncIterator]: () => 'x' }, { [Symbol.iterator]: () => 3 }, { [Symbol.asyncIterator]: null, [Symbol.iterator]: 5 }];
    for (const value of bad) expect(() => getAsyncIterator(value)).toThrow(TypeError);
  });

  test('an error thrown by the method is thrown as is', () => {
    const error = new Error('method threw');
    expect(() => getAsyncIterator({ [Symbol.asyncIterator]() { throw error; } })).toThrow(error);
    expect(() => getAsyncIterator({ [Symbol.iterator]() { throw error; } })).toThrow(error);
  });
});
