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
 * The capture cannot be shared by the tasks of one execution resource:
 * `als.run(store, fn)` changes the store of the current resource for the
 * length of `fn`, so two tasks started in one resource under two `run`
 * calls see two contexts (fixture `coroutines/interop`). `async_hooks` is
 * reached through `process.getBuiltinModule` (Node >= 20.16), which works in
 * CommonJS and ES modules alike and is absent outside Node: there the runtime
 * works without context propagation (the context is `null`).
 *
 * ## References
 * - https://nodejs.org/docs/latest-v20.x/api/async_context.html#class-asyncresource
 * - https://nodejs.org/docs/latest-v20.x/api/process.html#processgetbuiltinmoduleid
 */

interface AsyncHooks {
  AsyncResource: new (type: string, options: { requireManualDestroy: boolean }) => { runInAsyncScope(fn: Function, thisArg: unknown, ...args: unknown[]): unknown };
}

type Context = { runInAsyncScope(fn: Function, thisArg: unknown, ...args: unknown[]): unknown };

var hooks: AsyncHooks | undefined = loadAsyncHooks();
function loadAsyncHooks(): AsyncHooks | undefined {
  var host = typeof process === 'object' && process !== null ? (process as unknown as { getBuiltinModule?: (id: string) => unknown }) : undefined;
  if (!host || typeof host.getBuiltinModule !== 'function') return undefined;
  return host.getBuiltinModule('async_hooks') as AsyncHooks | undefined;
}

/** The context a task suspending now resumes in; `null` where there is no `async_hooks`. */
export function captureContext(): unknown {
  return hooks ? new hooks.AsyncResource('coro.Task', { requireManualDestroy: true }) : null;
}

export function runInContext(context: unknown, run: (context: unknown) => void): void {
  if (context === null || context === undefined) run(context);
  else (context as Context).runInAsyncScope(run, undefined, context);
}
