/**
 * The realm's own %Promise% and the few ways the runtime makes promises
 * with it: settled ones, and pending ones whose resolving functions land on
 * an object of ours.
 *
 * ## Example
 *
 * ```js
 * var request = { $resolve: undefined, $reject: undefined };
 * var promise = pendingPromise(request);   // request.$resolve(value) settles it
 * resolvedPromise(1);                      // a new promise, fulfilled with 1
 * ```
 *
 * ## Implementation
 *
 * Native async code uses the intrinsic %Promise%, never whatever the global
 * `Promise` holds later, and never a patched `then`: the intrinsics are
 * captured when the runtime loads. A pending promise is made with a shared
 * executor and a module variable instead of a closure per promise.
 * `resolvedPromise` resolves the way a promise capability's resolve
 * function does: a thenable is adopted (NewPromiseResolveThenableJob), never
 * returned as is, which `Promise.resolve` would do for a native promise.
 *
 * ## References
 *
 * - ECMA-262 §27.2.1.5 NewPromiseCapability, §27.2.1.3.2 Promise Resolve Functions
 * - ECMA-262 §27.2.4.7.1 PromiseResolve
 */
export var NativePromise = Promise;
export var promiseThen = NativePromise.prototype.then;
var promiseResolve = NativePromise.resolve;
var promiseReject = NativePromise.reject;

export interface PromiseSettlers {
  $resolve: Function | undefined;
  $reject: Function | undefined;
}

/** PromiseResolve(%Promise%, value): a native promise made by %Promise% as it is, anything else wrapped. */
export function promiseResolveIntrinsic(value: unknown): Promise<unknown> {
  return promiseResolve.call(NativePromise, value) as Promise<unknown>;
}

export function rejectedPromise(reason: unknown): Promise<unknown> {
  return promiseReject.call(NativePromise, reason) as Promise<unknown>;
}

var valuePendingResolution: unknown;

function resolveWithPendingValue(resolve: Function) {
  resolve(valuePendingResolution);
}

/** A new promise resolved with `value` as a capability's resolve function would. */
export function resolvedPromise(value: unknown): Promise<unknown> {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return promiseResolveIntrinsic(value);
  valuePendingResolution = value;
  var promise = new NativePromise(resolveWithPendingValue);
  valuePendingResolution = undefined;
  return promise;
}

var settlersPendingCapture: PromiseSettlers | undefined;

function captureSettlers(resolve: Function, reject: Function) {
  (settlersPendingCapture as PromiseSettlers).$resolve = resolve;
  (settlersPendingCapture as PromiseSettlers).$reject = reject;
}

/** A new pending promise; `settlers.$resolve`/`$reject` settle it. */
export function pendingPromise(settlers: PromiseSettlers): Promise<unknown> {
  settlersPendingCapture = settlers;
  var promise = new NativePromise(captureSettlers);
  settlersPendingCapture = undefined;
  return promise;
}
