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
 * Tasks that suspend in the same context share one capture: the last one is
 * kept, and a fresh resource whose context (every own symbol-keyed property
 * but its own async id: the stores of Node's `AsyncLocalStorage`, or the
 * context frame where Node has one, and the trigger id) is the same as the
 * kept one's is dropped for it. So a thousand tasks started by one request
 * hold one resource between them (the heap cost is the frame's own pointer),
 * and a program without `AsyncLocalStorage` keeps one capture per execution
 * resource that starts coroutines. The comparison is made on a fresh
 * resource, not on the current execution resource: `als.run(store, fn)`
 * changes the store of the current resource for the length of `fn`, so two
 * tasks started in one resource under two `run` calls see two contexts
 * (fixture `coroutines/interop`). For the same reason the capture a task is
 * resumed in must not be shared with a task started under `run` inside it
 * (its store is the one `run` set, until `run` returns): the trigger id
 * rules that out, as a resource made inside a capture is triggered by it,
 * and the capture by the resource it was made in.
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
}

type Context = { runInAsyncScope(fn: Function, thisArg: unknown, ...args: unknown[]): unknown };

var hooks: AsyncHooks | undefined = loadAsyncHooks();
/** The last capture: a task suspending in the same context shares it. */
var lastCapture: Context | undefined;

function loadAsyncHooks(): AsyncHooks | undefined {
  var host = typeof process === 'object' && process !== null ? (process as unknown as { getBuiltinModule?: (id: string) => unknown }) : undefined;
  if (!host || typeof host.getBuiltinModule !== 'function') return undefined;
  return host.getBuiltinModule('async_hooks') as AsyncHooks | undefined;
}

/** The context a task suspending now resumes in; `null` where there is no `async_hooks`. */
export function captureContext(): unknown {
  if (!hooks) return null;
  var fresh = new hooks.AsyncResource('coro.Task', { requireManualDestroy: true });
  if (lastCapture !== undefined && sameContext(lastCapture, fresh)) return lastCapture;
  return (lastCapture = fresh);
}

var hasOwn = Object.prototype.hasOwnProperty;

function sameContext(kept: object, fresh: object): boolean {
  var keys = Object.getOwnPropertySymbols(fresh);
  if (keys.length !== Object.getOwnPropertySymbols(kept).length) return false;
  for (var i = 0; i < keys.length; i++) {
    var key = keys[i];
    if (key.description === 'async_id_symbol') continue;
    if (!hasOwn.call(kept, key) || (kept as Record<symbol, unknown>)[key] !== (fresh as Record<symbol, unknown>)[key]) return false;
  }
  return true;
}

export function runInContext(context: unknown, run: (context: unknown) => void): void {
  if (context === null || context === undefined) run(context);
  else (context as Context).runInAsyncScope(run, undefined, context);
}
