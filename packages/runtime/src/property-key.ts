/**
 * `toPropertyKey(value)`: the spec's ToPropertyKey, for computed keys whose
 * value must be converted where it is evaluated, before a later `yield`.
 *
 * ## Example
 * ```js
 * ({ [key]: yield v })   // lowered: $t = $coro.toPropertyKey(key); … ({ [$t]: $value })
 * ```
 *
 * ## Implementation
 * `Object.defineProperty` converts its key with ToPropertyKey itself
 * (ToPrimitive with hint string, a Symbol kept as it is); reading the one key
 * back from a fresh object gives exactly what the engine computed, without
 * re-implementing ToPrimitive.
 *
 * ## References
 * ECMA-262 §7.1.19 ToPropertyKey; §13.2.5.4 ComputedPropertyName evaluation.
 */
export function toPropertyKey(value: unknown): string | symbol {
  var holder = {};
  Object.defineProperty(holder, value as PropertyKey, { value: 0 });
  var names = Object.getOwnPropertyNames(holder);
  return names.length ? names[0] : Object.getOwnPropertySymbols(holder)[0];
}

/**
 * The name SetFunctionName gives a function from a property key: the key
 * itself, or a symbol's description in brackets (`[Symbol.iterator]`), or
 * the empty string for a symbol without one (ECMA-262 §10.2.9).
 */
export function functionNameOf(key: string | symbol): string {
  if (typeof key === 'string') return key;
  return key.description === undefined ? '' : '[' + key.description + ']';
}

/**
 * `nameFunction(link(fn, Frame), key, length)`: names a linked wrapper where
 * its text cannot carry the name (`export default function* () {}`, whose
 * wrapper needs a binding of its own, a name that is no identifier, an
 * arrow's, whose place in a helper call would lose it, a computed key, named
 * as SetFunctionName names it), and gives it the `length` of the function it
 * stands for where it binds its parameters later (see `startAsyncWith`). A
 * call of its own, not an argument of every link: a program that names
 * nothing so does not carry it.
 */
export function nameFunction<F extends Function>(fn: F, key: string | symbol | undefined, length?: number): F {
  if (length !== undefined) Object.defineProperty(fn, 'length', { value: length, configurable: true });
  if (key !== undefined) Object.defineProperty(fn, 'name', { value: functionNameOf(key), configurable: true });
  return fn;
}
