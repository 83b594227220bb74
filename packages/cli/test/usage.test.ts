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
    expect(result.stdout).toContain('transpile <file|dir|glob>... --out-dir <dir>');
    expect(result.stdout).toContain('transpile [-] [--filename <name>] < in.js > out.js');
  }
});

test('transpile --help describes every option and exits 0', () => {
  const result = coro(['transpile', '--help'], workspace);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^Usage: coro transpile <file\|dir\|glob>\.\.\. --out-dir <dir> \[options\]/);
  const options = [
    '-d, --out-dir <dir>',
    '-o, --out-file <file>',
    '-f, --filename <name>',
    '-s, --source-maps <how>',
    '--runtime <how>',
    '--module <format>',
    '--eval-and-with <how>',
    '-x, --extensions <list>',
    '--ignore <glob>',
    '-D, --copy-files',
    '-w, --watch',
    '-h, --help',
  ];
  for (const option of options) expect(result.stdout).toContain(option);
  for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThan(80);
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
  ['no input', ['transpile', '--out-dir', 'out'], /missing <file\|dir\|glob>/],
  ['no --out-dir for a directory', ['transpile', 'src'], /missing --out-dir <dir>: only a single file can be written to standard output/],
  ['no --out-dir for two files', ['transpile', 'src/a.js', 'src/b.ts'], /missing --out-dir <dir>/],
  ['--out-dir without a value', ['transpile', 'src', '--out-dir'], /'--out-dir' needs a value/],
  ['--out-dir given twice', ['transpile', 'src', '-d', 'out', '-d', 'out2'], /'-d' is given more than once/],
  ['an unknown option', ['transpile', 'src', '-d', 'out', '--watch-all'], /unknown option '--watch-all'/],
  ['a bad --runtime', ['transpile', 'src', '-d', 'out', '--runtime', 'esm'], /--runtime must be one of import, require, inline/],
  ['a bad --eval-and-with', ['transpile', 'src', '-d', 'out', '--eval-and-with', 'allow'], /--eval-and-with must be one of lower, refuse/],
  ['a bad --source-maps', ['transpile', 'src', '-d', 'out', '--source-maps', 'both'], /--source-maps must be one of inline, file, none/],
  ['an empty --extensions', ['transpile', 'src', '-d', 'out', '--extensions', ' , '], /--extensions needs at least one extension/],
  ['--out-dir with --out-file', ['transpile', 'src/a.js', '-d', 'out', '-o', 'a.js'], /--out-dir and --out-file cannot be used together/],
  ['--out-file for two inputs', ['transpile', 'src/a.js', 'src/b.ts', '-o', 'a.js'], /--out-file takes one input file, got 2/],
  ['--out-file for a directory', ['transpile', 'src', '-o', 'a.js'], /--out-file takes one input file, not 'src'/],
  ['--out-file on a directory', ['transpile', 'src/a.js', '-o', 'src'], /--out-file 'src' is a directory/],
  ['--out-file on its own input', ['transpile', 'src/a.js', '-o', './src/a.js'], /which is an input; choose another --out-file/],
  ['--copy-files without --out-dir', ['transpile', 'src/a.js', '-o', 'a.js', '--copy-files'], /--copy-files needs --out-dir/],
  ['--watch to standard output', ['transpile', 'src/a.js', '--watch'], /--watch needs --out-dir <dir> or --out-file <file>/],
  ['a map file for standard output', ['transpile', 'src/a.js', '--source-maps', 'file'], /--source-maps file needs --out-dir or --out-file/],
  ['--filename without standard input', ['transpile', 'src/a.js', '-f', 'x.js'], /--filename names standard input/],
  ['standard input with --out-dir', ['transpile', '-', '-d', 'out'], /standard input is written to standard output or to --out-file/],
  ['standard input mixed with files', ['transpile', '-', 'src/a.js'], /'-' \(standard input\) cannot be mixed with other inputs/],
  ['standard input with --watch', ['transpile', '--watch', '-o', 'a.js'], /missing <file\|dir\|glob>/],
  ['--out-file on --filename', ['transpile', '-', '-f', 'src/a.js', '-o', 'src/a.js'], /is --filename, the input; the output would overwrite it/],
  ['a missing input', ['transpile', 'nowhere', '-d', 'out'], /cannot find 'nowhere'/],
  ['a glob that matches nothing', ['transpile', 'src/*.mjs', '-d', 'out'], /no .* files match 'src\/\*\.mjs'/],
  ['a directory without sources', ['transpile', 'src', '-d', 'out', '--extensions', '.coffee'], /no \.coffee files found in 'src'/],
  ['a file with an extension left out', ['transpile', 'src/b.ts', '-d', 'out', '--extensions', 'js'], /'src\/b\.ts' is not a \.js file or a directory/],
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
