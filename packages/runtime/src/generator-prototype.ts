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
 * "next"/"return"/"throw" (given by their keys in the object literal that
 * holds them). Unlike native built-ins they still own a `prototype`
 * property, which ES5 syntax cannot avoid.
 *
 * ## References
 *
 * - ECMA-262 §27.5.1 Properties of the %GeneratorPrototype% Object
 * - ECMA-262 §27.1.2 The %IteratorPrototype% Object
 */
import { createFunctionPrototype } from './function-constructor';
import { generatorMethods } from './resume-generator';

export var GeneratorPrototype: Generator<unknown, unknown, unknown> = /*#__PURE__*/ createObjectPrototype(
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
  generatorMethods,
  'Generator',
);

/** %GeneratorFunction.prototype%: what lowered generator functions inherit from, as native ones do. */
export var GeneratorFunctionPrototype: object = /*#__PURE__*/ createFunctionPrototype('GeneratorFunction', GeneratorPrototype);

/** %GeneratorPrototype% or its async kin: `methods` as non-enumerable properties, and the `Symbol.toStringTag`. */
export function createObjectPrototype(parent: object, methods: { [name: string]: Function }, tag: string) {
  var prototype = Object.create(parent);
  var names = Object.keys(methods);
  for (var i = 0; i < names.length; i++) Object.defineProperty(prototype, names[i], { value: methods[names[i]], writable: true, configurable: true });
  Object.defineProperty(prototype, Symbol.toStringTag, { value: tag, configurable: true });
  return prototype;
}
