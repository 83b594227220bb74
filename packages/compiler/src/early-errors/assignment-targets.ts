/**
 * Where an expression is assigned rather than read: the left of `=` and of
 * compound assignments, the operand of `++`/`--`, a for-in/of head, and
 * every target inside an object or array literal that is an assignment
 * pattern.
 *
 * ## Example
 * In `[a, { b: c = 1, ...d }] = v` the targets are `a`, `c` and `d`; in
 * `f({ b = 1 })` the literal is no pattern, so `b = 1` is a SyntaxError.
 *
 * ## Implementation
 * TypeScript parses a pattern on the left of `=` as an ordinary literal
 * (the cover grammar of 13.15.5); what makes it a pattern is where it
 * stands, so both questions walk up through the literals around a node.
 *
 * ## References
 * ECMAScript 2025, 13.15.1 (assignment early errors), 13.15.5
 * Destructuring Assignment, 14.7.5.1 (for-in/of heads).
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { DiagnosticCode } from '../diagnostics';
import type { ReportEarlyError } from './early-error';

/**
 * Whether an object or array literal is an assignment pattern: the target of
 * `=` or of a for-in/of head, or nested in one as an element, a rest element
 * or a property's value.
 */
export function isAssignmentPattern(literal: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression): boolean {
  let node: ts.Node = literal;
  for (;;) {
    const parent = node.parent;
    if (ts.isBinaryExpression(parent)) return parent.left === node && parent.operatorToken.kind === SyntaxKind.EqualsToken;
    if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) return parent.initializer === node;
    if (ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)) node = ts.isSpreadAssignment(parent) ? parent.parent : parent;
    else if (ts.isPropertyAssignment(parent) && parent.initializer === node) node = parent.parent;
    else if (ts.isParenthesizedExpression(parent)) node = parent;
    else return false;
  }
}

/** Whether `target` (an identifier, possibly parenthesized) is written, not read. */
export function isAssignmentTarget(target: ts.Expression): boolean {
  let node: ts.Node = target;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    if (parent.left !== node) return false;
    const operator = parent.operatorToken.kind;
    if (operator === SyntaxKind.EqualsToken) return true;
    return operator >= SyntaxKind.FirstCompoundAssignment && operator <= SyntaxKind.LastCompoundAssignment;
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === SyntaxKind.PlusPlusToken || parent.operator === SyntaxKind.MinusMinusToken;
  }
  if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) return parent.initializer === node;
  if (ts.isShorthandPropertyAssignment(parent) || ts.isSpreadAssignment(parent)) return isAssignmentPattern(parent.parent);
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return isAssignmentPattern(parent.parent);
  if (ts.isSpreadElement(parent) && ts.isArrayLiteralExpression(parent.parent)) return isAssignmentPattern(parent.parent);
  if (ts.isArrayLiteralExpression(parent)) return isAssignmentPattern(parent);
  return false;
}

/** `{ a = 1 }` is a shorthand with a default only in a destructuring pattern (CoverInitializedName). */
export function checkShorthandInitializer(node: ts.ShorthandPropertyAssignment, report: ReportEarlyError): void {
  if (node.objectAssignmentInitializer && !isAssignmentPattern(node.parent)) {
    report(node, DiagnosticCode.ShorthandInitializer, "'=' after a shorthand property name is only valid in a destructuring pattern: an object literal needs ':'");
  }
}
