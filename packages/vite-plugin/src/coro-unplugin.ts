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
 * diagnostic, so the host prints its own code frame and fails the build;
 * webpack and esbuild draw no frame, so for them the message holds it
 * (./host-message.ts).
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
import { bundlerSourceTypeOf, createSourceTypeResolver, traceFilename, type SourceTypeOf } from '@coro/host';
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
  error(message: HostMessage, position?: HostLocation): void;
  warn(message: HostMessage, position?: HostLocation): void;
}

/** The hosts that draw a code frame at the position a message gives; the others get it in the message's text. */
const FRAMING_HOSTS: ReadonlySet<string> = new Set(['vite', 'rollup', 'rolldown']);

/**
 * The hosts that parse every `.js`/`.ts` module as an ES module (only `.cjs`
 * and `.cts` are scripts). webpack and esbuild read a file as Node does: by
 * its extension, its `import`/`export`, the nearest package.json's `"type"`;
 * webpack refuses `import` in a `.js` file of a `"type": "commonjs"` package.
 */
const READS_EVERY_FILE_AS_MODULE: ReadonlySet<string> = new Set(['vite', 'rollup', 'rolldown']);

/**
 * The hosts whose `this.error`, as unplugin adapts it, only records the error
 * and lets the hook go on, so the module would keep its source as written: a
 * webpack build in development mode would write it unlowered, beside the
 * error. There the hook throws, which fails the module itself.
 */
const RECORDING_HOSTS: ReadonlySet<string> = new Set(['webpack', 'rspack']);

/** webpack prints a loader error marked `hideStack` as its message only: the message is the report. */
class ModuleRejected extends Error {
  readonly hideStack = true;
}

export const coroUnplugin = createUnplugin<CoroPluginOptions | undefined, false>((options, meta) => {
  const resolved = resolvePluginOptions(options);
  const framesMessages = FRAMING_HOSTS.has(meta.framework);
  const sourceTypeOf: SourceTypeOf = READS_EVERY_FILE_AS_MODULE.has(meta.framework) ? bundlerSourceTypeOf : createSourceTypeResolver();
  // Rollup, Rolldown and Vite throw from `error`; esbuild's records the error, which fails the build, and the hook returns.
  const fail = (reports: PositionedReports, message: HostMessage): null => {
    if (RECORDING_HOSTS.has(meta.framework)) throw new ModuleRejected(message.message);
    reports.error(message, message.loc);
    return null;
  };
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
      const sourceType = sourceTypeOf(file, code);
      const lowering = lowerModule(code, file, {
        sourceType,
        runtime: resolved.runtimeFor(sourceType),
        coroutines: resolved.isCoroutineFile(file),
        coroutineBudget: resolved.coroutineBudget,
        evalAndWith: resolved.evalAndWith,
        traceFilename: traceFilename(file, root),
      });
      const inText = framesMessages ? undefined : { path: traceFilename(file, root), source: code };
      for (const warning of lowering.warnings) {
        const message = diagnosticMessage(warning, file, inText);
        reports.warn(message, message.loc);
      }
      if (lowering.kind === 'rejected') return fail(reports, errorMessage(lowering.errors, file, inText));
      if (lowering.kind === 'untouched') return null;
      const invalidUtf8 = findInvalidUtf8InFile(file, code);
      if (invalidUtf8 !== undefined) return fail(reports, invalidUtf8Message(invalidUtf8, file, inText));
      return { code: lowering.code, map: lowering.map };
    },
  };
});

