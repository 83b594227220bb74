/**
 * Flow operators' arguments: checked when the operator is called, as
 * `Iterator.prototype.take` and `map` check theirs, so a mistake throws where
 * it is written rather than at the first pull of a loop far from it; and
 * their iterators' protocol.
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
