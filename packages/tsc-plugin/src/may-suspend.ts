/**
 * Whether a source file can hold anything coro lowers or refuses, decided on
 * the host's own syntax tree before the compiler is asked.
 *
 * ## Example
 * `mayHoldSuspension(ts, parse('const a = 1;'))` is false: the file is left to
 * tsc as it is. `function* g() {}`, `async () => {}`, `await x`, `yield` in
 * any position and `for await` make it true.
 *
 * ## Implementation
 * The compiler works on text and parses the file again; most files of a
 * project have no suspend function, and walking the tree tsc already parsed
 * costs far less than that second parse. The test is a superset of what
 * the compiler lowers today (generators) and will lower (async functions,
 * async generators, coroutines): a `yield` or `await` outside any suspend
 * function is included too, so its diagnostic still comes from coro. The
 * walk stops at the first hit, and keeps its own stack.
 *
 * ## References
 * ECMAScript 2025, 15.5 Generator Function Definitions, 15.8 Async Function
 * Definitions, 14.7.5 The for-in, for-of, and for-await-of Statements.
 */
import type * as ts from 'typescript';
import type { TypeScript } from './host-typescript';

export function mayHoldSuspension(typescript: TypeScript, sourceFile: ts.SourceFile): boolean {
  const { SyntaxKind } = typescript;
  // An explicit stack: tsc itself handles a left-nested chain of 10,000 `+` (its checker and printer
  // are trampolined), so a recursive walk here would be the first thing to overflow.
  const pending: ts.Node[] = [sourceFile];
  const push = (child: ts.Node): void => {
    pending.push(child);
  };
  while (pending.length > 0) {
    const node = pending.pop() as ts.Node;
    switch (node.kind) {
      case SyntaxKind.YieldExpression:
      case SyntaxKind.AwaitExpression:
        return true;
      case SyntaxKind.ForOfStatement:
        if ((node as ts.ForOfStatement).awaitModifier !== undefined) return true;
        break;
      default:
        if (typescript.isFunctionLike(node) && isSuspendFunction(typescript, node)) return true;
    }
    typescript.forEachChild(node, push);
  }
  return false;
}

function isSuspendFunction(typescript: TypeScript, node: ts.SignatureDeclaration): boolean {
  if ((node as ts.FunctionLikeDeclaration).asteriskToken !== undefined) return true;
  return typescript.canHaveModifiers(node) && (typescript.getModifiers(node) ?? []).some((modifier) => modifier.kind === typescript.SyntaxKind.AsyncKeyword);
}
