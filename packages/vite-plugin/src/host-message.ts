/**
 * Compiler diagnostics as messages for the bundler's own channel
 * (`this.error` / `this.warn`), which prints them with the file, the
 * position and a code frame, and fails the build on an error.
 *
 * ## Example
 *
 * ```ts
 * errorMessage([{ message: "'with' …", code: 1004, line: 4, column: 3, start: 61, … }], '/app/src/bad.js');
 * // { message: "CORO1004: 'with' …", id: '/app/src/bad.js', code: 'CORO1004',
 * //   loc: { file: '/app/src/bad.js', line: 4, column: 2 } }
 * ```
 * Vite prints it as
 * ```
 * [plugin coro] /app/src/bad.js:4:2
 * CORO1004: 'with' …
 * 2: function* g(o) {
 * …
 * ```
 *
 * ## Implementation
 *
 * The position is given in the host's own terms, so each host prints it the
 * way it prints every other plugin's: `loc`, a 1-based line and a 0-based
 * column (Rollup's convention, which Vite and Rolldown share). The hook also
 * hands `loc` over as the position argument, from which Rollup, Rolldown and
 * Vite draw the code frame. A line and column rather than an offset: a host
 * that turns an offset into a column counts a byte order mark as one, an
 * editor (and the compiler) does not. The message carries the stable code
 * first, as tsc's `error TS1005:` does.
 *
 * The host names the file and the position in its own header, so the
 * message does not repeat them. A bundler reports one error per module and
 * stops; when a file has more, the first is shown and the rest counted,
 * rather than listing positions the host would not frame.
 *
 * webpack and esbuild, through unplugin's adapters, draw no frame from `loc`
 * (esbuild prints the position over an empty line, webpack drops it). For
 * them the message's text is the whole report as the CLI prints it, header
 * with file:line:col and code frame (`InText`); `loc` is still given, for
 * esbuild's own header and for tools that read it.
 *
 * ## References
 *
 * - https://rollupjs.org/plugin-development/#this-error
 * - https://rollupjs.org/plugin-development/#this-warn
 */
import { codeFrame, formatProblem, type Diagnostic, type InvalidUtf8 } from '@coro/host';

export interface HostMessage {
  readonly message: string;
  readonly id: string;
  readonly code?: string;
  readonly loc?: HostLocation;
}

export interface HostLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 0-based. */
  readonly column: number;
}

/** For a host that shows no frame from `loc`: the file as the report names it, and the text the positions are in. */
export interface InText {
  readonly path: string;
  readonly source: string;
}

export function diagnosticMessage(diagnostic: Diagnostic, file: string, inText?: InText): HostMessage {
  const code = `CORO${diagnostic.code}`;
  return {
    message: inText ? formatProblem(inText.path, { kind: 'diagnostic', diagnostic, text: inText.source }, false).trimEnd() : `${code}: ${diagnostic.message}`,
    id: file,
    code,
    loc: { file, line: diagnostic.line, column: diagnostic.column - 1 },
  };
}

export function errorMessage(errors: readonly Diagnostic[], file: string, inText?: InText): HostMessage {
  const first = diagnosticMessage(errors[0], file, inText);
  const more = errors.length - 1;
  if (more === 0) return first;
  return { ...first, message: `${first.message}\n(and ${more} more ${more === 1 ? 'error' : 'errors'} in this file)` };
}

export function invalidUtf8Message(problem: InvalidUtf8, file: string, inText?: InText): HostMessage {
  const byte = `0x${problem.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const message = `This file is not valid UTF-8: the byte ${byte} was read as U+FFFD (\uFFFD), which would change the program. Save it as UTF-8.`;
  const loc = { file, line: problem.line, column: problem.column - 1 };
  if (inText === undefined) return { message, id: file, loc };
  const header = `${inText.path}:${problem.line}:${problem.column} - error: ${message}`;
  return { message: `${header}\n\n${codeFrame(inText.source, problem)}`, id: file, loc };
}
