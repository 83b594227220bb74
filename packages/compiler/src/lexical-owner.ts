/**
 * Whose `this`, `arguments`, `new.target` and `super` an arrow sees: the
 * nearest enclosing plain function, class field initializer or static block.
 *
 * ## Example
 * ```js
 * async function f() {
 *   await ready;
 *   return { tag: 'o', m() { return (async () => this.tag)(); } };
 * }
 * ```
 * The inner arrow's `this` is `m`'s, not `f`'s, though `f` is the suspend
 * function the arrow is lowered inside.
 *
 * ## Implementation
 * `ownsLexicalValues` says whether code at a child of a node sees the node's
 * own values; `isLexicallyWithin` walks from an arrow up to a given function,
 * `lexicalOwnerOf` up to the first owner. A computed key, a decorator and a
 * class's `extends` clause are evaluated by the code around their member or
 * class, so they belong to that code.
 *
 * ## References
 * ECMAScript 2025, 15.3 Arrow Function Definitions (no own `this`,
 * `arguments`, `super` or `new.target`); 9.4.3 GetThisEnvironment;
 * 15.7.10 ClassFieldDefinitionEvaluation; 15.7.11 ClassStaticBlockDefinitionEvaluation.
 */
import ts from 'typescript';
import { isFunctionLike } from './function-like';

/**
 * Whether code at `child` sees the `this` (and `arguments`, `new.target`, `super`) of `node` rather
 * than of the code around `node`: a plain function's parameters and body, a class field's
 * initializer, a static block.
 */
export function ownsLexicalValues(node: ts.Node, child: ts.Node): boolean {
  if (isFunctionLike(node) && !ts.isArrowFunction(node)) return child !== node.name && !ts.isDecorator(child);
  if (ts.isPropertyDeclaration(node)) return child === node.initializer;
  return ts.isClassStaticBlockDeclaration(node);
}

/** Whether `fn` is where `arrow` takes its lexical values from: nothing between them owns its own. */
export function isLexicallyWithin(arrow: ts.ArrowFunction, fn: ts.Node): boolean {
  let child: ts.Node = arrow;
  for (let node = arrow.parent; node !== fn; child = node, node = node.parent) {
    if (ownsLexicalValues(node, child)) return false;
  }
  return true;
}

/** The node whose lexical values `arrow` sees: a plain function, a class field, a static block, or the source file. */
export function lexicalOwnerOf(arrow: ts.ArrowFunction): ts.Node {
  let child: ts.Node = arrow;
  for (let node = arrow.parent; ; child = node, node = node.parent) {
    if (ts.isSourceFile(node) || ownsLexicalValues(node, child)) return node;
  }
}
