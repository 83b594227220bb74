import { closeIterator, getIterator, iteratorNext } from '../src';
import { errorName } from './side-by-side';

type Log = unknown[][];

/** An iterable whose iterator logs its calls; `returnMethod` is installed as `return` when given (null included). */
function loggingIterable(log: Log, returnMethod?: unknown) {
  const iterator: any = {
    next(...args: unknown[]) { log.push(['next', ...args]); return { value: 1, done: false }; },
  };
  if (returnMethod !== undefined) {
    iterator.return = typeof returnMethod !== 'function' ? returnMethod : function (this: unknown, ...args: unknown[]) {
      log.push(['return', this === iterator, ...args]);
      return (returnMethod as Function)();
    };
  }
  return { [Symbol.iterator]: () => iterator };
}

function outcome(run: () => void): unknown {
  try { run(); return 'completed'; } catch (e) { return errorName(e); }
}

/** Runs `lowered` and its native equivalent on fresh logging iterables; both must log and end alike. */
function compare(returnMethod: unknown, native: (iterable: Iterable<unknown>) => void, lowered: (iterable: Iterable<unknown>) => void) {
  const nativeLog: Log = [];
  const loweredLog: Log = [];
  const expected = outcome(() => native(loggingIterable(nativeLog, returnMethod)));
  const actual = outcome(() => lowered(loggingIterable(loweredLog, returnMethod)));
  expect({ actual, loweredLog }).toEqual({ actual: expected, loweredLog: nativeLog });
  return { outcome: expected, log: nativeLog };
}

const returnsObject = () => ({});
const returnsPrimitive = () => 'not an object';
const returnThrows = () => { throw new Error('return failed'); };

describe('getIterator', () => {
  test('returns the iterator of arrays, strings, maps and generators', () => {
    expect(getIterator([1, 2]).next()).toEqual({ value: 1, done: false });
    expect(getIterator('hi').next()).toEqual({ value: 'h', done: false });
    expect(getIterator(new Map([[1, 2]])).next()).toEqual({ value: [1, 2], done: false });
    const generator = (function* () { yield 1; })();
    expect(getIterator(generator)).toBe(generator);
  });

  test('throws a TypeError where native spread does', () => {
    const cases: unknown[] = [undefined, null, 42, {}, { [Symbol.iterator]: 'nope' }, { [Symbol.iterator]: () => 42 }, { [Symbol.iterator]: null }];
    for (const value of cases) {
      expect(() => [...(value as any)]).toThrow(TypeError);
      expect(() => getIterator(value)).toThrow(TypeError);
    }
  });

  test('says what is not iterable without calling user code', () => {
    expect(() => getIterator(42)).toThrow('42 is not iterable');
    expect(() => getIterator(undefined)).toThrow('undefined is not iterable');
    const hostile = { toString() { throw new Error('called toString'); }, valueOf() { throw new Error('called valueOf'); } };
    expect(() => getIterator(hostile)).toThrow('object is not iterable');
  });

  test('calls Symbol.iterator with the value as this', () => {
    let receiver: unknown;
    const iterable = { [Symbol.iterator](this: unknown) { receiver = this; return { next() { return { done: true }; } }; } };
    getIterator(iterable);
    expect(receiver).toBe(iterable);
  });
});

describe('iteratorNext', () => {
  test('calls next on the iterator with no argument and returns its result object as is', () => {
    const calls: unknown[][] = [];
    const result = { value: 'v', done: false };
    const iterator = { next(this: unknown, ...args: unknown[]) { calls.push([this, args.length]); return result; } };
    expect(iteratorNext(iterator, iterator.next)).toBe(result);
    expect(calls).toEqual([[iterator, 0]]);
  });

  test('throws a TypeError for a non-object result, as native for-of does', () => {
    for (const bad of [undefined, null, 1, 'done']) {
      const iterator = { next: () => bad };
      const iterable = { [Symbol.iterator]: () => iterator };
      expect(() => { for (const _ of iterable as any) break; }).toThrow(TypeError);
      expect(() => iteratorNext(iterator, iterator.next)).toThrow(TypeError);
    }
  });

  test('lets an exception from next through', () => {
    const error = new Error('next failed');
    const iterator = { next: () => { throw error; } };
    expect(() => iteratorNext(iterator, iterator.next)).toThrow(error);
  });
});

describe('closeIterator (IteratorClose on a normal completion), side by side with for-of break', () => {
  const breakNative = (iterable: Iterable<unknown>) => { for (const _ of iterable) break; };
  const breakLowered = (iterable: Iterable<unknown>) => {
    const iterator = getIterator(iterable);
    if (!iteratorNext(iterator, iterator.next).done) closeIterator(iterator);
  };

  test('calls return() on the iterator with no argument', () => {
    expect(compare(returnsObject, breakNative, breakLowered)).toEqual({ outcome: 'completed', log: [['next'], ['return', true]] });
  });

  test('does nothing when return is absent, null or undefined', () => {
    for (const returnMethod of [undefined, null]) {
      expect(compare(returnMethod, breakNative, breakLowered)).toEqual({ outcome: 'completed', log: [['next']] });
    }
    expect(() => closeIterator({ return: undefined })).not.toThrow();
  });

  test('throws a TypeError when return() gives a non-object', () => {
    expect(compare(returnsPrimitive, breakNative, breakLowered).outcome).toBe('TypeError');
  });

  test('lets an exception from return() through', () => {
    expect(compare(returnThrows, breakNative, breakLowered).outcome).toBe('Error: return failed');
  });

  test('throws a TypeError when return is not callable', () => {
    expect(compare('nope', breakNative, breakLowered).outcome).toBe('TypeError');
  });
});

describe('closeIterator(iterator, true) (IteratorClose on a throw completion), side by side with for-of throw', () => {
  const original = new Error('original');
  const throwNative = (iterable: Iterable<unknown>) => { for (const _ of iterable) throw original; };
  const throwLowered = (iterable: Iterable<unknown>) => {
    const iterator = getIterator(iterable);
    if (!iteratorNext(iterator, iterator.next).done) {
      closeIterator(iterator, true);
      throw original;
    }
  };

  test('calls return() and the original error wins', () => {
    expect(compare(returnsObject, throwNative, throwLowered)).toEqual({ outcome: 'Error: original', log: [['next'], ['return', true]] });
  });

  test('ignores an exception or a non-object from return(), and a non-callable return', () => {
    for (const returnMethod of [returnThrows, returnsPrimitive, 'nope', null]) {
      expect(compare(returnMethod, throwNative, throwLowered).outcome).toBe('Error: original');
    }
  });

  test('ignores a throwing return getter', () => {
    const iterator = Object.defineProperty({}, 'return', { get() { throw new Error('getter failed'); } });
    expect(() => closeIterator(iterator, true)).not.toThrow();
    expect(() => closeIterator(iterator)).toThrow('getter failed');
  });
});
