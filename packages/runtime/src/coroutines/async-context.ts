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
 * the queue resumed in a capture does not share that capture. A capture
 * keeps what it copied; after each task the queue runs in it, the queue has
 * it checked (`separateChanges`): a task that called `als.enterWith` changed
 * the capture itself, so it is given one of its own, made then, and the
 * shared one gets its stores back. That check lists the resource's symbols
 * (about 150 ns, more than the rest of a resumption) after every task, with
 * one exception: a capture made while no `AsyncLocalStorage` was in use
 * (the common case of a program without one) copied no store, so the only
 * change a task can make to it is a key added by a storage first used since,
 * and `AsyncLocalStorage` adds its key by assignment, which for a key the
 * resource does not own reaches the resource's prototype: there a `Proxy`
 * with a `set` trap notes it before defining the key on the resource, and
 * the check after a task is that note. Not for every capture, because every
 * lookup of a key the resource does not own then passes the proxy (about
 * 100 ns more), and Node looks one up in each `executionAsyncResource()`,
 * which `getStore` and every promise made under a storage call.
 * `async_hooks` is reached through `process.getBuiltinModule` (Node >=
 * 20.16), which works in CommonJS and ES modules alike and is absent
 * outside Node: there the runtime works without context propagation (the
 * context is `null`).
 *
 * ## References
 * - https://nodejs.org/docs/latest-v20.x/api/async_context.html#class-asyncresource
 * - https://nodejs.org/docs/latest-v20.x/api/process.html#processgetbuiltinmoduleid
 * - https://tc39.es/ecma262/#sec-ordinaryset (an assignment of a key an object does not own goes to its prototype's [[Set]])
 */

interface AsyncHooks {
  AsyncResource: new (type: string, options: { requireManualDestroy: boolean }) => AsyncResourceLike;
  executionAsyncResource(): object;
}

type AsyncResourceLike = { runInAsyncScope(fn: Function, thisArg: unknown, ...args: unknown[]): unknown };

/** A capture: the resource, what notes a key added to it (when it copied no store), and what it copied (its symbol keys but the async ids, their values, how many keys in all). */
interface Capture {
  readonly resource: AsyncResourceLike;
  readonly watcher: KeyWatcher | undefined;
  readonly keys: symbol[];
  readonly values: unknown[];
  readonly keyCount: number;
}

/**
 * The trap of the proxy under a capture's resource: an assignment of a key
 * the resource does not own sets `added`, then defines the key on the
 * resource (the receiver), as the assignment would have.
 */
class KeyWatcher {
  added = false;

  set(target: object, key: PropertyKey, value: unknown, receiver: unknown): boolean {
    this.added = true;
    return Reflect.set(target, key, value, receiver);
  }
}

var hooks: AsyncHooks | undefined = loadAsyncHooks();
/** The last capture, the execution resource it was made in, and how many symbol keys that resource had then. */
var lastCapture: Capture | undefined;
var madeIn: object | undefined;
var madeInKeyCount = 0;
var hasOwn = Object.prototype.hasOwnProperty;

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
  if (lastCapture !== undefined && resource === madeIn && resourceKeyCount === madeInKeyCount && holds(resource, lastCapture)) return lastCapture;
  lastCapture = makeCapture(hooks);
  madeIn = resource;
  madeInKeyCount = resourceKeyCount;
  return lastCapture;
}

function makeCapture(host: AsyncHooks): Capture {
  var resource = new host.AsyncResource('coro.Task', { requireManualDestroy: true });
  var all = Object.getOwnPropertySymbols(resource);
  var keys: symbol[] = [];
  var values: unknown[] = [];
  for (var i = 0; i < all.length; i++) {
    if (all[i].description === 'async_id_symbol' || all[i].description === 'trigger_async_id_symbol') continue;
    keys.push(all[i]);
    values.push((resource as unknown as Record<symbol, unknown>)[all[i]]);
  }
  var watcher: KeyWatcher | undefined;
  if (keys.length === 0) {
    watcher = new KeyWatcher();
    var below = Object.create(Object.getPrototypeOf(resource)) as object;
    Object.setPrototypeOf(resource, new Proxy(below, watcher as ProxyHandler<object>));
  }
  return { resource: resource, watcher: watcher, keys: keys, values: values, keyCount: all.length };
}

/** Whether `resource` owns every store `capture` copied, with the same value. */
function holds(resource: object, capture: Capture): boolean {
  for (var i = 0; i < capture.keys.length; i++) {
    if (!hasOwn.call(resource, capture.keys[i]) || (resource as Record<symbol, unknown>)[capture.keys[i]] !== capture.values[i]) return false;
  }
  return true;
}

export function runInContext(context: unknown, run: (context: unknown) => void): void {
  if (context === null || context === undefined) run(context);
  else (context as Capture).resource.runInAsyncScope(run, undefined, context);
}

/**
 * Called inside `context` right after a task ran in it. A task that changed a store there
 * (`als.enterWith`) changed the shared capture: it gets a capture of its own, made now (so it
 * keeps the change, as the rest of a native async function would), and the shared one gets back
 * the stores it copied, which the tasks sharing it started with. `undefined` when nothing changed.
 */
export function separateChanges(context: unknown): unknown {
  if (context === null || context === undefined) return undefined;
  var shared = context as Capture;
  var resource = shared.resource as unknown as Record<symbol, unknown>;
  var watcher = shared.watcher;
  if (watcher !== undefined) {
    if (!watcher.added) return undefined;
    watcher.added = false;
  }
  var keys = Object.getOwnPropertySymbols(resource);
  if (keys.length === shared.keyCount && holds(resource, shared)) return undefined;
  var own = makeCapture(hooks!);
  for (var i = 0; i < keys.length; i++) {
    var at = shared.keys.indexOf(keys[i]);
    if (at >= 0) resource[keys[i]] = shared.values[at];
    else if (keys[i].description !== 'async_id_symbol' && keys[i].description !== 'trigger_async_id_symbol') delete resource[keys[i]];
  }
  return own;
}
