/**
 * Loading `@coro/runtime` for a program under test.
 *
 * ## Example
 *
 * Lowered code with `runtime: 'require'` starts with
 * `var $coro = require('@coro/runtime');`. In a sandbox that call goes to the
 * `require` built by {@link createRuntimeRequire}, which answers with the real
 * built runtime (the files `require.resolve('@coro/runtime')` finds on the host).
 *
 * ## Implementation
 *
 * Two ways, chosen by {@link RuntimeRealm}:
 * - `'context'` (default): the runtime's built CommonJS files are evaluated
 *   inside the sandbox, once per context, with a small module loader. The
 *   runtime then shares the program's intrinsics, as it does in real life:
 *   its generator prototype inherits the sandbox's `%IteratorPrototype%`,
 *   the `TypeError`s it throws are the sandbox's `TypeError`, and `instanceof`
 *   inside the program answers what it answers natively.
 * - `'host'`: the host's own `require('@coro/runtime')` module object is handed
 *   over, objects and all. Cheaper, but intrinsics then come from two realms.
 *
 * Compiled `vm.Script`s are cached per file, and relative specifiers per
 * directory, so a new context only pays for running the runtime's top level,
 * not for parsing it or looking for its files.
 *
 * ## References
 *
 * Node.js `vm` module; the CommonJS module wrapper
 * (`(exports, require, module, __filename, __dirname)`).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

export type RuntimeRealm = 'context' | 'host';

/** The module specifier a sandboxed program requires for the runtime. */
export const RUNTIME_SPECIFIER = '@coro/runtime';

/**
 * The other one it may require: coro's function compiler, for lowered code
 * that makes suspend functions from source text. It is the host's module;
 * requiring it installs it on the sandbox's global object, as loading it
 * installs it on a program's own realm.
 */
export const DYNAMIC_FUNCTIONS_SPECIFIER = '@coro/compiler/dynamic-functions';

interface SandboxModule {
  exports: unknown;
}

const compiledFiles = new Map<string, vm.Script>();

/**
 * A `require` for the sandbox: exactly `'@coro/runtime'` resolves, anything
 * else throws the sandbox's own `Error`, like a missing module would.
 */
export function createRuntimeRequire(context: vm.Context, realm: RuntimeRealm): (specifier: unknown) => unknown {
  const SandboxError = vm.runInContext('Error', context) as ErrorConstructor;
  const modules = new Map<string, SandboxModule>();
  let hostRuntime: unknown;

  return function require(specifier: unknown): unknown {
    if (specifier === DYNAMIC_FUNCTIONS_SPECIFIER) return installDynamicFunctionsIn(context);
    if (specifier !== RUNTIME_SPECIFIER) {
      throw new SandboxError(`Cannot find module '${String(specifier)}' (a sandbox may only require '${RUNTIME_SPECIFIER}' and '${DYNAMIC_FUNCTIONS_SPECIFIER}')`);
    }
    if (realm === 'host') {
      hostRuntime ??= hostRequireRuntime();
      return hostRuntime;
    }
    return loadInContext(resolveRuntimeEntry(), context, modules);
  };
}

function installDynamicFunctionsIn(context: vm.Context): unknown {
  const dynamicFunctions = require(DYNAMIC_FUNCTIONS_SPECIFIER) as { installDynamicFunctions(global: object): void };
  dynamicFunctions.installDynamicFunctions(vm.runInContext('globalThis', context) as object);
  return dynamicFunctions;
}

function hostRequireRuntime(): unknown {
  // Resolved from this package, so a missing build is reported by Node itself.
  return require(RUNTIME_SPECIFIER);
}

function resolveRuntimeEntry(): string {
  return require.resolve(RUNTIME_SPECIFIER);
}

function loadInContext(filename: string, context: vm.Context, modules: Map<string, SandboxModule>): unknown {
  const cached = modules.get(filename);
  if (cached !== undefined) return cached.exports;
  const sandboxModule: SandboxModule = { exports: vm.runInContext('({})', context) };
  modules.set(filename, sandboxModule);
  const directory = path.dirname(filename);
  const localRequire = (specifier: string): unknown => {
    if (specifier.startsWith('./') || specifier.startsWith('../')) {
      return loadInContext(resolveRelative(directory, specifier), context, modules);
    }
    if (specifier === RUNTIME_SPECIFIER) return loadInContext(resolveRuntimeEntry(), context, modules);
    // The runtime has no dependencies today; should it gain one, it is the host's.
    return require(specifier);
  };
  const wrapper = compiledScript(filename).runInContext(context) as (...args: unknown[]) => void;
  wrapper.call(sandboxModule.exports, sandboxModule.exports, localRequire, sandboxModule, filename, directory);
  return sandboxModule.exports;
}

/** By directory and specifier: what every context's loader resolved before. */
const resolvedFiles = new Map<string, string>();

function resolveRelative(directory: string, specifier: string): string {
  const key = `${directory}\0${specifier}`;
  const known = resolvedFiles.get(key);
  if (known !== undefined) return known;
  const base = path.resolve(directory, specifier);
  for (const candidate of [base, `${base}.js`, path.join(base, 'index.js')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      resolvedFiles.set(key, candidate);
      return candidate;
    }
  }
  throw new Error(`@coro/testkit: cannot resolve '${specifier}' from ${directory}`);
}

function compiledScript(filename: string): vm.Script {
  let script = compiledFiles.get(filename);
  if (script === undefined) {
    const source = fs.readFileSync(filename, 'utf8');
    script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename });
    compiledFiles.set(filename, script);
  }
  return script;
}
