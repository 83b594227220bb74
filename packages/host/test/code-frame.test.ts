/**
 * Code frames are printed on a terminal: whatever bytes the source holds,
 * the frame holds no control character but the tab and the line breaks, and
 * a very long line shows a window around the column with the caret under it.
 */

import { codeFrame } from '../src/code-frame';

/** Every character a terminal may act on, and the bidi controls that reorder a shown line. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The column, in the printed target line, that the caret points at. */
function caretUnder(frame: string): string {
  const rows = frame.split('\n');
  const marker = rows.findIndex((row) => /^\s+\|\s*\^/.test(row));
  const caret = rows[marker].indexOf('^');
  return rows[marker - 1].slice(caret);
}

test('an OSC sequence that would retitle the window is shown escaped, and the caret still lines up', () => {
  const source = 'a("\u001b]0;owned\u0007", yield);';
  const frame = codeFrame(source, { line: 1, column: source.indexOf('yield') + 1, length: 5 });
  expect(frame.split('\n')[0]).toBe('> 1 | a("\\x1b]0;owned\\x07", yield);');
  expect(caretUnder(frame)).toBe('yield);');
  expect(frame.split('\n')[1].trimEnd().endsWith(' ^^^^^')).toBe(true);
  expect(frame).not.toMatch(TERMINAL_CONTROLS);
});

test('NUL, backspace, CSI, DEL, C1 controls, line separators and bidi overrides are escaped on every line', () => {
  const source = ['let a = "\u0000\b";', 'let b = "\u001b[2J\u007f\u009b";', 'yield );', '/* \u202e } \u2066 */', 'x\u2028y'].join('\n');
  const frame = codeFrame(source, { line: 3, column: 7 });
  expect(frame).not.toMatch(TERMINAL_CONTROLS);
  expect(frame).toContain('1 | let a = "\\x00\\x08";');
  expect(frame).toContain('2 | let b = "\\x1b[2J\\x7f\\x9b";');
  expect(frame).toContain('4 | /* \\u202e } \\u2066 */');
  expect(frame).toContain('5 | x\\u2028y');
  expect(caretUnder(frame)).toBe(');');
});

test('a span over a control character is underlined as wide as its escape', () => {
  const frame = codeFrame('f("\u0000")', { line: 1, column: 4, length: 1 });
  expect(frame.split('\n')).toEqual(['> 1 | f("\\x00")', '    |    ^^^^']);
});

test('tabs stay tabs, in the line and before the caret', () => {
  const frame = codeFrame('\tyield );', { line: 1, column: 8 });
  expect(frame.split('\n')).toEqual(['> 1 | \tyield );', '    | \t      ^']);
});

test('a 240 KB minified line shows a window around the column, cut with … on both sides', () => {
  const filler = 'var a=function(e){return e.a};';
  const before = filler.repeat(4000);
  const source = `${before}f(yield );${filler.repeat(4000)}`;
  const column = before.length + 'f(yield '.length + 1;
  const frame = codeFrame(source, { line: 1, column });
  const [line, marker] = frame.split('\n');
  expect(line.length).toBeLessThan(120);
  expect(line.startsWith('> 1 | …')).toBe(true);
  expect(line.endsWith('…')).toBe(true);
  expect(marker.length).toBeLessThan(120);
  expect(caretUnder(frame).startsWith(');')).toBe(true);
});

test('near the start or the end of a long line the window reaches that end, with no … there', () => {
  const source = `yield );${'x'.repeat(1000)}`;
  const atStart = codeFrame(source, { line: 1, column: 7 }).split('\n')[0];
  expect(atStart.startsWith('> 1 | yield );')).toBe(true);
  expect(atStart.endsWith('…')).toBe(true);

  const atEnd = codeFrame(`${'x'.repeat(1000)}yield );`, { line: 1, column: 1007 });
  expect(atEnd.split('\n')[0].endsWith('yield );')).toBe(true);
  expect(caretUnder(atEnd)).toBe(');');
});

test('context lines are cut at the same code units as the target line, so columns line up', () => {
  const long = 'y'.repeat(300);
  const source = [`${'a'.repeat(300)}`, `${'b'.repeat(200)}yield );${long}`, 'short'].join('\n');
  const rows = codeFrame(source, { line: 2, column: 207 }).split('\n');
  expect(rows[0]).toBe(`  1 | …${'a'.repeat(100)}…`);
  expect(rows[1]).toBe(`> 2 | …${'b'.repeat(34)}yield );${'y'.repeat(58)}…`);
  expect(rows[3]).toBe('  3 | …');
  expect(caretUnder(rows.join('\n'))).toMatch(/^\);/);
});
