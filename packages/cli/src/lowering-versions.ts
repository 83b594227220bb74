/**
 * The versions of everything the output of `lowerSource` depends on, for a
 * cache keyed on them (the Jest transformer's).
 *
 * Example:
 *   loweringVersions()   // → { cli: '0.1.0', compiler: '0.1.0', typescript: '6.0.3' }
 *
 * Implementation:
 *   The compiler's manifest is found the way Node finds the compiler itself,
 *   so the version is that of the copy that runs. Kept apart from
 *   ./version.ts, which `coro --version` loads without TypeScript.
 *
 * References:
 *   https://jestjs.io/docs/code-transformation#writing-custom-transformers (getCacheKey)
 */

import { readFileSync } from 'node:fs';
import * as ts from 'typescript';
import { cliVersion } from './version';

export interface LoweringVersions {
  readonly cli: string;
  readonly compiler: string;
  readonly typescript: string;
}

export function loweringVersions(): LoweringVersions {
  const compiler = JSON.parse(readFileSync(require.resolve('@coro/compiler/package.json'), 'utf8')) as { version: string };
  return { cli: cliVersion(), compiler: compiler.version, typescript: ts.version };
}
