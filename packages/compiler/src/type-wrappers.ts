/**
 * Parentheses and TypeScript's type-only wrappers around an expression:
 * what an engine sees through (the parentheses keep a reference, the types
 * erase), and so what NamedEvaluation, direct eval's callee, assignment
 * targets and statement starts look through.
 *
 * ## Example
 * `((f as any)!)` wraps `f`; `(eval)(x)` is a direct eval.
 *
 * ## References
 * ECMAScript 2025, 8.4.3 IsAnonymousFunctionDefinition (through
 * ParenthesizedExpression), 13.2.1.1 (a parenthesized reference).
 */
import ts from 'typescript';

/**
 * Parentheses and TypeScript's type-only wrappers: `as`, `<T>x`, `!`,
 * `satisfies` and an instantiation expression (`f<T>` not called, which
 * erases to `f`).
 */
export function isParenthesesOrTypeWrapper(node: ts.Node): boolean {
  return (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    (ts.isExpressionWithTypeArguments(node) && !ts.isHeritageClause(node.parent))
  );
}

/** The expression under parentheses and type-only wrappers. */
export function skipParenthesesAndTypes(node: ts.Node): ts.Node {
  let n = node;
  while (isParenthesesOrTypeWrapper(n)) n = (n as ts.ParenthesizedExpression).expression;
  return n;
}
