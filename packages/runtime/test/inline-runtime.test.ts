/**
 * `@coro/runtime/inline`. inlineRuntime reads dist/inline-sources.json: run
 * `npm run build` in packages/runtime (or at the root) before these tests.
 */
import * as vm from 'vm';
import * as ts from 'typescript';
import * as runtime from '../src';
import { inlineRuntime } from '../src/inline-runtime';

const { findNonEs5Syntax } = require('../scripts/build-inline-sources.js');

const ALL = ['GeneratorPrototype', 'linkGenerator', 'resumeGenerator', 'resumeDelegate', 'getIterator', 'iteratorNext', 'closeIterator'];

// Lowered code as the compiler emits it for inline output, plus its native twin.
const PROGRAM = `
$coro.linkGenerator(count, count$Frame);
function count(n) { return new count$Frame(n); }
function count$Frame(n) { this.$state = 0; this.$step = count$step; this.n = n; this.i = undefined; }
function count$step($frame, $state, $mode, $value) {
  $frame.$state = -1;
  if ($mode === 1) throw $value;
  if ($mode === 2) { $frame.$state = -2; return { value: $value, done: true }; }
  for (;;) switch ($state) {
    case 0: $frame.i = 0;
    case 1: if (!($frame.i < $frame.n)) { $frame.$state = -2; return { value: void 0, done: true }; }
            $frame.$state = 2; return { value: $frame.i, done: false };
    case 2: $frame.i++; $state = 1; continue;
  }
}
$coro.linkGenerator(twice, twice$Frame);
function twice(n) { return new twice$Frame(n); }
function twice$Frame(n) { this.$state = 0; this.$step = twice$step; this.n = n; this.$iterator = undefined; this.$next = undefined; }
function twice$step($frame, $state, $mode, $value) {
  var $innerResult;
  $frame.$state = -1;
  for (;;) switch ($state) {
    case 0: case 2:
      $frame.$iterator = $coro.getIterator(count($frame.n));
      $frame.$next = $frame.$iterator.next;
      $mode = 0; $value = undefined; $state++;
    case 1: case 3:
      $innerResult = $coro.resumeDelegate($frame.$iterator, $frame.$next, $mode, $value);
      if (!$innerResult.done) { $frame.$state = -3 - $state; return $innerResult; }
      if ($mode === 2) { $frame.$state = -2; return { value: $innerResult.value, done: true }; }
      if ($state === 1) { $state = 2; continue; }
      $frame.$state = -2; return { value: 'end', done: true };
  }
}
function* nativeCount(n) { for (let i = 0; i < n; i++) yield i; }
function* nativeTwice(n) { yield* nativeCount(n); yield* nativeCount(n); return 'end'; }
function results(generator) { var out = []; for (var r = generator.next(); out.push(r), !r.done; r = generator.next()); return JSON.stringify(out); }
`;

function runInFreshContext(code: string) {
  const context = vm.createContext({});
  vm.runInContext(code, context);
  return context as any;
}

describe('inlineRuntime', () => {
  test('runs a lowered generator with yield* in a fresh context, like the native one', () => {
    const context = runInFreshContext(inlineRuntime(['linkGenerator', 'getIterator', 'resumeDelegate'], '$coro') + PROGRAM);
    expect(vm.runInContext('results(twice(2))', context)).toBe(vm.runInContext('results(nativeTwice(2))', context));
    expect(JSON.parse(vm.runInContext('results(twice(2))', context)).map((r: any) => r.value)).toEqual([0, 1, 0, 1, 'end']);
    expect(vm.runInContext('Object.prototype.toString.call(count(1))', context)).toBe('[object Generator]');
    expect(vm.runInContext('typeof count(1).return', context)).toBe('function');
  });

  test('builds the prototype chain on the context\'s own %IteratorPrototype%', () => {
    const context = runInFreshContext(inlineRuntime(['linkGenerator'], '$coro') + PROGRAM);
    expect(vm.runInContext(
      'Object.getPrototypeOf(Object.getPrototypeOf(count.prototype)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))',
      context,
    )).toBe(true);
    expect(vm.runInContext('Object.getPrototypeOf(count.prototype)', context)).not.toBe(runtime.GeneratorPrototype);
  });

  test('contains only the requested exports and what they depend on', () => {
    const fragment = inlineRuntime(['getIterator'], '$coro');
    expect(fragment).toContain('function getIterator(');
    expect(fragment).not.toContain('function resumeDelegate(');
    expect(fragment).not.toContain('resumeGenerator');
    expect(fragment).not.toContain('GeneratorPrototype');
    const context = runInFreshContext(fragment);
    expect(Object.keys(context.$coro)).toEqual(['getIterator']);
    expect(vm.runInContext('$coro.getIterator([7]).next().value', context)).toBe(7);
    expect(() => vm.runInContext('$coro.getIterator(5)', context)).toThrow('5 is not iterable');
  });

  test('exposes every requested export and works for all of them', () => {
    const context = runInFreshContext(inlineRuntime(ALL, '__runtime'));
    expect(Object.keys(context.__runtime)).toEqual([...ALL].sort());
    for (const name of ALL) expect(typeof context.__runtime[name]).toBe(typeof (runtime as any)[name]);
  });

  test('is deterministic: the same names in any order or repeated give the same text', () => {
    const text = inlineRuntime(['linkGenerator', 'getIterator'], '$coro');
    expect(inlineRuntime(['getIterator', 'linkGenerator', 'getIterator'], '$coro')).toBe(text);
    expect(text.startsWith('var $coro = (function () {\n"use strict";\n')).toBe(true);
    expect(text.endsWith('return { getIterator: getIterator, linkGenerator: linkGenerator };\n})();\n')).toBe(true);
  });

  test('is ES5 and strict, and binds nothing but the binding', () => {
    const fragment = inlineRuntime(ALL, '$coro');
    const file = ts.createSourceFile('fragment.js', fragment, ts.ScriptTarget.ES5, true, ts.ScriptKind.JS);
    expect((file as any).parseDiagnostics).toEqual([]);
    expect(findNonEs5Syntax(file).map((node: ts.Node) => node.getText())).toEqual([]);
    expect(file.statements).toHaveLength(1);
    const context = runInFreshContext(fragment);
    expect(Object.keys(context)).toEqual(['$coro']);
  });

  test('takes the globals it reads that the file declares too from globalThis, not from the file', () => {
    const fragment = inlineRuntime([...ALL, 'asyncStarted'], '$coro', ['Promise', 'Symbol', 'unrelated']);
    expect(fragment.startsWith('var $coro = (function (Promise, Symbol) {\n')).toBe(true);
    expect(fragment.endsWith('})(globalThis.Promise, globalThis.Symbol);\n')).toBe(true);
    // The file's own `Promise` is in its dead zone when the fragment runs, and `Symbol` is not the engine's.
    const context = runInFreshContext(`${fragment}const Promise = 1; var Symbol = {};\n${PROGRAM}`);
    expect(vm.runInContext('results(twice(2))', context)).toBe(vm.runInContext('results(nativeTwice(2))', context));
    expect(vm.runInContext('typeof $coro.asyncStarted(1).then', context)).toBe('function');
    expect(inlineRuntime(['getIterator'], '$coro', ['Promise', 'unrelated']).startsWith('var $coro = (function () {\n')).toBe(true);
  });

  test('is not part of the main entry, which holds only what lowered code calls', () => {
    expect(runtime).not.toHaveProperty('inlineRuntime');
  });

  test('rejects unknown exports and bindings that are not identifiers', () => {
    expect(() => inlineRuntime(['inlineRuntime'], '$coro')).toThrow('no export "inlineRuntime"');
    expect(() => inlineRuntime(['resumeDelegation'], '$coro')).toThrow('no export "resumeDelegation"');
    expect(() => inlineRuntime(['getIterator'], 'not valid')).toThrow('not an identifier');
  });
});
