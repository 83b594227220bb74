/**
 * Where each lowered file goes, and the checks that no output lands on an
 * input or on another output.
 *
 * Example:
 *   input root src/, --out-dir out/
 *   src/main.ts      → out/main.js
 *   src/lib/a.mts    → out/lib/a.mjs
 *   src/lib/b.cjs    → out/lib/b.cjs
 *   --out-dir src    → UsageError: the out dir is the input directory
 *   src/a.ts + src/a.js → UsageError: both would be written to out/a.js
 *
 * Implementation:
 *   The whole plan is made and checked before the first file is lowered, so a
 *   refused layout writes nothing at all. Paths are compared in their
 *   canonical form (symlinks resolved), so `--out-dir ./src/../src` or a
 *   link to the input directory is still recognised. An out dir inside the
 *   input directory is fine: the walk does not enter it.
 *
 * References:
 *   https://www.typescriptlang.org/tsconfig/#outDir (TS5055: "Cannot write file
 *   … because it would overwrite input file")
 */

import { join } from 'node:path';
import { canonicalPath } from './canonical-path';
import { displayPath as shown } from './display-path';
import { UsageError } from './exit-code';
import type { SourceFile } from './source-files';

export interface PlannedFile {
  readonly source: SourceFile;
  /** Absolute path the lowered JavaScript is written to. */
  readonly outputPath: string;
}

const JAVASCRIPT_EXTENSION_OF: Readonly<Record<string, string>> = { '.ts': '.js', '.mts': '.mjs', '.cts': '.cjs' };

/** `lib/a.mts` → `lib/a.mjs`; JavaScript names are kept. */
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

export function planOutputs(sources: readonly SourceFile[], outDir: string): PlannedFile[] {
  const outRoot = canonicalPath(outDir);
  const inputs = new Set(sources.map((source) => canonicalPath(source.path)));
  const claimedBy = new Map<string, SourceFile>();
  const plan: PlannedFile[] = [];

  for (const source of sources) {
    const outputPath = join(outRoot, outputRelativePath(source.relativePath));
    if (inputs.has(outputPath)) {
      throw new UsageError(
        `the output of ${shown(source.path)} would be written to ${shown(outputPath)}, which is an input; choose another --out-dir`,
      );
    }
    const earlier = claimedBy.get(outputPath);
    if (earlier !== undefined) {
      throw new UsageError(`${shown(earlier.path)} and ${shown(source.path)} would both be written to ${shown(outputPath)}`);
    }
    claimedBy.set(outputPath, source);
    plan.push({ source, outputPath });
  }
  return plan;
}
