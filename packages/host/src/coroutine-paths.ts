/**
 * The `coroutines` option of the CLI and the Jest transformer: globs naming
 * the files whose async functions are all coroutines, as if each file began
 * with `"use coroutine"` (docs/coroutines.md, "Opting in").
 *
 * Example:
 *   const isCoroutineFile = coroutinePathFilter(['src/jobs/**', '!src/jobs/legacy.ts'], '/app');
 *   isCoroutineFile('/app/src/jobs/fetch.ts')   // → true
 *   isCoroutineFile('/app/src/jobs/legacy.ts')  // → false (a `!` pattern leaves a file out)
 *   isCoroutineFile('/app/src/main.ts')         // → false
 *   coroutinePatterns('@coro/jest: coroutines', 'src/**')   // → ['src/**']
 *   coroutinePatterns('@coro/jest: coroutines', 3)          // throws: must be a glob or an array of globs
 *
 * Implementation:
 *   picomatch globs, the dialect of the Vite/Rollup plugin's filter patterns
 *   and of the CLI's inputs, resolved against a root (the working directory,
 *   Jest's rootDir) and matched against the file's absolute path with `/`
 *   separators, so `src/**` and `/app/src/**` name the same files on every
 *   platform. Dot-files and dot-directories match like any other. A file
 *   matches when some positive pattern matches it and no `!` pattern does.
 *
 * References:
 *   https://github.com/micromatch/picomatch#globbing-features
 */

import { isAbsolute, posix, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export function coroutinePathFilter(patterns: readonly string[], root: string): (file: string) => boolean {
  const included = patterns.filter((pattern) => !pattern.startsWith('!'));
  const excluded = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  if (included.length === 0) return () => false;
  const isIncluded = picomatch(included.map((pattern) => absolutePattern(pattern, root)), { dot: true });
  const isExcluded = excluded.length === 0 ? () => false : picomatch(excluded.map((pattern) => absolutePattern(pattern, root)), { dot: true });
  return (file) => {
    const path = slashes(resolve(root, file));
    return isIncluded(path) && !isExcluded(path);
  };
}

/** Checks an option's value: one glob or an array of globs. `option` names it in the error. */
export function coroutinePatterns(option: string, value: unknown): readonly string[] {
  const patterns = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(patterns) || !patterns.every((pattern) => typeof pattern === 'string' && pattern !== '')) {
    throw new Error(`${option} must be a glob or an array of globs, such as 'src/**'; got ${JSON.stringify(value)}`);
  }
  return patterns;
}

function absolutePattern(pattern: string, root: string): string {
  return isAbsolute(pattern) ? slashes(pattern) : posix.join(slashes(resolve(root)), slashes(pattern));
}

function slashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
