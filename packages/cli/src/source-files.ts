/**
 * Finds the files `coro transpile` lowers: the one file named on the command
 * line, or every JavaScript and TypeScript file under the named directory.
 *
 * Example:
 *   src/main.ts  src/lib/tree.js  src/lib/tree.d.ts  src/node_modules/x/i.js
 *   findSourceFiles('src', { excludedDirectories: new Set() })
 *   // → [{ path: '/…/src/lib/tree.js', relativePath: 'lib/tree.js' },
 *   //    { path: '/…/src/main.ts',     relativePath: 'main.ts' }]
 *
 * Implementation:
 *   A depth-first walk in sorted order, so the order of work and of the
 *   diagnostics is the same on every machine. It does not enter
 *   `node_modules`, `dist`, dot-directories (`.git`, `.turbo`, …) or any
 *   excluded directory (the out dir), and skips dot-files and declaration
 *   files (`.d.ts`, `.d.mts`, `.d.cts`, `.d.<ext>.ts`), which hold no code.
 *   Symbolic links are followed, each real directory at most once, so a link
 *   cycle ends the walk instead of looping. The walk is separate from the
 *   command so that globs and watch mode can feed the same lowering step.
 *
 * References:
 *   https://babeljs.io/docs/babel-cli#compile-directories (the same layout rules)
 */

import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

export interface SourceFile {
  /** Absolute path of the input file. */
  readonly path: string;
  /** Path relative to the input root; the output keeps the same layout. */
  readonly relativePath: string;
}

export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'] as const;

const SKIPPED_DIRECTORY_NAMES = new Set(['node_modules', 'dist']);
const DECLARATION_FILE = /\.d(\.[^.]+)?\.[mc]?ts$/;

export function isSourceFileName(name: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => name.endsWith(extension)) && !DECLARATION_FILE.test(name);
}

export function findSourceFiles(root: string, options: { excludedDirectories: ReadonlySet<string> }): SourceFile[] {
  const rootPath = resolve(root);
  const found: SourceFile[] = [];
  const visited = new Set<string>();

  const walk = (directory: string): void => {
    const real = realpathSync.native(directory);
    if (visited.has(real) || options.excludedDirectories.has(real)) return;
    visited.add(real);
    const names = readdirSync(directory).sort();
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(directory, name);
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats === undefined) continue; // a dangling symbolic link
      if (stats.isDirectory()) {
        if (!SKIPPED_DIRECTORY_NAMES.has(name)) walk(path);
      } else if (stats.isFile() && isSourceFileName(name)) {
        found.push({ path, relativePath: relative(rootPath, path) });
      }
    }
  };

  walk(rootPath);
  return found;
}

export function singleSourceFile(path: string): SourceFile {
  const absolute = resolve(path);
  return { path: absolute, relativePath: basename(absolute) };
}
