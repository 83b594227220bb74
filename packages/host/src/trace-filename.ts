/**
 * The name a lowered file gives itself in the `at async` lines of stack
 * traces: its path from the project's root, with `/` separators.
 *
 * ## Example
 * ```ts
 * traceFilename('/home/ana/app/src/jobs.ts', '/home/ana/app')   // 'src/jobs.ts'
 * traceFilename('/home/ana/lib/x.ts', '/home/ana/app')          // '../lib/x.ts'
 * ```
 *
 * ## Implementation
 * The name is written into the output as a string, so an absolute path
 * would make the build differ from machine to machine and publish where it
 * was made. Relative to the root the integration resolves its other paths
 * against (the tsconfig's directory, the bundler's root), it reads as the
 * `sources` of a source map do.
 */
import { relative, sep } from 'node:path';

export function traceFilename(file: string, root: string): string {
  const fromRoot = relative(root, file);
  return sep === '/' ? fromRoot : fromRoot.split(sep).join('/');
}
