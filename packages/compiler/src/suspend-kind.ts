/**
 * Which kind of suspend function a node is: what its machine hands to the
 * runtime at a suspension point depends on it.
 *
 * ## Example
 * ```js
 * function* g() {}          // 'generator'
 * async function f() {}     // 'async'
 * async () => {}            // 'async'
 * async function* ag() {}   // 'asyncGenerator'
 * function plain() {}       // undefined
 * ```
 *
 * ## Implementation
 * Read off the `*` token and the `async` modifier. A function without a
 * body (an overload or an ambient declaration) is no suspend function.
 *
 * ## References
 * ECMAScript 2025, 15.5 Generator, 15.6 Async Generator, 15.8 Async Function
 * Definitions; 15.9 Async Arrow Function Definitions.
 */
import ts from 'typescript';
import { SyntaxKind } from './syntax-kind';
import { isFunctionLike } from './function-like';

export type SuspendKind = 'generator' | 'async' | 'asyncGenerator';

export function suspendKindOf(node: ts.Node): SuspendKind | undefined {
  if (!isFunctionLike(node)) return undefined;
  const fn = node as ts.FunctionLikeDeclaration;
  if (fn.body === undefined) return undefined;
  const isAsync = isAsyncFunction(fn);
  if (fn.asteriskToken) return isAsync ? 'asyncGenerator' : 'generator';
  return isAsync ? 'async' : undefined;
}

export function isAsyncFunction(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === SyntaxKind.AsyncKeyword);
}
