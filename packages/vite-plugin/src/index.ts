/**
 * `@coro/vite-plugin`: coro in Vite and Rollup, and through unplugin in
 * Rolldown, esbuild and webpack.
 *
 * ## Example
 *
 * ```ts
 * // vite.config.ts
 * import coro from '@coro/vite-plugin';
 * export default defineConfig({ plugins: [coro()] });
 *
 * // rollup.config.mjs
 * import { rollup as coro } from '@coro/vite-plugin';
 * export default { input: 'src/index.js', plugins: [coro({ exclude: ['src/vendor/**'] })] };
 * ```
 *
 * ## Implementation
 *
 * The default export is the Vite plugin, as `@vitejs/plugin-*` packages do;
 * each bundler's plugin is also a named export. The package is built twice
 * from these sources, CommonJS (`require`, Jest) and ES modules (`import`,
 * where Vite and Rollup load their configs), so relative imports carry their
 * `.js` extension, which both module systems resolve.
 * Each is tested with its tool: the esbuild and webpack plugins are
 * unplugin's adapters of the same hook, which reads a file's module format
 * and reports a problem as those tools need (./coro-unplugin.ts).
 *
 * ## References
 *
 * - ./coro-unplugin.ts (the hook), ./plugin-options.ts (the options)
 * - https://nodejs.org/docs/latest-v20.x/api/packages.html#conditional-exports
 */
import { coroUnplugin } from './coro-unplugin.js';

export type { CoroPluginOptions } from './plugin-options.js';

export const vite = coroUnplugin.vite;
export const rollup = coroUnplugin.rollup;
export const rolldown = coroUnplugin.rolldown;
export const esbuild = coroUnplugin.esbuild;
export const webpack = coroUnplugin.webpack;
export default vite;
