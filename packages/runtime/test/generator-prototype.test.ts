import { GeneratorPrototype, linkGenerator, nameFunction } from '../src';
import { asEmitted, lowered, Step } from './side-by-side';

function* nativeGenerator() {
  yield 1;
}
const nativeGeneratorPrototype = Object.getPrototypeOf(nativeGenerator.prototype);
const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

// function* one() { yield 1; }
const oneStep: Step = (frame, state, mode, value) => {
  if (mode === 1) throw value;
  if (mode === 2) { frame.$state = -2; return value; }
  if (state === 0) { frame.$state = 1; return 1; }
  frame.$state = -2;
  return undefined;
};

describe('GeneratorPrototype', () => {
  test('inherits the engine\'s own %IteratorPrototype%, as native %GeneratorPrototype% does', () => {
    expect(Object.getPrototypeOf(GeneratorPrototype)).toBe(iteratorPrototype);
    expect(Object.getPrototypeOf(nativeGeneratorPrototype)).toBe(iteratorPrototype);
  });

  test('next, return and throw have the native property attributes, length and name', () => {
    for (const name of ['next', 'return', 'throw']) {
      const ours = Object.getOwnPropertyDescriptor(GeneratorPrototype, name)!;
      const native = Object.getOwnPropertyDescriptor(nativeGeneratorPrototype, name)!;
      expect({ ...ours, value: undefined }).toEqual({ ...native, value: undefined });
      expect(ours.enumerable).toBe(false);
      expect(ours.value.length).toBe(1);
      expect(ours.value.name).toBe(name);
      expect(Object.getOwnPropertyDescriptor(ours.value, 'name')).toEqual(Object.getOwnPropertyDescriptor(native.value, 'name'));
    }
    expect(Object.keys(GeneratorPrototype)).toEqual([]);
  });

  test('Symbol.toStringTag is "Generator", non-writable and configurable, as native', () => {
    const ours = Object.getOwnPropertyDescriptor(GeneratorPrototype, Symbol.toStringTag);
    expect(ours).toEqual(Object.getOwnPropertyDescriptor(nativeGeneratorPrototype, Symbol.toStringTag));
    expect(ours).toEqual({ value: 'Generator', writable: false, enumerable: false, configurable: true });
  });

  test('calling next/return/throw on something that is not a generator throws a TypeError, as native', () => {
    const receivers = [{}, undefined, null, 42, 'text', { $state: 'x' }, GeneratorPrototype, nativeGenerator()];
    for (const name of ['next', 'return', 'throw'] as const) {
      for (const receiver of receivers) {
        expect(() => (GeneratorPrototype as any)[name].call(receiver, 1)).toThrow(TypeError);
        if (receiver !== GeneratorPrototype && !(receiver instanceof nativeGenerator)) {
          expect(() => nativeGeneratorPrototype[name].call(receiver, 1)).toThrow(TypeError);
        }
      }
    }
  });
});

describe('linkGenerator', () => {
  test('gives fn and Frame one fresh prototype inheriting GeneratorPrototype, and returns fn', () => {
    function one() { return new (Frame as any)(); }
    function Frame(this: any) { this.$state = 0; this.$step = asEmitted(oneStep); }
    expect(linkGenerator(one, Frame)).toBe(one);
    expect(one.prototype).toBe(Frame.prototype);
    expect(Object.getPrototypeOf(one.prototype)).toBe(GeneratorPrototype);
    expect(Object.getOwnPropertyNames(one.prototype)).toEqual(Object.getOwnPropertyNames(nativeGenerator.prototype));
    const generator = one();
    expect(Object.getPrototypeOf(generator)).toBe(one.prototype);
    expect(generator instanceof one).toBe(nativeGenerator() instanceof nativeGenerator);
  });

  test('each generator function gets its own prototype object, as native', () => {
    const first = lowered(oneStep);
    const second = lowered(oneStep);
    function* otherNative() {}
    expect(first.prototype).not.toBe(second.prototype);
    expect(nativeGenerator.prototype).not.toBe(otherNative.prototype);
  });

  test('with fn = null (methods) only the frame constructor is linked', () => {
    function Frame(this: any) { this.$state = 0; this.$step = asEmitted(oneStep); }
    expect(linkGenerator(null, Frame)).toBe(null);
    const generator = new (Frame as any)();
    expect(Object.getPrototypeOf(Object.getPrototypeOf(generator))).toBe(GeneratorPrototype);
    expect(generator.next()).toEqual({ value: 1, done: false });
  });

  test('a name given as a property key names fn as SetFunctionName does, with the attributes of a native name', () => {
    const key = Symbol('key');
    const native = { *[key]() {} };
    const nativeName = Object.getOwnPropertyDescriptor(native[key], 'name');
    function Frame(this: any) { this.$state = 0; this.$step = asEmitted(oneStep); }
    const fn = nameFunction(linkGenerator(function () { return new (Frame as any)(); }, Frame), key);
    expect(Object.getOwnPropertyDescriptor(fn, 'name')).toEqual(nativeName);
  });
});

describe('lowered generator objects', () => {
  const one = lowered(oneStep);

  test('print as [object Generator] and are their own iterator, as native', () => {
    const generator = one();
    expect(Object.prototype.toString.call(generator)).toBe('[object Generator]');
    expect(Object.prototype.toString.call(nativeGenerator())).toBe('[object Generator]');
    expect(generator[Symbol.iterator]()).toBe(generator);
  });

  test('work with spread, Array.from and destructuring like native generators', () => {
    expect([...one()]).toEqual([...nativeGenerator()]);
    expect(Array.from(one())).toEqual([1]);
    const [first, second] = one();
    expect([first, second]).toEqual([1, undefined]);
  });
});

describe('linkMethods', () => {
  test('gives generator methods the prototype their generators inherit, as native methods have', () => {
    const { linkMethods, linkGenerator, GeneratorFunctionPrototype } = require('../src');
    function Frame(this: { $state: number }) { this.$state = 0; }
    const holder = { m() { return new (Frame as any)(); } };
    expect(linkMethods(holder, 'm', Frame, linkGenerator)).toBe(holder);
    const native = { *m() {} };
    const ours = Object.getOwnPropertyDescriptor(holder.m, 'prototype')!;
    const theirs = Object.getOwnPropertyDescriptor(native.m, 'prototype')!;
    expect([ours.writable, ours.enumerable, ours.configurable]).toEqual([theirs.writable, theirs.enumerable, theirs.configurable]);
    expect(Object.getPrototypeOf(holder.m())).toBe((holder.m as any).prototype);
    expect(Object.getPrototypeOf(holder.m)).toBe(GeneratorFunctionPrototype);
  });
});

describe('linkClass', () => {
  test('links prototype and static methods, returns the class, and names it only where its name is still the empty default', () => {
    const { linkClass, linkGenerator, GeneratorFunctionPrototype } = require('../src');
    function Frame(this: { $state: number }) { this.$state = 0; }
    const Anonymous = (() => class { m() { return new (Frame as any)(); } static s() { return new (Frame as any)(); } })();
    expect(Anonymous.name).toBe('');
    expect(linkClass(Anonymous, 'Given', ['m', Frame, linkGenerator], ['s', Frame, linkGenerator])).toBe(Anonymous);
    expect(Anonymous.name).toBe('Given');
    expect(Object.getOwnPropertyDescriptor(Anonymous, 'name')).toEqual({ value: 'Given', writable: false, enumerable: false, configurable: true });
    expect(Object.getPrototypeOf(Anonymous.prototype.m)).toBe(GeneratorFunctionPrototype);
    expect(Object.getPrototypeOf(Anonymous.s)).toBe(GeneratorFunctionPrototype);

    const Named = class Own {};
    linkClass(Named, 'Other', [], []);
    expect(Named.name).toBe('Own');
    const withStaticName = (() => class { static name() { return 'method'; } })();
    linkClass(withStaticName, 'Other', [], []);
    expect(typeof withStaticName.name).toBe('function');
    const unnamed = (() => class {})();
    linkClass(unnamed, undefined, [], []);
    expect(unnamed.name).toBe('');
  });
});
