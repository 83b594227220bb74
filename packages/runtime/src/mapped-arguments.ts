/**
 * `mapParameters(frame, field, get, set, …)`: a sloppy function's parameters
 * stay mapped to its `arguments` object across suspensions, and parameters
 * that a closure in the parameter list captures stay the closure's bindings.
 *
 * ## Example
 *
 * ```js
 * // function* g(a) { arguments[0] = 2; yield a; }   (sloppy code)
 * function g(a) {
 *   return $coro.mapParameters(new g$Frame(a, arguments), "a", function () { return a; }, function ($v) { a = $v; });
 * }
 * ```
 *
 * ## Implementation
 *
 * The engine already maps the wrapper's `arguments` to the wrapper's own
 * parameters. The frame's field for each parameter becomes an accessor of
 * that binding, so a write through `arguments[i]` is seen by the machine and
 * a write to the parameter by `arguments[i]`, for the arguments actually
 * passed, exactly as natively. Only functions that are sloppy, have a simple
 * parameter list and use `arguments` pay for it. The same accessors serve a
 * parameter that a closure made by the parameter list shares with the body
 * (`function* g(i, next = () => ++i)`), which pays only when it is written.
 *
 * ## References
 *
 * - ECMA-262 §10.4.4.7 CreateMappedArgumentsObject
 * - ECMA-262 §10.2.11 FunctionDeclarationInstantiation, step 22
 */
export function mapParameters<T extends object>(frame: T): T {
  for (var i = 1; i < arguments.length; i += 3) {
    Object.defineProperty(frame, arguments[i], { get: arguments[i + 1], set: arguments[i + 2], enumerable: true, configurable: true });
  }
  return frame;
}
