/**
 * Where `coro transpile` writes: one file to standard output or to
 * --out-file, standard input (piped, or named `-`) to standard output or to
 * --out-file, and what is left on disk when something fails.
 */

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertCliBuilt, coro, listFiles, makeWorkspace, node, removeWorkspace } from './workspace';

const RANGE_JS = 'function* range(n) {\n  for (let i = 0; i < n; i++) yield i;\n}\nconsole.log([...range(3)].join(" "));\n';
const RANGE_TS = 'function* range(n: number): Generator<number> {\n  for (let i = 0; i < n; i++) yield i;\n}\nconsole.log([...range(3)].join(" "));\n';
const BAD_JS = 'function* g() {\n  yield 2 +;\n}\n';

let workspace: string | undefined;

beforeAll(assertCliBuilt);
afterEach(() => removeWorkspace(workspace));

test('one file without --out-dir or --out-file: the lowered code on standard output, nothing else', () => {
  workspace = makeWorkspace({ 'range.js': RANGE_JS });

  const result = coro(['transpile', 'range.js', '--runtime', 'require'], workspace);

  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/^var \$coro = require\("@coro\/runtime"\);/);
  writeFileSync(join(workspace, 'piped.js'), result.stdout);
  expect(node('piped.js', workspace).stdout).toBe('0 1 2\n');
  expect(listFiles(workspace).filter((file) => !file.startsWith('node_modules'))).toEqual(['piped.js', 'range.js']);
});

test('--out-file writes one file where it is told, creating its directory, and says so on stderr', () => {
  workspace = makeWorkspace({ 'src/range.ts': RANGE_TS });

  const result = coro(['transpile', 'src/range.ts', '--out-file', 'build/bin/range.cjs'], workspace);

  expect(result.status).toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^coro: lowered 1 file in \d+ ms\n$/);
  expect(readFileSync(join(workspace, 'build/bin/range.cjs'), 'utf8')).not.toMatch(/function\*|: number/);
  expect(node('build/bin/range.cjs', workspace).stdout).toBe('0 1 2\n');
});

test('piped standard input, named by --filename: TypeScript in, JavaScript out on standard output', () => {
  workspace = makeWorkspace({ 'package.json': '{ "type": "commonjs" }\n' });

  const result = coro(['transpile', '--filename', 'src/range.ts'], workspace, { input: RANGE_TS });

  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  expect(result.stdout).not.toMatch(/function\*|: number/);
  expect(result.stdout).toMatch(/require\("@coro\/runtime"\)/);
  writeFileSync(join(workspace, 'out.js'), result.stdout);
  expect(node('out.js', workspace).stdout).toBe('0 1 2\n');
});

test("'-' reads standard input into --out-file; without --filename it is <stdin>, and ES module syntax makes it a module", () => {
  workspace = makeWorkspace({});
  const moduleSource = 'export function* one() { yield 1; }\nconsole.log([...one()]);\n';

  const result = coro(['transpile', '-', '-o', 'out/one.mjs'], workspace, { input: moduleSource });

  expect(result.status).toBe(0);
  expect(readFileSync(join(workspace, 'out/one.mjs'), 'utf8')).toMatch(/^import \* as \$coro from "@coro\/runtime";/);
  expect(node('out/one.mjs', workspace).stdout).toBe('[ 1 ]\n');
});

test('an error in standard input: the diagnostic names --filename, nothing on standard output, exit 1', () => {
  workspace = makeWorkspace({});

  const result = coro(['transpile', '-f', 'src/bad.js'], workspace, { input: BAD_JS });

  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^src\/bad\.js:2:12 - error CORO1001: Expression expected\.\n\n {2}1 \| function\* g\(\) \{\n> 2 \| {3}yield 2 \+;\n/);
});

test('an error in standard input without --filename is reported against <stdin>', () => {
  workspace = makeWorkspace({});

  const result = coro(['transpile', '-'], workspace, { input: BAD_JS });

  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^<stdin>:2:12 - error CORO1001: /);
});

test('an error in the file for --out-file leaves the existing out file as it was', () => {
  workspace = makeWorkspace({ 'bad.js': BAD_JS, 'out.js': 'previous build\n' });

  const result = coro(['transpile', 'bad.js', '-o', 'out.js'], workspace);

  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/coro: lowered 0 files in \d+ ms; 1 file with errors not written\n$/);
  expect(readFileSync(join(workspace, 'out.js'), 'utf8')).toBe('previous build\n');
});

test('an output that cannot be put in place is an error of that file: the others are written, its map is not, no temporary file is left', () => {
  workspace = makeWorkspace({ 'src/a.js': RANGE_JS, 'src/b.js': RANGE_JS });
  // A directory where out/b.js should go: the temporary files are written, the rename onto it fails.
  mkdirSync(join(workspace, 'out/b.js'), { recursive: true });

  const result = coro(['transpile', 'src', '-d', 'out', '--source-maps', 'file'], workspace);

  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^out\/b\.js - error: cannot write: .*EISDIR/m);
  expect(result.stderr).toMatch(/coro: lowered 1 file in \d+ ms; 1 file with errors not written\n$/);
  expect(readdirSync(join(workspace, 'out')).sort()).toEqual(['a.js', 'a.js.map', 'b.js']);
  expect(readdirSync(join(workspace, 'out/b.js'))).toEqual([]);
});
