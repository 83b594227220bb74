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
 * `AsyncResource` made for the current execution resource. Tasks suspending
 * in the same execution resource share one (the last one is remembered), so a
 * thousand tasks started in one request cost one resource, and a task started
 * while the scheduler runs another inside its context reuses that context
 * itself. A task that never suspends captures nothing. `async_hooks` is
 * reached through `process.getBuiltinModule` (Node >= 20.16), which works in
 * CommonJS and ES modules alike and is absent outside Node: there the runtime
 * works without context propagation (the context is `null`). Known limit: a
 * store changed with `enterWith` inside one execution resource after a task
 * captured it is not seen by later tasks sharing that capture.
 *
 * ## References
 * - https://nodejs.org/docs/latest-v20.x/api/async_context.html#class-asyncresource
 * - https://nodejs.org/docs/latest-v20.x/api/process.html#processgetbuiltinmoduleid
 */

interface AsyncHooks {
  executionAsyncResource(): object;
  AsyncResource: new (type: string, options: { requireManualDestroy: boolean }) => { runInAsyncScope(fn: Function, thisArg: unknown, ...args: unknown[]): unknown };
}

type Context = { runInAsyncScope(fn: Function, thisArg: unknown, ...args: unknown[]): unknown };

var hooks: AsyncHooks | undefined = loadAsyncHooks();
var capturedResource: object | undefined;
var capturedContext: Context | undefined;
var ownContexts = typeof WeakSet === 'function' ? new WeakSet<object>() : undefined;

function loadAsyncHooks(): AsyncHooks | undefined {
  var host = typeof process === 'object' && process !== null ? (process as unknown as { getBuiltinModule?: (id: string) => unknown }) : undefined;
  if (!host || typeof host.getBuiltinModule !== 'function') return undefined;
  return host.getBuiltinModule('async_hooks') as AsyncHooks | undefined;
}

/** The context a task suspending now resumes in; `null` where there is no `async_hooks`. */
export function captureContext(): unknown {
  if (!hooks) return null;
  var resource = hooks.executionAsyncResource();
  if (ownContexts!.has(resource)) return resource;
  if (resource !== capturedResource) {
    capturedResource = resource;
    capturedContext = new hooks.AsyncResource('coro.Task', { requireManualDestroy: true });
    ownContexts!.add(capturedContext);
  }
  return capturedContext;
}

export function runInContext(context: unknown, run: (context: unknown) => void): void {
  if (context === null || context === undefined) run(context);
  else (context as Context).runInAsyncScope(run, undefined, context);
}
