/**
 * Lowers one source file: read it, run coro's `transform`, and for
 * TypeScript strip the types; the result is the JavaScript to write, or
 * nothing when there is an error.
 *
 * Example:
 *   lowerFile({ path: '/p/src/main.ts', relativePath: 'main.ts' }, { runtime: 'require', sourceTypeOf })
 *   // → { code: 'var $coro = require("@coro/runtime"); …', problems: [] }
 *   lowerFile(<a file with a syntax error>, …)
 *   // → { code: undefined, problems: [{ kind: 'diagnostic', diagnostic: { line: 3, … }, text: <the source> }] }
 *
 * Implementation:
 *   Without `--runtime`, an ES module reaches the runtime by `import` and a
 *   script (CommonJS) by `require`: the compiler refuses `import` in a
 *   script, and a project mixing `.mjs` and `.cjs` files needs both. An
 *   explicit `--runtime` applies to every file as given.
 *   Bad input never yields partial output (DESIGN.md, "Errors"): one error
 *   diagnostic, from coro or from the type-stripping step, and `code` is
 *   undefined. Warnings are passed on and the file is still written. Every
 *   problem keeps the text its line and column refer to (the source for
 *   coro's diagnostics, coro's output for the stripping step's), so the code
 *   frame shows the right lines. An exception thrown by the compiler is a coro
 *   bug, not a problem of the input: it is reported as a crash of this file
 *   with its stack, and the other files go on.
 *
 * References:
 *   docs/architecture.md (the `transform` contract)
 *   ./strip-types.ts
 */

import { readFileSync } from 'node:fs';
import { transform } from '@coro/compiler';
import type { Diagnostic } from './diagnostic';
import { displayPath } from './display-path';
import type { SourceFile } from './source-files';
import type { SourceTypeOf } from './source-type';
import { stripTypes } from './strip-types';
import type { RuntimeMode } from './transpile';

export type FileProblem =
  | { readonly kind: 'diagnostic'; readonly diagnostic: Diagnostic; readonly text: string }
  | { readonly kind: 'crash'; readonly error: unknown }
  | { readonly kind: 'unreadable'; readonly error: Error };

export interface LoweredFile {
  /** The JavaScript to write; undefined when an error means nothing is written. */
  readonly code: string | undefined;
  readonly problems: readonly FileProblem[];
}

export interface LowerOptions {
  /** Undefined: `import` for an ES module, `require` for a script. */
  readonly runtime: RuntimeMode | undefined;
  readonly sourceTypeOf: SourceTypeOf;
}

const TYPESCRIPT_FILE = /\.[mc]?ts$/;

export function lowerFile(source: SourceFile, options: LowerOptions): LoweredFile {
  let text: string;
  try {
    text = readFileSync(source.path, 'utf8');
  } catch (error) {
    return { code: undefined, problems: [{ kind: 'unreadable', error: error as Error }] };
  }
  const filename = displayPath(source.path);

  let lowered: { code: string | null | undefined; diagnostics: readonly Diagnostic[] };
  try {
    const sourceType = options.sourceTypeOf(source.path, text);
    lowered = transform(text, {
      filename,
      runtime: options.runtime ?? (sourceType === 'module' ? 'import' : 'require'),
      sourceMap: false,
      sourceType,
    });
  } catch (error) {
    return { code: undefined, problems: [{ kind: 'crash', error }] };
  }

  const problems: FileProblem[] = lowered.diagnostics.map((diagnostic) => ({ kind: 'diagnostic', diagnostic, text }));
  if (hasError(lowered.diagnostics)) return { code: undefined, problems };
  if (typeof lowered.code !== 'string') {
    const error = new Error('transform returned no code and no error diagnostic');
    return { code: undefined, problems: [...problems, { kind: 'crash', error }] };
  }
  if (!TYPESCRIPT_FILE.test(source.path)) return { code: lowered.code, problems };

  const stripped = stripTypes(lowered.code, source.path);
  for (const diagnostic of stripped.diagnostics) {
    problems.push({
      kind: 'diagnostic',
      diagnostic: { ...diagnostic, message: `in coro's output, before types were removed: ${diagnostic.message}` },
      text: lowered.code,
    });
  }
  if (hasError(stripped.diagnostics)) return { code: undefined, problems };
  return { code: stripped.code, problems };
}

function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.category === 'error');
}
