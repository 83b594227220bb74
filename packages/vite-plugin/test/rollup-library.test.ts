/**
 * examples/rollup-library built by the real `rollup -c`: an ES module and a
 * CommonJS build with @coro/runtime left external, each used by a script
 * run with node, which resolves the runtime's matching build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIBRARY_CJS_CONSUMER_PRINTS, LIBRARY_ESM_CONSUMER_PRINTS } from './example-outputs';
import { assertBuilt, copyExample, listFiles, node, removeProject, rollup, type Run } from './harness';
import { nativeGenerators } from './native-generators';

let project: string;
let build: Run;

beforeAll(async () => {
  assertBuilt();
  project = copyExample('rollup-library');
  build = await rollup(['-c'], project);
});

afterAll(() => removeProject(project));

test('rollup -c writes both builds with their source maps', () => {
  expect(build.status).toBe(0);
  expect(build.stderr).toMatch(/created dist\/index\.mjs, dist\/index\.cjs/);
  expect(listFiles(join(project, 'dist'))).toEqual(['index.cjs', 'index.cjs.map', 'index.mjs', 'index.mjs.map']);
});

test('no generator is left, and the runtime stays an import of @coro/runtime', () => {
  const esm = readFileSync(join(project, 'dist/index.mjs'), 'utf8');
  const cjs = readFileSync(join(project, 'dist/index.cjs'), 'utf8');

  expect(nativeGenerators(esm)).toEqual([]);
  expect(nativeGenerators(cjs)).toEqual([]);
  expect(esm).toMatch(/^import \* as \$coro from '@coro\/runtime';$/m);
  expect(cjs).toMatch(/require\('@coro\/runtime'\)/);
  expect(esm).not.toMatch(/function resumeGenerator/);
});

test('the ES module consumer prints what the library\'s sources print', async () => {
  const run = await node(['consumer/main.mjs'], project);

  expect(run.stderr).toBe('');
  expect(run.stdout.split('\n')).toEqual([...LIBRARY_ESM_CONSUMER_PRINTS, '']);
});

test('the CommonJS consumer prints what the library\'s sources print', async () => {
  const run = await node(['consumer/main.cjs'], project);

  expect(run.stderr).toBe('');
  expect(run.stdout.split('\n')).toEqual([...LIBRARY_CJS_CONSUMER_PRINTS, '']);
});
