/**
 * Where each output goes, and the checks that no output lands on an input
 * or on another output.
 *
 * Example:
 *   input root src/, --out-dir out/, --source-maps file
 *   src/main.ts      → out/main.js, out/main.js.map
 *   src/lib/a.mts    → out/lib/a.mjs, out/lib/a.mjs.map
 *   src/App.tsx      → out/App.jsx, out/App.jsx.map     (JSX is left for the JSX compiler)
 *   src/logo.svg     → out/logo.svg                     (--copy-files)
 *   --out-dir src    → UsageError: the out dir is the input directory
 *   src/a.ts + src/a.js → UsageError: both would be written to out/a.js
 *   main.js --out-file main.js → UsageError: the output would overwrite its input
 *
 * Implementation:
 *   The whole plan is made and checked before the first file is lowered, so a
 *   refused layout writes nothing at all. Paths are compared in their
 *   canonical form (symlinks resolved), so `--out-dir ./src/../src` or a
 *   link to the input directory is still recognised. Map files and copies
 *   are outputs like any other: none may land on an input or on another
 *   output. An out dir inside the input directory is fine: the walk does not
 *   enter it. The same file named twice (a directory and a glob that both
 *   find it, with the same layout) is lowered once.
 *
 * References:
 *   https://www.typescriptlang.org/tsconfig/#outDir (TS5055: "Cannot write file
 *   … because it would overwrite input file")
 *   https://babeljs.io/docs/babel-cli#compile-files (--out-file)
 */

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalPath } from './canonical-path';
import { displayPath as shown } from './display-path';
import { UsageError } from './exit-code';
import type { SourceFile } from './source-files';
import type { SourceMapMode } from './source-map-output';

export type OutputTarget =
  | { readonly kind: 'dir'; readonly path: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stdout' };

export interface PlannedFile {
  readonly source: SourceFile;
  readonly action: 'lower' | 'copy';
  /** Absolute path of the output; undefined when it goes to standard output. */
  readonly outputPath: string | undefined;
}

const JAVASCRIPT_EXTENSION_OF: Readonly<Record<string, string>> = { '.ts': '.js', '.tsx': '.jsx', '.mts': '.mjs', '.cts': '.cjs' };

/** `lib/a.mts` → `lib/a.mjs`, `App.tsx` → `App.jsx`; JavaScript names are kept. */
export function outputRelativePath(relativePath: string): string {
  for (const [typescript, javascript] of Object.entries(JAVASCRIPT_EXTENSION_OF)) {
    if (relativePath.endsWith(typescript)) return relativePath.slice(0, -typescript.length) + javascript;
  }
  return relativePath;
}

/** Refuses an out dir that is the input directory itself. */
export function checkOutDir(inputDirectory: string, outDir: string): void {
  if (canonicalPath(inputDirectory) === canonicalPath(outDir)) {
    throw new UsageError(`--out-dir '${outDir}' is the input directory; the output would overwrite its own inputs`);
  }
}

/** Refuses an out dir or out file that exists as the other kind of thing. */
export function checkOutputTarget(target: OutputTarget): void {
  if (target.kind === 'stdout') return;
  const stats = statSync(target.path, { throwIfNoEntry: false });
  if (target.kind === 'dir' && stats !== undefined && !stats.isDirectory()) {
    throw new UsageError(`--out-dir '${target.path}' exists and is not a directory`);
  }
  if (target.kind === 'file' && stats?.isDirectory()) {
    throw new UsageError(`--out-file '${target.path}' is a directory; use --out-dir to write into it`);
  }
}

export function planOutputs(
  inputs: { readonly lower: readonly SourceFile[]; readonly copy: readonly SourceFile[] },
  target: OutputTarget,
  sourceMaps: SourceMapMode,
): PlannedFile[] {
  const all = [...inputs.lower, ...inputs.copy];
  const inputPaths = new Set(all.map((source) => canonicalPath(source.path)));
  const claimedBy = new Map<string, SourceFile>();
  const seen = new Set<string>();
  const plan: PlannedFile[] = [];

  const claim = (path: string, source: SourceFile): void => {
    if (inputPaths.has(path)) {
      const what = target.kind === 'file' ? '--out-file' : '--out-dir';
      throw new UsageError(
        `the output of ${shown(source.path)} would be written to ${shown(path)}, which is an input; choose another ${what}`,
      );
    }
    const earlier = claimedBy.get(path);
    if (earlier !== undefined) {
      throw new UsageError(`${shown(earlier.path)} and ${shown(source.path)} would both be written to ${shown(path)}`);
    }
    claimedBy.set(path, source);
  };

  for (const [action, sources] of [['lower', inputs.lower], ['copy', inputs.copy]] as const) {
    for (const source of sources) {
      const key = `${source.path}\0${source.relativePath}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const outputPath = outputPathOf(source, action, target);
      if (outputPath !== undefined) {
        claim(outputPath, source);
        if (action === 'lower' && sourceMaps === 'file') claim(`${outputPath}.map`, source);
      }
      plan.push({ source, action, outputPath });
    }
  }
  return plan;
}

function outputPathOf(source: SourceFile, action: 'lower' | 'copy', target: OutputTarget): string | undefined {
  switch (target.kind) {
    case 'stdout':
      return undefined;
    case 'file':
      return canonicalPath(target.path);
    case 'dir':
      return join(canonicalPath(target.path), action === 'lower' ? outputRelativePath(source.relativePath) : source.relativePath);
  }
}
