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
});
