import * as vm from 'vm';
import { copyDataProperties } from '../src';
import { inlineRuntime } from '../src/inline-runtime';

/** A proxy over `target` that logs the traps CopyDataProperties calls. */
function logged(target: object, log: string[]): object {
  return new Proxy(target, {
    ownKeys: (t) => (log.push('ownKeys'), Reflect.ownKeys(t)),
    getOwnPropertyDescriptor: (t, k) => (log.push('getOwnPropertyDescriptor ' + String(k)), Reflect.getOwnPropertyDescriptor(t, k)),
    get: (t, k, receiver) => (log.push('get ' + String(k)), Reflect.get(t, k, receiver)),
  });
}

describe('copyDataProperties', () => {
  test('calls the same traps, in the same order, as a native object rest', () => {
    const s = Symbol('s');
    const source = { b: 1, 2: 'two', a: 0, [s]: 'sym' };
    Object.defineProperty(source, 'hidden', { value: 1, enumerable: false });
    const lowered: string[] = [];
    const native: string[] = [];
    const copy = copyDataProperties(logged(source, lowered), ['a']);
    const { a: _a, ...rest } = logged(source, native) as typeof source;
    expect(lowered).toEqual(native.filter((line) => line !== 'get a'));
    expect(lowered).toEqual([
      'ownKeys',
      'getOwnPropertyDescriptor 2', 'get 2',
      'getOwnPropertyDescriptor b', 'get b',
      'getOwnPropertyDescriptor hidden',
      'getOwnPropertyDescriptor Symbol(s)', 'get Symbol(s)',
    ]);
    expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(rest));
    expect(copy).toEqual({ 2: 'two', b: 1, [s]: 'sym' });
  });

  test('excludes keys by identity, symbols included, and reads a getter once with the source as receiver', () => {
    const s = Symbol('s');
    let reads = 0;
    const source = {
      [s]: 1,
      x: 2,
      get g() { reads++; return this === source ? 'receiver ok' : 'wrong receiver'; },
    };
    const copy = copyDataProperties(source, [s, 'x']);
    expect(Reflect.ownKeys(copy)).toEqual(['g']);
    expect(Object.getOwnPropertyDescriptor(copy, 'g')).toEqual({ value: 'receiver ok', writable: true, enumerable: true, configurable: true });
    expect(reads).toBe(1);
  });

  test('defines the copies: an own __proto__ stays a property and Object.prototype setters are not called', () => {
    const source = JSON.parse('{"__proto__": "own", "y": 1}');
    const copy = copyDataProperties(source, []);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toBe('own');
    const calls: unknown[] = [];
    Object.defineProperty(Object.prototype, 'trapped', { set: (v) => calls.push(v), configurable: true });
    try {
      expect(Object.keys(copyDataProperties({ trapped: 1 }, []))).toEqual(['trapped']);
      expect(calls).toEqual([]);
    } finally {
      delete (Object.prototype as { trapped?: unknown }).trapped;
    }
  });

  test('converts primitives with ToObject and gives an empty object for null and undefined', () => {
    expect(copyDataProperties('ab', ['0'])).toEqual({ 1: 'b' });
    expect(Reflect.ownKeys(copyDataProperties(5, []))).toEqual([]);
    expect(copyDataProperties(null, [])).toEqual({});
    expect(copyDataProperties(undefined, [])).toEqual({});
  });

  test('is in the inline runtime and runs there', () => {
    const context = vm.createContext({});
    vm.runInContext(inlineRuntime(['copyDataProperties'], '$coro'), context);
    expect(vm.runInContext('JSON.stringify($coro.copyDataProperties({ a: 1, b: 2 }, ["a"]))', context)).toBe('{"b":2}');
    expect(vm.runInContext('Object.getPrototypeOf($coro.copyDataProperties({}, [])) === Object.prototype', context)).toBe(true);
  });
});
