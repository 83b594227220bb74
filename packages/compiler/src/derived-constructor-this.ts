/**
 * `this` of an arrow inside a derived class's constructor: uninitialized
 * until `super(…)` returns.
 *
 * ## Example
 * ```js
 * class B extends A {
 *   constructor() {
 *     const ready = async () => { await setup; return this.x; };
 *     const p = ready();   // `this` is not initialized yet: no error, it is read later
 *     super(1);
 *   }
 * }
 * ```
 * A lowered async arrow hands its `this` to the frame when it is called, as
 * a value: here that read would throw a ReferenceError before any of the
 * arrow's code ran. Such an arrow instead hands the frame a function that
 * reads `this` (`() => this`, made inside the constructor), called at each
 * read, and a `super(…)` in it becomes a call of `(...args) => super(...args)`,
 * also made inside the constructor, since the step function stands outside
 * it, where `super(…)` is a syntax error.
 *
 * ## Implementation
 * `isDerivedConstructor` says whether the arrow's lexical owner
 * (lexical-owner.ts) is the constructor of a class with an `extends` clause.
 * lower.ts makes the frame's inputs (`inputValue`), build/bindings.ts
 * `thisCode` the reads.
 *
 * ## References
 * ECMAScript 2025, 9.1.1.3 Function Environment Records (GetThisBinding,
 * BindThisValue); 13.3.7.1 SuperCall; 15.3 Arrow Function Definitions
 * (arrows have no `this` of their own).
 */
import ts from 'typescript';

export function isDerivedConstructor(node: ts.Node): boolean {
  if (!ts.isConstructorDeclaration(node) || !ts.isClassLike(node.parent)) return false;
  return node.parent.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword) ?? false;
}
