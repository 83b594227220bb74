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
import { defineFunctionConstructor } from './function-constructor';
import { defineMethod } from './generator-prototype';

export var AsyncIteratorPrototype: object = /*#__PURE__*/ createAsyncIteratorPrototype();

export var AsyncGeneratorPrototype: object = /*#__PURE__*/ createAsyncGeneratorPrototype(AsyncIteratorPrototype);

export var AsyncGeneratorFunctionPrototype: object = /*#__PURE__*/ createAsyncGeneratorFunctionPrototype(AsyncGeneratorPrototype);

function createAsyncIteratorPrototype() {
  var prototype = {};
  var asyncIterator = function (this: unknown) {
    return this;
  };
  Object.defineProperty(asyncIterator, 'name', { value: '[Symbol.asyncIterator]' });
  Object.defineProperty(prototype, Symbol.asyncIterator, { value: asyncIterator, writable: true, configurable: true });
  return prototype;
}

function createAsyncGeneratorPrototype(asyncIteratorPrototype: object) {
  var prototype = Object.create(asyncIteratorPrototype);
  defineMethod(prototype, 'next', asyncGeneratorNext);
  defineMethod(prototype, 'return', asyncGeneratorReturn);
  defineMethod(prototype, 'throw', asyncGeneratorThrow);
  Object.defineProperty(prototype, Symbol.toStringTag, { value: 'AsyncGenerator', configurable: true });
  return prototype;
}

function createAsyncGeneratorFunctionPrototype(asyncGeneratorPrototype: object) {
  var prototype = Object.create(Function.prototype);
  Object.defineProperty(prototype, 'prototype', { value: asyncGeneratorPrototype, configurable: true });
  Object.defineProperty(asyncGeneratorPrototype, 'constructor', { value: prototype, configurable: true });
  Object.defineProperty(prototype, Symbol.toStringTag, { value: 'AsyncGeneratorFunction', configurable: true });
  defineFunctionConstructor(prototype, 'AsyncGeneratorFunction', 'asyncGenerator');
  return prototype;
}

function asyncGeneratorNext(this: AsyncGeneratorFrame, value: unknown) {
  return requestAsyncGenerator(this, 0, value);
}

function asyncGeneratorThrow(this: AsyncGeneratorFrame, value: unknown) {
  return requestAsyncGenerator(this, 1, value);
}

function asyncGeneratorReturn(this: AsyncGeneratorFrame, value: unknown) {
  return requestAsyncGenerator(this, 2, value);
}
