/**
 * The version `coro --version` prints: the `@coro/cli` package's own.
 *
 * Example:
 *   $ coro --version
 *   coro 0.1.0
 *
 * Implementation:
 *   Read from `package.json` next to `dist/` at run time rather than imported,
 *   because `package.json` lies outside the TypeScript `rootDir` and a copy
 *   baked in at build time could drift from the published manifest.
 *
 * References:
 *   https://docs.npmjs.com/cli/configuring-npm/package-json#version
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
