/**
 * `GeneratorPrototype`: the object every lowered generator inherits, holding
 * `next`, `return` and `throw`.
 *
 * ## Example
 *
 * ```js
 * var gen = count(2);            // a frame; its prototype chain is
 * // gen → count.prototype → GeneratorPrototype → %IteratorPrototype%
 * gen.next();                    // { value: 0, done: false }
 * gen.return(7);                 // { value: 7, done: true }
 * ```
 *
 * ## Implementation
 *
 * Built once from the engine's own %IteratorPrototype% (reached through an
 * array iterator), so `gen[Symbol.iterator]() === gen` and iterator helpers
 * work on lowered generators. The three methods (./resume-generator.ts) only
 * pick the resume mode; `resumeGenerator` does the rest. Their properties
 * copy the native ones: non-enumerable, `length` 1, `name`
 * "next"/"return"/"throw" (the functions themselves are called
 * `generatorNext`… so that stack traces say what they are). Unlike native
 * built-ins they still own a `prototype` property, which ES5 syntax cannot
 * avoid.
 *
 * ## References
 *
 * - ECMA-262 §27.5.1 Properties of the %GeneratorPrototype% Object
 * - ECMA-262 §27.1.2 The %IteratorPrototype% Object
 */
import { defineFunctionConstructor } from './function-constructor';
import { generatorNext, generatorReturn, generatorThrow } from './resume-generator';

export var GeneratorPrototype: Generator<unknown, unknown, unknown> = /*#__PURE__*/ createGeneratorPrototype();

/** %GeneratorFunction.prototype%: what lowered generator functions inherit from, as native ones do. */
export var GeneratorFunctionPrototype: object = /*#__PURE__*/ createGeneratorFunctionPrototype(GeneratorPrototype);

function createGeneratorFunctionPrototype(generatorPrototype: object) {
  var prototype = Object.create(Function.prototype);
  Object.defineProperty(prototype, 'prototype', { value: generatorPrototype, configurable: true });
  Object.defineProperty(generatorPrototype, 'constructor', { value: prototype, configurable: true });
  Object.defineProperty(prototype, Symbol.toStringTag, { value: 'GeneratorFunction', configurable: true });
  defineFunctionConstructor(prototype, 'GeneratorFunction', 'generator');
  return prototype;
}

function createGeneratorPrototype() {
  var iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  var prototype = Object.create(iteratorPrototype);
  defineMethod(prototype, 'next', generatorNext);
  defineMethod(prototype, 'return', generatorReturn);
  defineMethod(prototype, 'throw', generatorThrow);
  Object.defineProperty(prototype, Symbol.toStringTag, { value: 'Generator', configurable: true });
  return prototype;
}

export function defineMethod(object: object, name: string, method: Function) {
  Object.defineProperty(method, 'name', { value: name });
  Object.defineProperty(object, name, { value: method, writable: true, configurable: true });
}
