import { transform } from '@coro/compiler';
import { findLeftoverSuspension } from '../src/leftover-suspension';

describe('leftover suspension check', () => {
  it.each([
    ['function* g() {}', 'generator function at 1:1'],
    ['var g = function* () {};', 'generator function at 1:9'],
    ['var o = { *m() {} };', 'generator method at 1:11'],
    ['class C { static async *m() {} }', 'async generator method at 1:11'],
    ['async function f() {}', 'async function at 1:1'],
    ['var f = async () => 1;', 'async arrow function at 1:9'],
    ['var f = async x => x;', 'async arrow function at 1:9'],
  ])('finds %s', (code, found) => {
    expect(findLeftoverSuspension(code, 'script')).toBe(found);
  });

  it('finds for await and await at the top level of a module', () => {
    expect(findLeftoverSuspension('export {};\nfor await (const x of y) {}', 'module')).toBe('top-level for await at 2:1');
    expect(findLeftoverSuspension('export {};\nawait 1;', 'module')).toBe('top-level await at 2:1');
    expect(findLeftoverSuspension('var x = 1;\nawait (x);', 'module')).toBe('top-level await at 2:1');
  });

  it('says when a suspend function sits in a parameter list', () => {
    expect(findLeftoverSuspension('function f([g = function* () {}]) {}', 'script')).toBe('generator function in a parameter list at 1:17');
    expect(findLeftoverSuspension('function f(g = async () => { await 1; }) {}', 'script')).toBe('async arrow function in a parameter list at 1:16');
  });

  it('accepts lowered-looking code and the identifiers yield, await and async in sloppy scripts', () => {
    const code = [
      'function g() { return new g$Frame(); }',
      'var yield = 1, await = 2, async = function () {};',
      'async(yield, await);',
      'var o = { async: 1, get yield() { return 2; } };',
      'x = a * b;',
    ].join('\n');
    expect(findLeftoverSuspension(code, 'script')).toBeUndefined();
  });

  describe('with the inline runtime in the code', () => {
    const lowered = transform('"use strict";\nfunction* g() { yield 1; }\n', { runtime: 'inline', sourceType: 'script', sourceMap: false }).code;
    const runtimeStart = lowered.indexOf('var $coro = (function () {');
    const runtimeEnd = lowered.indexOf('})();\n', runtimeStart) + '})();\n'.length;
    const lineOf = (offset: number): number => lowered.slice(0, offset).split('\n').length;

    it('finds nothing in a lowering, and what follows the runtime at its own line and column', () => {
      expect(runtimeStart).toBeGreaterThan(0);
      expect(findLeftoverSuspension(lowered, 'script')).toBeUndefined();
      expect(findLeftoverSuspension(`${lowered}var k = async () => 1;\n`, 'script')).toBe(`async arrow function at ${lineOf(lowered.length)}:9`);
      const before = lowered.slice(0, runtimeStart) + 'var h = function* () {};\n' + lowered.slice(runtimeStart);
      expect(findLeftoverSuspension(before, 'script')).toBe(`generator function at ${lineOf(runtimeStart)}:9`);
    });

    it('reads a block that is not exactly the runtime like the rest of the code', () => {
      const returnLine = lowered.lastIndexOf('\nreturn {', runtimeEnd) + 1;
      const tampered = lowered.slice(0, returnLine) + 'function* sneaked() {}\n' + lowered.slice(returnLine);
      expect(findLeftoverSuspension(tampered, 'script')).toBe(`generator function at ${lineOf(returnLine)}:1`);
    });
  });
});
