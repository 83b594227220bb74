/**
 * A file coro cannot lower: a tsc-style diagnostic with a code frame on
 * stderr, exit code 1, and nothing written for that file (its neighbours are
 * still written).
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertCliBuilt, coro, listFiles, makeWorkspace, removeWorkspace } from './workspace';

const BAD_JS = ['// line 1', 'function* numbers() {', '  yield 1;', '  yield 2 +;', '}', 'numbers();', ''].join('\n');
// TypeScript's parser (coro's) reports "Expression expected" at the `;` of line 4.
const ERROR_LINE = 4;
const ERROR_COLUMN = '  yield 2 +;'.indexOf(';') + 1;

let workspace: string | undefined;

beforeAll(assertCliBuilt);
afterEach(() => removeWorkspace(workspace));

test('a syntax error: file:line:col, a code frame with a caret, exit 1, no output for that file', () => {
  workspace = makeWorkspace({ 'src/bad.js': BAD_JS, 'src/good.js': 'function* one() { yield 1; }\nconsole.log([...one()]);\n' });

  const result = coro(['transpile', 'src', '--out-dir', 'out', '--runtime', 'require'], workspace);

  expect(result.status).toBe(1);
  const lines = result.stderr.split('\n');
  expect(lines[0]).toMatch(new RegExp(`^src/bad\\.js:${ERROR_LINE}:${ERROR_COLUMN} - error CORO\\d+: \\S`));
  expect(lines[1]).toBe('');

  const frame = lines.slice(2, 2 + 6);
  expect(frame).toEqual([
    '  2 | function* numbers() {',
    '  3 |   yield 1;',
    '> 4 |   yield 2 +;',
    expect.stringMatching(/^ {4}\| +\^+$/),
    '  5 | }',
    '  6 | numbers();',
  ]);
  const sourceRow = frame[2];
  const caretRow = frame[3];
  expect(caretRow.indexOf('^')).toBe(sourceRow.indexOf('|') + 2 + ERROR_COLUMN - 1);

  expect(listFiles(join(workspace, 'out'))).toEqual(['good.js']);
  expect(existsSync(join(workspace, 'out/bad.js'))).toBe(false);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/\ncoro: lowered 1 file in \d+ ms; 1 file with errors not written\n$/);
});

test('a single file with an error creates no out dir at all', () => {
  workspace = makeWorkspace({ 'bad.js': BAD_JS });

  const result = coro(['transpile', 'bad.js', '--out-dir', 'out'], workspace);

  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(new RegExp(`^bad\\.js:${ERROR_LINE}:${ERROR_COLUMN} - error CORO\\d+: `));
  expect(result.stderr).toContain('> 4 |   yield 2 +;');
  expect(existsSync(join(workspace, 'out'))).toBe(false);
});

test('a TypeScript syntax error points into the .ts source', () => {
  workspace = makeWorkspace({ 'src/typed.ts': 'function* ids(n: number): Generator<number> {\n  yield n:\n}\n' });

  const result = coro(['transpile', 'src', '--out-dir', 'out'], workspace);

  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^src\/typed\.ts:2:\d+ - error CORO\d+: /);
  expect(result.stderr).toContain('> 2 |   yield n:');
  expect(listFiles(join(workspace, 'out'))).toEqual([]);
});

const EVAL_JS = ['function* evaluate(code) {', '  var local = 1;', '  yield eval(code);', '}', "console.log([...evaluate('local + 1')].join());", ''].join('\n');

test('direct eval in a generator is lowered by default, and an error with --eval-and-with refuse', () => {
  workspace = makeWorkspace({ 'src/evaluate.js': EVAL_JS });

  const lowered = coro(['transpile', 'src/evaluate.js', '--runtime', 'inline'], workspace);
  expect(lowered.status).toBe(0);
  expect(lowered.stdout).toContain('return { value: eval(code), done: false };');

  const refused = coro(['transpile', 'src/evaluate.js', '--eval-and-with', 'refuse'], workspace);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/^src\/evaluate\.js:3:9 - error CORO1003: direct eval is not lowered inside a generator/);
  expect(refused.stdout).toBe('');
});
