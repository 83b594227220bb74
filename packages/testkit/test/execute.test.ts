import * as fs from 'fs';
import { execute } from '@coro/testkit';

describe('execute', () => {
  test('records each console.log call as one line, arguments joined by spaces', () => {
    const result = execute(`console.log('a', 1, true); console.log(); console.log('b')`);
    expect(result).toEqual({ trace: ['a 1 true', '', 'b'], outcome: 'completed', truncated: false });
  });

  test('formats primitives deterministically', () => {
    const { trace } = execute(`console.log(-0, 0, NaN, 10n, null, undefined, Symbol('s'), Symbol(), ['x', "y'"])`);
    expect(trace).toEqual([`-0 0 NaN 10n null undefined Symbol(s) Symbol() [ "x", "y'" ]`]);
  });

  test('formats sandbox objects without depending on their realm', () => {
    const { trace } = execute(`
      class Point { constructor() { this.x = 1; this.y = [2, , 3]; } }
      console.log({ a: 1, 'b c': 'x', [Symbol('k')]: 2 }, new Point(), Object.create(null));
      console.log(new Map([[1, 'one']]), new Set(['s']), (function () { return arguments; })(1, 2));
      console.log({ a: { b: { c: { d: { e: 1 } } } } });
      const o = {}; o.self = o; console.log(o);
    `);
    expect(trace).toEqual([
      '{ a: 1, "b c": "x", [Symbol(k)]: 2 } Point { x: 1, y: [ 2, <empty>, 3 ] } [Object: null prototype] {}',
      'Map(1) { 1 => "one" } Set(1) { "s" } [Arguments] [ 1, 2 ]',
      '{ a: { b: { c: { d: [Object] } } } }',
      '{ self: [Circular] }',
    ]);
  });

  test('never runs a getter while printing', () => {
    const { trace } = execute(`console.log({ get boom() { throw new Error('ran') }, set only(v) {} })`);
    expect(trace).toEqual(['{ boom: [Getter], only: [Setter] }']);
  });

  test('prints functions by name only, generator or not, and errors without a stack', () => {
    const { trace } = execute(`
      console.log(function f() {}, function* g() {}, () => {}, class K {});
      console.log(new RangeError('r'), [new TypeError('t')]);
    `);
    expect(trace).toEqual([
      '[Function: f] [Function: g] [Function (anonymous)] [Function: K]',
      '[RangeError: r] [ [TypeError: t] ]',
    ]);
  });

  test('prints objects with a toStringTag by tag only: their own keys are internals', () => {
    const { trace } = execute(`
      function* g() {}
      console.log(g(), [][Symbol.iterator](), { [Symbol.toStringTag]: 'Custom', secret: 1 });
    `);
    expect(trace).toEqual(['[object Generator] [object Array Iterator] [object Custom]']);
  });

  test('ends the trace with the uncaught exception', () => {
    const result = execute(`console.log('before'); class MyError extends Error {} throw new MyError('boom');`);
    expect(result.trace).toEqual(['before', 'uncaught MyError: boom']);
    expect(result.error).toBe('uncaught MyError: boom');
    expect(result.outcome).toBe('uncaught');
  });

  test('describes thrown non-errors and engine errors', () => {
    expect(execute(`throw 42`).trace).toEqual(['uncaught 42']);
    expect(execute(`throw { code: 1 }`).trace).toEqual(['uncaught { code: 1 }']);
    expect(execute(`null.x`).trace).toEqual([`uncaught TypeError: Cannot read properties of null (reading 'x')`]);
  });

  test('reports a syntax error as an uncaught SyntaxError', () => {
    const result = execute(`console.log(1); function (`, { filename: 'broken.js' });
    expect(result.outcome).toBe('uncaught');
    expect(result.trace).toHaveLength(1);
    expect(result.trace[0]).toMatch(/^uncaught SyntaxError: /);
  });

  test('stops an endless loop with a timeout', () => {
    const result = execute(`console.log('start'); for (;;) {}`, { timeoutMs: 100 });
    expect(result.trace).toEqual(['start', 'timeout after 100 ms']);
    expect(result.outcome).toBe('timeout');
    expect(result.error).toBe('timeout after 100 ms');
  });

  test('a program cannot pass its own exception off as a timeout', () => {
    const result = execute(`throw Object.assign(new Error('x'), { code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' })`, {
      timeoutMs: 1000,
    });
    expect(result.outcome).toBe('uncaught');
  });

  test('cuts a trace that grows without end, and still stops the loop', () => {
    const result = execute(`for (;;) console.log('x')`, { timeoutMs: 200, maxTraceLines: 3 });
    expect(result.trace).toEqual(['x', 'x', 'x', 'trace truncated after 3 lines', 'timeout after 200 ms']);
    expect(result.truncated).toBe(true);
  });

  test('runs queued promise jobs before returning', () => {
    expect(execute(`Promise.resolve().then(() => console.log('job')); console.log('sync')`).trace).toEqual([
      'sync',
      'job',
    ]);
  });

  test('gives every run a fresh context', () => {
    execute(`globalThis.leak = 1; Array.prototype.polluted = true`);
    expect(execute(`console.log(typeof leak, [].polluted)`).trace).toEqual(['undefined undefined']);
  });

  test('require throws for anything but @coro/runtime, with the sandbox Error', () => {
    const { trace } = execute(`
      try { require('fs') } catch (e) { console.log(e instanceof Error, e.message) }
      try { require('@coro/runtime/extra') } catch (e) { console.log(e.constructor.name) }
    `);
    expect(trace).toEqual([`true Cannot find module 'fs' (a sandbox may only require '@coro/runtime' and '@coro/compiler/dynamic-functions')`, 'Error']);
  });

  const runtimeBuilt = isRuntimeBuilt();
  (runtimeBuilt ? test : test.skip)('require(@coro/runtime) loads the built runtime inside the sandbox realm', () => {
    const probe = `
      const runtime = require('@coro/runtime');
      const fn = Object.values(runtime).find((v) => typeof v === 'function');
      console.log(runtime === require('@coro/runtime'), typeof fn, fn instanceof Function);
    `;
    expect(execute(probe).trace).toEqual(['true function true']);
    expect(execute(probe, { runtimeRealm: 'host' }).trace).toEqual(['true function false']);
  });
});

function isRuntimeBuilt(): boolean {
  try {
    return fs.existsSync(require.resolve('@coro/runtime'));
  } catch {
    return false;
  }
}
