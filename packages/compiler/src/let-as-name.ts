/**
 * Sloppy code's variable named `let` in a for-in or for head, which
 * TypeScript's parser reads as a `let` declaration of nothing:
 * `for (let in o)`, `for (let; …)`.
 *
 * ## Example
 * ```js
 * var let;
 * function* g(o) { for (let in o) yield let; }   // the loop assigns the variable let
 * ```
 *
 * ## Implementation
 * The tree has no identifier for the variable, so a suspend function holding
 * such a head (nested functions included: the scope analysis walks them)
 * would lose its reads and writes. Such a function is refused (CORO1002),
 * with the way out: rename the variable. Strict code reports it as an early
 * error before (`let` is a reserved word there).
 *
 * The other place TypeScript reads a declaration where an engine reads the
 * variable, `let` before a line break where a single statement stands
 * (`if (x) let⏎y = 2`), is not caught here: test262 holds such code in
 * functions that never run, which lower and load as they are; run, the
 * names TypeScript declares are the function's own (README, known
 * differences).
 *
 * ## References
 * ECMAScript 2025, 14.7.5 (for-in heads: only `let [` is excluded), 14.7.4
 * (for heads), 12.10 (automatic semicolon insertion).
 */
import ts from 'typescript';
import { UnsupportedError } from './diagnostics';

/** Refuses a suspend function with a loop head in which TypeScript reads the variable `let` as a declaration. */
export function refuseLetReadAsDeclaration(fn: ts.FunctionLikeDeclaration): void {
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && node.declarations.length === 0 && isLoopHead(node)) {
      throw new UnsupportedError(node, "a variable named 'let' in a loop head is not supported in a suspend function: rename the variable");
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
}

function isLoopHead(list: ts.VariableDeclarationList): boolean {
  const loop = list.parent;
  return (ts.isForStatement(loop) || ts.isForInStatement(loop) || ts.isForOfStatement(loop)) && loop.initializer === list;
}
