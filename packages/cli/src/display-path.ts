/**
 * How a path is shown to the user: relative to the working directory, the
 * way tsc and Node print file names in diagnostics.
 *
 * Example:
 *   cwd /home/me/project:  displayPath('/home/me/project/src/a.ts') // 'src/a.ts'
 *
 * Implementation:
 *   `path.relative` against `process.cwd()`; the working directory itself is
 *   shown as `.`. Paths outside it keep their `../` form, which is still
 *   clickable in terminals and editors.
 *
 * References:
 *   https://nodejs.org/docs/latest-v20.x/api/path.html#pathrelativefrom-to
 */

import { relative } from 'node:path';

export function displayPath(path: string): string {
  return relative(process.cwd(), path) || '.';
}
