/**
 * Diagnostics: what `transform` reports instead of output it cannot stand by.
 *
 * ## Example
 * `with (o) { yield x; }` inside a generator gives
 * `{ category: 'error', code: 1002, message: "'with' ...", file, line: 3, column: 5 }`.
 *
 * ## Implementation
 * Lowering code throws `UnsupportedError` at the node it cannot lower; the
 * transform turns it into a diagnostic with a 1-based line and column.
 *
 * ## References
 * TypeScript's `Diagnostic` shape (`file:line:col - error TS1234: message`).
 */
import ts from 'typescript';

export interface Diagnostic {
  readonly message: string;
  readonly category: 'error' | 'warning';
  /** Stable number, printed as `CORO<code>`. */
  readonly code: number;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Offsets into the source text, for code frames. */
  readonly start: number;
  readonly length: number;
}

export const DiagnosticCode = {
  SyntaxError: 1001,
  Unsupported: 1002,
  DirectEval: 1003,
  WithStatement: 1004,
  InvalidOptions: 1005,
  TopLevelAwait: 1006,
  /** The input nests deeper than the compiler's stack allows. */
  TooDeeplyNested: 1007,
  /** The lowered code does not parse: a compiler bug, reported instead of the code. */
  InvalidOutput: 1008,
  /** `"use coroutine"` where it cannot apply (coroutine-directive.ts). */
  CoroutineDirective: 1009,
  /** The input's bytes are not UTF-8: reported by the integrations that read files. */
  InvalidEncoding: 2001,
} as const;

export class UnsupportedError extends Error {
  constructor(
    readonly node: ts.Node,
    message: string,
    readonly code: number = DiagnosticCode.Unsupported,
  ) {
    super(message);
  }
}

export function diagnosticAt(
  sourceFile: ts.SourceFile,
  file: string,
  start: number,
  length: number,
  message: string,
  code: number,
  category: Diagnostic['category'] = 'error',
): Diagnostic {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  // A byte order mark is no column an editor shows.
  const bom = line === 0 && start > 0 && sourceFile.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { message, category, code, file, line: line + 1, column: character + 1 - bom, start, length };
}

export function diagnosticOfNode(sourceFile: ts.SourceFile, file: string, error: UnsupportedError): Diagnostic {
  const start = error.node.getStart(sourceFile);
  return diagnosticAt(sourceFile, file, start, Math.max(0, error.node.end - start), error.message, error.code);
}
