/**
 * Which file a bundler's module id stands for, if any.
 *
 * ## Example
 *
 * ```ts
 * moduleFileOf('/app/src/main.ts');                           // '/app/src/main.ts'
 * moduleFileOf('/app/src/worker.ts?worker_file&type=module');  // '/app/src/worker.ts'
 * moduleFileOf('\0commonjsHelpers.js');                        // undefined
 * ```
 *
 * ## Implementation
 *
 * Rollup's convention marks a module that no file backs with a leading
 * `\0`: such a module is another plugin's, never the user's source. Vite (and
 * plugins written for it) add a query to the ids of real files (`?worker`,
 * `?import`, `?v=…`); the file is what precedes the first `?`. That is the
 * path the include/exclude filter sees and the name diagnostics and source
 * maps carry, so a pattern like `src/**\/*.ts` matches however the module was
 * imported.
 *
 * ## References
 *
 * - https://rollupjs.org/plugin-development/#conventions
 * - https://vite.dev/guide/api-plugin.html#virtual-modules-convention
 */

export function moduleFileOf(id: string): string | undefined {
  if (id.startsWith('\0')) return undefined;
  const query = id.indexOf('?');
  const file = query === -1 ? id : id.slice(0, query);
  return file === '' ? undefined : file;
}
