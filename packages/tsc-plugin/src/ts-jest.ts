/**
 * coro as a ts-jest AST transformer: `name`, `version` and
 * `factory(tsCompiler, options)`, the module shape ts-jest's
 * `astTransformers` loads.
 *
 * ## Example
 * ```js
 * // jest.config.js
 * module.exports = {
 *   transform: {
 *     '^.+\\.ts$': ['ts-jest', { astTransformers: { before: [{ path: '@coro/tsc-plugin/ts-jest', options: { runtime: 'require' } }] } }],
 *   },
 * };
 * ```
 *
 * ## Implementation
 * ts-jest hands over its compiler instance, whose `configSet.compilerModule`
 * is the TypeScript it compiles with and whose `program` is the language
 * service's program when it has one. ts-jest has no channel for a
 * transformer's diagnostics, so a file coro cannot lower fails to transform
 * with a `CoroDiagnosticsError` (file, line, column, code frame), which jest
 * reports as the test file's failure. `version` names this package's and the
 * compiler's versions: ts-jest keys its cache on it, so a new compiler means
 * files are lowered again.
 *
 * ## References
 * https://kulshekhar.github.io/ts-jest/docs/getting-started/options/astTransformers
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as ts from 'typescript';
import { coroTransformer } from './coro-transformer';

/** The part of ts-jest's `TsCompiler` the transformer uses. */
export interface TsJestCompiler {
  readonly configSet: { readonly compilerModule: unknown };
  readonly program?: ts.Program;
}

export const name = '@coro/tsc-plugin';

export const version = `${packageVersion(join(__dirname, '..'))}+compiler.${packageVersion(dirname(require.resolve('@coro/compiler/package.json')))}`;

export function factory(tsCompiler: TsJestCompiler, options?: unknown): ts.TransformerFactory<ts.SourceFile> {
  return coroTransformer(tsCompiler.program, options, { ts: tsCompiler.configSet.compilerModule });
}

function packageVersion(directory: string): string {
  return (JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { version: string }).version;
}
