import {
  adoptAsyncGeneratorPrototype, AsyncFunctionPrototype, AsyncGeneratorFunctionPrototype, AsyncGeneratorPrototype,
  AsyncIteratorPrototype, GeneratorFunctionPrototype, GeneratorPrototype, linkAsyncFunction, linkAsyncGenerator,
  linkDecoratedMethod, linkGenerator, linkMethods as linkMethodsOf, nameFunction, notAConstructor,
} from '../src';
import { loweredAsyncGenerator, startAsync } from './side-by-side-async';

async function nativeAsyncFunction() {}
async function* nativeAsyncGenerator() {}
const nativeAsyncFunctionPrototype = Object.getPrototypeOf(nativeAsyncFunction);
const nativeAsyncGeneratorFunctionPrototype = Object.getPrototypeOf(nativeAsyncGenerator);
const nativeAsyncGeneratorPrototype = nativeAsyncGeneratorFunctionPrototype.prototype;
const nativeAsyncIteratorPrototype = Object.getPrototypeOf(nativeAsyncGeneratorPrototype);

/** A descriptor with its function value replaced by the function's name, to compare ours with native. */
function describeProperty(object: object, key: PropertyKey) {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  if (!descriptor) return descriptor;
  const value = descriptor.value;
  return { ...descriptor, value: typeof value === 'function' ? 'function ' + value.name : typeof value === 'object' ? 'object' : value };
}

// The holder comes first, then key, Frame, link triples: typed loosely for these calls.
const linkMethods = linkMethodsOf as (holder: any, ...links: unknown[]) => any;

const emptyStep = (frame: any) => { frame.$state = -2; return undefined; };

describe('AsyncIteratorPrototype', () => {
  test('inherits Object.prototype and has [Symbol.asyncIterator]() returning this, shaped as native', () => {
    expect(Object.getPrototypeOf(AsyncIteratorPrototype)).toBe(Object.getPrototypeOf(nativeAsyncIteratorPrototype));
    expect(describeProperty(AsyncIteratorPrototype, Symbol.asyncIterator)).toEqual(describeProperty(nativeAsyncIteratorPrototype, Symbol.asyncIterator));
    expect(describeProperty(AsyncIteratorPrototype, Symbol.asyncIterator)).toEqual({
      value: 'function [Symbol.asyncIterator]', writable: true, enumerable: false, configurable: true,
    });
    const method = (AsyncIteratorPrototype as any)[Symbol.asyncIterator];
    expect(method.length).toBe(0);
    const receiver = {};
    expect(method.call(receiver)).toBe(receiver);
    expect(Reflect.ownKeys(AsyncIteratorPrototype)).toEqual(Reflect.ownKeys(nativeAsyncIteratorPrototype));
  });
});

describe('AsyncGeneratorPrototype', () => {
  test('inherits AsyncIteratorPrototype, as native %AsyncGeneratorPrototype% inherits %AsyncIteratorPrototype%', () => {
    expect(Object.getPrototypeOf(AsyncGeneratorPrototype)).toBe(AsyncIteratorPrototype);
    expect(AsyncGeneratorPrototype).not.toBe(GeneratorPrototype);
  });

  test('next, return and throw: native attributes, name and length 1', () => {
    for (const name of ['next', 'return', 'throw']) {
      expect(describeProperty(AsyncGeneratorPrototype, name)).toEqual(describeProperty(nativeAsyncGeneratorPrototype, name));
      const method = (AsyncGeneratorPrototype as any)[name];
      expect(method.name).toBe(name);
      expect(method.length).toBe(1);
      expect(describeProperty(method, 'name')).toEqual(describeProperty(nativeAsyncGeneratorPrototype[name], 'name'));
      expect(describeProperty(method, 'length')).toEqual(describeProperty(nativeAsyncGeneratorPrototype[name], 'length'));
    }
    expect(Object.keys(AsyncGeneratorPrototype)).toEqual([]);
  });

  test('Symbol.toStringTag is "AsyncGenerator" and constructor is AsyncGeneratorFunctionPrototype, with native attributes', () => {
    expect(describeProperty(AsyncGeneratorPrototype, Symbol.toStringTag)).toEqual(describeProperty(nativeAsyncGeneratorPrototype, Symbol.toStringTag));
    expect((AsyncGeneratorPrototype as any)[Symbol.toStringTag]).toBe('AsyncGenerator');
    expect(describeProperty(AsyncGeneratorPrototype, 'constructor')).toEqual(describeProperty(nativeAsyncGeneratorPrototype, 'constructor'));
    expect((AsyncGeneratorPrototype as any).constructor).toBe(AsyncGeneratorFunctionPrototype);
    expect(Reflect.ownKeys(AsyncGeneratorPrototype).map(String).sort()).toEqual(Reflect.ownKeys(nativeAsyncGeneratorPrototype).map(String).sort());
  });
});

describe('AsyncGeneratorFunctionPrototype and AsyncFunctionPrototype', () => {
  const pairs: Array<[string, object, object]> = [
    ['AsyncGeneratorFunction', AsyncGeneratorFunctionPrototype, nativeAsyncGeneratorFunctionPrototype],
    ['AsyncFunction', AsyncFunctionPrototype, nativeAsyncFunctionPrototype],
  ];

  test.each(pairs)('%s.prototype inherits Function.prototype and has the native toStringTag', (name, ours, native) => {
    expect(Object.getPrototypeOf(ours)).toBe(Function.prototype);
    expect(Object.getPrototypeOf(native)).toBe(Function.prototype);
    expect(describeProperty(ours, Symbol.toStringTag)).toEqual(describeProperty(native, Symbol.toStringTag));
    expect((ours as any)[Symbol.toStringTag]).toBe(name);
    expect(describeProperty(ours, 'constructor')).toEqual({ ...describeProperty(native, 'constructor'), value: 'function ' + name });
    expect(Reflect.ownKeys(ours).map(String).sort()).toEqual(Reflect.ownKeys(native).map(String).sort());
  });

  test('AsyncGeneratorFunction.prototype.prototype is AsyncGeneratorPrototype, with native attributes', () => {
    expect((AsyncGeneratorFunctionPrototype as any).prototype).toBe(AsyncGeneratorPrototype);
    expect(describeProperty(AsyncGeneratorFunctionPrototype, 'prototype')).toEqual(describeProperty(nativeAsyncGeneratorFunctionPrototype, 'prototype'));
    expect(AsyncFunctionPrototype).not.toHaveProperty('prototype');
  });

  test.each(pairs)('the %s constructor: name, length 1, inherits Function; without a function compiler it throws an EvalError', (name, ours, native) => {
    const constructor = (ours as any).constructor;
    const nativeConstructor = (native as any).constructor;
    expect(describeProperty(constructor, 'name')).toEqual(describeProperty(nativeConstructor, 'name'));
    expect(describeProperty(constructor, 'length')).toEqual(describeProperty(nativeConstructor, 'length'));
    expect(constructor.name).toBe(name);
    expect(Object.getPrototypeOf(constructor)).toBe(Function);
    expect(Object.getPrototypeOf(nativeConstructor)).toBe(Function);
    expect(constructor.prototype).toBe(ours);
    expect(Object.getOwnPropertyDescriptor(constructor, 'prototype')).toMatchObject({ enumerable: false, configurable: false });
    // Natively these compile source text; lowered code needs a compiler installed (function-constructor.test.ts).
    expect(() => constructor('return 1')).toThrow(EvalError);
    expect(() => new constructor('return 1')).toThrow(EvalError);
    expect(typeof nativeConstructor('return 1')).toBe('function');
  });

  // %AsyncFunction%.prototype and %AsyncGeneratorFunction%.prototype are
  // { writable: false, enumerable: false, configurable: false } (ECMA-262 §27.7.2.2,
  // §27.4.2.2).
  test.each(pairs)('the %s constructor\'s prototype property is read-only, as native', (_, ours, native) => {
    expect(describeProperty((ours as any).constructor, 'prototype')).toEqual(describeProperty((native as any).constructor, 'prototype'));
  });

  test('the constructors of the sync and async function prototypes are distinct functions', () => {
    const constructors = [GeneratorFunctionPrototype, AsyncGeneratorFunctionPrototype, AsyncFunctionPrototype].map((p: any) => p.constructor);
    expect(new Set(constructors).size).toBe(3);
  });
});

describe('linkAsyncFunction', () => {
  test('the function inherits AsyncFunctionPrototype: toString tag and constructor as native, still a Function', () => {
    function Frame() {}
    function f() { return startAsync({ $state: 0, $step: emptyStep } as any); }
    expect(linkAsyncFunction(f, Frame)).toBe(f);
    expect(Object.getPrototypeOf(f)).toBe(AsyncFunctionPrototype);
    expect(Object.prototype.toString.call(f)).toBe(Object.prototype.toString.call(nativeAsyncFunction));
    expect(Object.prototype.toString.call(f)).toBe('[object AsyncFunction]');
    expect(f.constructor).toBe((AsyncFunctionPrototype as any).constructor);
    expect(f).toBeInstanceOf(Function);
    expect(typeof f.call).toBe('function');
  });

  test('the wrapper asks `new.target`: `new` throws as native, a call whose `this` inherits its prototype runs', () => {
    function Frame(this: any) { this.$state = 0; this.$step = emptyStep; }
    function f(this: unknown) {
      return new.target ? notAConstructor() : startAsync(new (Frame as any)());
    }
    linkAsyncFunction(f, Frame);
    expect(() => new (f as any)()).toThrow(TypeError);
    expect(() => new (nativeAsyncFunction as any)()).toThrow(TypeError);
    expect(f()).toBeInstanceOf(Promise);
    expect(f.call(Object.create(f.prototype))).toBeInstanceOf(Promise);
  });

  test('documented difference: the lowered function keeps an own, non-configurable `prototype`; native has none', () => {
    // async-function-prototype.ts: "A lowered async function is an ordinary function underneath,
    // so unlike a native one it still owns a `prototype` property (non-configurable)".
    function Frame() {}
    const f = linkAsyncFunction(function f() {}, Frame);
    expect(Object.prototype.hasOwnProperty.call(nativeAsyncFunction, 'prototype')).toBe(false);
    expect(Object.getOwnPropertyDescriptor(f, 'prototype')).toMatchObject({ configurable: false });
  });

  test('an arrow (no prototype of its own) leaves Frame.prototype as it was', () => {
    function Frame() {}
    const framePrototype = Frame.prototype;
    const arrow = linkAsyncFunction(() => undefined, Frame);
    expect(Frame.prototype).toBe(framePrototype);
    expect(Object.getPrototypeOf(arrow)).toBe(AsyncFunctionPrototype);
    expect(Object.prototype.hasOwnProperty.call(arrow, 'prototype')).toBe(false);
  });

  test('nameFunction sets the name and length when given, with the attributes functions have; left alone when not', () => {
    function Frame() {}
    const named = nameFunction(linkAsyncFunction((..._: unknown[]) => undefined, Frame), 'inferred', 2);
    const nativeNamed = async function inferred(_a: unknown, _b: unknown) {};
    expect(named.name).toBe('inferred');
    expect(named.length).toBe(2);
    expect(Object.getOwnPropertyDescriptor(named, 'name')).toEqual(Object.getOwnPropertyDescriptor(nativeNamed, 'name'));
    expect(Object.getOwnPropertyDescriptor(named, 'length')).toEqual(Object.getOwnPropertyDescriptor(nativeNamed, 'length'));
    const plain = linkAsyncFunction(function keeps(_a: unknown) {}, Frame);
    expect(plain.name).toBe('keeps');
    expect(plain.length).toBe(1);
    const empty = nameFunction(linkAsyncFunction(function (_a: unknown) {}, Frame), '', 0);
    expect(empty.name).toBe('');
    expect(empty.length).toBe(0);
  });

  test('a null function (a method linked later) is returned as is', () => {
    expect(linkAsyncFunction(null, function Frame() {})).toBeNull();
  });
});

describe('linkDecoratedMethod', () => {
  test('links the method a standard decorator is given, and replaces nothing', () => {
    const method = function ids() {};
    function Frame() {}
    const decorator = linkDecoratedMethod(Frame, linkGenerator) as (value: unknown, context: unknown) => unknown;
    expect(decorator(method, { kind: 'method', name: 'ids' })).toBeUndefined();
    expect(Object.getPrototypeOf(method)).toBe(GeneratorFunctionPrototype);
    expect((Frame as any).$function).toBe(method);
    expect(Object.getPrototypeOf(method.prototype)).toBe(GeneratorPrototype);
  });

  test("links the descriptor's method under TypeScript's legacy decorators, leaving the descriptor as it was", () => {
    class Holder {
      load() {}
    }
    const descriptor = Object.getOwnPropertyDescriptor(Holder.prototype, 'load')!;
    const decorator = linkDecoratedMethod(function Frame() {}, linkAsyncFunction) as (...args: unknown[]) => unknown;
    expect(decorator(Holder.prototype, 'load', descriptor)).toBeUndefined();
    expect(Object.getPrototypeOf(descriptor.value)).toBe(AsyncFunctionPrototype);
    expect(descriptor.value).toBe(Holder.prototype.load);
  });

  test('a descriptor without a function (an accessor) is left alone', () => {
    const get = () => 1;
    const decorator = linkDecoratedMethod(function Frame() {}, linkAsyncFunction) as (...args: unknown[]) => unknown;
    decorator({}, 'value', { get, configurable: true });
    expect(Object.getPrototypeOf(get)).toBe(Function.prototype);
  });
});

describe('linkMethods', () => {
  test('links each named method of a class prototype, of a class, and of an object literal; returns the holder', () => {
    class Holder {
      method() { return 'm'; }
      static staticMethod() { return 's'; }
    }
    const symbol = Symbol('key');
    const literal = { plain() {}, [symbol]() {}, other() {} };
    function A() {}
    function B() {}
    function C() {}
    function D() {}
    expect(linkMethods(Holder.prototype, 'method', A, linkAsyncFunction)).toBe(Holder.prototype);
    expect(linkMethods(Holder, 'staticMethod', B, linkAsyncFunction)).toBe(Holder);
    expect(linkMethods(literal, 'plain', C, linkAsyncFunction, symbol, D, linkAsyncFunction)).toBe(literal);
    for (const method of [Holder.prototype.method, Holder.staticMethod, literal.plain, literal[symbol]]) {
      expect(Object.getPrototypeOf(method)).toBe(AsyncFunctionPrototype);
    }
    expect(Object.getPrototypeOf(literal.other)).toBe(Function.prototype);
    expect(new Holder().method()).toBe('m');
  });

  test('each method is linked by its own kind, whatever the order of the kinds', () => {
    const literal = { a() {}, g() {}, ag() {}, f() {} };
    linkMethods(literal, 'a', function A() {}, linkAsyncFunction, 'g', function G() {}, linkGenerator,
      'ag', function AG() {}, linkAsyncGenerator, 'f', function F() {}, linkAsyncFunction);
    expect([literal.a, literal.g, literal.ag, literal.f].map(Object.getPrototypeOf)).toEqual([
      AsyncFunctionPrototype, GeneratorFunctionPrototype, AsyncGeneratorFunctionPrototype, AsyncFunctionPrototype,
    ]);
    expect(Object.getPrototypeOf((literal.g as any).prototype)).toBe(GeneratorPrototype);
    expect(Object.prototype.hasOwnProperty.call(literal.a, 'prototype')).toBe(false);
  });

  test('a key named twice belongs to the later entry: the earlier method was replaced by it', () => {
    const literal = { m() {} };
    function G() {}
    function F() {}
    linkMethods(literal, 'm', G, linkGenerator, 'm', F, linkAsyncFunction);
    expect(Object.getPrototypeOf(literal.m)).toBe(AsyncFunctionPrototype);
    expect(Object.prototype.hasOwnProperty.call(literal.m, 'prototype')).toBe(false);
    expect((G as any).$function).toBeUndefined();
  });

  test('keys that are missing, accessors or not functions are skipped without calling anything', () => {
    let getterCalls = 0;
    const holder = {
      get accessor() { getterCalls++; return () => {}; },
      notAFunction: 42,
      method() {},
    };
    const link = (fn: Function, Frame: Function) => linkAsyncFunction(fn, Frame);
    expect(() => linkMethods(holder, 'missing', function M() {}, link, 'accessor', function A() {}, link,
      'notAFunction', function N() {}, link, 'method', function F() {}, link)).not.toThrow();
    expect(getterCalls).toBe(0);
    expect(Object.getPrototypeOf(holder.method)).toBe(AsyncFunctionPrototype);
    expect(holder.notAFunction).toBe(42);
  });
});

describe('linkAsyncGenerator and async generator objects', () => {
  test('function → AsyncGeneratorFunctionPrototype; objects → fn.prototype → AsyncGeneratorPrototype, as natively', async () => {
    const generator = loweredAsyncGenerator(emptyStep);
    expect(Object.getPrototypeOf(generator)).toBe(AsyncGeneratorFunctionPrototype);
    expect(Object.getPrototypeOf(generator.prototype)).toBe(AsyncGeneratorPrototype);
    const object = generator();
    expect(Object.getPrototypeOf(object)).toBe(generator.prototype);
    expect(object[Symbol.asyncIterator]()).toBe(object);
    expect(Object.prototype.toString.call(object)).toBe(Object.prototype.toString.call(nativeAsyncGenerator()));
    expect(Object.prototype.toString.call(generator)).toBe(Object.prototype.toString.call(nativeAsyncGenerator));
    expect(Object.prototype.toString.call(generator)).toBe('[object AsyncGeneratorFunction]');
    expect(describeProperty(generator, 'prototype')).toEqual(describeProperty(nativeAsyncGenerator, 'prototype'));
    await expect(object.next()).resolves.toEqual({ value: undefined, done: true });
  });

  test('each function gets its own prototype object; a re-linked expression reuses its frame\'s', () => {
    function Frame() {}
    function first() {}
    function second() {}
    linkAsyncGenerator(first, Frame);
    const made = Frame.prototype;
    linkAsyncGenerator(second, Frame);
    expect(Frame.prototype).toBe(made);
    expect(second.prototype).toBe(made);
    expect((Frame as any).$function).toBe(second);
    const other = loweredAsyncGenerator(emptyStep);
    expect(other.prototype).not.toBe(made);
  });

  test('a method without a prototype gets one with the attributes a native async generator method has', () => {
    const literal = { method() {} };
    const nativeLiteral = { async *method() {} };
    linkMethods(literal, 'method', function Frame() {}, linkAsyncGenerator);
    expect(describeProperty(literal.method, 'prototype')).toEqual(describeProperty(nativeLiteral.method, 'prototype'));
    expect(Object.getPrototypeOf(literal.method)).toBe(AsyncGeneratorFunctionPrototype);
    expect(Object.getPrototypeOf((literal.method as any).prototype)).toBe(AsyncGeneratorPrototype);
  });

  test('adoptAsyncGeneratorPrototype: a replaced prototype is used; a non-object one falls back to AsyncGeneratorPrototype', () => {
    function nativeReplaced() {}
    const nativeFunction: any = async function* () {};
    for (const replacement of [{ custom: true }, null, 1]) {
      nativeFunction.prototype = replacement;
      const expected = typeof replacement === 'object' && replacement !== null ? replacement : nativeAsyncGeneratorPrototype;
      expect(Object.getPrototypeOf(nativeFunction())).toBe(expected);
      const fn: any = nativeReplaced;
      fn.prototype = replacement;
      const adopted = adoptAsyncGeneratorPrototype({}, fn);
      expect(Object.getPrototypeOf(adopted)).toBe(expected === nativeAsyncGeneratorPrototype ? AsyncGeneratorPrototype : replacement);
    }
  });
});
