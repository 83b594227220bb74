/**
 * `@coro/runtime`: what lowered code calls, and the one registration point
 * its function constructors read (`installFunctionCompiler`, see
 * ./function-constructor.ts); nothing else: the compiler's `inlineRuntime`
 * is the subpath `@coro/runtime/inline` (./inline-runtime.ts).
 *
 * ## Example
 * ```js
 * var $coro = require("@coro/runtime");
 * $coro.linkGenerator(g, g$Frame);
 * ```
 *
 * ## Implementation
 * Exports are plain bindings, not re-export getters: lowered code reads
 * `$coro.resumeDelegate` and friends on hot paths, and a CommonJS re-export would
 * make each read a getter call.
 *
 * ## References
 * docs/architecture.md, "Emitted code ↔ runtime contract".
 */
import * as prototypes from './generator-prototype';
import * as linking from './link-generator';
import * as resumption from './resume-generator';
import * as delegation from './delegate';
import * as iteration from './iterator-protocol';
import * as keys from './property-key';
import * as objectRest from './copy-data-properties';
import * as deadZone from './temporal-dead-zone';
import * as superDelete from './super-delete';
import * as mappedArguments from './mapped-arguments';
import * as asyncFunctions from './async-function';
import * as asyncStackTraces from './async-stack-trace';
import * as asyncFunctionPrototypes from './async-function-prototype';
import * as asyncIteration from './async-iteration';
import * as asyncGenerators from './async-generator';
import * as asyncGeneratorPrototypes from './async-generator-prototype';
import * as constructors from './not-a-constructor';
import * as disposal from './resource-disposal';
import * as functionConstructors from './function-constructor';
import * as nativePromises from './native-promise';

export var GeneratorPrototype = prototypes.GeneratorPrototype;
export var GeneratorFunctionPrototype = prototypes.GeneratorFunctionPrototype;
export var linkGenerator = linking.linkGenerator;
export var linkMethods = linking.linkMethods;
export var linkClass = linking.linkClass;
export var linkDecoratedMethod = linking.linkDecoratedMethod;
export var adoptPrototype = linking.adoptPrototype;
export var linkAsyncGenerator = linking.linkAsyncGenerator;
export var adoptAsyncGeneratorPrototype = linking.adoptAsyncGeneratorPrototype;
export var notAConstructor = constructors.notAConstructor;
export var installFunctionCompiler = functionConstructors.installFunctionCompiler;
export var FUNCTION_COMPILER = functionConstructors.FUNCTION_COMPILER;
export var AsyncGeneratorPrototype = asyncGeneratorPrototypes.AsyncGeneratorPrototype;
export var AsyncGeneratorFunctionPrototype = asyncGeneratorPrototypes.AsyncGeneratorFunctionPrototype;
export var AsyncIteratorPrototype = asyncGeneratorPrototypes.AsyncIteratorPrototype;
export var awaitInAsyncGenerator = asyncGenerators.awaitInAsyncGenerator;
export var resumeGenerator = resumption.resumeGenerator;
export var resumeDelegate = delegation.resumeDelegate;
export var getIterator = iteration.getIterator;
export var iteratorNext = iteration.iteratorNext;
export var closeIterator = iteration.closeIterator;
export var toPropertyKey = keys.toPropertyKey;
export var nameFunction = keys.nameFunction;
export var copyDataProperties = objectRest.copyDataProperties;
export var uninitialized = deadZone.uninitialized;
export var checkInitialized = deadZone.checkInitialized;
export var checkWritable = deadZone.checkWritable;
export var throwConstantAssignment = deadZone.throwConstantAssignment;
export var deleteSuperProperty = superDelete.deleteSuperProperty;
export var asyncStarted = asyncFunctions.asyncStarted;
export var rejectedPromise = nativePromises.rejectedPromise;
export var startAsyncWith = asyncFunctions.startAsyncWith;
export var awaitValue = asyncFunctions.awaitValue;
export var awaitOnce = asyncFunctions.awaitOnce;
export var describeAwaits = asyncStackTraces.describeAwaits;
export var describeAwaitOnce = asyncStackTraces.describeAwaitOnce;
export var AsyncFunctionPrototype = asyncFunctionPrototypes.AsyncFunctionPrototype;
export var linkAsyncFunction = asyncFunctionPrototypes.linkAsyncFunction;
export var getAsyncIterator = asyncIteration.getAsyncIterator;
export var callNext = asyncIteration.callNext;
export var callDelegate = asyncIteration.callDelegate;
export var startAsyncIteratorClose = asyncIteration.startAsyncIteratorClose;
export var NOTHING_TO_AWAIT = asyncIteration.NOTHING_TO_AWAIT;
export var requireIteratorResult = iteration.requireIteratorResult;
export var mapParameters = mappedArguments.mapParameters;
export var newDisposables = disposal.newDisposables;
export var addDisposable = disposal.addDisposable;
export var disposeResources = disposal.disposeResources;
export var beginAsyncDisposal = disposal.beginAsyncDisposal;
export var nextAsyncDisposal = disposal.nextAsyncDisposal;
export var asyncDisposalThrew = disposal.asyncDisposalThrew;
export var endAsyncDisposal = disposal.endAsyncDisposal;
export var DISPOSAL_DONE = disposal.DISPOSAL_DONE;
export var SuppressedError = disposal.SuppressedError;
export type { CompiledFunction, DynamicFunctionKind, FunctionCompiler } from './function-constructor';
export type { AsyncFrame, AsyncGeneratorFrame, GeneratorFrame, ResumeMode, StepFunction } from './frame';
