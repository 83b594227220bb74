/**
 * `notAConstructor()`: what `new` on a lowered generator or async function
 * does. Natively neither kind has [[Construct]]; the wrapper that stands in
 * for one is an ordinary function, so it asks `new.target` and throws here.
 *
 * ## Example
 *
 * ```js
 * function g(a) { return new.target ? $coro.notAConstructor() : new g$Frame(a); }
 * new g(1);   // TypeError, as native
 * ```
 *
 * ## Implementation
 *
 * `new.target`, not `this instanceof Frame`: a call whose `this` merely
 * inherits the function's `prototype` (`g.call(Object.create(g.prototype))`)
 * is a call, and must run.
 *
 * ## References
 *
 * - ECMA-262 §10.2.1 [[Call]] and §7.3.14 Construct: a function object
 *   without [[Construct]] throws a TypeError when constructed.
 */
export function notAConstructor(): never {
  throw new TypeError('not a constructor');
}
