/**
 * The plugin's options, checked once when the plugin is created.
 *
 * ## Example
 *
 * ```ts
 * const options = resolvePluginOptions({ include: ['src/**\/*.ts'], runtime: 'inline' });
 * options.isIncluded('/app/src/main.ts'); // true when the working directory is /app
 * options.runtimeFor('module'); // 'inline'
 * resolvePluginOptions({}).runtimeFor('script'); // 'require'
 * resolvePluginOptions({ runtme: 'inline' });
 * // Error: @coro/vite-plugin: unknown option 'runtme'; the options are include, exclude, runtime, coroutines, coroutineBudget, evalAndWith
 * ```
 *
 * ## Implementation
 *
 * `include`/`exclude` are @rollup/pluginutils' filter patterns (picomatch
 * globs, resolved against the working directory as every Rollup plugin
 * resolves them, or regular expressions), matched against the file path
 * without its query. By default every JavaScript and TypeScript module
 * outside `node_modules` is lowered: dependencies ship code built for their
 * own targets.
 * A misspelt option or an unknown runtime fails at once, in the config,
 * rather than as a build that silently does something else.
 *
 * A script (for Vite and Rollup a `.cjs` or `.cts` file; for webpack and
 * esbuild also a `.js` file Node would read as CommonJS) cannot `import`, so the default
 * `runtime: 'import'` becomes `require` there, which Vite, Rolldown and
 * @rollup/plugin-commonjs resolve like any other require. Bundlers resolve it
 * to the runtime's ES module build too (its "module" export condition), so
 * scripts and modules share one runtime; a `require` takes the whole
 * namespace, though, so a lowered script keeps all of the runtime in the
 * bundle. An explicit `'require'` or `'inline'` applies to every file as
 * given.
 *
 * ## References
 *
 * - https://github.com/rollup/plugins/tree/master/packages/pluginutils#createfilter
 * - docs/architecture.md, "Emitted code ↔ runtime contract" (the three ways to reach it)
 * - https://github.com/rollup/plugins/tree/master/packages/commonjs (mixed `import`/`require` modules)
 */
import { createFilter, type FilterPattern } from '@rollup/pluginutils';
import { coroutineBudget, defaultRuntime, type EvalAndWith, type RuntimeMode, type SourceType } from '@coro/host';

export interface CoroPluginOptions {
  /** Files to lower. Default: every `.js .jsx .mjs .cjs .ts .tsx .mts .cts` file. */
  readonly include?: FilterPattern;
  /** Files to leave as they are, even when included. Default: everything under `node_modules`. */
  readonly exclude?: FilterPattern;
  /**
   * How lowered code reaches `@coro/runtime`: `'import'` (default; `require`
   * in `.cjs`/`.cts` files), `'require'`, or `'inline'` (helpers written into
   * each file).
   */
  readonly runtime?: RuntimeMode;
  /** Files whose async functions are all coroutines, as if each began with `"use coroutine"`. Default: none. */
  readonly coroutines?: FilterPattern;
  /** Loop iterations between two turns a coroutine gives the others. Default: no counting. */
  readonly coroutineBudget?: number;
  /** A generator or async function with direct `eval` or `with`: `'lower'` (default) or `'refuse'`. */
  readonly evalAndWith?: EvalAndWith;
}

export interface ResolvedPluginOptions {
  readonly isIncluded: (file: string) => boolean;
  /** The runtime mode of a file the host reads as `sourceType`. */
  readonly runtimeFor: (sourceType: SourceType) => RuntimeMode;
  readonly isCoroutineFile: (file: string) => boolean;
  readonly coroutineBudget: number | undefined;
  readonly evalAndWith: EvalAndWith;
}

export const DEFAULT_INCLUDE = /\.[cm]?[jt]sx?$/;
export const DEFAULT_EXCLUDE = /[\\/]node_modules[\\/]/;

const OPTION_NAMES: readonly (keyof CoroPluginOptions)[] = ['include', 'exclude', 'runtime', 'coroutines', 'coroutineBudget', 'evalAndWith'];
const RUNTIME_MODES: readonly RuntimeMode[] = ['import', 'require', 'inline'];
const EVAL_AND_WITH: readonly EvalAndWith[] = ['lower', 'refuse'];

export function resolvePluginOptions(options: CoroPluginOptions | undefined): ResolvedPluginOptions {
  const given = options ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new Error(`@coro/vite-plugin: the options must be an object, not ${describe(given)}`);
  }
  for (const name of Object.keys(given)) {
    if (!(OPTION_NAMES as readonly string[]).includes(name)) {
      throw new Error(`@coro/vite-plugin: unknown option '${name}'; the options are ${OPTION_NAMES.join(', ')}`);
    }
  }
  const runtime = given.runtime ?? 'import';
  if (!RUNTIME_MODES.includes(runtime)) {
    throw new Error(`@coro/vite-plugin: unknown runtime ${describe(runtime)}; use ${RUNTIME_MODES.map((mode) => `'${mode}'`).join(', ')}`);
  }
  const evalAndWith = given.evalAndWith ?? 'lower';
  if (!EVAL_AND_WITH.includes(evalAndWith)) {
    throw new Error(`@coro/vite-plugin: unknown evalAndWith ${describe(evalAndWith)}; use ${EVAL_AND_WITH.map((mode) => `'${mode}'`).join(', ')}`);
  }
  const filter = createFilter(given.include ?? DEFAULT_INCLUDE, given.exclude ?? DEFAULT_EXCLUDE);
  const coroutineFilter = given.coroutines === undefined ? undefined : createFilter(given.coroutines, null);
  return {
    isIncluded: (file) => filter(file),
    isCoroutineFile: (file) => coroutineFilter !== undefined && coroutineFilter(file),
    coroutineBudget: given.coroutineBudget === undefined ? undefined : coroutineBudget('@coro/vite-plugin: coroutineBudget', given.coroutineBudget),
    evalAndWith,
    runtimeFor: (sourceType) => (runtime === 'import' ? defaultRuntime(sourceType) : runtime),
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value;
}
