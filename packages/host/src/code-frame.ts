/**
 * The excerpt of source printed under a diagnostic: the line, two lines of
 * context on each side, and a caret under the column (a run of carets under
 * the span, when its length is known). What it prints is safe for a
 * terminal and fits on a screen, whatever bytes the source holds.
 *
 * Example:
 *   codeFrame(source, { line: 3, column: 9 })
 *     1 | function* numbers() {
 *     2 |   yield 1;
 *   > 3 |   yield );
 *       |         ^
 *     4 | }
 *     5 |
 *
 *   codeFrame('a("\u001b]0;owned\u0007", yield);', { line: 1, column: 22 })
 *   > 1 | a("\x1b]0;owned\x07", yield);
 *       |                       ^
 *
 *   codeFrame(<one 240 KB minified line>, { line: 1, column: 120000 })
 *   > 1 | …ction(e){return e.a})(yield );var b=functio…
 *       |                            ^
 *
 * Implementation:
 *   The layout of Babel's `@babel/code-frame` (which editors and readers
 *   already know), written out here because its current major needs Node 22
 *   and coro needs one function of it. Columns count UTF-16 code units,
 *   as the compiler's do. Tabs before the column are repeated in the marker
 *   line so the caret lines up however wide the terminal draws a tab.
 *   A span is underlined up to the end of its first line (or of the window).
 *   A position past the end of a line or of the file is clamped onto it. A
 *   byte order mark is not shown and not a column, as in an editor.
 *   Control characters (C0 but the tab, DEL, C1, the line and paragraph
 *   separators) and the bidirectional overrides and isolates are shown as
 *   JavaScript escapes (`\x1b`, `\u202e`): written raw, an ESC or CSI starts
 *   a terminal command (an OSC sequence retitles the window, others move the
 *   cursor or rewrite the screen), a NUL or a backspace hides what follows,
 *   and a bidi override makes the shown line differ from the parsed one
 *   (CVE-2021-42574, "Trojan Source"). The caret counts the escape's width.
 *   A line longer than the window is cut to a window of source around the
 *   column, marked `…` where it was cut; the context lines are cut at the
 *   same code units, so the columns still line up.
 *
 * References:
 *   https://babeljs.io/docs/babel-code-frame
 *   https://invisible-characters.com/ (the C0 and C1 control sets)
 *   https://trojansource.codes/ (bidirectional overrides in source)
 *   https://invisible-island.net/xterm/ctlseqs/ctlseqs.html (what ESC, CSI and OSC do)
 */

export interface FramePosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Length of the span in UTF-16 code units; a single caret when absent or 0. */
  readonly length?: number;
}

export interface FrameStyle {
  readonly gutter: (text: string) => string;
  readonly marker: (text: string) => string;
}

const CONTEXT_LINES = 2;
/** Source code units shown of a long line: about a screen's width, most of it after the column. */
const WINDOW = 100;
const WINDOW_BEFORE = 40;
const CUT = '…';
const PLAIN: FrameStyle = { gutter: (text) => text, marker: (text) => text };
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function codeFrame(source: string, position: FramePosition, style: FrameStyle = PLAIN): string {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const line = Math.min(Math.max(position.line, 1), lines.length);
  const first = Math.max(line - CONTEXT_LINES, 1);
  const last = Math.min(line + CONTEXT_LINES, lines.length);
  const numberWidth = String(last).length;
  const target = lines[line - 1];
  const column = Math.min(Math.max(position.column, 1), target.length + 1);
  const window = windowAround(target, column - 1);

  const rows: string[] = [];
  for (let number = first; number <= last; number++) {
    const isTarget = number === line;
    const shown = showWindow(lines[number - 1], window);
    const gutter = `${isTarget ? '>' : ' '} ${String(number).padStart(numberWidth)} |`;
    rows.push(style.gutter(gutter) + (shown === '' ? '' : ` ${shown}`));
    if (isTarget) {
      const end = Math.min(window.end, target.length);
      const before = showWindow(target.slice(0, column - 1), { start: window.start, end: column - 1 });
      const indent = before.replace(/[^\t]/g, ' ');
      const spanEnd = Math.min(column - 1 + Math.max(position.length ?? 1, 1), end);
      const underlined = escapeControls(target.slice(column - 1, spanEnd));
      const width = Math.max(1, underlined.length);
      rows.push(style.gutter(`  ${' '.repeat(numberWidth)} |`) + ` ${indent}${style.marker('^'.repeat(width))}`);
    }
  }
  return rows.join('\n');
}

interface SourceWindow {
  /** Code units of every shown line, [start, end). */
  readonly start: number;
  readonly end: number;
}

function windowAround(text: string, offset: number): SourceWindow {
  if (text.length <= WINDOW) return { start: 0, end: WINDOW };
  const start = Math.max(0, Math.min(offset - WINDOW_BEFORE, text.length - WINDOW));
  return { start, end: start + WINDOW };
}

/** The part of `text` inside the window, escaped, with `…` where the line goes on. */
function showWindow(text: string, { start, end }: SourceWindow): string {
  if (text.length <= start) return start > 0 && text.length > 0 ? CUT : '';
  const head = start > 0 ? CUT : '';
  const tail = text.length > end ? CUT : '';
  return head + escapeControls(text.slice(start, end)) + tail;
}

function escapeControls(text: string): string {
  return text.replace(UNSAFE, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
