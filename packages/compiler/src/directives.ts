/**
 * Directive prologues and strictness: whether code at a place is strict,
 * and how many of a body's first statements are its directives.
 *
 * ## Example
 * In `function f() { 'use strict'; yield* g(); }` the first statement is
 * the prologue (`directiveCount` 1) and the body is strict.
 *
 * ## Implementation
 * Strictness is inherited: a module, a class body, or a function (or script)
 * whose prologue holds `"use strict"`.
 *
 * ## References
 * ECMAScript 2025, 11.2.1 Directive Prologues and the Use Strict Directive;
 * 11.2.2 Strict Mode Code.
 */
import ts from 'typescript';

/** Whether code at `node` runs in strict mode. */
export function isStrictAt(node: ts.Node, module: boolean): boolean {
  if (module) return true;
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isClassLike(n)) return true;
    const body = ts.isSourceFile(n) ? n : ts.isFunctionLike(n) ? (n as ts.FunctionLikeDeclaration).body : undefined;
    if (body && (ts.isSourceFile(body) || ts.isBlock(body)) && hasUseStrict(body.statements)) return true;
  }
  return false;
}

export function hasUseStrict(statements: readonly ts.Statement[]): boolean {
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) return false;
    const raw = s.expression.getText();
    if (raw === '"use strict"' || raw === "'use strict'") return true;
  }
  return false;
}

/** The directive prologue of a body (`"use strict"` and friends). */
export function directiveCount(statements: readonly ts.Statement[]): number {
  let k = 0;
  while (k < statements.length && ts.isExpressionStatement(statements[k]) && ts.isStringLiteral((statements[k] as ts.ExpressionStatement).expression)) k++;
  return k;
}
