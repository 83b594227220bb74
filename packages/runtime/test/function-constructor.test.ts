/**
 * The function constructors' side of the contract with an installed
 * function compiler (../src/function-constructor.ts): what they hand it,
 * what they make of its answer. The compiler here is a stand-in that
 * records its calls; @coro/compiler's own tests run coro's.
 */
import {
  AsyncFunctionPrototype, AsyncGeneratorFunctionPrototype, AsyncGeneratorPrototype, FUNCTION_COMPILER,
  GeneratorFunctionPrototype, GeneratorPrototype, installFunctionCompiler,
} from '../src';
import type { CompiledFunction, DynamicFunctionKind } from '../src';

const GeneratorFunction = (GeneratorFunctionPrototype as any).constructor;
const AsyncFunction = (AsyncFunctionPrototype as any).constructor;
const AsyncGeneratorFunction = (AsyncGeneratorFunctionPrototype as any).constructor;

let calls: [DynamicFunctionKind, string, string][];
let answer: CompiledFunction;

/** A made function as the compiler's script body returns it: a generator's owns a `prototype`. */
const MADE = { code: 'var made = function (a, b) { return [a, b]; }; made.prototype = {}; return made;' };

beforeEach(() => {
  calls = [];
  answer = MADE;
  installFunctionCompiler(globalThis, (kind, parameters, body) => {
    calls.push([kind, parameters, body]);
    return answer;
  });
});

afterEach(() => {
  delete (globalThis as any)[FUNCTION_COMPILER];
});

describe('the function constructors with a function compiler installed', () => {
  test('hand the compiler their kind, the parameters joined by commas and the body (CreateDynamicFunction)', () => {
    GeneratorFunction('a', 'b = 1', 'yield a;');
    AsyncFunction('return 1');
    AsyncGeneratorFunction();
    new GeneratorFunction('a,b', 'c', '');
    expect(calls).toEqual([
      ['generator', 'a,b = 1', 'yield a;'],
      ['async', '', 'return 1'],
      ['asyncGenerator', '', ''],
      ['generator', 'a,b,c', ''],
    ]);
  });

  test('convert each argument with ToString, in order, before compiling: a Symbol throws a TypeError', () => {
    const order: string[] = [];
    const text = (value: string) => ({ toString: () => (order.push(value), value) });
    GeneratorFunction(text('a'), text('b'), text('yield b;'));
    expect(order).toEqual(['a', 'b', 'yield b;']);
    GeneratorFunction({ toString: () => 'c', valueOf: () => 'v' }, '');
    expect(calls[1]).toEqual(['generator', 'c', '']);
    expect(() => GeneratorFunction(Symbol('p'), '')).toThrow(TypeError);
    expect(calls).toHaveLength(2);
  });

  test('a syntax error is this realm\'s SyntaxError; code the compiler refuses is an EvalError', () => {
    answer = { syntaxError: 'Unexpected token' };
    expect(() => GeneratorFunction('/*', '*/){')).toThrow(new SyntaxError('Unexpected token'));
    answer = { refused: "'with' is not supported" };
    expect(() => AsyncFunction('with (o) {}')).toThrow(EvalError);
  });

  test('the made function is named "anonymous" and inherits the constructor\'s prototype, called or constructed', () => {
    for (const [constructor, prototype] of [[GeneratorFunction, GeneratorFunctionPrototype], [AsyncFunction, AsyncFunctionPrototype], [AsyncGeneratorFunction, AsyncGeneratorFunctionPrototype]]) {
      for (const made of [constructor(''), new constructor('')]) {
        expect(Object.getOwnPropertyDescriptor(made, 'name')).toEqual({ value: 'anonymous', writable: false, enumerable: false, configurable: true });
        expect(Object.getPrototypeOf(made)).toBe(prototype);
        expect(made instanceof constructor).toBe(true);
        expect(made(1, 2)).toEqual([1, 2]);
      }
    }
  });

  test('a generator function\'s own prototype inherits this runtime\'s generator prototype', () => {
    expect(Object.getPrototypeOf(GeneratorFunction('').prototype)).toBe(GeneratorPrototype);
    expect(Object.getPrototypeOf(AsyncGeneratorFunction('').prototype)).toBe(AsyncGeneratorPrototype);
  });

  test('a subclass\'s super() gives the subclass\'s prototype (GetPrototypeFromConstructor)', () => {
    class Sub extends GeneratorFunction {}
    const made = new Sub('');
    expect(Object.getPrototypeOf(made)).toBe(Sub.prototype);
  });
});

describe('the function constructors without a function compiler', () => {
  test('throw an EvalError that says how to install one, as a host that cannot compile strings does', () => {
    delete (globalThis as any)[FUNCTION_COMPILER];
    expect(() => GeneratorFunction('yield 1;')).toThrow(/GeneratorFunction cannot compile source text: .*@coro\/compiler\/dynamic-functions/);
    expect(() => new AsyncGeneratorFunction('')).toThrow(EvalError);
  });
});

describe('a function compiler installed on another realm\'s global object', () => {
  test('makes functions and throws errors of that realm, for the constructors of the runtime copy there', () => {
    const vm = require('vm');
    const { inlineRuntime } = require('../src/inline-runtime');
    const context = vm.createContext({});
    vm.runInContext(inlineRuntime(['GeneratorFunctionPrototype', 'GeneratorPrototype'], '$coro'), context);
    installFunctionCompiler(vm.runInContext('globalThis', context), (kind, parameters, body) => {
      calls.push([kind, parameters, body]);
      return answer;
    });
    const OtherGeneratorFunction = vm.runInContext('$coro.GeneratorFunctionPrototype.constructor', context);
    const made = OtherGeneratorFunction('a', 'b', '');
    expect(calls).toEqual([['generator', 'a,b', '']]);
    expect(made instanceof vm.runInContext('Function', context)).toBe(true);
    expect(made instanceof Function).toBe(false);
    expect(Object.getPrototypeOf(made)).toBe(vm.runInContext('$coro.GeneratorFunctionPrototype', context));
    expect(Object.getPrototypeOf(made.prototype)).toBe(vm.runInContext('$coro.GeneratorPrototype', context));
    answer = { syntaxError: 'Unexpected token' };
    expect(() => OtherGeneratorFunction('(')).toThrow(vm.runInContext('SyntaxError', context));
    answer = { refused: 'no' };
    expect(() => OtherGeneratorFunction('')).toThrow(vm.runInContext('EvalError', context));
    expect(() => GeneratorFunction('')).toThrow(EvalError);
  });
});
