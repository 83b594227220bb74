/**
 * Code nested as deep as Node itself parses is lowered, and runs as natively:
 * TypeScript's parser and coro's passes recurse on the syntax tree, and what
 * the main thread's stack cannot hold is lowered on a thread with a large
 * one (large-stack.ts). Built code: the thread runs dist/transform-thread.js.
 */
import * as vm from 'vm';
import { transform } from '@coro/compiler';

/** What the program passes to `report`, once its promise jobs ran. */
async function run(code: string): Promise<unknown[]> {
  const reported: unknown[] = [];
  vm.runInNewContext(code, { report: (value: unknown) => reported.push(value) });
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  return reported;
}

const PROGRAMS: [string, string][] = [
  ['1,500 nested parentheses around an await', `async function f() { return ${'('.repeat(1500)}await 1${')'.repeat(1500)}; }\nf().then(report);`],
  ['2,000 nested array literals around a yield', `function* g() { yield ${'['.repeat(2000)}yield 1${']'.repeat(2000)}; }\nconst it = g(); it.next(); report(JSON.stringify(it.next(7).value).length);`],
  ['a sum of 25,000 terms after a yield', `function* g() { let x = yield; report(x${' + x'.repeat(25000)}); }\nconst it = g(); it.next(); it.next(2);`],
  ['a sum of 3,000 awaits', `async function f(x) { return x${' + await x'.repeat(3000)}; }\nf(1).then(report);`],
];

test.each(PROGRAMS)('%s is lowered and runs as natively', async (_name, source) => {
  const native = await run(source);
  expect(native).toHaveLength(1);
  const lowered = transform(source, { filename: 'deep.js', runtime: 'inline', sourceType: 'script' });
  expect(lowered.diagnostics).toEqual([]);
  expect(lowered.code).not.toMatch(/\bfunction\s*\*|\basync\s+function\b|\bawait\s+[\w([]|\byield\s+[\w([]/);
  expect(await run(lowered.code)).toEqual(native);
});

test('the result of a lowering on the large stack is a whole one: a source map that prints itself', () => {
  const source = `function* g() { yield ${'['.repeat(2000)}1${']'.repeat(2000)}; }`;
  const lowered = transform(source, { filename: 'deep.js', runtime: 'inline', sourceType: 'script' });
  const printed = JSON.parse(lowered.map!.toString());
  expect(printed).toMatchObject({ version: 3, sources: ['deep.js'] });
  expect(printed.mappings.length).toBeGreaterThan(0);
});
