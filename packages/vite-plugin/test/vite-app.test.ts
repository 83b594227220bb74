/**
 * examples/vite-app built by the real `vite build`: the page's script runs
 * and prints what the native program prints, no generator is left in it,
 * and its source map leads back to the app's TypeScript. The app and its
 * vite.config.ts type-check with the plugin's published types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { VITE_APP_PRINTS } from './example-outputs';
import { assertBuilt, buildProblems, copyExample, listFiles, removeProject, runPage, vite, type Run } from './harness';
import { nativeGenerators } from './native-generators';

let project: string;
let build: Run;
let chunk: string;

beforeAll(async () => {
  assertBuilt();
  project = copyExample('vite-app');
  build = await vite(['build'], project);
  const script = listFiles(join(project, 'dist')).find((file) => /^assets\/index-[\w-]+\.js$/.test(file));
  chunk = script === undefined ? '' : join(project, 'dist', script);
});

afterAll(() => removeProject(project));

test('vite build succeeds and writes the page, its script and the script\'s source map', () => {
  expect(buildProblems(build.stderr)).toBe('');
  expect(build.status).toBe(0);
  expect(listFiles(join(project, 'dist'))).toEqual([
    expect.stringMatching(/^assets\/index-[\w-]+\.js$/),
    expect.stringMatching(/^assets\/index-[\w-]+\.js\.map$/),
    'index.html',
  ]);
});

test('the built page prints what the native program prints', async () => {
  const page = await runPage(chunk, project);

  expect(page.stderr).toBe('');
  expect(page.stdout.split('\n')).toEqual([...VITE_APP_PRINTS, '']);
});

test('every generator of the app is lowered: none is left in the bundle', () => {
  const code = readFileSync(chunk, 'utf8');

  expect(nativeGenerators(code)).toEqual([]);
  // The lowered machines are there, stepping frames through the bundled runtime.
  expect(code).toContain('$state');
});

test('the bundle names the app\'s files from the project root in its `at async` lines, never by a path of the machine it was built on', () => {
  const code = readFileSync(chunk, 'utf8');

  // The minifier may write the string with any quotes.
  expect(code).toMatch(/["'`]src\/countdown\.ts["'`]/);
  expect(code).not.toContain(project);
});

test('the source map of the bundle leads back to the app\'s TypeScript files', () => {
  const map = JSON.parse(readFileSync(`${chunk}.map`, 'utf8')) as { sources: string[]; sourcesContent: string[] };
  const appSources = map.sources.filter((source) => source.startsWith('../../src/')).sort();

  expect(appSources).toEqual(['../../src/countdown.ts', '../../src/main.ts', '../../src/sensor.ts', '../../src/sequences.ts', '../../src/tree.ts']);
  const sequences = map.sourcesContent[map.sources.indexOf('../../src/sequences.ts')];
  expect(sequences).toBe(readFileSync(join(project, 'src/sequences.ts'), 'utf8'));
});

test('the app and its vite.config.ts type-check against the plugin\'s and Vite\'s types', () => {
  const config = ts.getParsedCommandLineOfConfigFile(join(project, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  expect(config?.fileNames).toContain(join(project, 'vite.config.ts'));

  const program = ts.createProgram(config?.fileNames ?? [], config?.options ?? {});
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));

  expect(problems).toEqual([]);
});
