/**
 * Whether a file is lowered as an ES module or as a CommonJS script, and so
 * how its lowered code may reach the runtime.
 *
 * ## Example
 *
 * ```ts
 * sourceTypeOf('/app/src/main.ts');     // 'module'
 * sourceTypeOf('/app/legacy/conf.cjs'); // 'script'
 * runtimeFor('/app/legacy/conf.cjs', 'import'); // 'require'
 * ```
 *
 * ## Implementation
 *
 * Rollup and Vite parse every `.js`/`.ts` module as an ES module (strict
 * code, `import` allowed), so that is how coro reads them too; only the
 * explicit CommonJS extensions `.cjs` and `.cts` are scripts. A script cannot
 * `import`, so the default `runtime: 'import'` becomes `require` there, which
 * Vite, Rolldown and @rollup/plugin-commonjs resolve like any other require.
 * Bundlers resolve it to the runtime's ES module build too (its "module"
 * export condition), so scripts and modules share one runtime; a `require`
 * takes the whole namespace, though, so a lowered script keeps all of the
 * runtime in the bundle. An explicit `'require'` or `'inline'` applies to
 * every file as given.
 *
 * ## References
 *
 * - https://nodejs.org/docs/latest-v20.x/api/packages.html#determining-module-system
 * - https://github.com/rollup/plugins/tree/master/packages/commonjs (mixed `import`/`require` modules)
 */
import type { RuntimeMode } from '@coro/compiler';

export type SourceType = 'module' | 'script';

const SCRIPT_FILE = /\.c[jt]s$/i;

export function sourceTypeOf(file: string): SourceType {
  return SCRIPT_FILE.test(file) ? 'script' : 'module';
}

export function runtimeFor(file: string, runtime: RuntimeMode): RuntimeMode {
  return runtime === 'import' && sourceTypeOf(file) === 'script' ? 'require' : runtime;
}
