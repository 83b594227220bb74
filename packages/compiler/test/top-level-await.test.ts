/**
 * Top-level `await` in a module: the module is no function coro can lower,
 * so it stays as it is, with a warning that names where it stands; async
 * functions around it are still lowered. In a script it is an error.
 */
import { transform } from '../src';

const MODULE = `const config = await load();
async function load() { return { ok: await Promise.resolve(true) }; }
for await (const x of [1]) console.log(x);
export { config };
`;

test('top-level await in a module stays, with one warning per await', () => {
  const result = transform(MODULE, { filename: 'main.mjs', runtime: 'import' });
  const warnings = result.diagnostics.filter((d) => d.category === 'warning');
  expect(result.diagnostics.filter((d) => d.category === 'error')).toEqual([]);
  expect(warnings.map((d) => [d.code, d.line, d.column])).toEqual([
    [1006, 1, 16],
    [1006, 3, 1],
  ]);
  expect(warnings[0].message).toMatch(/top-level 'await' is left as it is/);
  expect(result.code).toContain('const config = await load();');
  expect(result.code).toContain('for await (const x of [1]) console.log(x);');
  expect(result.code).toContain('$coro.asyncStarted(load$step(new load$Frame(), 0, 0, void 0))');
});

test('a module with only top-level await is returned unchanged', () => {
  const source = 'export const value = await Promise.resolve(1);\n';
  const result = transform(source, { filename: 'only.mjs', runtime: 'import' });
  expect(result.code).toBe(source);
  expect(result.diagnostics.map((d) => d.category)).toEqual(['warning']);
});

test('top-level await in a script is an error and produces no code', () => {
  const result = transform('await 1;\n', { filename: 'script.js', runtime: 'require', sourceType: 'script' });
  expect(result.code).toBe('');
  expect(result.diagnostics.map((d) => [d.category, d.line, d.column])).toEqual([['error', 1, 1]]);
});

test('a module without import or export still reads a top-level await before ( [ or a template as the operator', () => {
  const source = 'var b;\nfor await (b of [await ``]) await (b);\nawait [1];\n';
  const result = transform(source, { filename: 'plain.mjs', runtime: 'import' });
  expect(result.diagnostics.map((d) => [d.category, d.code, d.line, d.column])).toEqual([
    ['warning', 1006, 2, 1],
    ['warning', 1006, 2, 18],
    ['warning', 1006, 2, 29],
    ['warning', 1006, 3, 1],
  ]);
  expect(result.code).toBe(source);
});
