/**
 * The command line itself: --help, --version, and usage errors (exit code 2,
 * a message on stderr, nothing written).
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertCliBuilt, coro, listFiles, makeWorkspace, REPO, removeWorkspace } from './workspace';

let workspace: string;

beforeAll(assertCliBuilt);
beforeEach(() => {
  workspace = makeWorkspace(
    {
      'src/a.js': 'function* g() { yield 1; }\n',
      'src/b.ts': 'function* h(): Generator<number> { yield 2; }\n',
      'notes.txt': 'not code\n',
    },
    { linkRuntime: false },
  );
});
afterEach(() => removeWorkspace(workspace));

test('--help and -h print the usage and exit 0', () => {
  for (const args of [['--help'], ['-h']]) {
    const result = coro(args, workspace);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: coro <command> \[options\]/);
    expect(result.stdout).toContain('transpile <file|dir> --out-dir <dir>');
  }
});

test('transpile --help describes its options and exits 0', () => {
  const result = coro(['transpile', '--help'], workspace);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^Usage: coro transpile <file\|dir> --out-dir <dir> \[options\]/);
  for (const option of ['--out-dir <dir>', '--runtime <how>', 'import', 'require', 'inline']) {
    expect(result.stdout).toContain(option);
  }
});

test('--version and -v print the package version', () => {
  const { version } = JSON.parse(readFileSync(join(REPO, 'packages/cli/package.json'), 'utf8')) as { version: string };
  for (const args of [['--version'], ['-v']]) {
    const result = coro(args, workspace);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`coro ${version}\n`);
  }
});

test.each([
  ['no arguments', [], /Usage: coro <command>/],
  ['an unknown command', ['compile', 'src'], /unknown command 'compile'/],
  ['no input', ['transpile', '--out-dir', 'out'], /missing <file\|dir>/],
  ['no --out-dir', ['transpile', 'src'], /missing --out-dir/],
  ['--out-dir without a value', ['transpile', 'src', '--out-dir'], /'--out-dir' needs a value/],
  ['an unknown option', ['transpile', 'src', '-d', 'out', '--watch-all'], /unknown option '--watch-all'/],
  ['a bad --runtime', ['transpile', 'src', '-d', 'out', '--runtime', 'esm'], /--runtime must be one of import, require, inline/],
  ['two inputs', ['transpile', 'src', 'lib', '-d', 'out'], /expected one <file\|dir>, got 2/],
  ['a missing input', ['transpile', 'nowhere', '-d', 'out'], /cannot find 'nowhere'/],
  ['a file that is not JavaScript or TypeScript', ['transpile', 'notes.txt', '-d', 'out'], /is not a .* file or a directory/],
  ['the input directory as out dir', ['transpile', 'src', '-d', 'src'], /overwrite its own inputs/],
  ['the same directory spelled differently', ['transpile', 'src', '-d', './src/../src/'], /overwrite its own inputs/],
  ['an output that is its own input', ['transpile', 'src/a.js', '-d', 'src'], /which is an input/],
  ['a file as out dir', ['transpile', 'src', '-d', 'src/a.js'], /exists and is not a directory/],
])('%s: exit 2, a message on stderr, nothing written', (_name, args, message) => {
  const before = listFiles(workspace);

  const result = coro(args, workspace);

  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stdout).toBe('');
  expect(listFiles(workspace)).toEqual(before);
});

test('two inputs that map to the same output are refused before anything is written', () => {
  writeFileSync(join(workspace, 'src/b.js'), 'function* k() {}\n');

  const result = coro(['transpile', 'src', '-d', 'out'], workspace);

  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/src\/b\.js and src\/b\.ts would both be written to out\/b\.js/);
  expect(listFiles(join(workspace, 'out'))).toEqual([]);
});
