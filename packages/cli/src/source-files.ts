/**
 * Which files are sources, and the walk that finds every file under a
 * directory named on the command line.
 *
 * Example:
 *   src/main.ts  src/lib/tree.js  src/lib/tree.d.ts  src/logo.svg  src/node_modules/x/i.js
 *   walkDirectory('src', { excludedDirectories: new Set() })
 *   // → lib/tree.d.ts, lib/tree.js, logo.svg, main.ts (absolute path and path relative to src/)
 *   isSourceFileName('lib/tree.js', DEFAULT_EXTENSIONS)    // true
 *   isSourceFileName('lib/tree.d.ts', DEFAULT_EXTENSIONS)  // false: a declaration holds no code
 *
 * Implementation:
 *   A depth-first walk in sorted order, so the order of work and of the
 *   diagnostics is the same on every machine. It does not enter
 *   `node_modules`, `dist`, dot-directories (`.git`, `.turbo`, …) or any
 *   excluded directory (the out dir), and skips dot-files (among them the
 *   temporary files of ./atomic-write.ts). Symbolic links are followed, each
 *   real directory at most once, so a link cycle ends the walk instead of
 *   looping. The walk returns every file; the caller splits sources (lowered)
 *   from the rest (copied with `--copy-files`). The default extensions are
 *   Babel's with TypeScript's added; declaration files (`.d.ts`, `.d.mts`,
 *   `.d.cts`, `.d.<ext>.ts`) are never sources.
 *
 * References:
 *   https://babeljs.io/docs/babel-cli#compile-directories (the same layout rules)
 *   https://babeljs.io/docs/babel-cli (--extensions, --copy-files)
 */

import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

export interface SourceFile {
  /** Absolute path of the input file. */
  readonly path: string;
  /** Path relative to the input root; the output keeps the same layout. */
  readonly relativePath: string;
}

export const DEFAULT_EXTENSIONS: readonly string[] = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'];

const SKIPPED_DIRECTORY_NAMES = new Set(['node_modules', 'dist']);
const DECLARATION_FILE = /\.d(\.[^.]+)?\.[mc]?ts$/;

export function isDeclarationFile(name: string): boolean {
  return DECLARATION_FILE.test(name);
}

export function hasExtension(name: string, extensions: readonly string[]): boolean {
  return extensions.some((extension) => name.endsWith(extension));
}

export function isSourceFileName(name: string, extensions: readonly string[]): boolean {
  return hasExtension(name, extensions) && !isDeclarationFile(name);
}

export function walkDirectory(root: string, options: { excludedDirectories: ReadonlySet<string> }): SourceFile[] {
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
      } else if (stats.isFile()) {
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
