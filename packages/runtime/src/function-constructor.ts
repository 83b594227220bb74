/**
 * `%GeneratorFunction%`, `%AsyncFunction%` and `%AsyncGeneratorFunction%`:
 * the constructors reached as `Object.getPrototypeOf(function* () {}).constructor`
 * in lowered code, which make a suspend function from source text.
 *
 * ## Example
 *
 * ```js
 * require('@coro/compiler/dynamic-functions');   // installs coro's compiler on globalThis
 * var GeneratorFunction = Object.getPrototypeOf(lowered).constructor;
 * var g = new GeneratorFunction('a', 'yield a; yield a * 2;');
 * g.name;                          // "anonymous"
 * g instanceof GeneratorFunction;  // true
 * [...g(2)];                       // [2, 4]
 * ```
 *
 * ## Implementation
 *
 * Lowered code holds no native generator, so the function a constructor
 * makes must be lowered at run time too, by coro's compiler. The runtime
 * does not depend on it: a compiler is a function installed on the realm's
 * global object (`installFunctionCompiler`; `@coro/compiler/dynamic-functions`
 * installs coro's transform). It checks the source text as
 * CreateDynamicFunction parses it and returns the lowered function as a
 * self-contained script body (its own inline runtime), or the SyntaxError's
 * message. The body is evaluated with the realm's `Function`, so the new
 * function closes over the global scope only; then it is adopted into the
 * constructor's intrinsics, as the last steps of CreateDynamicFunction make
 * it: its [[Prototype]] from the constructor `new` was given, its
 * `prototype` inheriting the constructor's generator prototype, its `name`
 * "anonymous". Without a compiler, a constructor throws an EvalError, which
 * is what a host that refuses to compile strings throws
 * (HostEnsureCanCompileStrings).
 *
 * A constructor itself is a shell: it converts its arguments (the first
 * steps of CreateDynamicFunction) and hands them to what
 * `installFunctionCompiler` put under the registered symbol
 * `FUNCTION_COMPILER`, which does the rest. So a program that never
 * installs a compiler, which is every program that does not make functions
 * from source text, does not carry that rest: `linkGenerator` reaches the
 * shell only. The rest uses the intrinsics of the realm whose global object
 * it was installed on (read when it is installed), which are those of the
 * constructors that read it there.
 *
 * The runtime is ES5, without `new.target`: the receiver `new` made tells
 * the prototype, when it inherits the constructor's `prototype` (`new`, a
 * subclass's `super()`). A `new.target` whose `prototype` does not, or is
 * no object, gives this realm's %GeneratorFunction.prototype% (natively:
 * its own `prototype`, or its realm's intrinsic, which the runtime cannot
 * name).
 *
 * ## References
 *
 * - ECMA-262 §20.2.1.1.1 CreateDynamicFunction
 * - ECMA-262 §27.3.1.1 GeneratorFunction, §27.4.1.1 AsyncGeneratorFunction, §27.7.1.1 AsyncFunction
 * - ECMA-262 §10.1.14 GetPrototypeFromConstructor
 */

/** The registered symbol under which a realm's function compiler is installed on its global object. */
var FUNCTION_COMPILER_KEY = '@coro/runtime.functionMaker';
export var FUNCTION_COMPILER = /*#__PURE__*/ Symbol.for(FUNCTION_COMPILER_KEY);

/** Which constructor asks: the source text starts `function*`, `async function` or `async function*`. */
export type DynamicFunctionKind = 'generator' | 'async' | 'asyncGenerator';

/**
 * What a compiler returns: the lowered function's script body, why the
 * source text is no function (a SyntaxError), or why the compiler cannot
 * lower it (an EvalError). Messages, not errors: the compiler may live in
 * another realm than the constructor that throws.
 */
export type CompiledFunction = { code: string } | { syntaxError: string } | { refused: string };

/** `parameters` is the text of the formal parameters, `body` the function body's, as CreateDynamicFunction joins them. */
export type FunctionCompiler = (kind: DynamicFunctionKind, parameters: string, body: string) => CompiledFunction;

/**
 * What a constructor hands the installed compiler: CreateDynamicFunction from
 * its compile step on. `texts` are the constructor's arguments, already
 * converted to strings, the body last; joining them is left here so that the
 * shell stays small.
 */
type FunctionMaker = (constructor: Function, receiver: unknown, name: string, texts: ArrayLike<string>) => Function;

var stringConcat = String.prototype.concat;

/** The kind a constructor makes, told by its name. */
var KIND_OF: { [name: string]: DynamicFunctionKind } = { GeneratorFunction: 'generator', AsyncFunction: 'async', AsyncGeneratorFunction: 'asyncGenerator' };

/** Installs `compile` as the function compiler of the realm whose global object is `global`. */
export function installFunctionCompiler(global: object, compile: FunctionCompiler): void {
  var realm = global as typeof globalThis;
  var RealmFunction = realm.Function;
  var RealmSyntaxError = realm.SyntaxError;
  var RealmEvalError = realm.EvalError;
  var make: FunctionMaker = function (constructor, receiver, name, texts) {
    var kind = KIND_OF[name];
    var parameters = '';
    for (var i = 0; i < texts.length - 1; i++) parameters += (i === 0 ? '' : ',') + texts[i];
    var compiled = compile(kind, parameters, texts.length === 0 ? '' : texts[texts.length - 1]);
    if ('syntaxError' in compiled) throw new RealmSyntaxError(compiled.syntaxError);
    if ('refused' in compiled) throw new RealmEvalError(name + ' cannot lower this source text: ' + compiled.refused);
    var fn: Function = new RealmFunction(compiled.code)();
    var fallback = constructor.prototype;
    // ES5 has no `new.target`: `new` (a subclass's `super()` too) made a receiver inheriting the prototype to give.
    Object.setPrototypeOf(fn, fallback.isPrototypeOf(receiver) ? Object.getPrototypeOf(receiver) : fallback);
    if (kind !== 'async') Object.setPrototypeOf(fn.prototype, fallback.prototype);
    Object.defineProperty(fn, 'name', { value: 'anonymous', configurable: true });
    return fn;
  };
  Object.defineProperty(global, FUNCTION_COMPILER, { value: make, writable: true, configurable: true });
}

/**
 * Makes %GeneratorFunction.prototype% or its kin: a function prototype whose
 * `Symbol.toStringTag` is `tag`, with its `constructor`, and, for the
 * generator kinds, `objectPrototype` (the prototype their generator objects
 * inherit) as its `prototype`, linked back by that object's `constructor`.
 */
export function createFunctionPrototype(tag: string, objectPrototype?: object): object {
  var prototype = Object.create(Function.prototype);
  if (objectPrototype) {
    Object.defineProperty(prototype, 'prototype', { value: objectPrototype, configurable: true });
    Object.defineProperty(objectPrototype, 'constructor', { value: prototype, configurable: true });
  }
  Object.defineProperty(prototype, Symbol.toStringTag, { value: tag, configurable: true });
  // Its one formal parameter gives it the `length` 1 of the native constructors.
  var constructor = function (this: unknown, _body: unknown) {
    var texts = arguments;
    // ToString, in order, before the compiler is asked for. `concat` converts as ToString does: an object's `toString`
    // before its `valueOf` (`'' + text` asks `valueOf` first), and a Symbol throws the TypeError that `String(symbol)` would not.
    for (var i = 0; i < texts.length; i++) texts[i] = stringConcat.call('', texts[i]);
    var make = (globalThis as { [key: symbol]: unknown })[Symbol.for(FUNCTION_COMPILER_KEY)];
    if (typeof make !== 'function') throw new EvalError(tag + ' cannot compile source text: require "@coro/compiler/dynamic-functions"');
    return (make as FunctionMaker)(constructor, this, tag, texts);
  };
  Object.defineProperties(constructor, { name: { value: tag }, prototype: { value: prototype, writable: false } });
  Object.setPrototypeOf(constructor, Function);
  Object.defineProperty(prototype, 'constructor', { value: constructor, configurable: true });
  return prototype;
}
