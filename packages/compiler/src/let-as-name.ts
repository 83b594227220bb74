/**
 * Sloppy code's variable named `let` where TypeScript's parser reads a
 * `let` declaration instead: in a for-in or for head (`for (let in o)`,
 * `for (let; …)`: a declaration of nothing) and where a single statement
 * stands, `let` before a line break (`if (x) let\ny = 1`: the engine reads
 * the expression `let`, then `y = 1`).
 *
 * ## Example
 * ```js
 * var let = 0;
 * function* g() { if (true) let
 *   y = 2; yield; }   // the engine assigns the global y; TypeScript declares a y of g
 * ```
 *
 * ## Implementation
 * The tree has no identifier for the variable, and the second form declares
 * a binding the engine never makes, so a suspend function holding either
 * (nested functions included: the scope analysis walks them) would read or
 * write the wrong variable. Such a function is refused (CORO1002), with the
 * way out: rename the variable, or end the statement after `let`. Strict
 * code reports both as early errors before (`let` is a reserved word there).
 *
 * ## References
 * ECMAScript 2025, 14.7.5 (for-in heads: only `let [` is excluded), 14.5
 * (ExpressionStatement lookahead: `let [`), 12.10 (automatic semicolon
 * insertion after `let` and a line break).
 */
import ts from 'typescript';
import { UnsupportedError } from './diagnostics';
import { isLetThenLineBreak } from './early-errors/statement-positions';

/** Refuses a suspend function in which TypeScript reads the variable `let` as a declaration. */
export function refuseLetReadAsDeclaration(fn: ts.FunctionLikeDeclaration): void {
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && node.declarations.length === 0 && isLoopHead(node)) {
      throw new UnsupportedError(node, "a variable named 'let' in a loop head is not supported in a suspend function: rename the variable");
    }
    if (ts.isVariableStatement(node) && isSingleStatementPosition(node) && isLetThenLineBreak(node.declarationList)) {
      throw new UnsupportedError(node, "'let' and a line break where a single statement stands reads a variable named 'let' (TypeScript reads a declaration): end the statement after 'let', or rename the variable");
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
}

function isLoopHead(list: ts.VariableDeclarationList): boolean {
  const loop = list.parent;
  return (ts.isForStatement(loop) || ts.isForInStatement(loop) || ts.isForOfStatement(loop)) && loop.initializer === list;
}

function isSingleStatementPosition(statement: ts.Statement): boolean {
  const parent = statement.parent;
  return ts.isIfStatement(parent) || ts.isIterationStatement(parent, false) || ts.isWithStatement(parent) || ts.isLabeledStatement(parent);
}
