/**
 * `delete super.x` and `delete super[k]`, which always throw.
 *
 * ## Example
 * ```js
 * async m(k) { delete super[await k]; }
 * // lowered: ($t, $coro.deleteSuperProperty()) once the key is awaited
 * ```
 *
 * ## Implementation
 * A lowered method reaches `super` only through an accessor that reads or
 * writes; deleting through it would delete nothing and answer true. The
 * compiler evaluates the key first (without ToPropertyKey, as the
 * specification orders it) and then calls this.
 *
 * ## References
 * ECMA-262 §13.5.1.2 The delete operator, Runtime Semantics: Evaluation
 * (step 5.a: a super reference throws a ReferenceError).
 */
export function deleteSuperProperty(): never {
  throw new ReferenceError("Unsupported reference to 'super'");
}
