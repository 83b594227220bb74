/**
 * `coro transpile --watch`: build once, then lower again whatever changes,
 * until the process is stopped.
 *
 * Example:
 *   $ coro transpile src --out-dir out --watch
 *   coro: lowered 12 files in 140 ms
 *   coro: watching src for changes (Ctrl-C to stop)
 *   …src/a.js saved…
 *   coro: lowered 1 file in 6 ms
 *   …src/a.js saved with a syntax error…
 *   src/a.js:3:9 - error CORO1001: Expression expected.
 *   …code frame…
 *   coro: lowered 0 files in 4 ms; 1 file with errors not written
 *
 * Implementation:
 *   chokidar (4, the last major that Jest-compatible CommonJS can load)
 *   watches what the inputs name: files, directories, and each glob's
 *   static base. A file is only reported once its size has held still for a
 *   moment (chokidar's `awaitWriteFinish`, as Babel's watch sets it), so a
 *   save that truncates and then writes is not read half-way. Events are
 *   gathered for a short quiet period, since an editor's save is often
 *   several events, then the inputs are planned again
 *   (a new file matches a glob, a deleted file leaves the plan) and only the
 *   files that changed, appeared, or whose output is new are built. The
 *   output of a source that is gone is deleted with its map, so the out dir
 *   keeps mirroring the sources. A file with errors is reported and its last
 *   good output stays; a plan that has become impossible (two sources now
 *   claim one output) is reported, and the changes wait, with the previous
 *   plan, for the next event; neither stops the watch. Usage errors in the first plan still end the command with
 *   exit 2 before watching starts. The out dir, `node_modules` and dot-files
 *   are not watched, so writing the output triggers nothing. The process
 *   runs until a signal ends it, like `tsc --watch`.
 *
 * References:
 *   https://github.com/paulmillr/chokidar/tree/4.0.3#api
 *   https://www.typescriptlang.org/docs/handbook/configuring-watch.html
 */

import { rmSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { watch as watchFiles } from 'chokidar';
import { formatSummary, runBuild } from './build';
import { canonicalPath } from './canonical-path';
import type { TranspileOptions } from './command-line';
import { displayPath } from './display-path';
import { UsageError, type ExitCode } from './exit-code';
import type { PlannedFile } from './output-layout';
import type { Terminal } from './terminal';
import { planTranspile, type TranspilePlan } from './transpile-plan';

/** Long enough to gather the events of one save, short enough to feel immediate. */
const QUIET_PERIOD_MS = 60;
/** A file whose size has not changed for this long is written in full (Babel's setting). */
const STABLE_FOR_MS = 50;

export function watch(options: TranspileOptions, terminal: Terminal): Promise<ExitCode> {
  let current = planTranspile(options);
  const started = performance.now();
  terminal.err(formatSummary(runBuild(current.plan, options, terminal), Math.round(performance.now() - started)));

  const outDir = options.target.kind === 'dir' ? canonicalPath(options.target.path) : undefined;
  const roots = new Set(current.inputs.watchRoots);
  const ignored = (path: string): boolean => {
    if (roots.has(path)) return false;
    if (outDir !== undefined && (path === outDir || path.startsWith(outDir + sep))) return true;
    return basename(path).startsWith('.') || path.split(sep).includes('node_modules');
  };
  const watcher = watchFiles([...roots], {
    ignoreInitial: true,
    ignored: (path) => ignored(resolve(path)),
    awaitWriteFinish: { stabilityThreshold: STABLE_FOR_MS, pollInterval: 10 },
  });

  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const rebuild = (): void => {
    timer = undefined;
    const paths = new Set(changed);
    changed.clear();
    const rebuildStarted = performance.now();
    let next: TranspilePlan;
    try {
      next = planTranspile(options);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      terminal.err(`coro: ${error.message}; still watching\n`);
      for (const path of paths) changed.add(path);
      return;
    }
    const previousOutputs = new Set(current.plan.map((file) => file.outputPath));
    const nextOutputs = new Set(next.plan.map((file) => file.outputPath));
    for (const gone of current.plan.filter((file) => !nextOutputs.has(file.outputPath))) removeOutput(gone, options, terminal);
    const due = next.plan.filter((file) => paths.has(file.source.path) || !previousOutputs.has(file.outputPath));
    current = next;
    if (due.length === 0) return;
    terminal.err(formatSummary(runBuild(due, options, terminal), Math.round(performance.now() - rebuildStarted)));
  };

  watcher.on('all', (_event, path) => {
    changed.add(resolve(path));
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(rebuild, QUIET_PERIOD_MS);
  });
  watcher.on('error', (error) => terminal.err(`coro: watching failed: ${(error as Error).message}\n`));
  watcher.on('ready', () => {
    const shown = [...roots].map((root) => displayPath(root)).join(' ');
    terminal.err(`coro: watching ${shown} for changes (Ctrl-C to stop)\n`);
  });
  return new Promise<ExitCode>(() => undefined);
}

function removeOutput(file: PlannedFile, options: TranspileOptions, terminal: Terminal): void {
  if (file.outputPath === undefined) return;
  rmSync(file.outputPath, { force: true });
  if (file.action === 'lower' && options.sourceMaps === 'file') rmSync(`${file.outputPath}.map`, { force: true });
  terminal.err(`coro: ${displayPath(file.source.path)} is gone; removed ${displayPath(file.outputPath)}\n`);
}
