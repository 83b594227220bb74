/**
 * The versions of everything the output of `lowerSource` depends on, for a
 * cache keyed on them (the Jest transformer's).
 *
 * Example:
 *   loweringVersions()   // → { host: '0.1.0', compiler: '0.1.0', typescript: '6.0.3' }
 *
 * Implementation:
 *   The compiler's manifest is found the way Node finds the compiler itself,
 *   so the version is that of the copy that runs; this package's own is read
 *   from the `package.json` beside `dist/`, the published one.
 *
 * References:
 *   https://jestjs.io/docs/code-transformation#writing-custom-transformers (getCacheKey)
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

export interface LoweringVersions {
  readonly host: string;
  readonly compiler: string;
  readonly typescript: string;
}

export function loweringVersions(): LoweringVersions {
  return {
    host: versionIn(join(__dirname, '..', 'package.json')),
    compiler: versionIn(require.resolve('@coro/compiler/package.json')),
    typescript: ts.version,
  };
}

function versionIn(manifest: string): string {
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
