/**
 * Where V8 reports a call in a stack trace, so that a call the machine puts
 * together from temporaries maps back to the column the original call is
 * reported at.
 *
 * ## Example
 * ```js
 * return check(await 1);      // native: at f (repro.js:3:10), the callee
 * return (0, $frame.$t)($value);  // lowered: reported at the `(` of the arguments
 * ```
 * The lowered call carries `{ sourceAt }` (ir.ts `SourcePosition`) for the
 * original's reported offset before its callee, its argument list and the
 * `call` of `.call(`: wherever V8 reports the lowered form, the mapping there
 * leads to where it reports the original.
 *
 * ## Implementation
 * V8 reports a call at its callee when the callee is a name, at the property
 * name of a `.` member call, and at the argument list's `(` otherwise (an
 * element access, a parenthesized or computed callee); `new` at the `new`,
 * a tagged template at its template.
 *
 * ## References
 * Source Map Revision 3 (ECMA-426); V8's `Call::position` (what
 * `Error.prototype.stack` prints for a call site).
 */
import ts from 'typescript';
import type { SourcePosition } from '../ir';

export function callPosition(node: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression, sourceFile: ts.SourceFile): SourcePosition {
  if (ts.isNewExpression(node)) return { sourceAt: node.getStart(sourceFile) };
  if (ts.isTaggedTemplateExpression(node)) return { sourceAt: node.template.getStart(sourceFile) };
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return { sourceAt: callee.getStart(sourceFile) };
  if (ts.isPropertyAccessExpression(callee)) return { sourceAt: callee.name.getStart(sourceFile) };
  return { sourceAt: node.arguments.pos - 1 };
}

/**
 * Where V8 reports a generator that delegates by `yield*` while the iterator
 * it delegates to runs: at the last position the operand's evaluation
 * records, which is the call's for a call, the property's for a member
 * (its name after a `.`, its `[`), the operator's for an assignment; an
 * operand that records none (a name, a literal), or one whose last
 * position depends on its values (`a || f()`, a conditional), is reported
 * at the `yield*` itself.
 */
export function delegationPosition(node: ts.YieldExpression, sourceFile: ts.SourceFile): SourcePosition {
  let operand = node.expression!;
  while (ts.isParenthesizedExpression(operand)) operand = operand.expression;
  if (ts.isCallExpression(operand) || ts.isNewExpression(operand) || ts.isTaggedTemplateExpression(operand)) return callPosition(operand, sourceFile);
  if (ts.isPropertyAccessExpression(operand)) return { sourceAt: operand.name.getStart(sourceFile) };
  if (ts.isElementAccessExpression(operand)) return { sourceAt: operand.argumentExpression.pos - 1 };
  if (ts.isBinaryExpression(operand) && isAssignmentOperator(operand.operatorToken.kind)) return { sourceAt: operand.operatorToken.getStart(sourceFile) };
  return { sourceAt: node.getStart(sourceFile) };
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}
