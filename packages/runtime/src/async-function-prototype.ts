/**
 * `AsyncFunctionPrototype` and `linkAsyncFunction(fn)`: lowered async
 * functions inherit what native ones do.
 *
 * ## Example
 *
 * ```js
 * var f = $coro.linkAsyncFunction(function f() { return $coro.startAsync(new f$Frame()); }, f$Frame);
 * Object.prototype.toString.call(f);   // "[object AsyncFunction]"
 * ```
 *
 * ## Implementation
 *
 * ES5 cannot name the engine's own %AsyncFunction.prototype% without async
 * syntax, so the runtime makes its own: a function prototype whose
 * `Symbol.toStringTag` is "AsyncFunction". A lowered async function is an
 * ordinary function underneath, so unlike a native one it still owns a
 * `prototype` property (non-configurable: it cannot be removed).
 *
 * ## References
 *
 * - ECMA-262 §27.7.3 Properties of the AsyncFunction Prototype Object
 * - ECMA-262 §15.8.5 InstantiateAsyncFunctionObject
 */
import { createFunctionPrototype } from './function-constructor';

export var AsyncFunctionPrototype: object = /*#__PURE__*/ createFunctionPrototype('AsyncFunction');

/**
 * `_Frame` is not needed by an async function (its frames are never seen by
 * user code) but is every linker's second argument, so `linkMethods` links
 * methods of all kinds alike. An arrow, and a wrapper whose text cannot carry
 * its name or that binds its parameters later, is named by `nameFunction`
 * (./property-key.ts) around the link.
 */
export function linkAsyncFunction<F extends Function | null>(fn: F, _Frame: Function): F {
  if (fn) Object.setPrototypeOf(fn, AsyncFunctionPrototype);
  return fn;
}
