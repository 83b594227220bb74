import { toPropertyKey } from '../src';
import { functionNameOf } from '../src/property-key';

describe('toPropertyKey', () => {
  test('converts like a computed key does, calling toString once', () => {
    const calls: string[] = [];
    const key = { toString: () => (calls.push('toString'), 'k') };
    expect(toPropertyKey(key)).toBe('k');
    expect(calls).toEqual(['toString']);
    const native = Object.keys({ [key as unknown as string]: 1 });
    expect(native).toEqual(['k']);
  });

  test('keeps symbols, converts numbers and primitives to strings', () => {
    const sym = Symbol('s');
    expect(toPropertyKey(sym)).toBe(sym);
    expect(toPropertyKey(1.5)).toBe('1.5');
    expect(toPropertyKey(null)).toBe('null');
    expect(toPropertyKey(undefined)).toBe('undefined');
    expect(toPropertyKey('__proto__')).toBe('__proto__');
  });

  test('honours Symbol.toPrimitive with the string hint', () => {
    const hints: string[] = [];
    const key = { [Symbol.toPrimitive]: (hint: string) => (hints.push(hint), 'p') };
    expect(toPropertyKey(key)).toBe('p');
    expect(hints).toEqual(['string']);
  });
});

describe('functionNameOf', () => {
  test('names as SetFunctionName does: the key, a symbol by its description in brackets, or nothing', () => {
    const native = { [Symbol('desc')]: () => {}, [Symbol()]: () => {}, key: () => {} };
    const [described, bare] = Object.getOwnPropertySymbols(native);
    expect(functionNameOf(described)).toBe(native[described].name);
    expect(functionNameOf(bare)).toBe(native[bare].name);
    expect(functionNameOf('key')).toBe(native.key.name);
    expect(functionNameOf(Symbol.iterator)).toBe('[Symbol.iterator]');
  });
});
