/**
 * The line an arrow's `=>` stands on: no line terminator may come between
 * the parameters (or `async` and its parameters) and `=>`.
 *
 * ## Example
 * `async (x)\n=> x` is a SyntaxError, and so is `(a, b) => a` with a
 * comment that spans two lines between `)` and `=>`.
 *
 * ## Implementation
 * TypeScript's parser accepts the break; the trivia before the `=>` token
 * (whitespace and comments, a multi-line comment counting as a line
 * terminator) tells.
 *
 * ## References
 * ECMAScript 2025, 15.3 Arrow Function Definitions and 15.9 Async Arrow
 * Function Definitions (`[no LineTerminator here]`), 12.3 (line terminators,
 * comments that contain one).
 */
import ts from 'typescript';
import { DiagnosticCode } from '../diagnostics';
import type { ReportEarlyError } from './early-error';

export function checkArrowLine(node: ts.ArrowFunction, report: ReportEarlyError): void {
  const arrow = node.equalsGreaterThanToken;
  const trivia = node.getSourceFile().text.slice(arrow.pos, arrow.getStart());
  if (/[\n\r\u2028\u2029]/.test(trivia)) report(arrow, DiagnosticCode.LineTerminatorBeforeArrow, "A line break cannot come before an arrow function's '=>'");
}
