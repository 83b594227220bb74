import { deriveSuspending } from '../src/derivation';
import { runDerived } from '../src/derived-run';
import type { TestCase } from '../src/execution';
import { readFrontMatter } from '../src/front-matter';
import { openSuite } from '../src/suite';

function testCase(code: string, flags: string[] = []): TestCase {
  const source = `/*---\nflags: [${flags.join(', ')}]\n---*/\n${code}`;
  return { path: 'derived/example.js', file: '/derived/example.js', source, frontMatter: readFrontMatter(source) };
}

function body(derived: TestCase | undefined): string {
  const source = derived!.source;
  return source.slice(source.indexOf('---*/\n') + 6, source.lastIndexOf('\n})'));
}

describe('deriveSuspending', () => {
  it('wraps reads of names and this outside nested functions, and nothing that is not a read', () => {
    const code = [
      'var x = y + this.z;',
      'x = f(a.b, ...rest);',
      '[p, q.r] = list;',
      '({ s, t = u } = o);',
      'typeof w; delete v.k; n++;',
      'new C(d)[e];',
      'label: for (k in m) break label;',
      'function g(h) { return h + i; }',
      'class K extends B { [k1]() { k2; } static [k3] = k4; }; ({ get [k5]() { return k6; } });',
    ].join('\n');
    expect(body(deriveSuspending(testCase(code), 'generator', 1))).toBe(
      [
        'var x = (yield, y) + (yield, this).z;',
        'x = f((yield, a).b, ...(yield, rest));',
        '[p, (yield, q).r] = (yield, list);',
        '({ s, t = (yield, u) } = (yield, o));',
        'typeof w; delete (yield, v).k; n++;',
        'new (yield, C)((yield, d))[(yield, e)];',
        'label: for (k in (yield, m)) break label;',
        'function g(h) { return h + i; }',
        'class K extends (yield, B) { [(yield, k1)]() { k2; } static [(yield, k3)] = k4; }; ({ get [(yield, k5)]() { return k6; } });',
      ].join('\n'),
    );
  });

  it('wraps every n-th read, and awaits in an async body that ends the test with $DONE', () => {
    const derived = deriveSuspending(testCase('a(b, c, d, e);'), 'async', 2)!;
    expect(body(derived)).toBe('a((await null, b), c, (await null, d), e);');
    expect(derived.source.startsWith('(async function () {\n')).toBe(true);
    expect(derived.source.endsWith('})().then(function () { $DONE(); }, $DONE);\n')).toBe(true);
    expect(derived.frontMatter.flags).toEqual(['async']);
  });

  it('leaves the end of an async test to its own $DONE calls, reporting only a throw from the async body', () => {
    const derived = deriveSuspending(testCase('p.then($DONE, $DONE);', ['async']), 'async', 1)!;
    expect(body(derived)).toBe(';(await null, p).then((await null, $DONE), (await null, $DONE));');
    expect(derived.source.endsWith('})().then(undefined, $DONE);\n')).toBe(true);
    expect(derived.frontMatter.flags).toEqual(['async']);
  });

  it('awaits in the bodies of async functions, arrows and methods when asked, and derives nothing when they read nothing', () => {
    const code = [
      'x; async function f(a = d) { return g(b); }',
      'var h = async () => c, k = async function* () { yield e; };',
      'class K { async [m]() { n; } p() { q; } }',
      'function r() { s; }',
    ].join('\n');
    expect(body(deriveSuspending(testCase(code), 'generator', 1))).toBe(
      [';(yield, x); async function f(a = d) { return g(b); }', 'var h = async () => c, k = async function* () { yield e; };', 'class K { async [(yield, m)]() { n; } p() { q; } }', 'function r() { s; }'].join('\n'),
    );
    expect(body(deriveSuspending(testCase(code), 'generator', 1, true))).toBe(
      [
        ';(yield, x); async function f(a = d) { return g((await null, b)); }',
        'var h = async () => (await null, c), k = async function* () { yield (await null, e); };',
        'class K { async [(yield, m)]() { ;(await null, n); } p() { q; } }',
        'function r() { s; }',
      ].join('\n'),
    );
    expect(deriveSuspending(testCase('x; function f() { y; }'), 'async', 1, true)).toBeUndefined();
  });

  it('begins a statement that begins with a wrapped read with an empty one, where the statement before may lack its semicolon', () => {
    expect(body(deriveSuspending(testCase('f()\nx.y()\nif (c) z.v()\n{ w }'), 'async', 1))).toBe(
      'f()\n;(await null, x).y()\nif ((await null, c)) (await null, z).v()\n{ ;(await null, w) }',
    );
  });

  it('runs a generator body to its end', () => {
    const derived = deriveSuspending(testCase('x;'), 'generator', 1)!;
    expect(derived.source.startsWith('var $derived = (function* () {\n')).toBe(true);
    expect(derived.source.endsWith('})();\nfor (var $step = $derived.next(); !$step.done; $step = $derived.next()) {}\n')).toBe(true);
  });

  it('derives nothing from a test without reads or one that does not parse', () => {
    expect(deriveSuspending(testCase('1 + 2;'), 'generator', 1)).toBeUndefined();
    expect(deriveSuspending(testCase('var = ;'), 'generator', 1)).toBeUndefined();
  });
});

describe('runDerived', () => {
  const suite = openSuite();

  it.each(['generator', 'async'] as const)('finds no mismatch in the conditional operator tests derived as %s bodies', async (kind) => {
    const report = await runDerived(suite, { directories: ['language/expressions/conditional'], kind });
    expect(report.tests).toBeGreaterThan(20);
    expect(report.nativePasses).toBeGreaterThan(30);
    expect(report.mismatches).toEqual([]);
  });

  it('holds the lowered run of a derived test that throws natively to the same throw', async () => {
    // Awaiting at each read reorders the promise jobs that these tests log and compare.
    const report = await runDerived(suite, { directories: ['language/expressions/await/async-await-interleaved.js', 'language/expressions/await/await-non-promise.js'], kind: 'async' });
    expect(report.nativeThrows).toBeGreaterThan(2);
    expect(report.mismatches).toEqual([]);
  });

  it('holds no derived test to a native throw where Node fails the test as written', async () => {
    // Node 20 does not close the sync iterator on a rejected value (a later specification does), coro does.
    const report = await runDerived(suite, { directories: ['built-ins/AsyncFromSyncIteratorPrototype/next/for-await-next-rejected-promise-close.js'], kind: 'async' });
    expect(report.derived).toBeGreaterThan(0);
    expect(report.mismatches).toEqual([]);
  });

  it('counts a suspending with body as a documented refusal, not a mismatch', async () => {
    const report = await runDerived(suite, { directories: ['language/statements/with/S12.10_A1.1_T1.js'], kind: 'generator' });
    expect(report.nativePasses).toBeGreaterThan(0);
    expect(report.documentedRefusals).toBe(report.nativePasses);
    expect(report.mismatches).toEqual([]);
  });
});
