/**
 * The plugin as a ts-jest AST transformer, in a real `jest` child process on
 * a tiny project, with both of ts-jest's compilers: the language service
 * (type-checking) and `isolatedModules` (transpileModule). ts-jest's own
 * `jest.mock` hoisting runs before any AST transformer and reorders the
 * file's statements in place; the mock must still come first.
 */

import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { assertPluginBuilt, makeProject, node, REPO, removeProject } from './project';

let project: string | undefined;

beforeAll(assertPluginBuilt);
afterEach(() => removeProject(project));

const JEST = join(REPO, 'node_modules/jest/bin/jest.js');

const transformFor = (isolatedModules: boolean) => ({
  '^.+\\.ts$': [
    'ts-jest',
    {
      tsconfig: { target: 'es2022', module: 'commonjs', strict: true, types: [], lib: ['es2022'], isolatedModules },
      diagnostics: false,
      astTransformers: { before: [{ path: '@coro/tsc-plugin/ts-jest', options: { runtime: 'require', evalAndWith: 'refuse' } }] },
    },
  ],
});

const JEST_CONFIG = {
  projects: [
    { displayName: 'language-service', testEnvironment: 'node', transform: transformFor(false) },
    { displayName: 'isolated-modules', testEnvironment: 'node', transform: transformFor(true) },
  ],
};

const LOWERED_TEST = [
  'declare const test: (name: string, body: () => void) => void;',
  'declare const expect: (value: unknown) => { toEqual(expected: unknown): void; not: { toMatch(pattern: RegExp): void } };',
  'function* fibonacci(): Generator<number> {',
  '  let [a, b] = [0, 1];',
  '  for (;;) { yield a; [a, b] = [b, a + b]; }',
  '}',
  "test('a lowered generator', () => {",
  '  const first: number[] = [];',
  '  for (const n of fibonacci()) { if (first.length === 6) break; first.push(n); }',
  '  expect(first).toEqual([0, 1, 1, 2, 3, 5]);',
  '  expect(String(fibonacci)).not.toMatch(/function\\s*\\*/);',
  '});',
  '',
].join('\n');

const MOCKED_TEST = [
  'declare const jest: { mock(path: string, factory: () => unknown): void };',
  'declare const test: (name: string, body: () => Promise<void>) => void;',
  'declare const expect: (value: unknown) => { toEqual(expected: unknown): void };',
  "import { value } from './dep';",
  "jest.mock('./dep', () => ({ value: 'mocked' }));",
  'function* values(): Generator<string> { yield value; }',
  "test('jest.mock stays hoisted above the import', async () => {",
  '  await Promise.resolve();',
  "  expect([...values()]).toEqual(['mocked']);",
  '});',
  '',
].join('\n');

const BAD_TEST = [
  'declare const test: (name: string, body: () => void) => void;',
  'function* evaluate(code: string) {',
  '  yield 1;',
  '  eval(code);',
  '}',
  "test('never runs', () => { evaluate('1'); });",
  '',
].join('\n');

test('test files are lowered by both compilers; a file coro refuses fails with file:line:col and a code frame', () => {
  project = makeProject({
    'src/lowered.test.ts': LOWERED_TEST,
    'src/dep.ts': "export const value: string = 'real';\n",
    'src/mocked.test.ts': MOCKED_TEST,
    'src/bad.test.ts': BAD_TEST,
    'jest.config.json': JSON.stringify(JEST_CONFIG),
  });
  symlinkSync(join(REPO, 'node_modules/ts-jest'), join(project, 'node_modules/ts-jest'), 'dir');

  const run = node([JEST, '--ci', '--config', 'jest.config.json', '--cacheDirectory', join(project, '.jest-cache'), '--colors=false'], project);

  expect(run.status).toBe(1);
  const report = run.stderr;
  for (const compiler of ['language-service', 'isolated-modules']) {
    expect(report).toContain(`PASS ${compiler} src/lowered.test.ts`);
    expect(report).toContain(`PASS ${compiler} src/mocked.test.ts`);
    expect(report).toContain(`FAIL ${compiler} src/bad.test.ts`);
  }
  expect(report.match(/CoroDiagnosticsError: coro cannot lower this code:/g)).toHaveLength(2);
  expect(report.match(/src\/bad\.test\.ts:4:3 - error TS991003: coro: direct eval is not lowered inside a generator: the option evalAndWith is 'refuse'/g)).toHaveLength(2);
  expect(report).toContain('4   eval(code);');
  expect(report).toMatch(/Tests: +4 passed, 4 total/);
});
