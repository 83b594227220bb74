/**
 * `AsyncGeneratorPrototype`: what every lowered async generator object
 * inherits (`next`, `return`, `throw`), with `AsyncIteratorPrototype` above
 * it and `AsyncGeneratorFunctionPrototype` for the functions.
 *
 * ## Example
 *
 * ```js
 * var gen = ticks(2);     // gen → ticks.prototype → AsyncGeneratorPrototype → AsyncIteratorPrototype
 * gen.next();             // a promise of { value, done }
 * gen[Symbol.asyncIterator]() === gen;   // true
 * ```
 *
 * ## Implementation
 *
 * ES5 cannot reach the engine's own %AsyncIteratorPrototype% without async
 * generator syntax, so the runtime makes its own, with the one method the
 * spec gives it. The three methods only pick the request kind;
 * `requestAsyncGenerator` does the rest. Properties copy the native ones:
 * non-enumerable methods named `next`/`return`/`throw`, and the
 * `Symbol.toStringTag` values "AsyncGenerator" and "AsyncGeneratorFunction".
 *
 * ## References
 *
 * - ECMA-262 §27.1.3 The %AsyncIteratorPrototype% Object
 * - ECMA-262 §27.6.1 The %AsyncGeneratorPrototype% Object
 * - ECMA-262 §27.4.3 Properties of the AsyncGeneratorFunction Prototype Object
 */
import { requestAsyncGenerator } from './async-generator';
import { AsyncGeneratorFrame } from './frame';
import { createFunctionPrototype } from './function-constructor';
import { createObjectPrototype } from './generator-prototype';

export var AsyncIteratorPrototype: object = /*#__PURE__*/ createAsyncIteratorPrototype();

export var AsyncGeneratorPrototype: object = /*#__PURE__*/ createObjectPrototype(
  AsyncIteratorPrototype,
  {
    next: function (this: AsyncGeneratorFrame, value: unknown) {
      return requestAsyncGenerator(this, 0, value);
    },
    return: function (this: AsyncGeneratorFrame, value: unknown) {
      return requestAsyncGenerator(this, 2, value);
    },
    throw: function (this: AsyncGeneratorFrame, value: unknown) {
      return requestAsyncGenerator(this, 1, value);
    },
  },
  'AsyncGenerator',
);

export var AsyncGeneratorFunctionPrototype: object = /*#__PURE__*/ createFunctionPrototype('AsyncGeneratorFunction', AsyncGeneratorPrototype);

function createAsyncIteratorPrototype() {
  var prototype = {};
  var asyncIterator = function (this: unknown) {
    return this;
  };
  Object.defineProperty(asyncIterator, 'name', { value: '[Symbol.asyncIterator]' });
  Object.defineProperty(prototype, Symbol.asyncIterator, { value: asyncIterator, writable: true, configurable: true });
  return prototype;
}
