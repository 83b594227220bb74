/**
 * The `runtime` option in a real Rollup build: `'import'` (the default)
 * imports @coro/runtime, `'require'` requires it, `'inline'` writes the
 * helpers into the module so the bundle needs no runtime at all; `.cjs`
 * modules require it even under the default, as a script cannot import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';
import { rollup as coro } from '@coro/vite-plugin';
import { assertBuilt, makeProject, node, removeProject } from './harness';

const COUNTDOWN = 'function* countdown(n) {\n  while (n > 0) yield n--;\n}\nconsole.log([...countdown(3)].join(" "));\n';

let project: string | undefined;

beforeAll(assertBuilt);
afterEach(() => removeProject(project));

async function buildAndRun(files: Record<string, string>, input: RollupOptions, output: OutputOptions) {
  project = makeProject(files);
  const bundle = await rollup({ ...input, input: join(project, input.input as string) });
  await bundle.write({ ...output, file: join(project, output.file as string) });
  await bundle.close();
  return { code: readFileSync(join(project, output.file as string), 'utf8'), run: await node([output.file as string], project) };
}

test("'import' (the default): an ES module import of @coro/runtime, resolved by node at run time", async () => {
  const { code, run } = await buildAndRun(
    { 'src/main.js': COUNTDOWN },
    { input: 'src/main.js', external: ['@coro/runtime'], plugins: [coro()] },
    { file: 'out/main.js', format: 'es' },
  );

  expect(code).toMatch(/^import \* as \$coro from '@coro\/runtime';$/m);
  expect(run.stdout).toBe('3 2 1\n');
});

test("'require': a CommonJS require of @coro/runtime", async () => {
  const { code, run } = await buildAndRun(
    { 'src/main.js': COUNTDOWN },
    { input: 'src/main.js', external: ['@coro/runtime'], plugins: [coro({ runtime: 'require' })] },
    { file: 'out/main.cjs', format: 'cjs' },
  );

  expect(code).toMatch(/^var \$coro = require\("@coro\/runtime"\);$/m);
  expect(run.stdout).toBe('3 2 1\n');
});

test("'inline': the helpers are in the bundle, which neither imports nor requires a runtime", async () => {
  const { code, run } = await buildAndRun(
    { 'src/main.js': COUNTDOWN },
    { input: 'src/main.js', plugins: [coro({ runtime: 'inline' })] },
    { file: 'out/main.js', format: 'es' },
  );

  expect(code).not.toMatch(/(?:require\(|from|import\()\s*['"]@coro\/runtime/);
  expect(code).toMatch(/^var \$coro = \(function \(\) \{$/m);
  expect(run.stdout).toBe('3 2 1\n');
});

test('a .cjs module requires the runtime under the default, since a script cannot import', async () => {
  const { code, run } = await buildAndRun(
    { 'src/main.cjs': COUNTDOWN },
    { input: 'src/main.cjs', external: ['@coro/runtime'], plugins: [coro()] },
    { file: 'out/main.cjs', format: 'cjs' },
  );

  expect(code).toMatch(/^var \$coro = require\("@coro\/runtime"\);$/m);
  expect(run.stdout).toBe('3 2 1\n');
});
