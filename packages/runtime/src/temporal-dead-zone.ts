/**
 * The temporal dead zone of `let`, `const` and `class` bindings that a
 * lowered function keeps in its frame.
 *
 * ## Example
 * ```js
 * { yield; f(); let x = 1; function f() { return x; } }
 * // lowered: x = $coro.uninitialized at block entry; reads are checkInitialized(x, "x"),
 * // writes x = checkWritable(x, value, "x")
 * ```
 *
 * ## Implementation
 * A binding that could be read before its declaration runs holds a unique
 * marker until then; the compiler checks reads only of those bindings, so
 * code where every read follows the declaration pays nothing.
 *
 * ## References
 * ECMA-262 §9.1.1.1.6 GetBindingValue and §9.1.1.1.5 SetMutableBinding
 * (ReferenceError for an uninitialized binding).
 */
export var uninitialized = /*#__PURE__*/ Symbol.for('@coro/runtime.uninitialized');

export function checkInitialized<T>(value: T, name: string): T {
  if (value === uninitialized) throw new ReferenceError("Cannot access '" + name + "' before initialization");
  return value;
}

/**
 * What an assignment stores into a binding that may still be in its dead
 * zone: the value, once the binding is initialized. The value was computed
 * first, as native code computes it before the write throws.
 */
export function checkWritable<T>(current: unknown, value: T, name: string): T {
  if (current === uninitialized) throw new ReferenceError("Cannot access '" + name + "' before initialization");
  return value;
}

/**
 * An assignment to a `const` binding: the value was computed, the write
 * fails (§9.1.1.1.5 SetMutableBinding). V8's message names no binding.
 */
export function throwConstantAssignment(): never {
  throw new TypeError('Assignment to constant variable.');
}
