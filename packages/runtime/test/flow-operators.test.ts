/**
 * Flow operators' arguments: checked when the operator is called, as
 * `Iterator.prototype.take` and `map` check theirs, so a mistake throws where
 * it is written rather than at the first pull of a loop far from it; and
 * their iterators' protocol, and the closing of an upstream that is not a flow.
 */
import { buffer, channel, collectLatest, filter, map, take } from '../src/coroutines';

test('take and buffer want a whole number >= 0 or Infinity, map, filter and collectLatest a function', () => {
  const source: AsyncIterable<number> = { [Symbol.asyncIterator]: () => { throw new Error('not pulled'); } };
  for (const count of [-1, NaN, 1.5]) {
    expect(() => take(source, count)).toThrow(RangeError);
    expect(() => buffer(source, count)).toThrow(RangeError);
  }
  for (const count of [0, 2, Infinity]) {
    expect(() => take(source, count)).not.toThrow();
    expect(() => buffer(source, count)).not.toThrow();
  }
  expect(() => map(source, 'x' as never)).toThrow(TypeError);
  expect(() => filter(source, undefined as never)).toThrow(TypeError);
  expect(() => collectLatest(source, null as never)).toThrow(TypeError);
});

test('return() of an operator never pulled gives a promise of the end, as an async iterator\'s does', async () => {
  const iterator = map(channel<number>(1), (x) => x)[Symbol.asyncIterator]();
  const closing = iterator.return!('left');
  expect(closing).toBeInstanceOf(Promise);
  await expect(closing).resolves.toEqual({ value: 'left', done: true });
});

/** 1, 2, 3, … whose `finally` takes a few milliseconds before it logs that the upstream closed. */
async function* numbersLoggingTheirClose(log: string[]) {
  try {
    for (let i = 1; ; i++) yield i;
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 5));
    log.push('upstream closed');
  }
}

test('a loop over an operator whose upstream is an async generator is left after the generator\'s finally has run', async () => {
  const log: string[] = [];
  for await (const n of map(numbersLoggingTheirClose(log), (n) => n * 10)) {
    log.push('got ' + n);
    break;
  }
  log.push('left the loop');
  expect(log).toEqual(['got 10', 'upstream closed', 'left the loop']);
});

test('an operator whose function throws closes its async-generator upstream before the loop throws', async () => {
  const log: string[] = [];
  const loop = async () => { for await (const n of map(numbersLoggingTheirClose(log), (n) => { if (n === 2) throw new Error('no 2'); return n; })) log.push('got ' + n); };
  await expect(loop()).rejects.toThrow('no 2');
  expect(log).toEqual(['got 1', 'upstream closed']);
});

test('an async-generator upstream whose finally throws, closed by a break out of an operator, makes the loop throw, as a native loop over it does', async () => {
  async function* failsToClose() {
    try {
      yield 1;
      yield 2;
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 1));
      throw new Error('cleanup failed');
    }
  }
  const native = async () => { for await (const _ of failsToClose()) break; };
  await expect(native()).rejects.toThrow('cleanup failed');
  const overMap = async () => { for await (const _ of map(failsToClose(), (n) => n)) break; };
  await expect(overMap()).rejects.toThrow('cleanup failed');
});
