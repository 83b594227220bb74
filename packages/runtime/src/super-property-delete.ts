/**
 * `delete super.x` and `delete super[k]` in a lowered method: the
 * ReferenceError the engine throws, since the step function, a plain
 * function, cannot write `super` itself.
 *
 * ## Example
 * ```js
 * async m(k) { await null; return delete super[k]; }
 * // lowered: return ($frame.k$, $coro.throwSuperPropertyDelete());
 * ```
 *
 * ## Implementation
 * The compiler evaluates the key expression first, as the reference's
 * evaluation does, and never converts it to a property key (the engine
 * throws before it would); then this throws.
 *
 * ## References
 * ECMA-262 §13.5.1.2 The delete Operator, Runtime Semantics: Evaluation
 * (step 4.b: a super reference throws a ReferenceError); §13.3.7.1 the
 * super Keyword, Runtime Semantics: Evaluation.
 */
export function throwSuperPropertyDelete(): never {
  throw new ReferenceError("Unsupported reference to 'super'");
}
