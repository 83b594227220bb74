/**
 * `coro transpile` on a directory: the out dir gets one JavaScript file per
 * input, in the same layout, and running it prints what the native program
 * prints.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertCliBuilt, coro, listFiles, makeWorkspace, node, removeWorkspace, writeNativeCopy } from './workspace';

/** A CommonJS script: ranges, `yield*`, `finally` on an early exit, `throw()` into a generator. */
const GENERATORS_JS = `
function* range(start, end, step = 1) {
  for (let i = start; i < end; i += step) yield i;
}

function* flatten(items) {
  for (const item of items) {
    if (Array.isArray(item)) yield* flatten(item);
    else yield item;
  }
}

function* withCleanup(log) {
  try {
    yield 'first';
    yield 'second';
  } finally {
    log.push('cleanup');
  }
}

function* runningTotal() {
  let total = 0;
  for (;;) {
    try {
      total += yield total;
    } catch (error) {
      console.log('reset by', error.message);
      total = 0;
    }
  }
}

console.log([...range(0, 10, 3)]);
console.log([...flatten([1, [2, [3, [4]]], 5])]);

const log = [];
for (const value of withCleanup(log)) {
  log.push(value);
  break;
}
console.log(log);

const totals = runningTotal();
totals.next();
console.log(totals.next(5).value, totals.next(7).value);
console.log(totals.throw(new Error('oops')).value, totals.next(1).value);
console.log(Object.prototype.toString.call(range(0, 1)), range(0, 1)[Symbol.iterator]() !== undefined);
`;

/** A TypeScript script: typed generators, a generator method using \`this\`, an enum. */
const TREE_TS = `
interface TreeNode<T> {
  value: T;
  children: TreeNode<T>[];
}

function* walkNode<T>(node: TreeNode<T>, depth: number): Generator<[T, number]> {
  yield [node.value, depth];
  for (const child of node.children) yield* walkNode(child, depth + 1);
}

class Tree<T> {
  constructor(private readonly root: TreeNode<T>) {}

  *[Symbol.iterator](): Generator<[T, number]> {
    yield* walkNode(this.root, 0);
  }
}

enum Side { Left, Right }

const leaf = (value: string): TreeNode<string> => ({ value, children: [] });
const tree = new Tree<string>({ value: 'root', children: [{ value: 'a', children: [leaf('a1'), leaf('a2')] }, leaf('b')] });
for (const [value, depth] of tree) console.log('  '.repeat(depth) + value);
console.log(Side[Side.Right]);
`;

/** ES modules: an `.mjs` generator library imported by an `.mts` program. */
const NATURALS_MJS = `
export function* naturals() {
  let n = 1;
  for (;;) yield n++;
}

export function* take(count, iterable) {
  if (count <= 0) return;
  for (const value of iterable) {
    yield value;
    if (--count === 0) return;
  }
}
`;

const SQUARES_MTS = `
import { naturals, take } from './naturals.mjs';

function* squares(limit: number): Generator<number, string> {
  for (const n of naturals()) {
    if (n * n > limit) return 'stopped at ' + n;
    yield n * n;
  }
  return 'unreachable';
}

const it = squares(30);
const seen: number[] = [];
let step = it.next();
while (!step.done) {
  seen.push(step.value);
  step = it.next();
}
console.log(seen.join(' '), '|', step.value);
console.log([...take(3, naturals())]);
`;

let workspace: string | undefined;

beforeAll(assertCliBuilt);
afterEach(() => removeWorkspace(workspace));

function expectSameOutput(file: string, nativeDir: string, outDir: string, cwd: string): void {
  const native = node(join(nativeDir, file), cwd);
  expect(native.stderr).toBe('');
  expect(native.status).toBe(0);
  const lowered = node(join(outDir, file), cwd);
  expect(lowered.stderr).toBe('');
  expect(lowered.status).toBe(0);
  expect(lowered.stdout).toBe(native.stdout);
}

test('lowers a directory with --runtime require; the output runs like the native input', () => {
  workspace = makeWorkspace({
    'src/generators.js': GENERATORS_JS,
    'src/lib/tree.ts': TREE_TS,
    'src/lib/tree.d.ts': 'declare const ignored: number;\n',
    'src/node_modules/dependency/index.js': 'function* notMine() {}\n',
    'src/dist/old.js': 'function* alreadyBuilt() {}\n',
    'src/.cache/hidden.js': 'function* hidden() {}\n',
  });

  const result = coro(['transpile', 'src', '--out-dir', 'out', '--runtime', 'require'], workspace);

  expect(result.stdout).toBe('');
  expect(result.status).toBe(0);
  expect(result.stderr).toMatch(/^coro: lowered 2 files in \d+ ms\n$/);
  expect(listFiles(join(workspace, 'out'))).toEqual(['generators.js', 'lib/tree.js']);
  for (const file of ['generators.js', 'lib/tree.js']) {
    const code = readFileSync(join(workspace, 'out', file), 'utf8');
    expect(code).not.toMatch(/function\s*\*|\*\s*\[Symbol\.iterator\]/);
    expect(code).toContain('@coro/runtime');
  }
  expect(readFileSync(join(workspace, 'out/lib/tree.js'), 'utf8')).not.toMatch(/TreeNode|: number|private readonly/);

  writeNativeCopy(join(workspace, 'src'), join(workspace, 'native'));
  expectSameOutput('generators.js', 'native', 'out', workspace);
  expectSameOutput('lib/tree.js', 'native', 'out', workspace);
});

test('without --runtime, ES modules import the runtime and scripts require it; .mts becomes .mjs', () => {
  workspace = makeWorkspace({
    'src/naturals.mjs': NATURALS_MJS,
    'src/squares.mts': SQUARES_MTS,
    'src/generators.js': GENERATORS_JS,
  });

  const result = coro(['transpile', 'src', '-d', 'out'], workspace);

  expect(result.stderr).toMatch(/^coro: lowered 3 files in \d+ ms\n$/);
  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'out'))).toEqual(['generators.js', 'naturals.mjs', 'squares.mjs']);
  expect(readFileSync(join(workspace, 'out/squares.mjs'), 'utf8')).toMatch(/^import\b[^;]*['"]@coro\/runtime['"]/m);
  expect(readFileSync(join(workspace, 'out/generators.js'), 'utf8')).toMatch(/\brequire\(['"]@coro\/runtime['"]\)/);

  writeNativeCopy(join(workspace, 'src'), join(workspace, 'native'));
  expectSameOutput('squares.mjs', 'native', 'out', workspace);
  expectSameOutput('generators.js', 'native', 'out', workspace);
});

test('a TypeScript file written as CommonJS (import = require, export =) requires the runtime: TypeScript emits it as CommonJS', () => {
  const store = [
    "import path = require('path');",
    "import type { ParsedPath } from 'path';",
    'namespace Store {',
    '  export async function* walk(dir: string) { for (const name of ["a.txt", "b.txt"]) { await null; yield path.join(dir, name); } }',
    '}',
    'async function main() { const parts: ParsedPath[] = []; for await (const file of Store.walk("/d")) parts.push(path.parse(file)); console.log(parts.map((p) => p.base).join()); }',
    'main();',
    'export = Store;',
    '',
  ].join('\n');
  workspace = makeWorkspace({ 'src/store.ts': store });

  const result = coro(['transpile', 'src', '-d', 'out'], workspace);

  expect(result.status).toBe(0);
  const code = readFileSync(join(workspace, 'out/store.js'), 'utf8');
  expect(code).toMatch(/\brequire\(['"]@coro\/runtime['"]\)/);
  expect(code).toMatch(/^module\.exports = Store;$/m);
  writeNativeCopy(join(workspace, 'src'), join(workspace, 'native'));
  expectSameOutput('store.js', 'native', 'out', workspace);
});

test('--runtime inline output runs without @coro/runtime installed', () => {
  workspace = makeWorkspace({ 'src/generators.js': GENERATORS_JS }, { linkRuntime: false });

  const result = coro(['transpile', 'src/generators.js', '--out-dir', 'out', '--runtime', 'inline'], workspace);

  expect(result.stdout).toBe('');
  expect(result.status).toBe(0);
  expect(result.stderr).toMatch(/^coro: lowered 1 file in \d+ ms\n$/);
  const code = readFileSync(join(workspace, 'out/generators.js'), 'utf8');
  expect(code).not.toMatch(/function\s*\*/);
  expect(code).not.toMatch(/(?:require\(|from|import\()\s*['"]@coro\/runtime/);
  expectSameOutput('generators.js', 'src', 'out', workspace);
});

test('an out dir inside the input directory is not read back as input on the next run', () => {
  workspace = makeWorkspace({ 'src/generators.js': GENERATORS_JS });
  const args = ['transpile', 'src', '--out-dir', 'src/build', '--runtime', 'require'];
  expect(coro(args, workspace).status).toBe(0);
  const first = readFileSync(join(workspace, 'src/build/generators.js'), 'utf8');

  const again = coro(args, workspace);

  expect(again.status).toBe(0);
  expect(again.stderr).toMatch(/^coro: lowered 1 file in \d+ ms\n$/);
  expect(listFiles(join(workspace, 'src/build'))).toEqual(['generators.js']);
  expect(readFileSync(join(workspace, 'src/build/generators.js'), 'utf8')).toBe(first);
});

test('--dump-ir prints the IR of every lowered function, the golden of fixtures/ir, and writes nothing', () => {
  const fixture = join(__dirname, '../../../fixtures/ir/try-finally-yield');
  workspace = makeWorkspace({ 'g.js': readFileSync(join(fixture, 'input.js'), 'utf8') }, { linkRuntime: false });

  const result = coro(['transpile', 'g.js', '--dump-ir'], workspace);

  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toBe(readFileSync(join(fixture, 'ir.txt'), 'utf8'));
  expect(listFiles(workspace).sort()).toEqual(['g.js']);
});

test('--dump-ir with an output file is a usage error', () => {
  workspace = makeWorkspace({ 'g.js': 'function* g() { yield 1; }\n' }, { linkRuntime: false });

  const result = coro(['transpile', 'g.js', '--dump-ir', '--out-file', 'out.js'], workspace);

  expect(result.status).toBe(2);
  expect(result.stderr).toContain('--dump-ir prints to standard output');
  expect(listFiles(workspace)).toEqual(['g.js']);
});
