/**
 * Legacy octal: numeric literals with a leading zero (`010`, `08`) and
 * string escapes `\0` followed by a digit, `\1`–`\7` and `\8`, `\9`. Sloppy
 * code may use them; strict code may not. TypeScript's parser reports them
 * everywhere (TS1121, TS1487, TS1488, TS1489), so for string and numeric
 * literals its report is dropped and this pass decides by strictness.
 *
 * ## Example
 * `010`, `08` and `"\01"` are valid in a sloppy script;
 * `"use strict"; 010` and `function f() { "use strict"; return "\8"; }` are
 * SyntaxErrors. In a template literal such an escape is always an error,
 * and TypeScript's report of it stays.
 *
 * ## Implementation
 * A literal's raw text is read from the source: TypeScript's `text` has
 * the escapes resolved.
 *
 * ## References
 * ECMAScript 2025, 12.9.3.1 (LegacyOctalIntegerLiteral,
 * NonOctalDecimalIntegerLiteral in strict code), 12.9.4.1 (LegacyOctalEscapeSequence,
 * NonOctalDecimalEscapeSequence), B.1.1 and B.1.2.
 */
import ts from 'typescript';
import { DiagnosticCode } from '../diagnostics';
import type { ReportEarlyError } from './early-error';
import type { SyntacticContext } from './syntactic-context';

/** TypeScript's diagnostics for legacy octal (11xx and 148x in its numbering). */
const LEGACY_OCTAL_PARSE_ERRORS = new Set([1121, 1487, 1488, 1489]);

/** A legacy octal escape, or `\8`/`\9`: a backslash (not itself escaped) before one. */
const LEGACY_ESCAPE = /(?<!\\)(?:\\\\)*\\(?:0[0-9]|[1-9])/;

export function checkLegacyOctal(node: ts.NumericLiteral | ts.StringLiteral, context: SyntacticContext, report: ReportEarlyError): void {
  if (!context.strict) return;
  const raw = node.getText();
  if (ts.isNumericLiteral(node) && /^0[0-9]/.test(raw)) {
    report(node, DiagnosticCode.StrictModeViolation, 'Octal literals and decimals with a leading zero are not allowed in strict mode code');
  } else if (ts.isStringLiteral(node) && LEGACY_ESCAPE.test(raw)) {
    report(node, DiagnosticCode.StrictModeViolation, 'Octal escape sequences (and \\8, \\9) are not allowed in strict mode code');
  }
}

/** Whether a parse diagnostic is TypeScript's report of legacy octal in a string or numeric literal, which only strict code forbids. */
export function isLegacyOctalParseError(diagnostic: ts.DiagnosticWithLocation, sourceFile: ts.SourceFile): boolean {
  if (!LEGACY_OCTAL_PARSE_ERRORS.has(diagnostic.code)) return false;
  const literal = innermostNodeAt(sourceFile, diagnostic.start);
  return ts.isStringLiteral(literal) || ts.isNumericLiteral(literal);
}

function innermostNodeAt(sourceFile: ts.SourceFile, position: number): ts.Node {
  let node: ts.Node = sourceFile;
  for (;;) {
    const child: ts.Node | undefined = ts.forEachChild(node, (c) => (c.getStart(sourceFile) <= position && position < c.end ? c : undefined));
    if (!child) return node;
    node = child;
  }
}
