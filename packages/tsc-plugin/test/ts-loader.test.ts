/**
 * `coroTransformer` in ts-loader's `getCustomTransformers`, as the README
 * configures it, in a real webpack build of a TypeScript project: the
 * bundle prints what the same build without coro prints and holds no
 * generator; a file coro refuses fails the build with the tsc-style report
 * (file:line:col, the code and a frame), and nothing is written.
 */
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { assertPluginBuilt, CONSOLE_DECLARATION, makeProject, node, read, REPO, removeProject, type Run } from './project';

const PROGRAM = [
  CONSOLE_DECLARATION,
  'interface Reading { readonly sensor: string; readonly value: number }',
  '',
  'function* readings(sensors: readonly string[]): Generator<Reading> {',
  '  let tick = 0;',
  '  for (const sensor of sensors) yield { sensor, value: ++tick * 10 };',
  '}',
  '',
  'class Averager<T extends Reading> {',
  '  #sum = 0;',
  '  #count = 0;',
  '  async add(batch: Iterable<T>): Promise<number> {',
  '    for (const reading of batch) {',
  '      this.#sum += await Promise.resolve(reading.value);',
  '      this.#count++;',
  '    }',
  '    return this.#sum / this.#count;',
  '  }',
  '}',
  '',
  'async function main(): Promise<void> {',
  '  const averager = new Averager<Reading>();',
  "  console.log('average', await averager.add(readings(['a', 'b', 'c'])));",
  "  console.log('lowered', !String(readings).includes('yield'));",
  '}',
  '',
  'main();',
  '',
].join('\n');

/** TypeScript that coro refuses: an `await` in an enum member's initializer, which TypeScript evaluates in a function of its own. */
const BAD = ['export async function level(): Promise<number> {', '  enum Level { Low = await Promise.resolve(1) }', '  return Level.Low;', '}', ''].join('\n');

/** The config the README shows, for an entry and an output, with coro among ts-loader's transformers or not. */
const WEBPACK_CONFIG = `const { coroTransformer } = require('@coro/tsc-plugin');
module.exports = (entry, filename, withCoro) => ({
  mode: 'production',
  target: 'node',
  devtool: false,
  entry,
  output: { path: __dirname + '/dist', filename },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{
      test: /\\.ts$/,
      loader: 'ts-loader',
      options: {
        onlyCompileBundledFiles: true,
        getCustomTransformers: (program) => ({
          before: withCoro ? [coroTransformer(program, { runtime: 'require' }, { ts: require('typescript') })] : [],
        }),
      },
    }],
  },
});
`;

const BUILD_SCRIPT = `const webpack = require('webpack');
const [entry, filename, withCoro] = process.argv.slice(2);
webpack(require('./webpack.config.js')(entry, filename, withCoro === 'coro'), (error, stats) => {
  if (error) { console.error(error.message); process.exitCode = 2; return; }
  for (const problem of stats.toJson({ all: false, errors: true }).errors) console.error(problem.message);
  process.exitCode = stats.hasErrors() ? 1 : 0;
});
`;

let project: string;
const builds = new Map<string, Run>();

function build(entry: string, out: string, withCoro: boolean): Run {
  return node(['build.js', entry, out, withCoro ? 'coro' : 'native'], project);
}

beforeAll(() => {
  assertPluginBuilt();
  project = makeProject(
    { 'webpack.config.js': WEBPACK_CONFIG, 'build.js': BUILD_SCRIPT, 'src/main.ts': PROGRAM, 'src/bad.ts': BAD },
    { compilerOptions: { sourceMap: false, declaration: false } },
  );
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  for (const name of ['webpack', 'ts-loader', 'typescript']) symlinkSync(join(REPO, 'node_modules', name), join(project, 'node_modules', name), 'dir');
  builds.set('native', build('./src/main.ts', 'native.js', false));
  builds.set('coro', build('./src/main.ts', 'coro.js', true));
  builds.set('bad', build('./src/bad.ts', 'bad.js', true));
}, 240_000);

afterAll(() => removeProject(project));

/** The generator functions left in built code. */
function generatorsIn(code: string): number {
  let count = 0;
  const visit = (child: ts.Node): void => {
    if (ts.isFunctionLike(child) && (child as ts.FunctionLikeDeclaration).asteriskToken !== undefined) count++;
    ts.forEachChild(child, visit);
  };
  visit(ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
  return count;
}

test('the build with coro succeeds, and its bundle prints what the build without coro prints', () => {
  expect(builds.get('native')).toMatchObject({ status: 0, stderr: '' });
  expect(builds.get('coro')).toMatchObject({ status: 0, stderr: '' });
  const native = node(['dist/native.js'], project);
  const lowered = node(['dist/coro.js'], project);
  expect(native).toEqual({ status: 0, stdout: 'average 20\nlowered false\n', stderr: '' });
  expect(lowered).toEqual({ ...native, stdout: native.stdout.replace('lowered false', 'lowered true') });
});

test('the bundle built with coro holds no generator, where the one without does', () => {
  expect(generatorsIn(read(project, 'dist/coro.js'))).toBe(0);
  expect(generatorsIn(read(project, 'dist/native.js'))).toBeGreaterThan(0);
});

test('a file coro refuses fails the build with the place, the code and a frame, and nothing is written', () => {
  const bad = builds.get('bad')!;
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toContain("src/bad.ts:2:3 - error TS991002: coro: a suspension point in an enum member's initializer is not supported");
  expect(bad.stderr).toContain('2   enum Level { Low = await Promise.resolve(1) }');
  expect(existsSync(join(project, 'dist/bad.js'))).toBe(false);
});
