/**
 * Problems as the CLI prints them and the Jest transformer throws them: the
 * tsc header with coro's code (or TypeScript's, for coro's output), then a
 * code frame; a crash with its stack; a file that cannot be read.
 */

import type { Diagnostic } from '@coro/compiler';
import { formatProblem } from '../src/file-problem';

const TEXT = ['function* numbers() {', '  yield 1;', '  yield );', '}', ''].join('\n');

const at = (code: number, start: number, length: number): Diagnostic => ({
  message: 'Expression expected.',
  category: 'error',
  code,
  file: 'src/bad.js',
  line: 3,
  column: 9,
  start,
  length,
});

test("coro's diagnostic: CORO<code>, the position, a frame with a caret under the column", () => {
  const printed = formatProblem('src/bad.js', { kind: 'diagnostic', diagnostic: at(1001, 40, 1), text: TEXT }, false);
  expect(printed).toBe(
    [
      'src/bad.js:3:9 - error CORO1001: Expression expected.',
      '',
      '  1 | function* numbers() {',
      '  2 |   yield 1;',
      '> 3 |   yield );',
      '    |         ^',
      '  4 | }',
      '  5 |',
      '',
    ].join('\n'),
  );
});

test("TypeScript's diagnostic on coro's output: TS<code>, its span underlined", () => {
  const printed = formatProblem('src/bad.js', { kind: 'typescript', diagnostic: at(1109, 38, 3), text: TEXT }, false);
  expect(printed.split('\n').slice(0, 1)).toEqual(['src/bad.js:3:9 - error TS1109: Expression expected.']);
  expect(printed).toContain('\n    |         ^^\n');
});

test('a crash names the file and keeps the stack; an unreadable file has no frame', () => {
  const error = new Error('boom');
  expect(formatProblem('src/a.js', { kind: 'crash', error }, false)).toBe(
    `src/a.js - error: coro crashed on this file; this is a bug in coro, please report it.\n\n${error.stack}\n`,
  );
  expect(formatProblem('src/a.js', { kind: 'unreadable', error: new Error('EACCES') }, false)).toBe('src/a.js - error: cannot read: EACCES\n');
});
