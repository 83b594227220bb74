/**
 * The Jest transformer: every file Jest loads through it comes out with its
 * generators lowered by coro, as JavaScript Jest can run, with a source map
 * back to the file as written.
 *
 * Example:
 *   const transformer = createTransformer({ runtime: 'require' });
 *   transformer.process('export function* ids(n: number) { yield n; }', '/p/src/ids.ts', jestOptions)
 *   // → { code: '"use strict"; … const $coro = require("@coro/runtime"); … function ids(n) { … }',
 *   //     map: { sources: ['/p/src/ids.ts'], … } }
 *
 * Implementation:
 *   The same lowering as `coro transpile` (`lowerSource` from @coro/host):
 *   coro on the source as written, so positions in diagnostics are the
 *   user's, then TypeScript's transpileModule for what Jest cannot run as
 *   is: types, JSX, and ES module syntax when Jest runs CommonJS (its
 *   default; with `supportsStaticESM`, modules stay modules). So a project
 *   needs no ts-jest or babel-jest beside it. Module or script is decided
 *   as Node decides it (extension, syntax, package.json "type"), like the
 *   CLI. Jest hands over text it decoded as UTF-8 with replacement
 *   characters; when the text holds one, the file is read again as bytes
 *   and refused with the CLI's diagnostic if it is not UTF-8, rather than
 *   tested with a changed string. Errors are thrown (./transform-error.ts);
 *   warnings have no channel in Jest's transformer API and are dropped.
 *   Jest instruments the output for coverage itself (`canInstrument`
 *   false), through the map. The `coroutines` globs are resolved against
 *   the rootDir of the project Jest hands over, one filter per rootDir.
 *
 * References:
 *   https://jestjs.io/docs/code-transformation#writing-custom-transformers
 *   https://jestjs.io/docs/ecmascript-modules (supportsStaticESM)
 */

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { coroutinePathFilter, createClassEmitOptionsResolver, createSourceTypeResolver, lowerSource, sourceText, type RawSourceMap } from '@coro/host';
import { cacheKey } from './cache-key';
import { CoroTransformError } from './transform-error';
import { readTransformerConfig, type TransformerConfig } from './transformer-config';

/** What Jest passes to `process` and `getCacheKey`; the part of `@jest/transform`'s `TransformOptions` used here. */
export interface JestTransformOptions {
  readonly supportsStaticESM: boolean;
  readonly instrument: boolean;
  readonly configString: string;
  readonly config: { readonly rootDir: string };
}

export interface CoroJestTransformer {
  readonly canInstrument: false;
  process(sourceText: string, sourcePath: string, options: JestTransformOptions): { code: string; map: RawSourceMap | null };
  getCacheKey(sourceText: string, sourcePath: string, options: JestTransformOptions): string;
}

export function createTransformer(transformerConfig?: unknown): CoroJestTransformer {
  const config: TransformerConfig = readTransformerConfig(transformerConfig);
  const sourceTypeOf = createSourceTypeResolver();
  const classEmitOptionsOf = createClassEmitOptionsResolver();
  const coroutineFilters = new Map<string, (file: string) => boolean>();
  const isCoroutineFile = (file: string, rootDir: string): boolean => {
    let filter = coroutineFilters.get(rootDir);
    if (filter === undefined) coroutineFilters.set(rootDir, (filter = coroutinePathFilter(config.coroutines ?? [], rootDir)));
    return filter(file);
  };

  return {
    canInstrument: false,

    process(text, sourcePath, options) {
      const shownPath = relative(options.config.rootDir, sourcePath);
      refuseIfNotUtf8(text, sourcePath, shownPath);
      const sourceType = sourceTypeOf(sourcePath, text);
      const result = lowerSource(text, {
        filename: sourcePath,
        runtime: config.runtime ?? (options.supportsStaticESM ? undefined : 'require'),
        sourceType,
        sourceMap: true,
        moduleFormat: options.supportsStaticESM ? 'preserve' : 'commonjs',
        jsx: config.jsx ?? 'react',
        coroutines: isCoroutineFile(sourcePath, options.config.rootDir),
        coroutineBudget: config.coroutineBudget,
        evalAndWith: config.evalAndWith,
        classes: classEmitOptionsOf(sourcePath),
      });
      if (result.code === undefined) throw new CoroTransformError(shownPath, result.problems);
      return { code: result.code, map: result.map ?? null };
    },

    getCacheKey(text, sourcePath, options) {
      return cacheKey({
        sourceText: text,
        sourcePath,
        config,
        sourceType: sourceTypeOf(sourcePath, text),
        classes: classEmitOptionsOf(sourcePath),
        supportsStaticESM: options.supportsStaticESM,
        instrument: options.instrument,
        configString: options.configString,
      });
    },
  };
}

function refuseIfNotUtf8(text: string, sourcePath: string, shownPath: string): void {
  if (!text.includes('\uFFFD')) return;
  const decoded = sourceText(readFileSync(sourcePath), shownPath);
  if (decoded.problem !== undefined) {
    throw new CoroTransformError(shownPath, [{ kind: 'diagnostic', diagnostic: decoded.problem, text: decoded.text }]);
  }
}
