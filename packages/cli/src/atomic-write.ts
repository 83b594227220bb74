/**
 * Writes files so that readers see the old content or the new content,
 * never a half-written one.
 *
 * Example:
 *   writeFilesAtomic([{ path: 'out/lib/tree.js', content: code }, { path: 'out/lib/tree.js.map', content: map }])
 *   // writes out/lib/.tree.js.4711.1a2b3c.tmp and out/lib/.tree.js.map.4711.4d5e6f.tmp,
 *   // then renames them to out/lib/tree.js and out/lib/tree.js.map
 *
 * Implementation:
 *   Each file is written to a temporary file in its own directory (a rename
 *   is atomic only within one file system), then renamed over its target.
 *   All temporary files are written before the first rename, so the likely
 *   failures (a full disk, a missing permission) leave every target as it
 *   was; the renames then go in the order given, the file that matters
 *   first (code before its map). On any failure the temporary files are
 *   removed and the error rethrown, so an interrupted run leaves no partial
 *   output. Temporary names start with a dot, so the walk of a later run
 *   never picks them up as sources. Missing parent directories are created.
 *   A string is written as UTF-8; bytes (a copied file) as they are. A
 *   file given a mode gets those permission bits, set on the temporary file
 *   before the rename, since a write's mode is cut down by the umask.
 *
 * References:
 *   https://man7.org/linux/man-pages/man2/rename.2.html
 *   https://github.com/npm/write-file-atomic (the same approach)
 */

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FileToWrite {
  readonly path: string;
  readonly content: string | Uint8Array;
  /** Permission bits (`0o755`); without them the file gets the default, 0o666 less the umask. */
  readonly mode?: number;
}

export function writeFilesAtomic(files: readonly FileToWrite[]): void {
  const temporaries: string[] = [];
  try {
    for (const file of files) {
      const directory = dirname(file.path);
      mkdirSync(directory, { recursive: true });
      const temporary = join(directory, `.${basename(file.path)}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`);
      temporaries.push(temporary);
      writeFileSync(temporary, file.content, { flag: 'wx' });
      if (file.mode !== undefined) chmodSync(temporary, file.mode);
    }
    files.forEach((file, index) => renameSync(temporaries[index], file.path));
  } catch (error) {
    for (const temporary of temporaries) rmSync(temporary, { force: true });
    throw error;
  }
}
