/**
 * The one spelling of a path that two names for the same file share, so that
 * "would this output overwrite that input?" has a reliable answer.
 *
 * Example:
 *   canonicalPath('src/../out/a.js')   // '/home/me/project/out/a.js'
 *   canonicalPath('link-to-src/a.ts')  // '/home/me/project/src/a.ts'
 *
 * Implementation:
 *   Resolve against the working directory, then resolve symbolic links in the
 *   longest prefix that exists (`realpath`) and append the rest: an out dir
 *   usually does not exist yet, but its parent may be a symlink.
 *
 * References:
 *   https://nodejs.org/docs/latest-v20.x/api/fs.html#fsrealpathsyncpath-options
 */

import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export function canonicalPath(path: string): string {
  const absolute = resolve(path);
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return join(realpathSync.native(existing), ...missing.reverse());
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      missing.push(basename(existing));
      existing = parent;
    }
  }
}
