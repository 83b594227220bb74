/**
 * Whether a node is a function: the question every pass asks of nearly
 * every node it walks (a function's body is a scope of its own, a place a
 * suspension does not reach, a machine of its own).
 */
import type ts from 'typescript';
import { SyntaxKind } from './syntax-kind';

export function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.Node } {
  // One switch on the kind: every pass asks this of nearly every node it walks.
  switch (node.kind) {
    case SyntaxKind.FunctionDeclaration:
    case SyntaxKind.FunctionExpression:
    case SyntaxKind.ArrowFunction:
    case SyntaxKind.MethodDeclaration:
    case SyntaxKind.Constructor:
    case SyntaxKind.GetAccessor:
    case SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}
