/**
 * A fresh realm for one test run, with the host-defined bindings test262
 * expects: `print` and `$262`.
 *
 * ## Example
 *
 * ```ts
 * const realm = createRealm();
 * vm.runInContext('print("Test262:AsyncTestComplete"); $262.evalScript("var x = 1");', realm.context);
 * realm.printed   // ['Test262:AsyncTestComplete']
 * ```
 *
 * ## Implementation
 *
 * Each realm is a new `vm` context with the host's default microtask queue:
 * promise jobs of the test then run on the worker's own event loop, so an
 * async test settles exactly as a native program's would, and an endless
 * chain of jobs hangs only the worker process, which the pool replaces
 * (pool.ts). The context has no timers, no `console`, no `require`: only
 * what INTERPRETING.md lists.
 *
 * `$262` offers `createRealm`, `evalScript`, `detachArrayBuffer`, `gc` (the
 * worker runs with `--expose-gc`) and `global`. `agent` (shared-memory
 * agents), `IsHTMLDDA` and `AbstractModuleSource` are absent: tests that need
 * them fail natively and are not counted. `evalScript` rethrows a parse error
 * as the realm's own `SyntaxError`, which is what a test's
 * `assert.throws(SyntaxError, …)` compares against; everything a script
 * throws while it runs already belongs to the realm.
 *
 * ## References
 *
 * test262 INTERPRETING.md, "Host-Defined Functions"; Node.js `vm.createContext`.
 */
import * as vm from 'vm';
import { asRealmError } from './thrown';

export interface Realm {
  readonly context: vm.Context;
  /** The context's global object. */
  readonly global: object;
  /** Every string the test passed to `print`, in order. */
  readonly printed: string[];
}

export function createRealm(): Realm {
  const context = vm.createContext({});
  const printed: string[] = [];
  const realmGlobal = vm.runInContext('globalThis', context) as Record<string, unknown>;
  defineHostBinding(realmGlobal, 'print', function print(message: unknown) {
    printed.push(String(message));
  });
  defineHostBinding(realmGlobal, '$262', host262(context, realmGlobal));
  return { context, global: realmGlobal, printed };
}

function host262(context: vm.Context, realmGlobal: Record<string, unknown>): object {
  const $262 = vm.runInContext('({})', context) as Record<string, unknown>;
  $262.global = realmGlobal;
  $262.createRealm = function createRealm262() {
    const other = createRealm();
    return vm.runInContext('$262', other.context);
  };
  $262.evalScript = function evalScript(source: unknown) {
    let script: vm.Script;
    try {
      script = new vm.Script(String(source), { filename: 'evalScript.js' });
    } catch (error) {
      throw asRealmError(context, error);
    }
    return script.runInContext(context);
  };
  $262.detachArrayBuffer = function detachArrayBuffer(buffer: ArrayBuffer) {
    structuredClone(buffer, { transfer: [buffer] });
    return null;
  };
  $262.gc = function gc() {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (collect === undefined) throw new (vm.runInContext('Error', context) as ErrorConstructor)('no gc in this host');
    collect();
  };
  return $262;
}

/** INTERPRETING.md: writable, configurable, non-enumerable properties of the global object. */
function defineHostBinding(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}
