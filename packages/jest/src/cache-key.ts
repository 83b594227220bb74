/**
 * The key under which Jest caches a file coro transformed: it changes
 * whenever the output could.
 *
 * Example:
 *   cacheKey({ sourceText, sourcePath: '/p/src/a.ts', config: { runtime: 'require' }, sourceType: 'script',
 *              classes: STANDARD_CLASSES, supportsStaticESM: false, instrument: false, configString })
 *   // → 'f3a1…' (hex SHA-256)
 *
 * Implementation:
 *   The output depends on the text and its path (the extension picks the
 *   language, the path names the map's source), on the transformer config,
 *   on whether Jest runs ES modules (CommonJS or not), on module-or-script
 *   (which a package.json elsewhere decides, so it is part of the key rather
 *   than left to the text), on the decorators and class fields a tsconfig.json
 *   asks for (the same), and on the tools: coro's compiler, the host
 *   layer's lowering, this package and TypeScript, by version. Jest's own
 *   config string and the instrument flag are included as babel-jest
 *   includes them. Versions do not change while coro itself is being developed: run
 *   Jest with `--no-cache` after rebuilding the compiler.
 *
 * References:
 *   https://jestjs.io/docs/code-transformation#writing-custom-transformers (getCacheKey)
 *   https://github.com/jestjs/jest/blob/v30.0.0/packages/babel-jest/src/index.ts (getCacheKeyFromConfig)
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loweringVersions, type ClassEmitOptions, type SourceType } from '@coro/host';
import type { TransformerConfig } from './transformer-config';

export interface CacheKeyInput {
  readonly sourceText: string;
  readonly sourcePath: string;
  readonly config: TransformerConfig;
  readonly sourceType: SourceType;
  /** What the nearest tsconfig.json says of decorators and class fields. */
  readonly classes: ClassEmitOptions;
  readonly supportsStaticESM: boolean;
  readonly instrument: boolean;
  readonly configString: string;
}

const TOOL_VERSIONS = JSON.stringify({ ...loweringVersions(), jest: ownVersion() });

export function cacheKey(input: CacheKeyInput): string {
  return createHash('sha256')
    .update(TOOL_VERSIONS)
    .update('\0')
    .update(JSON.stringify([input.sourcePath, input.config, input.sourceType, input.classes, input.supportsStaticESM, input.instrument]))
    .update('\0')
    .update(input.configString)
    .update('\0')
    .update(input.sourceText)
    .digest('hex');
}

function ownVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}
