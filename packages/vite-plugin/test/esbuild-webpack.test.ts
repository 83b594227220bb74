/**
 * The `esbuild` and `webpack` exports, unplugin's adapters of the plugin's
 * hook, in real builds run through each tool's API in a child process: the
 * bundle of a program with every kind of suspend function prints what the
 * same build without coro prints, and holds no generator; a module coro
 * refuses fails the build with the report the CLI prints (file:line:col and
 * a code frame, which neither tool draws from a plugin's position), and
 * never leaves the module's code unlowered in what webpack writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, inBatches, makeProject, node, removeProject, type Run } from './harness';
import { nativeGenerators } from './native-generators';

const PROGRAM = [
  'function* ids(start) {',
  '  for (let id = start; ; id++) yield id;',
  '}',
  '',
  'async function* batches(items, size) {',
  '  for (let at = 0; at < items.length; at += size) {',
  '    await null;',
  '    yield items.slice(at, at + size);',
  '  }',
  '}',
  '',
  'class Store {',
  '  #rows = new Map();',
  '  async save(rows) {',
  '    const next = ids(this.#rows.size + 1);',
  '    for await (const batch of batches(rows, 2)) {',
  '      for (const row of batch) this.#rows.set(next.next().value, row);',
  '    }',
  '    return this.#rows.size;',
  '  }',
  '  *entries() { yield* this.#rows; }',
  '}',
  '',
  'async function main() {',
  '  const store = new Store();',
  "  console.log('saved', await store.save(['a', 'b', 'c']));",
  '  for (const [id, row] of store.entries()) console.log(id, row);',
  '  try {',
  '    await Promise.reject(new Error(\'kept\'));',
  '  } catch (error) {',
  "    console.log('caught', error.message);",
  '  }',
  '}',
  '',
  'main();',
  '',
].join('\n');

/** A module coro refuses (a label declared twice), the error's place and its line as the frame shows it. */
const BAD = ['export function* g(list) {', '  for (const item of list) {', '    yield item;', '  }', '  label: label: for (;;) yield 2;', '}', ''].join('\n');
const BAD_HEADER = "src/bad.js:5:10 - error CORO1013: Label 'label' has already been declared";
const BAD_FRAME_LINE = '> 5 |   label: label: for (;;) yield 2;';

const ESBUILD_SCRIPT = `import * as esbuild from 'esbuild';
import { esbuild as coro } from '@coro/vite-plugin';
const [entry, outfile, withCoro] = process.argv.slice(2);
try {
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', logLevel: 'silent', plugins: withCoro === 'coro' ? [coro()] : [] });
} catch (failure) {
  for (const error of failure.errors) console.error(error.text);
  process.exitCode = 1;
}
`;

const WEBPACK_SCRIPT = `const webpack = require('webpack');
const { webpack: coro } = require('@coro/vite-plugin');
const [entry, filename, withCoro, mode] = process.argv.slice(2);
const config = { mode, target: 'node', devtool: false, entry, output: { path: __dirname + '/out', filename }, plugins: withCoro === 'coro' ? [coro()] : [] };
webpack(config, (error, stats) => {
  if (error) throw error;
  for (const problem of stats.toJson({ all: false, errors: true }).errors) console.error(problem.message);
  process.exitCode = stats.hasErrors() ? 1 : 0;
});
`;

let project: string;
const runs = new Map<string, Run>();

beforeAll(async () => {
  assertBuilt();
  project = makeProject({
    'package.json': '{ "type": "commonjs" }\n',
    'build-esbuild.mjs': ESBUILD_SCRIPT,
    'build-webpack.js': WEBPACK_SCRIPT,
    'src/main.js': PROGRAM,
    'src/bad.js': BAD,
  });
  const builds: [string, string[]][] = [
    ['esbuild native', ['build-esbuild.mjs', './src/main.js', 'out/esbuild-native.js', 'native']],
    ['esbuild coro', ['build-esbuild.mjs', './src/main.js', 'out/esbuild-coro.js', 'coro']],
    ['esbuild bad', ['build-esbuild.mjs', './src/bad.js', 'out/esbuild-bad.js', 'coro']],
    ['webpack native', ['build-webpack.js', './src/main.js', 'webpack-native.js', 'native', 'production']],
    ['webpack coro', ['build-webpack.js', './src/main.js', 'webpack-coro.js', 'coro', 'production']],
    ['webpack bad', ['build-webpack.js', './src/bad.js', 'webpack-bad.js', 'coro', 'production']],
    ['webpack bad development', ['build-webpack.js', './src/bad.js', 'webpack-bad-development.js', 'coro', 'development']],
  ];
  const built = await inBatches(builds.map(([, args]) => () => node(args, project)), 2);
  builds.forEach(([name], index) => runs.set(name, built[index]));
  for (const host of ['esbuild', 'webpack']) {
    for (const variant of ['native', 'coro']) runs.set(`${host} ${variant} output`, await node([`out/${host}-${variant}.js`], project));
  }
}, 180_000);

afterAll(() => removeProject(project));

describe.each(['esbuild', 'webpack'])('%s', (host) => {
  test('the build with coro succeeds and its bundle prints what the build without coro prints', () => {
    expect(runs.get(`${host} native`)).toMatchObject({ status: 0, stderr: '' });
    expect(runs.get(`${host} coro`)).toMatchObject({ status: 0, stderr: '' });
    const native = runs.get(`${host} native output`)!;
    expect(native.stdout).toBe(['saved 3', '1 a', '2 b', '3 c', 'caught kept', ''].join('\n'));
    expect(runs.get(`${host} coro output`)).toEqual(native);
  });

  test('no generator is left in the bundle built with coro, where the one without keeps them', () => {
    expect(nativeGenerators(readFileSync(join(project, `out/${host}-coro.js`), 'utf8'))).toEqual([]);
    expect(nativeGenerators(readFileSync(join(project, `out/${host}-native.js`), 'utf8')).length).toBeGreaterThan(0);
  });

  test('a module coro refuses fails the build with file:line:col and a code frame, and nothing is written', () => {
    const bad = runs.get(`${host} bad`)!;
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(BAD_HEADER);
    expect(bad.stderr).toContain(BAD_FRAME_LINE);
    expect(existsSync(join(project, `out/${host}-bad.js`))).toBe(false);
  });
});

test('webpack in development mode, which writes a bundle despite errors, writes the refused module as webpack\'s error, not as its source', () => {
  const bad = runs.get('webpack bad development')!;
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain(BAD_HEADER);
  // The error is coro's alone: webpack never parsed the module as written.
  expect(bad.stderr).not.toContain('Module parse failed');
  const bundle = readFileSync(join(project, 'out/webpack-bad-development.js'), 'utf8');
  expect(bundle).toContain('Module build failed');
  expect(nativeGenerators(bundle)).toEqual([]);
});
