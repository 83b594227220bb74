/**
 * coro's diagnostics as TypeScript diagnostics, so that tsc prints, counts
 * and sorts them with its own.
 *
 * ## Example
 * A direct `eval` inside a generator, built with `tspc` and `"evalAndWith": "refuse"`:
 * ```
 * src/bad.ts:3:3 - error TS991003: coro: direct eval is not lowered inside a generator: …
 *
 * 3   eval("x");
 *     ~~~~~~~~~
 * ```
 * Without a diagnostics channel (ts-jest, a `program.emit` call without
 * `addDiagnostic`) the same text, without colours, is the message of the
 * `CoroDiagnosticsError` that stops the emit.
 *
 * ## Implementation
 * tsc prints every code as `TS<code>`; coro's codes (1001…) would read as
 * TypeScript's own (TS1003 is "Identifier expected"), so they are offset
 * into a range TypeScript does not use: CORO1003 is TS991003. The message
 * starts with `coro:` so it is clear which tool speaks.
 * coro parses with the same parser as tsc, so a syntax error is reported by
 * both; coro's is dropped where tsc has a syntax error at the same position.
 * Only syntax errors are compared: tsc prints its semantic diagnostics only
 * when no file has a syntax error, so a coro diagnostic dropped for a
 * semantic twin (such as TS1163, `yield` outside a generator) might never be
 * printed at all; those two are both shown.
 * An exception out of the compiler is a coro bug; it becomes an error at the
 * top of the file that says so, with the exception's message.
 *
 * ## References
 * TypeScript 6.0 `formatDiagnosticsWithColorAndContext` (the layout of tsc's `--pretty` output)
 * docs/architecture.md (the compiler's diagnostics)
 */
import type * as ts from 'typescript';
import { DiagnosticCode, type Diagnostic as CoroDiagnostic } from '@coro/compiler';
import type { TypeScript } from './host-typescript';

/** Added to coro's own code to make the code tsc prints: CORO1003 is TS991003. */
export const DIAGNOSTIC_CODE_OFFSET = 990_000;

/** The code of coro crashing on a file (an exception out of the compiler). */
export const CRASH_CODE = DIAGNOSTIC_CODE_OFFSET + 9999;

export function fromCoroDiagnostic(typescript: TypeScript, sourceFile: ts.SourceFile, diagnostic: CoroDiagnostic): ts.Diagnostic {
  const start = Math.min(Math.max(0, diagnostic.start), sourceFile.text.length);
  return {
    file: sourceFile,
    start,
    length: Math.min(Math.max(0, diagnostic.length), sourceFile.text.length - start),
    messageText: `coro: ${diagnostic.message}`,
    category: diagnostic.category === 'error' ? typescript.DiagnosticCategory.Error : typescript.DiagnosticCategory.Warning,
    code: DIAGNOSTIC_CODE_OFFSET + diagnostic.code,
    source: 'coro',
  };
}

/** A wrong plugin option: a diagnostic of the whole program, like tsc's own for a wrong compiler option. */
export function optionsDiagnostic(typescript: TypeScript, error: unknown): ts.Diagnostic {
  return {
    file: undefined,
    start: undefined,
    length: undefined,
    messageText: error instanceof Error ? error.message : String(error),
    category: typescript.DiagnosticCategory.Error,
    code: DIAGNOSTIC_CODE_OFFSET + DiagnosticCode.InvalidOptions,
    source: 'coro',
  };
}

/**
 * A file another `before` transformer changed first (`at`: where, for a change made in place): coro lowers
 * source text, and would drop the change.
 */
export function orderDiagnostic(typescript: TypeScript, sourceFile: ts.SourceFile, at?: ts.Node): ts.Diagnostic {
  const start = at === undefined ? 0 : at.getStart(sourceFile);
  return {
    file: sourceFile,
    start,
    length: at === undefined ? 0 : at.end - start,
    messageText:
      at === undefined
        ? 'coro: this file was changed by a transformer that runs before @coro/tsc-plugin, and coro lowers the source text, ' +
          'which would undo that change; list @coro/tsc-plugin first among the `before` transformers (first in compilerOptions.plugins)'
        : 'coro: a transformer that runs before @coro/tsc-plugin reordered the statements here (as ts-jest does to hoist jest.mock calls), ' +
          'and coro rewrites this code from the source text, which would undo that; move the reordered statements out of functions coro lowers',
    category: typescript.DiagnosticCategory.Error,
    code: DIAGNOSTIC_CODE_OFFSET + DiagnosticCode.InvalidOptions,
    source: 'coro',
  };
}

export function crashDiagnostic(typescript: TypeScript, sourceFile: ts.SourceFile, error: unknown): ts.Diagnostic {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    file: sourceFile,
    start: 0,
    length: 0,
    messageText: `coro crashed on this file; this is a bug in coro, please report it.\n${detail}`,
    category: typescript.DiagnosticCategory.Error,
    code: CRASH_CODE,
    source: 'coro',
  };
}

/** Drops the diagnostics at the position of a syntax error tsc reports in the same file. */
export function withoutTypeScriptDuplicates(
  typescript: TypeScript,
  diagnostics: readonly ts.Diagnostic[],
  program: ts.Program | undefined,
  sourceFile: ts.SourceFile,
): ts.Diagnostic[] {
  if (program === undefined || program.getSourceFile(sourceFile.fileName) !== sourceFile) return [...diagnostics];
  const syntaxErrorAt = new Set<number | undefined>();
  for (const own of program.getSyntacticDiagnostics(sourceFile)) {
    if (own.category === typescript.DiagnosticCategory.Error) syntaxErrorAt.add(own.start);
  }
  return diagnostics.filter((diagnostic) => diagnostic.code === CRASH_CODE || !syntaxErrorAt.has(diagnostic.start));
}

/** Thrown when diagnostics have no channel to go to: the emit stops, with tsc's layout of them as its message. */
export class CoroDiagnosticsError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly ts.Diagnostic[],
  ) {
    super(message);
    this.name = 'CoroDiagnosticsError';
  }
}

export function diagnosticsError(typescript: TypeScript, diagnostics: readonly ts.Diagnostic[]): CoroDiagnosticsError {
  const host: ts.FormatDiagnosticsHost = {
    getCurrentDirectory: () => process.cwd(),
    getCanonicalFileName: (fileName) => fileName,
    getNewLine: () => '\n',
  };
  const text = typescript.formatDiagnosticsWithColorAndContext(diagnostics, host).replace(/\u001b\[[0-9;]*m/g, '');
  return new CoroDiagnosticsError(`coro cannot lower this code:\n\n${text}`, diagnostics);
}
