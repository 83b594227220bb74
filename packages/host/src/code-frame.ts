/**
 * The excerpt of source printed under a diagnostic: the line, two lines of
 * context on each side, and a caret under the column (a run of carets under
 * the span, when its length is known).
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
 * Implementation:
 *   The layout of Babel's `@babel/code-frame` (which editors and readers
 *   already know), written out here because its current major needs Node 22
 *   and coro needs one function of it. Columns count UTF-16 code units,
 *   as the compiler's do. Tabs before the column are repeated in the marker
 *   line so the caret lines up however wide the terminal draws a tab.
 *   A span is underlined up to the end of its first line. A position past the
 *   end of a line or of the file is clamped onto it. A byte order mark is not
 *   shown and not a column, as in an editor.
 *
 * References:
 *   https://babeljs.io/docs/babel-code-frame
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
const PLAIN: FrameStyle = { gutter: (text) => text, marker: (text) => text };

export function codeFrame(source: string, position: FramePosition, style: FrameStyle = PLAIN): string {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const line = Math.min(Math.max(position.line, 1), lines.length);
  const first = Math.max(line - CONTEXT_LINES, 1);
  const last = Math.min(line + CONTEXT_LINES, lines.length);
  const numberWidth = String(last).length;

  const rows: string[] = [];
  for (let number = first; number <= last; number++) {
    const text = lines[number - 1];
    const isTarget = number === line;
    const gutter = `${isTarget ? '>' : ' '} ${String(number).padStart(numberWidth)} |`;
    rows.push(style.gutter(gutter) + (text === '' ? '' : ` ${text}`));
    if (isTarget) {
      const column = Math.min(Math.max(position.column, 1), text.length + 1);
      const indent = text.slice(0, column - 1).replace(/[^\t]/g, ' ');
      const width = Math.max(1, Math.min(position.length ?? 1, text.length - column + 1));
      rows.push(style.gutter(`  ${' '.repeat(numberWidth)} |`) + ` ${indent}${style.marker('^'.repeat(width))}`);
    }
  }
  return rows.join('\n');
}
