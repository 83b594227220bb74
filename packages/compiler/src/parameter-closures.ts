/**
 * Parameters that a closure in the parameter list shares with the body.
 *
 * ## Example
 * ```js
 * function* counter(i = 0, next = () => ++i) { yield next(); yield i; }
 * ```
 * `next` is made by the wrapper, which evaluates the parameters natively, so
 * it closes over the wrapper's own `i`; the body's `i` is a frame field.
 * Natively both are one binding: `[...counter()]` is `[1, 1]`. Such a
 * parameter's field must be the wrapper's binding itself, as a mapped
 * `arguments` makes it (`mapParameters`, lower.ts).
 *
 * ## Implementation
 * A parameter qualifies when a function or class inside the parameter list
 * references it, the body references it too, something writes it (else both
 * copies hold the same value forever), and the body declares no `var` or
 * function of its name: with parameter expressions such a declaration is a
 * second binding, of the body's own variable environment, which only starts
 * with the parameter's value (the frame field already behaves so).
 *
 * ## References
 * ECMAScript 2025, 10.2.11 FunctionDeclarationInstantiation, steps 27–28
 * (with parameter expressions, a separate environment for the body's
 * `var`s, each initialized from the parameter of its name).
 */
import ts from 'typescript';
import type { Binding, ScopeInfo } from './scope';
import { isFunctionLike } from './function-like';
import { isInsideClosure, isWritten } from './build/bindings';

export function parametersSharedWithClosures(fn: ts.FunctionLikeDeclaration, scopes: ScopeInfo): Binding[] {
  const { functionScope, resolved } = scopes;
  const inClosure = new Set<Binding>();
  const inBody = new Set<Binding>();
  const written = new Set<Binding>();
  const parameterList = fn.parameters;
  for (const [id, binding] of resolved) {
    if (binding.kind !== 'param' || binding.scope !== functionScope) continue;
    if (id.pos >= parameterList.pos && id.end <= parameterList.end) {
      if (isInsideClosure(id, fn)) inClosure.add(binding);
    } else {
      inBody.add(binding);
    }
    if (isWritten(id)) written.add(binding);
  }
  if (inClosure.size === 0) return [];
  const redeclared = bodyVarNames(fn);
  return [...inClosure].filter((b) => inBody.has(b) && written.has(b) && !redeclared.has(b.name));
}

/** The names the body's `var` statements and top-level function declarations declare (its VarDeclaredNames). */
function bodyVarNames(fn: ts.FunctionLikeDeclaration): Set<string> {
  const names = new Set<string>();
  const addPattern = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (ts.isBindingElement(element)) addPattern(element.name);
  };
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.BlockScoped) === 0) {
      for (const d of node.declarations) addPattern(d.name);
    }
    ts.forEachChild(node, visit);
  };
  const body = fn.body;
  if (!body || !ts.isBlock(body)) return names;
  for (const statement of body.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) names.add(statement.name.text);
    else visit(statement);
  }
  return names;
}
