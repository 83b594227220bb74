/**
 * Whether an expression, written where a statement begins, would be read as
 * another statement: an expression statement may not start with `{`,
 * `function`, `async function`, `class` or `let [`.
 *
 * ## Example
 * `(function () {}).call(this, await x);` lowers to a call that build writes
 * from the callee's code on: its leftmost operand is a function expression,
 * so the statement is written `(… );`.
 *
 * ## Implementation
 * Build writes an expression's code from its leftmost operand on (a callee, an
 * object, a left operand; a comma's right operand, the left one being a
 * statement of its own) or puts it in a temporary. So the question is asked
 * of the syntax tree, not of the text: the leftmost operand is found by
 * walking down the left edge, through parentheses too, since build may drop
 * them (answering yes where parentheses were there costs only two characters).
 *
 * ## References
 * ECMAScript 2025, 14.5 Expression Statement (its lookahead restriction).
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { isParenthesesOrTypeWrapper } from '../type-wrappers';

export function startsLikeAnotherStatement(node: ts.Expression): boolean {
  const leftmost = leftmostOperand(node);
  switch (leftmost.kind) {
    case SyntaxKind.ObjectLiteralExpression:
    case SyntaxKind.FunctionExpression:
    case SyntaxKind.ClassExpression:
      return true;
    case SyntaxKind.Identifier:
      return (leftmost as ts.Identifier).text === 'let';
    default:
      return false;
  }
}

function leftmostOperand(node: ts.Expression): ts.Expression {
  for (;;) {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node) || isParenthesesOrTypeWrapper(node)) {
      node = (node as ts.CallExpression).expression;
    } else if (ts.isTaggedTemplateExpression(node)) {
      node = node.tag;
    } else if (ts.isBinaryExpression(node)) {
      // A comma's left operand becomes a statement of its own; its value is the right one.
      node = node.operatorToken.kind === SyntaxKind.CommaToken ? node.right : node.left;
    } else if (ts.isPostfixUnaryExpression(node)) {
      node = node.operand;
    } else if (ts.isConditionalExpression(node)) {
      node = node.condition;
    } else {
      return node;
    }
  }
}
