/**
 * Turns coro's TypeScript output into JavaScript by removing the types, and
 * nothing else.
 *
 * Example:
 *   function* ids(n: number): Generator<number> { … }   (input main.ts)
 *   → coro lowers the generator, the types stay:
 *   function ids(n: number): Generator<number> { return new ids$Frame(n); } …
 *   → stripTypes:
 *   function ids(n) { return new ids$Frame(n); } …      (output main.js)
 *
 * Implementation:
 *   `ts.transpileModule` with target ESNext, so no syntax is lowered, and
 *   module `Preserve`, so `import`/`export` stay as written and
 *   `import x = require('x')` becomes `const x = require('x')`. TypeScript's
 *   runtime constructs (enums, namespaces, parameter properties) are emitted as
 *   tsc emits them. TypeScript 6 adds a `"use strict"` prologue to every
 *   script by default; coro leaves the strictness of the user's code alone, so
 *   `alwaysStrict` is off (deprecated in 6.0, hence `ignoreDeprecations`).
 *   Coro runs first, on the TypeScript source, so that its diagnostics point
 *   at the lines the user wrote.
 *   Only syntactic diagnostics exist here; on coro's output they mean a coro
 *   bug, and the caller reports them against the lowered text.
 *
 * References:
 *   https://www.typescriptlang.org/docs/handbook/modules/reference.html#preserve
 *   https://github.com/microsoft/TypeScript/wiki/Using-the-Compiler-API#a-simple-transform-function
 */

import * as ts from 'typescript';
import type { Diagnostic } from './diagnostic';

export interface StrippedCode {
  readonly code: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function stripTypes(code: string, fileName: string): StrippedCode {
  const result = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.Preserve,
      alwaysStrict: false,
      ignoreDeprecations: '6.0',
      newLine: ts.NewLineKind.LineFeed,
      sourceMap: false,
      inlineSourceMap: false,
    },
  });
  const diagnostics = (result.diagnostics ?? []).map((diagnostic) => fromTypeScript(diagnostic, fileName));
  return { code: result.outputText, diagnostics };
}

function fromTypeScript(diagnostic: ts.Diagnostic, fileName: string): Diagnostic {
  const position =
    diagnostic.file !== undefined && diagnostic.start !== undefined
      ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
      : { line: 0, character: 0 };
  return {
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    category: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
    file: fileName,
    line: position.line + 1,
    column: position.character + 1,
    code: `TS${diagnostic.code}`,
  };
}
