/**
 * Where a lowered function's helpers (frame constructor, step function,
 * tables) go: the nearest statement list that sees exactly the bindings the
 * function sees.
 *
 * ## Example
 * ```js
 * for (let i of xs) fns.push(function* () { yield i; });
 * ```
 * has no statement list inside the loop, so the body is wrapped in a block
 * that holds the helpers, and each iteration's step function sees its own `i`:
 * ```js
 * for (let i of xs) { function $generator$step(…) {…} … fns.push(…); }
 * ```
 *
 * ## Implementation
 * Walk up from the function. A block, a case clause or the file is a
 * statement list: the helpers go right before the statement that holds the
 * function. On the way, a `for` head with `let`/`const` or an arrow's
 * expression body is a scope without a statement list: the statement or the
 * expression is wrapped in braces. Parameter lists and class bodies that use
 * private names cannot host helpers: that is reported.
 *
 * ## References
 * ECMAScript 2025, 14.7.4.2 ForLoopEvaluation (per-iteration bindings);
 * 15.3 arrow function concise bodies.
 */
import ts from 'typescript';
import { isFunctionLike } from './scope';
import { UnsupportedError } from './diagnostics';

export interface HoistSite {
  /** The statement list container (Block, SourceFile, CaseClause, ModuleBlock). */
  readonly container: ts.Node;
  /** The statement of the container that holds the function; helpers go before it. */
  readonly anchor: ts.Node;
  /** When set, `anchor` must be wrapped: `{ helpers anchor }` or `{ helpers return anchor; }`. */
  readonly wrap?: 'statement' | 'arrowBody';
}

export function isStatementList(node: ts.Node): boolean {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isModuleBlock(node);
}

function declaresBlockScoped(node: ts.ForStatement | ts.ForInStatement | ts.ForOfStatement): boolean {
  const init = node.initializer;
  return init !== undefined && ts.isVariableDeclarationList(init) && (init.flags & ts.NodeFlags.BlockScoped) !== 0;
}

export function findHoistSite(fn: ts.Node): HoistSite {
  let child: ts.Node = fn;
  for (let node = fn.parent; node; child = node, node = node.parent) {
    if (isStatementList(node)) return { container: node, anchor: child };
    if (isFunctionLike(node)) {
      if (ts.isArrowFunction(node) && node.body === child) return { container: node, anchor: child, wrap: 'arrowBody' };
      throw new UnsupportedError(fn, 'a generator inside a parameter list is not supported');
    }
    if ((ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) && declaresBlockScoped(node)) {
      if (node.statement === child) return { container: node, anchor: child, wrap: 'statement' };
      throw new UnsupportedError(fn, 'a generator inside a for-loop head is not supported');
    }
  }
  throw new UnsupportedError(fn, 'no statement list encloses this generator');
}

/**
 * Where an expression's helpers can go instead of an IIFE around it: the
 * site `findHoistSite` finds, unless the way there leaves a class body (a
 * field initializer's `this` and private names) or needs a site that does
 * not exist (a parameter list, a `for` head).
 */
export function expressionHoistSite(fn: ts.Node): HoistSite | undefined {
  for (let node = fn.parent; node && !isStatementList(node); node = node.parent) {
    if (ts.isClassLike(node)) return undefined;
  }
  try {
    return findHoistSite(fn);
  } catch (error) {
    if (error instanceof UnsupportedError) return undefined;
    throw error;
  }
}

export function usesPrivateNames(fn: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    if (found) return;
    if (ts.isPrivateIdentifier(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

/** Position where setup statements of a statement list go: after directives and imports. */
export function topOfStatementList(container: ts.Node, sourceFile: ts.SourceFile): number {
  const statements: readonly ts.Statement[] =
    ts.isSourceFile(container) || ts.isBlock(container) || ts.isModuleBlock(container) || ts.isCaseClause(container) || ts.isDefaultClause(container)
      ? (container as ts.Block).statements
      : [];
  let position: number | undefined;
  for (const s of statements) {
    if (ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && position === undefined) continue;
    if (ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s)) {
      position = undefined;
      continue;
    }
    return s.getStart(sourceFile);
  }
  if (statements.length) return statements[statements.length - 1].end;
  if (ts.isBlock(container) || ts.isModuleBlock(container)) return container.getStart(sourceFile) + 1;
  return container.end;
}

/** Whether code at `node` runs in strict mode. */
export function isStrictAt(node: ts.Node, module: boolean): boolean {
  if (module) return true;
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isClassLike(n)) return true;
    const body = ts.isSourceFile(n) ? n : isFunctionLike(n) ? (n as ts.FunctionLikeDeclaration).body : undefined;
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
