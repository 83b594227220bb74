/**
 * What strict mode code forbids beyond reserved words: `delete` of a plain
 * name and the `with` statement. (`eval` and `arguments` as targets are in
 * reserved-words.ts, legacy octal literals and escapes in legacy-octal.ts.)
 *
 * ## Example
 * `"use strict"; delete x;`, `delete ((x))` in a class body and
 * `"use strict"; with (o) {}` are SyntaxErrors.
 *
 * ## References
 * ECMAScript 2025, 13.5.1.1 (`delete` early errors), 14.11.1 (`with`),
 * Annex C (the strict mode restrictions).
 */
import ts from 'typescript';
import { DiagnosticCode } from '../diagnostics';
import type { ReportEarlyError } from './early-error';
import type { SyntacticContext } from './syntactic-context';

export function checkDelete(node: ts.DeleteExpression, context: SyntacticContext, report: ReportEarlyError): void {
  let operand: ts.Expression = node.expression;
  while (ts.isParenthesizedExpression(operand)) operand = operand.expression;
  if (context.strict && ts.isIdentifier(operand)) report(node, DiagnosticCode.StrictModeViolation, 'Delete of an unqualified identifier in strict mode code');
}

export function checkWith(node: ts.WithStatement, context: SyntacticContext, report: ReportEarlyError): void {
  if (context.strict) report(node, DiagnosticCode.StrictModeViolation, "Strict mode code may not include a 'with' statement");
}
