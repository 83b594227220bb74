/**
 * Asserting the code frame that Rollup, Rolldown and Vite draw under a
 * plugin's error: `N: text` for each line around the problem, and under the
 * problem's line a caret at its column.
 *
 * Example:
 *   expectFrame(stderr, source, 3, 12);
 *   // stderr holds "3:   yield 2 +;" followed by "              ^"
 */

/** `line` and `column` are 1-based, as an editor counts them. */
export function expectFrame(output: string, source: string, line: number, column: number): void {
  const text = source.split(/\r\n|\r|\n/)[line - 1];
  const lines = output.split('\n');
  const row = lines.findIndex((candidate) => candidate === `${line}: ${text}`);
  expect(row).toBeGreaterThanOrEqual(0);
  const gutter = `${line}: `.length;
  expect(lines[row + 1]).toBe(`${' '.repeat(gutter + column - 1)}^`);
}
