/**
 * `using` and `await using` in a lowered function: the resources a block
 * holds, and their disposal when the block is left, however it is left.
 *
 * ## Example
 * ```js
 * { using a = open(); yield a.read(); }
 * // lowered: $d = $coro.newDisposables(); a = $coro.addDisposable($d, open(), false);
 * // the block's finally: $coro.disposeResources($d, $completion === "throw", $result);
 * ```
 *
 * ## Implementation
 * The compiler puts a block that declares resources in a protected region
 * whose finally disposes them (the machine's finally, so `break`, `return`,
 * a throw and a generator's `return()` all pass through it). Sync disposal is
 * one call. Async disposal is a loop of the machine: `nextAsyncDisposal` calls
 * the next resource's method and hands back what the machine must await
 * (`DISPOSAL_DONE` when nothing is left), `asyncDisposalThrew` records an
 * awaited rejection, and `endAsyncDisposal` throws what the disposal made of
 * the block's completion. Errors combine as the specification says: each
 * new error thrown while a throw completion is pending becomes a
 * `SuppressedError` whose `suppressed` is the pending one.
 *
 * `SuppressedError` is the engine's where it has one and this module's
 * otherwise (Node 20 has none); `Symbol.dispose` and `Symbol.asyncDispose`
 * fall back to the registered symbols that TypeScript's own downlevel uses.
 *
 * ## References
 * ECMAScript 2026, 7.5 Operations on Disposable Objects: AddDisposableResource,
 * CreateDisposableResource, GetDisposeMethod, DisposeResources; 20.5.8
 * SuppressedError Objects.
 */
type Hint = 'sync-dispose' | 'async-dispose';

interface Resource {
  readonly value: unknown;
  readonly hint: Hint;
  readonly method: ((this: unknown) => unknown) | undefined;
}

/** One block's resources, and (during async disposal) where the disposal stands. */
export interface Disposables {
  readonly resources: Resource[];
  throwing: boolean;
  error: unknown;
  /** A disposal error replaced the block's completion: the end of the disposal throws it. */
  replaced: boolean;
  needsAwait: boolean;
  hasAwaited: boolean;
  /** A resource whose call waits for the `Await(undefined)` that must come before it. */
  held: Resource | undefined;
}

var disposeSymbol = wellKnownSymbol('dispose');
var asyncDisposeSymbol = wellKnownSymbol('asyncDispose');

function wellKnownSymbol(name: 'dispose' | 'asyncDispose'): symbol {
  var own = (Symbol as unknown as Record<string, unknown>)[name];
  return typeof own === 'symbol' ? own : Symbol.for('Symbol.' + name);
}

export interface SuppressedErrorConstructor {
  new (error: unknown, suppressed: unknown, message?: string): Error & { error: unknown; suppressed: unknown };
}

export var SuppressedError: SuppressedErrorConstructor = engineSuppressedError() || ownSuppressedError();

function engineSuppressedError(): SuppressedErrorConstructor | undefined {
  var own = (globalThis as unknown as Record<string, unknown>).SuppressedError;
  return typeof own === 'function' ? (own as SuppressedErrorConstructor) : undefined;
}

function ownSuppressedError(): SuppressedErrorConstructor {
  function SuppressedError(this: unknown, error: unknown, suppressed: unknown, message?: string): Error {
    var self = new Error(message === undefined ? '' : String(message));
    Object.setPrototypeOf(self, this instanceof SuppressedError ? Object.getPrototypeOf(this) : SuppressedError.prototype);
    Object.defineProperty(self, 'error', { value: error, writable: true, configurable: true });
    Object.defineProperty(self, 'suppressed', { value: suppressed, writable: true, configurable: true });
    return self;
  }
  SuppressedError.prototype = Object.create(Error.prototype, {
    constructor: { value: SuppressedError, writable: true, configurable: true },
    name: { value: 'SuppressedError', writable: true, configurable: true },
    message: { value: '', writable: true, configurable: true },
  });
  return SuppressedError as unknown as SuppressedErrorConstructor;
}

/** Marks the end of an async disposal: there is nothing left to await. */
export var DISPOSAL_DONE = {};

export function newDisposables(): Disposables {
  return { resources: [], throwing: false, error: undefined, replaced: false, needsAwait: false, hasAwaited: false, held: undefined };
}

/** `using x = value` (`isAsync` for `await using`): records the resource and gives the value to bind. */
export function addDisposable<T>(disposables: Disposables, value: T, isAsync: boolean): T {
  var hint: Hint = isAsync ? 'async-dispose' : 'sync-dispose';
  if (value === null || value === undefined) {
    // An `await using` of nothing still awaits once when the block is left.
    if (isAsync) disposables.resources.push({ value: undefined, hint: hint, method: undefined });
    return value;
  }
  if (typeof value !== 'object' && typeof value !== 'function') throw new TypeError('The value of a using declaration must be an object, null or undefined');
  var method = disposeMethod(value as unknown as object, hint);
  if (method === undefined) throw new TypeError(isAsync ? 'The value of an await using declaration is neither async disposable nor disposable' : 'The value of a using declaration is not disposable');
  disposables.resources.push({ value: value, hint: hint, method: method });
  return value;
}

function disposeMethod(value: object, hint: Hint): ((this: unknown) => unknown) | undefined {
  if (hint === 'async-dispose') {
    var asyncMethod = methodOf(value, asyncDisposeSymbol);
    if (asyncMethod !== undefined) return asyncMethod;
    var syncMethod = methodOf(value, disposeSymbol);
    if (syncMethod === undefined) return undefined;
    // A sync dispose used asynchronously: its result is not awaited, its throw is a rejection.
    return function (this: unknown) {
      try {
        syncMethod!.call(this);
      } catch (error) {
        return Promise.reject(error);
      }
      return Promise.resolve(undefined);
    };
  }
  return methodOf(value, disposeSymbol);
}

/** GetMethod: undefined for `undefined` and `null`, a TypeError for anything else not callable. */
function methodOf(value: object, key: symbol): ((this: unknown) => unknown) | undefined {
  var method = (value as Record<symbol, unknown>)[key];
  if (method === undefined || method === null) return undefined;
  if (typeof method !== 'function') throw new TypeError(String(key) + ' is not a function');
  return method as (this: unknown) => unknown;
}

/** DisposeResources' step for a throw completion: the new error suppresses the pending one. */
function disposalThrew(disposables: Disposables, error: unknown): void {
  disposables.error = disposables.throwing ? new SuppressedError(error, disposables.error, '') : error;
  disposables.throwing = true;
  disposables.replaced = true;
}

/**
 * Disposes a block's `using` resources, last first. Returns when the block's
 * completion stands (its pending throw, if any, is rethrown by the finally);
 * throws what a disposer's error made of it.
 */
export function disposeResources(disposables: Disposables, throwing: boolean, error: unknown): void {
  disposables.throwing = throwing;
  disposables.error = error;
  var resources = disposables.resources;
  while (resources.length > 0) {
    var resource = resources.pop()!;
    try {
      resource.method!.call(resource.value);
    } catch (thrown) {
      disposalThrew(disposables, thrown);
    }
  }
  if (disposables.replaced) throw disposables.error;
}

/** Starts an async disposal from the block's completion. */
export function beginAsyncDisposal(disposables: Disposables, throwing: boolean, error: unknown): void {
  disposables.throwing = throwing;
  disposables.error = error;
}

/**
 * The next step of an async disposal: calls the next resource's method and
 * returns what the machine awaits before asking again (a disposer's result,
 * or `undefined` for the await that a sync resource or the end may need), or
 * `DISPOSAL_DONE`.
 */
export function nextAsyncDisposal(disposables: Disposables): unknown {
  var resources = disposables.resources;
  for (;;) {
    var resource = disposables.held !== undefined ? disposables.held : resources.pop();
    disposables.held = undefined;
    if (resource === undefined) break;
    if (resource.hint === 'sync-dispose' && disposables.needsAwait && !disposables.hasAwaited) {
      disposables.needsAwait = false;
      disposables.held = resource;
      return undefined;
    }
    if (resource.method === undefined) {
      disposables.needsAwait = true;
      continue;
    }
    var result: unknown;
    try {
      result = resource.method.call(resource.value);
    } catch (thrown) {
      disposalThrew(disposables, thrown);
      continue;
    }
    if (resource.hint === 'async-dispose') {
      disposables.hasAwaited = true;
      return result;
    }
  }
  if (disposables.needsAwait && !disposables.hasAwaited) {
    disposables.needsAwait = false;
    disposables.hasAwaited = true;
    return undefined;
  }
  return DISPOSAL_DONE;
}

/** An awaited disposer's result rejected. */
export function asyncDisposalThrew(disposables: Disposables, error: unknown): void {
  disposalThrew(disposables, error);
}

/** The end of an async disposal: throws what a disposer's error made of the block's completion. */
export function endAsyncDisposal(disposables: Disposables): void {
  if (disposables.replaced) throw disposables.error;
}
