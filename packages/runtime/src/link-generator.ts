/**
 * `linkGenerator(fn, Frame)`: gives a lowered generator function and its
 * frame constructor their shared prototype object.
 *
 * ## Example
 *
 * ```js
 * $coro.linkGenerator(count, count$Frame);   // top of the enclosing scope
 * function count(n) { return new count$Frame(n); }
 * Object.getPrototypeOf(count(1)) === count.prototype;   // true
 * ```
 *
 * ## Implementation
 *
 * Natively each generator function owns a fresh `prototype` object inheriting
 * %GeneratorPrototype%, and its generator objects inherit that. Lowered, the
 * objects are frames, so the same object becomes `Frame.prototype` too. `fn`
 * is `null` for methods, whose frames still need the prototype.
 *
 * A generator expression is linked each time it is evaluated, while its
 * frame constructor is made once per enclosing scope: the prototype is made
 * on the first link and reused after, so every function object made from one
 * expression agrees with the frames it creates.
 *
 * ## References
 *
 * - ECMA-262 §15.5.3 InstantiateGeneratorFunctionObject (the function's `prototype`)
 * - ECMA-262 §15.5.2 EvaluateGeneratorBody (the generator object inherits it)
 */
import { GeneratorFunctionPrototype, GeneratorPrototype } from './generator-prototype';
import { AsyncGeneratorFunctionPrototype, AsyncGeneratorPrototype } from './async-generator-prototype';
import { isObject } from './iterator-protocol';

/** A wrapper whose text cannot carry its name is named by `nameFunction` (./property-key.ts) around the link. */
export function linkGenerator<F extends Function | null>(fn: F, Frame: Function): F {
  return linkWith(fn, Frame, GeneratorPrototype, GeneratorFunctionPrototype);
}

/** The same for an async generator function: its objects inherit %AsyncGeneratorPrototype%. */
export function linkAsyncGenerator<F extends Function | null>(fn: F, Frame: Function): F {
  return linkWith(fn, Frame, AsyncGeneratorPrototype, AsyncGeneratorFunctionPrototype);
}

function linkWith<F extends Function | null>(fn: F, Frame: Function, objectPrototype: object, functionPrototype: object): F {
  var prototype = Frame.prototype;
  if (Object.getPrototypeOf(prototype) !== objectPrototype) {
    prototype = Object.create(objectPrototype);
    Frame.prototype = prototype;
  }
  if (fn) {
    // The wrapper reads `Frame.$function.prototype` at each call, as OrdinaryCreateFromConstructor does.
    (Frame as { $function?: Function }).$function = fn;
    // A method has no `prototype` of its own: this makes one with the attributes a generator method's has.
    Object.defineProperty(fn, 'prototype', { value: prototype, writable: true });
    Object.setPrototypeOf(fn, functionPrototype);
  }
  return fn;
}

/**
 * For a decorated suspend method: a decorator written next to the method,
 * so that it runs before the user's decorators (they apply from the nearest
 * out) and links the method they are given, which may replace it. It takes
 * both calling conventions: TypeScript's legacy decorators pass
 * `(prototype, key, descriptor)`, standard ones `(method, context)`; it
 * returns nothing, which replaces nothing in either.
 */
export function linkDecoratedMethod(Frame: Function, link: (fn: Function, Frame: Function) => unknown) {
  return function (method: unknown, context: unknown, descriptor?: PropertyDescriptor): void {
    var fn = arguments.length > 2 ? descriptor && descriptor.value : method;
    if (typeof fn === 'function') link(fn, Frame);
  };
}

/**
 * Links the suspend methods of a class or object literal once it exists:
 * `linkMethods(holder, key1, Frame1, link1, key2, Frame2, link2, …)` calls
 * `link(holder[key], Frame)` for each method, whatever its kind (`link` is
 * `linkGenerator`, `linkAsyncGenerator` or `linkAsyncFunction`), and returns
 * `holder`. A key named again by a later entry belongs to that later method,
 * which defined the property last (computed keys can meet at run time); a
 * property that is missing, an accessor or not a function any more (a later
 * property took the key) is left alone.
 */
export function linkMethods<T extends object>(holder: T): T {
  var links = arguments;
  for (var i = 1; i < links.length; i += 3) {
    if (isNamedLater(links, i)) continue;
    var descriptor = Object.getOwnPropertyDescriptor(holder, links[i]);
    if (descriptor && typeof descriptor.value === 'function') links[i + 2](descriptor.value, links[i + 1]);
  }
  return holder;
}

/**
 * Links the suspend methods of a class written as an expression, once it
 * exists, and returns it: `linkClass(class { … }, name, [key, Frame, link, …],
 * [key, Frame, link, …])` links the prototype's entries, then the class's
 * own (static) ones, as `linkMethods` does. A class made anonymous by the
 * call around it (`const C = class { … }` becoming `linkClass(class { … }, "C", …)`)
 * gets the name its place gave it: its own `name` is still the empty string
 * ClassDefinitionEvaluation gave it, as no static member may have replaced
 * it (a class with static fields or blocks is linked from inside).
 */
export function linkClass<C extends Function>(cls: C, name: string | undefined, prototypeLinks: unknown[], staticLinks: unknown[]): C {
  linkMethods.apply(undefined, [cls.prototype].concat(prototypeLinks) as [object]);
  linkMethods.apply(undefined, [cls as object].concat(staticLinks) as [object]);
  if (name !== undefined) {
    var own = Object.getOwnPropertyDescriptor(cls, 'name');
    if (own !== undefined && own.value === '' && !own.writable) Object.defineProperty(cls, 'name', { value: name, configurable: true });
  }
  return cls;
}

function isNamedLater(links: IArguments, i: number): boolean {
  for (var j = i + 3; j < links.length; j += 3) if (links[j] === links[i]) return true;
  return false;
}

/**
 * A generator object whose function's `prototype` was replaced: it inherits
 * the new one, or %GeneratorPrototype% when that is not an object
 * (ECMA-262 §10.1.14 GetPrototypeFromConstructor).
 */
export function adoptPrototype<T extends object>(frame: T, fn: Function): T {
  return adoptWith(frame, fn, GeneratorPrototype);
}

/** `adoptPrototype` for an async generator object: the fallback is %AsyncGeneratorPrototype%. */
export function adoptAsyncGeneratorPrototype<T extends object>(frame: T, fn: Function): T {
  return adoptWith(frame, fn, AsyncGeneratorPrototype);
}

function adoptWith<T extends object>(frame: T, fn: Function, fallback: object): T {
  var prototype = fn.prototype;
  Object.setPrototypeOf(frame, isObject(prototype) ? prototype : fallback);
  return frame;
}
