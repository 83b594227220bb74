/**
 * Writes a file so that readers see the old content or the new content,
 * never a half-written one.
 *
 * Example:
 *   writeFileAtomic('out/lib/tree.js', code)
 *   // writes out/lib/.tree.js.4711.1a2b3c.tmp, then renames it to out/lib/tree.js
 *
 * Implementation:
 *   Write a temporary file in the same directory (a rename is atomic only
 *   within one file system), then `rename` it over the target. On any
 *   failure the temporary file is removed and the error rethrown, so an
 *   interrupted run leaves no partial output. The temporary name starts with a
 *   dot, so the walk of a later run never picks it up as a source file.
 *   Missing parent directories are created.
 *
 * References:
 *   https://man7.org/linux/man-pages/man2/rename.2.html
 *   https://github.com/npm/write-file-atomic (the same approach)
 */

import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, content: string): void {
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true });
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, { encoding: 'utf8', flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
