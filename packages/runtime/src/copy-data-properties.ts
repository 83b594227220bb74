/**
 * `copyDataProperties(source, excludedKeys)`: the object an object rest
 * element receives, when the compiler takes its pattern apart step by step
 * (the pattern holds a `yield` or an `await`).
 *
 * ## Example
 * ```js
 * const { a = yield, [k]: b, ...rest } = o;
 * // lowered: $source = o; … $key = $coro.toPropertyKey(k); …
 * //          rest = $coro.copyDataProperties($source, ["a", $key]);
 * ```
 *
 * ## Implementation
 * `Reflect.ownKeys` is the source's one [[OwnPropertyKeys]] call, so the
 * copy follows its order (integer keys, strings, then symbols). Each key that
 * is not excluded costs one [[GetOwnProperty]] and, when enumerable, one
 * [[Get]] with the source as receiver: a proxy sees the traps native rest
 * calls, and a getter runs once. The copy is defined, not assigned
 * (CreateDataPropertyOrThrow): an own `__proto__` key stays a plain property
 * and a setter on `Object.prototype` is never called. The excluded keys are
 * property keys already (strings and symbols), for which `===` is SameValue.
 *
 * ## References
 * ECMA-262 CopyDataProperties; RestBindingInitialization;
 * RestDestructuringAssignmentEvaluation.
 */
export function copyDataProperties(source: unknown, excludedKeys: readonly PropertyKey[]): object {
  var target = {};
  if (source === undefined || source === null) return target;
  var from = Object(source);
  var keys = Reflect.ownKeys(from);
  next: for (var i = 0; i < keys.length; i++) {
    var key = keys[i];
    for (var j = 0; j < excludedKeys.length; j++) if (excludedKeys[j] === key) continue next;
    var descriptor = Object.getOwnPropertyDescriptor(from, key);
    if (descriptor !== undefined && descriptor.enumerable) {
      Object.defineProperty(target, key, { value: from[key], writable: true, enumerable: true, configurable: true });
    }
  }
  return target;
}
