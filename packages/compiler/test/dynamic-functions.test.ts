/**
 * `@coro/compiler/dynamic-functions` (src/dynamic-functions.ts): lowered
 * programs that make suspend functions from source text run as they do
 * natively, once the compiler is installed in their realm; and the source
 * texts CreateDynamicFunction refuses are refused.
 */
import vm from 'node:vm';
import { transform } from '../src';
import { compileDynamicFunction, installDynamicFunctions } from '../src/dynamic-functions';

/** Runs `program` in a fresh realm, natively or lowered with coro's compiler installed; resolves with what it logged. */
async function run(program: string, lowered: boolean): Promise<string[]> {
  const log: string[] = [];
  const context = vm.createContext({ log: (...values: unknown[]) => log.push(values.map(String).join(' ')) });
  // The program runs in an async function of its own, and leaves a promise as the script's value.
  let code = `(async () => {\n${program}\n})();`;
  if (lowered) {
    const result = transform(code, { filename: 'program.js', runtime: 'inline', sourceType: 'script', sourceMap: false });
    expect(result.diagnostics).toEqual([]);
    code = result.code;
    installDynamicFunctions(vm.runInContext('globalThis', context));
  }
  await vm.runInContext(code, context);
  return log;
}

async function expectSameAsNative(program: string): Promise<void> {
  const native = await run(program, false);
  expect(native.length).toBeGreaterThan(0);
  expect(await run(program, true)).toEqual(native);
}

const CONSTRUCTORS = `
var GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
var AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
var AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
`;

describe('functions made by the constructors in lowered code', () => {
  test('a generator function: parameters, body, length, name, prototype chains, yield*', () =>
    expectSameAsNative(`${CONSTRUCTORS}
      var g = new GeneratorFunction('a', 'b = 10', 'yield a; yield* [b, b + 1]; return arguments.length;');
      log(g.name, g.length, g instanceof GeneratorFunction, Object.getPrototypeOf(g) === GeneratorFunction.prototype);
      log(Object.getPrototypeOf(g.prototype) === GeneratorFunction.prototype.prototype, Object.getPrototypeOf(g(1)) === g.prototype);
      var it = g(1);
      log(JSON.stringify([it.next(), it.next(), it.next(), it.next(), it.next()]));
      log(Object.getOwnPropertyNames(g.prototype).length, 'prototype' in GeneratorFunction('yield 1'));
    `));

  test('an async function and an async generator, called and constructed', () =>
    expectSameAsNative(`${CONSTRUCTORS}
      var f = AsyncFunction('x', 'return (await x) * 2;');
      log(f.name, f.length, f instanceof AsyncFunction, await f(Promise.resolve(21)));
      var ag = new AsyncGeneratorFunction('n', 'for (var i = 0; i < n; i++) yield await i;');
      var seen = [];
      for await (var v of ag(3)) seen.push(v);
      log(ag.name, ag.length, ag instanceof AsyncGeneratorFunction, seen.join());
      log(Object.getPrototypeOf(ag.prototype) === AsyncGeneratorFunction.prototype.prototype);
    `));

  test('the function sees the global scope only, is sloppy unless its body says otherwise, binds no "anonymous"', () =>
    expectSameAsNative(`${CONSTRUCTORS}
      globalThis.outer = 'global';
      (function () {
        var outer = 'local';
        var g = GeneratorFunction('yield outer; yield typeof anonymous; yield this === globalThis;');
        log([...g()].join());
        log([...GeneratorFunction('"use strict"; yield this;')()].join());
      })();
    `));

  test('a subclass of GeneratorFunction makes functions that inherit its prototype', () =>
    expectSameAsNative(`${CONSTRUCTORS}
      class Sub extends GeneratorFunction {}
      var g = new Sub('yield 7;');
      log(Object.getPrototypeOf(g) === Sub.prototype, g instanceof GeneratorFunction, g().next().value);
    `));

  test('source text that is no function is a SyntaxError of the realm', () =>
    expectSameAsNative(`${CONSTRUCTORS}
      var texts = [['/*', '*/){'], ['a) {}, function* (b', ''], ['', '}); (function* () {'], ['x = yield', ''], ['import.meta'], ['await 1'], ['a', 'a', '"use strict";']];
      for (var args of texts) {
        try { GeneratorFunction.apply(null, args); log('made', args.join('|')); }
        catch (e) { log(e instanceof SyntaxError, args.join('|')); }
      }
      try { AsyncFunction('await', ''); } catch (e) { log(e instanceof SyntaxError); }
      var comments = GeneratorFunction('a /* x */', 'b //', 'yield a + b; //');
      log([...comments(1, 2)].join());
    `));
});

describe('compileDynamicFunction', () => {
  test('returns a script body that ends by returning the function', () => {
    const compiled = compileDynamicFunction('generator', 'a', 'yield a;');
    expect('code' in compiled && compiled.code).toMatch(/\nreturn \$function;\n$/);
  });

  test('the binding that returns the function is no name the source text uses', () => {
    const compiled = compileDynamicFunction('generator', '', 'yield typeof $function;');
    expect('code' in compiled && compiled.code).toMatch(/\nreturn \$function1;\n$/);
  });

  test('code coro cannot lower is refused with its diagnostic', () => {
    expect(compileDynamicFunction('generator', 'o', 'with (o) { yield x; }')).toEqual({ refused: expect.stringMatching(/CORO\d+\)$/) });
  });
});
