/**
 * `--source-maps none|inline|file`: where the map goes, what its `sources`
 * say, and that positions in the output lead back to the original file,
 * TypeScript included (through the type-stripping step). Node's own source
 * map support (`--enable-source-maps`, `module.SourceMap`) reads the maps,
 * as a user's tools would.
 */

import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { assertCliBuilt, coro, listFiles, makeWorkspace, node, removeWorkspace } from './workspace';

/** The line numbers matter: the tests look for them in stack traces. */
const MAIN_TS = [
  "import { fail } from './lib/fail.js';", // 1
  '',
  'interface Options { readonly limit: number }',
  '',
  'function* numbers(options: Options): Generator<number> {', // 5
  '  for (let n = 0; n < options.limit; n++) yield n;',
  '}',
  '',
  'const total: number = [...numbers({ limit: 4 })].reduce((a, b) => a + b, 0);',
  'console.log(total);', // 10
  'fail(total);',
  '',
].join('\n');

const FAIL_TS = ['export function fail(value: number): never {', '  throw new Error(`failed with ${value}`);', '}', ''].join('\n');

const MODULE_PACKAGE = '{ "type": "module" }\n';

const PLAIN_JS = 'const answer = 42;\n\nfunction show(value) {\n  throw new Error("plain " + value);\n}\nshow(answer);\n';

let workspace: string | undefined;

beforeAll(assertCliBuilt);
afterEach(() => removeWorkspace(workspace));

function mapOf(path: string): { sources: string[]; sourcesContent: string[]; file?: string; mappings: string } {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Where `needle` in the generated file leads, through the map, as 1-based line and column. */
function originalOf(code: string, map: object, needle: string): { source: string; line: number; column: number } {
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes(needle));
  if (line < 0) throw new Error(`'${needle}' is not in the output`);
  const entry = new SourceMap(map as never).findEntry(line, lines[line].indexOf(needle)) as {
    originalSource: string;
    originalLine: number;
    originalColumn: number;
  };
  return { source: entry.originalSource, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}

test('none (the default): no map, no comment', () => {
  workspace = makeWorkspace({ 'src/main.ts': MAIN_TS, 'src/lib/fail.ts': FAIL_TS });

  expect(coro(['transpile', 'src', '-d', 'out'], workspace).status).toBe(0);

  expect(listFiles(join(workspace, 'out'))).toEqual(['lib/fail.js', 'main.js']);
  expect(readFileSync(join(workspace, 'out/main.js'), 'utf8')).not.toContain('sourceMappingURL');
});

test('file: x.js.map beside x.js, linked by a comment, sources relative to the output, with their content', () => {
  workspace = makeWorkspace({ 'src/main.ts': MAIN_TS, 'src/lib/fail.ts': FAIL_TS });

  const result = coro(['transpile', 'src', '-d', 'build/out', '--source-maps', 'file'], workspace);

  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'build/out'))).toEqual(['lib/fail.js', 'lib/fail.js.map', 'main.js', 'main.js.map']);
  const code = readFileSync(join(workspace, 'build/out/lib/fail.js'), 'utf8');
  expect(code.endsWith('\n//# sourceMappingURL=fail.js.map\n')).toBe(true);
  const map = mapOf(join(workspace, 'build/out/lib/fail.js.map'));
  expect(map.file).toBe('fail.js');
  expect(map.sources).toEqual(['../../../src/lib/fail.ts']);
  expect(map.sourcesContent).toEqual([FAIL_TS]);
});

test('TypeScript maps chain through the type stripping: positions lead to the .ts source as written', () => {
  workspace = makeWorkspace({ 'src/main.ts': MAIN_TS, 'src/lib/fail.ts': FAIL_TS });
  expect(coro(['transpile', 'src', '-d', 'out', '-s', 'file'], workspace).status).toBe(0);

  const main = readFileSync(join(workspace, 'out/main.js'), 'utf8');
  const mainMap = mapOf(join(workspace, 'out/main.js.map'));
  // Code after the types were removed, on lines whose columns moved.
  expect(originalOf(main, mainMap, 'console.log(total)')).toEqual({ source: expect.stringMatching(/src\/main\.ts$/), line: 10, column: 1 });
  expect(originalOf(main, mainMap, 'reduce(')).toEqual(expect.objectContaining({ line: 9, column: 'const total: number = [...numbers({ limit: 4 })].'.length + 1 }));
  expect(originalOf(main, mainMap, 'fail(total)')).toEqual(expect.objectContaining({ line: 11, column: 1 }));

  const fail = readFileSync(join(workspace, 'out/lib/fail.js'), 'utf8');
  expect(originalOf(fail, mapOf(join(workspace, 'out/lib/fail.js.map')), 'throw new Error')).toEqual(
    expect.objectContaining({ line: 2, column: 3 }),
  );
});

test('node --enable-source-maps reports an error thrown in lowered TypeScript at its .ts lines', () => {
  workspace = makeWorkspace({ 'package.json': MODULE_PACKAGE, 'src/main.ts': MAIN_TS, 'src/lib/fail.ts': FAIL_TS });
  expect(coro(['transpile', 'src', '-d', 'out', '-s', 'file'], workspace).status).toBe(0);

  const run = node('out/main.js', workspace, ['--enable-source-maps']);

  expect(run.status).toBe(1);
  expect(run.stdout).toBe('6\n');
  expect(run.stderr).toMatch(/Error: failed with 6\n\s+at fail \(.*src\/lib\/fail\.ts:2:9\)\n\s+at .*src\/main\.ts:11:1/);
});

test('inline: the map is a data: URL in the output and leads to the original source', () => {
  workspace = makeWorkspace({ 'package.json': MODULE_PACKAGE, 'src/main.ts': MAIN_TS, 'src/lib/fail.ts': FAIL_TS });

  const result = coro(['transpile', 'src', '-d', 'out', '--source-maps', 'inline'], workspace);

  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'out'))).toEqual(['lib/fail.js', 'main.js']);
  const code = readFileSync(join(workspace, 'out/lib/fail.js'), 'utf8');
  const url = /\n\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,([A-Za-z0-9+/=]+)\n$/.exec(code);
  expect(url).not.toBeNull();
  const map = JSON.parse(Buffer.from(url?.[1] ?? '', 'base64').toString('utf8'));
  expect(map.sources).toEqual(['../../src/lib/fail.ts']);
  expect(originalOf(code, map, 'throw new Error')).toEqual(expect.objectContaining({ line: 2, column: 3 }));
  expect(node('out/main.js', workspace, ['--enable-source-maps']).stderr).toMatch(/at fail \(.*src\/lib\/fail\.ts:2:9\)/);
});

test('a JavaScript file without generators gets a map too, every token mapped to itself', () => {
  workspace = makeWorkspace({ 'src/plain.js': PLAIN_JS });

  expect(coro(['transpile', 'src', '-d', 'out', '-s', 'file'], workspace).status).toBe(0);

  const code = readFileSync(join(workspace, 'out/plain.js'), 'utf8');
  expect(code).toBe(`${PLAIN_JS}//# sourceMappingURL=plain.js.map\n`);
  const map = mapOf(join(workspace, 'out/plain.js.map'));
  expect(originalOf(code, map, 'throw new Error')).toEqual({ source: expect.stringMatching(/src\/plain\.js$/), line: 4, column: 3 });
  expect(originalOf(code, map, '"plain "')).toEqual(expect.objectContaining({ line: 4, column: 19 }));
  expect(node('out/plain.js', workspace, ['--enable-source-maps']).stderr).toMatch(/at show \(.*src\/plain\.js:4:9\)/);
});

test('an error thrown inside a lowered JavaScript generator is reported at its original line and column', () => {
  const source = 'function* count() {\n  yield 1;\n  throw new Error("in the generator");\n}\nconst it = count();\nit.next();\nit.next();\n';
  workspace = makeWorkspace({ 'count.js': source });

  expect(coro(['transpile', 'count.js', '-d', 'out', '-s', 'file', '--runtime', 'require'], workspace).status).toBe(0);

  const run = node('out/count.js', workspace, ['--enable-source-maps']);
  expect(run.stderr).toMatch(/Error: in the generator\n\s+at \S+ \(.*count\.js:3:9\)/);
  expect(run.stderr).toMatch(/at Object\.<anonymous> \(.*count\.js:7:4\)/);
});

test('standard input with inline maps: the source is --filename, relative to the working directory', () => {
  workspace = makeWorkspace({});

  const result = coro(['transpile', '-f', 'src/lib/fail.ts', '-s', 'inline'], workspace, { input: FAIL_TS });

  expect(result.status).toBe(0);
  const url = /\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,(\S+)\n$/.exec(result.stdout);
  const map = JSON.parse(Buffer.from(url?.[1] ?? '', 'base64').toString('utf8'));
  expect(map.sources).toEqual(['src/lib/fail.ts']);
  expect(map.sourcesContent).toEqual([FAIL_TS]);
});

test('standard input to --out-file with a map file: the map is beside the out file', () => {
  workspace = makeWorkspace({});

  const result = coro(['transpile', '-', '-f', 'src/fail.ts', '-o', 'dist/fail.js', '-s', 'file'], workspace, { input: FAIL_TS });

  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'dist'))).toEqual(['fail.js', 'fail.js.map']);
  expect(mapOf(join(workspace, 'dist/fail.js.map')).sources).toEqual(['../src/fail.ts']);
});

test('a file with an error writes neither its code nor its map', () => {
  workspace = makeWorkspace({ 'src/bad.ts': 'function* g(): Generator<number> {\n  yield 2 +;\n}\n', 'src/good.ts': FAIL_TS });

  const result = coro(['transpile', 'src', '-d', 'out', '-s', 'file'], workspace);

  expect(result.status).toBe(1);
  expect(listFiles(join(workspace, 'out'))).toEqual(['good.js', 'good.js.map']);
});
