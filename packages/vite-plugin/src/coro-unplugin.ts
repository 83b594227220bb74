/**
 * The plugin itself, written once with unplugin and handed to each bundler.
 *
 * ## Example
 *
 * ```ts
 * // vite.config.ts
 * import coro from '@coro/vite-plugin';
 * export default { plugins: [coro({ runtime: 'import' })] };
 * ```
 *
 * ## Implementation
 *
 * One `transform` hook, ordered `enforce: 'pre'` so it receives the source as
 * written: in Vite before Oxc removes types and JSX, and before any other
 * plugin has rewritten the module (the compiler's diagnostics and source map
 * then point into the user's own text). A module that is virtual, excluded,
 * or has no suspend function returns `null`: the host keeps its code and map.
 * A lowered module returns `{ code, map }`, and the host chains the map with
 * the later transforms, so positions in the bundle map back to the original
 * file. Problems go through the host's channel with the position of the
 * diagnostic, so the host prints its own code frame and fails the build.
 * A file that is not UTF-8 reached the hook with U+FFFD in place of its bad
 * bytes; lowering it would make wrong output look right, so it is refused
 * (only when it would be lowered: what coro leaves alone is the host's).
 * The runtime is reached by a plain `import "@coro/runtime"`, which the host
 * resolves and bundles like any dependency; its ES module build lets the
 * bundler keep only the helpers lowered code calls.
 *
 * ## References
 *
 * - https://unplugin.unjs.io/guide/
 * - https://vite.dev/guide/api-plugin.html#plugin-ordering
 * - https://rollupjs.org/plugin-development/#transform
 */
import { createUnplugin } from 'unplugin';
import { traceFilename } from '@coro/host';
import { diagnosticMessage, errorMessage, invalidUtf8Message, type HostLocation, type HostMessage } from './host-message.js';
import { lowerModule } from './lower-module.js';
import { moduleFileOf } from './module-file.js';
import { resolvePluginOptions, type CoroPluginOptions } from './plugin-options.js';
import { findInvalidUtf8InFile } from './source-encoding.js';

/**
 * unplugin types `error`/`warn` with the message only; Rollup, Rolldown and
 * Vite hand the hook their own context, whose second argument is the place
 * the code frame is drawn at. Other hosts ignore it and read `loc`.
 */
interface PositionedReports {
  error(message: HostMessage, position?: HostLocation): never;
  warn(message: HostMessage, position?: HostLocation): void;
}

export const coroUnplugin = createUnplugin<CoroPluginOptions | undefined, false>((options) => {
  const resolved = resolvePluginOptions(options);
  // Trace names are read from Vite's root; other hosts resolve paths against the working directory.
  let root = process.cwd();
  return {
    name: 'coro',
    enforce: 'pre',
    vite: {
      configResolved(config: { root: string }) {
        root = config.root;
      },
    },
    transform(code, id) {
      const file = moduleFileOf(id);
      if (file === undefined || !resolved.isIncluded(file)) return null;
      const reports = this as unknown as PositionedReports;
      const lowering = lowerModule(code, file, {
        runtime: resolved.runtimeFor(file),
        coroutines: resolved.isCoroutineFile(file),
        evalAndWith: resolved.evalAndWith,
        traceFilename: traceFilename(file, root),
      });
      for (const warning of lowering.warnings) {
        const message = diagnosticMessage(warning, file);
        reports.warn(message, message.loc);
      }
      if (lowering.kind === 'rejected') {
        const message = errorMessage(lowering.errors, file);
        return reports.error(message, message.loc);
      }
      if (lowering.kind === 'untouched') return null;
      const invalidUtf8 = findInvalidUtf8InFile(file, code);
      if (invalidUtf8 !== undefined) {
        const message = invalidUtf8Message(invalidUtf8, file);
        return reports.error(message, message.loc);
      }
      return { code: lowering.code, map: lowering.map };
    },
  };
});

