/**
 * A problem found in a file, and how it is printed (by the CLI, and in the
 * Jest transformer's error): tsc's one-line header, then a code frame.
 *
 * Example:
 *   src/bad.js:3:9 - error CORO1001: Expression expected.
 *
 *     1 | function* numbers() {
 *     2 |   yield 1;
 *   > 3 |   yield );
 *       |         ^
 *     4 | }
 *
 * Implementation:
 *   The header is tsc's `--pretty` header (`file:line:col - error TS1005:`),
 *   so editors' and CI's problem matchers for tsc pick coro's errors up
 *   unchanged. The code is coro's (`CORO1001`), or TypeScript's (`TS1005`)
 *   for a problem TypeScript found in coro's output. The file is printed as
 *   the integration names it (the CLI: relative to the working directory),
 *   whatever the producer put in `file`.
 *   Colours, when the terminal wants them, are tsc's: cyan file, yellow
 *   position, red error, yellow warning, grey code.
 *
 * References:
 *   https://github.com/microsoft/TypeScript/blob/v6.0.3/src/compiler/program.ts (formatDiagnosticsWithColorAndContext)
 *   https://github.com/microsoft/vscode/blob/main/extensions/typescript-language-features/package.json ($tsc problem matcher)
 */

import type { Diagnostic } from '@coro/compiler';
import { codeFrame, type FrameStyle } from './code-frame';

/** What can go wrong with one file; a diagnostic keeps the text its line and column refer to. */
export type FileProblem =
  /** The compiler's, or an integration's before the compiler runs (not UTF-8). */
  | { readonly kind: 'diagnostic'; readonly diagnostic: Diagnostic; readonly text: string }
  /** TypeScript's, in coro's output that it could not turn into JavaScript (a coro bug); `code` is TypeScript's number. */
  | { readonly kind: 'typescript'; readonly diagnostic: Diagnostic; readonly text: string }
  | { readonly kind: 'crash'; readonly error: unknown }
  | { readonly kind: 'unreadable'; readonly error: Error };

const ansi = (open: number) => (text: string) => `\u001b[${open}m${text}\u001b[39m`;
const cyan = ansi(36);
const yellow = ansi(33);
const red = ansi(31);
const grey = ansi(90);
const same = (text: string) => text;

/** Any problem of a file, as the CLI prints it and the Jest transformer throws it. */
export function formatProblem(path: string, problem: FileProblem, color: boolean): string {
  switch (problem.kind) {
    case 'diagnostic':
      return formatDiagnostic(problem.diagnostic, `CORO${problem.diagnostic.code}`, { path, text: problem.text }, color);
    case 'typescript':
      return formatDiagnostic(problem.diagnostic, `TS${problem.diagnostic.code}`, { path, text: problem.text }, color);
    case 'crash':
      return formatCrash(path, problem.error, color);
    case 'unreadable':
      return formatFileError(path, `cannot read: ${problem.error.message}`, color);
  }
}

/** A file that could not be read or written: no position, no frame. */
export function formatFileError(path: string, message: string, color: boolean): string {
  return `${color ? cyan(path) : path} - ${color ? red('error') : 'error'}: ${message}\n`;
}

function formatDiagnostic(
  diagnostic: Diagnostic,
  code: string,
  source: { readonly path: string; readonly text: string },
  color: boolean,
): string {
  const paint = color ? { cyan, yellow, red, grey } : { cyan: same, yellow: same, red: same, grey: same };
  const category = diagnostic.category === 'error' ? paint.red('error') : paint.yellow('warning');
  const header =
    `${paint.cyan(source.path)}:${paint.yellow(`${diagnostic.line}:${diagnostic.column}`)} - ` +
    `${category} ${paint.grey(code)}: ${diagnostic.message}`;
  const style: FrameStyle = { gutter: paint.grey, marker: diagnostic.category === 'error' ? paint.red : paint.yellow };
  return `${header}\n\n${codeFrame(source.text, diagnostic, style)}\n`;
}

/** An exception out of the compiler: a coro bug, printed with its stack so it can be reported. */
function formatCrash(path: string, error: unknown, color: boolean): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const label = color ? red('error') : 'error';
  return `${color ? cyan(path) : path} - ${label}: coro crashed on this file; this is a bug in coro, please report it.\n\n${detail}\n`;
}
