/**
 * Async context across a coroutine's awaits: what `AsyncLocalStorage` sees
 * inside a coroutine after an `await` is what it saw when the coroutine
 * started, also when the scheduler's own queue resumes it.
 *
 * ## Example
 * ```js
 * als.run({ requestId: 7 }, () => handle());   // handle is a coroutine
 * // inside handle, after `await delay(10)`: als.getStore().requestId === 7
 * ```
 *
 * ## Implementation
 * At its first real suspension a task captures the context it runs in: an
 * `AsyncResource`, which copies every store of the current execution
 * resource when it is made. A task that never suspends captures nothing.
 * Tasks that suspend in the same context share one capture, so a thousand
 * tasks started by one request hold one resource between them (the heap
 * cost is the frame's own pointer), and making a resource (about 2 µs:
 * every `AsyncLocalStorage` copies its store into it) is paid once. The last
 * capture is kept with the execution resource it was made in; it is shared
 * while that resource is still the current one and holds what the capture
 * copied: every own symbol-keyed property of the capture but its async ids
 * (the stores of Node's `AsyncLocalStorage`) is an own property of the
 * resource with the same value, and the resource has gained no property
 * since (an `AsyncLocalStorage` first used since then). Where Node keeps a
 * context frame in the capture instead of stores on resources, the resource
 * has no such property, and nothing is shared: correct, only not cheaper. That
 * comparison is made on every capture, because `als.run(store, fn)` changes
 * the store of the current resource for the length of `fn`: two tasks
 * started in one resource under two `run` calls see two contexts (fixture
 * `coroutines/interop`), and a task started under `run` inside a task that
 * the queue resumed in a capture does not share that capture.
 * `async_hooks` is reached through `process.getBuiltinModule` (Node >=
 * 20.16), which works in CommonJS and ES modules alike and is absent
 * outside Node: there the runtime works without context propagation (the
 * context is `null`).
 *
 * ## References
 * - https://nodejs.org/docs/latest-v20.x/api/async_context.html#class-asyncresource
 * - https://nodejs.org/docs/latest-v20.x/api/process.html#processgetbuiltinmoduleid
 */

interface AsyncHooks {
  AsyncResource: new (type: string, options: { requireManualDestroy: boolean }) => Context;
  executionAsyncResource(): object;
}

type Context = { runInAsyncScope(fn: Function, thisArg: unknown, ...args: unknown[]): unknown };

var hooks: AsyncHooks | undefined = loadAsyncHooks();
/** The last capture, the execution resource it was made in, and how many symbol keys each had then. */
var lastCapture: Context | undefined;
var lastCaptureKeys: symbol[] = [];
var madeIn: object | undefined;
var madeInKeyCount = 0;

function loadAsyncHooks(): AsyncHooks | undefined {
  var host = typeof process === 'object' && process !== null ? (process as unknown as { getBuiltinModule?: (id: string) => unknown }) : undefined;
  if (!host || typeof host.getBuiltinModule !== 'function') return undefined;
  return host.getBuiltinModule('async_hooks') as AsyncHooks | undefined;
}

/** The context a task suspending now resumes in; `null` where there is no `async_hooks`. */
export function captureContext(): unknown {
  if (!hooks) return null;
  var resource = hooks.executionAsyncResource();
  var resourceKeyCount = Object.getOwnPropertySymbols(resource).length;
  if (lastCapture !== undefined && resource === madeIn && resourceKeyCount === madeInKeyCount && holdsWhatWasCopied(resource)) return lastCapture;
  lastCapture = new hooks.AsyncResource('coro.Task', { requireManualDestroy: true });
  lastCaptureKeys = Object.getOwnPropertySymbols(lastCapture);
  madeIn = resource;
  madeInKeyCount = resourceKeyCount;
  return lastCapture;
}

var hasOwn = Object.prototype.hasOwnProperty;

function holdsWhatWasCopied(resource: object): boolean {
  for (var i = 0; i < lastCaptureKeys.length; i++) {
    var key = lastCaptureKeys[i];
    if (key.description === 'async_id_symbol' || key.description === 'trigger_async_id_symbol') continue;
    if (!hasOwn.call(resource, key) || (resource as Record<symbol, unknown>)[key] !== (lastCapture as unknown as Record<symbol, unknown>)[key]) return false;
  }
  return true;
}

export function runInContext(context: unknown, run: (context: unknown) => void): void {
  if (context === null || context === undefined) run(context);
  else (context as Context).runInAsyncScope(run, undefined, context);
}
