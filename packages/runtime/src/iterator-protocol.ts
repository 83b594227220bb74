/**
 * The iterator protocol operations lowered `for-of`, spread and `yield*`
 * need: `getIterator`, `iteratorNext`, `closeIterator`.
 *
 * ## Example
 *
 * ```js
 * // for (x of xs) body;   with a yield in the body:
 * $frame.$iterator = $coro.getIterator(xs);
 * $frame.$next = $frame.$iterator.next;            // read once, as the spec does
 * $step = $coro.iteratorNext($frame.$iterator, $frame.$next);
 * // … when the loop is left early, from its finally:
 * $coro.closeIterator($frame.$iterator, $completion === "throw");
 * ```
 *
 * ## Implementation
 *
 * Direct transcriptions of the spec operations. Methods are looked up with
 * GetMethod semantics (`null`/`undefined` mean absent, anything else must be
 * callable) and called with `.call`, `next` and `return` with no argument as
 * the spec does. Error messages never call user code (no `String(object)`).
 *
 * ## References
 *
 * - ECMA-262 §7.3 GetMethod
 * - ECMA-262 §7.4 GetIterator, GetIteratorFromMethod, IteratorNext, IteratorClose
 * - ECMA-262 §14.7.5.7 ForIn/OfBodyEvaluation
 */

export function getIterator(value: unknown): Iterator<unknown> {
  // Read here, not by getMethod, whose one load sees every key (megamorphic and keyed once many
  // objects have passed): this one sees one key. GetMethod's TypeError for a value that is not
  // callable and GetIterator's for a missing one are both this one.
  var method = value == null ? undefined : (value as any)[Symbol.iterator];
  if (typeof method !== 'function') throw new TypeError(describeValue(value) + ' is not iterable');
  return requireIterator(method.call(value), 'Symbol.iterator') as Iterator<unknown>;
}

export function iteratorNext(iterator: object, next: Function): IteratorResult<unknown> {
  if (typeof next !== 'function') throw notAFunction(next);
  return requireIteratorResult(next.call(iterator));
}

/**
 * IteratorClose. For a normal, `break`, `continue` or `return` completion,
 * errors of `return` win and its result must be an object; for a throw
 * completion (`throwing`) the original error wins, so whatever `return` does
 * is ignored (the caller rethrows its own error).
 */
export function closeIterator(iterator: object, throwing?: boolean): void {
  try {
    var method = getMethod(iterator, 'return');
    if (method === undefined) return;
    var result = method.call(iterator);
  } catch (error) {
    if (throwing) return;
    throw error;
  }
  if (!throwing) requireIteratorResult(result);
}

export function getMethod(value: unknown, key: PropertyKey): Function | undefined {
  var method = (value as any)[key];
  if (method == null) return undefined;
  if (typeof method !== 'function') throw notAFunction(method);
  return method;
}

/**
 * V8's TypeError for a call of a value that is no function where no source
 * text names the callee (an iterator's method): the value's type, and the
 * value itself for a number, a boolean, a string or null.
 */
export function notAFunction(value: unknown): TypeError {
  var type = value === null ? 'object null' : typeof value;
  if (type === 'number' || type === 'boolean') type += ' ' + String(value);
  else if (type === 'string') type += ' "' + value + '"';
  return new TypeError(type + ' is not a function');
}

export function requireIteratorResult(result: unknown): IteratorResult<unknown> {
  if (!isObject(result)) throw new TypeError('Iterator result ' + describeValue(result) + ' is not an object');
  return result as IteratorResult<unknown>;
}

/** What `value[key]()` returned, when it is an object; else V8's TypeError, which does not quote it. */
export function requireIterator(value: unknown, key: 'Symbol.iterator' | 'Symbol.asyncIterator'): object {
  if (!isObject(value)) throw new TypeError('Result of the ' + key + ' method is not an object');
  return value;
}

export function isObject(value: unknown): value is object {
  return typeof value === 'object' ? value !== null : typeof value === 'function';
}

export function describeValue(value: unknown): string {
  return isObject(value) ? typeof value : String(value);
}
