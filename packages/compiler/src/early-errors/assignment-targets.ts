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
import { isParenthesesOrTypeWrapper } from '../type-wrappers';

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

/** Whether `target` (an identifier, possibly parenthesized or under TypeScript's `as`, `!`, `<T>`, `satisfies`) is written, not read. */
export function isAssignmentTarget(target: ts.Expression): boolean {
  let node: ts.Node = target;
  while (isParenthesesOrTypeWrapper(node.parent)) node = node.parent;
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
  // `{ x = y } = o` writes x; y is its default, a value read.
  if (ts.isShorthandPropertyAssignment(parent)) return parent.name === node && isAssignmentPattern(parent.parent);
  if (ts.isSpreadAssignment(parent)) return isAssignmentPattern(parent.parent);
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return isAssignmentPattern(parent.parent);
  if (ts.isSpreadElement(parent) && ts.isArrayLiteralExpression(parent.parent)) return isAssignmentPattern(parent.parent);
  if (ts.isArrayLiteralExpression(parent)) return isAssignmentPattern(parent);
  return false;
}

/** What an assignment or a `++`/`--` writes: its target (parentheses and type wrappers skipped) and the right operand, with whether it is a plain `=`. */
export interface ExpressionWrite {
  readonly target: ts.Expression;
  /** The assigned or combined value; none for `++`/`--`. */
  readonly value: ts.Expression | undefined;
  readonly plain: boolean;
}

/** The write an expression makes by itself: `t = v`, `t op= v`, `++t`, `t--`; not a destructuring pattern's targets. */
export function expressionWriteOf(node: ts.Node): ExpressionWrite | undefined {
  let target: ts.Expression;
  let value: ts.Expression | undefined;
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op < SyntaxKind.FirstAssignment || op > SyntaxKind.LastAssignment) return undefined;
    target = node.left;
    value = node.right;
  } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
             (node.operator === SyntaxKind.PlusPlusToken || node.operator === SyntaxKind.MinusMinusToken)) {
    target = node.operand;
  } else {
    return undefined;
  }
  // `(x as T) += 1` and `x!++` write `x`: TypeScript erases what stands around it.
  while (isParenthesesOrTypeWrapper(target)) target = (target as ts.ParenthesizedExpression).expression;
  return { target, value, plain: ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken };
}

/**
 * Whether `target` is written by a destructuring assignment or a for-in/of
 * head: an element, rest element or property value of an assignment
 * pattern (with or without a default), or the head itself.
 */
export function isDestructuringTarget(target: ts.Expression): boolean {
  let node: ts.Node = target;
  while (isParenthesesOrTypeWrapper(node.parent)) node = node.parent;
  let parent = node.parent;
  if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) return parent.initializer === node;
  if (ts.isShorthandPropertyAssignment(parent)) return parent.name === node && isAssignmentPattern(parent.parent);
  if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === SyntaxKind.EqualsToken) {
    node = parent;
    parent = node.parent;
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return isAssignmentPattern(parent.parent);
  if (ts.isSpreadAssignment(parent)) return isAssignmentPattern(parent.parent);
  if (ts.isSpreadElement(parent)) return ts.isArrayLiteralExpression(parent.parent) && isAssignmentPattern(parent.parent);
  if (ts.isArrayLiteralExpression(parent)) return isAssignmentPattern(parent);
  return false;
}

/** `{ a = 1 }` is a shorthand with a default only in a destructuring pattern (CoverInitializedName). */
export function checkShorthandInitializer(node: ts.ShorthandPropertyAssignment, report: ReportEarlyError): void {
  if (node.objectAssignmentInitializer && !isAssignmentPattern(node.parent)) {
    report(node, DiagnosticCode.ShorthandInitializer, "'=' after a shorthand property name is only valid in a destructuring pattern: an object literal needs ':'");
  }
}
