/**
 * The step after coro, when its output is not yet the JavaScript wanted:
 * TypeScript's `transpileModule` removes the types and, when asked, turns ES
 * modules into CommonJS and compiles JSX. Nothing else changes.
 *
 * Example:
 *   function* ids(n: number): Generator<number> { … }   (input main.ts)
 *   → coro lowers the generator, the types stay:
 *   function ids(n: number): Generator<number> { return new ids$Frame(n); } …
 *   → emitJavaScript(…, { moduleFormat: 'preserve', jsx: 'preserve', sourceMap: true, classes: STANDARD_CLASSES }):
 *   function ids(n) { return new ids$Frame(n); } …      (output main.js)
 *   and the map from main.js back to the lowered TypeScript
 *
 * Implementation:
 *   `ts.transpileModule` with target ES2025, so no standard syntax is
 *   lowered; what is newer and Node 20 does not run (decorators, `accessor`
 *   fields, `using` outside suspend functions) is, as tsc lowers it for
 *   that target. Decorators are the project's kind, with metadata if it asks
 *   for it, and fields are defined or assigned as it says
 *   (./class-emit-options.ts). Module
 *   `Preserve` (the CLI) keeps `import`/`export` as written and turns
 *   `import x = require('x')` into `const x = require('x')`; `CommonJS`
 *   (Jest, which cannot run ES modules by default) rewrites them into
 *   `require` and `exports`, `import()` too. Output that Node runs (the
 *   CLI's) keeps `import()`, which there loads ES modules as well, where
 *   Node 20's `require` of one throws (an ES-only package loaded lazily
 *   from CommonJS): tsc's `NodeNext` emits the same CommonJS with
 *   `import()` kept, as it does for a file it takes for CommonJS (the
 *   transpiler reads no package.json, so `.ts`, `.js` and `.cts` files
 *   all are). JSX is preserved for the JSX compiler that comes
 *   after (tsc's `jsx: preserve`), or compiled by `react` (classic
 *   `React.createElement`, honouring `@jsx` pragmas) or `react-jsx` (the
 *   automatic runtime). Where each TypeScript file is written beside the
 *   others as JavaScript (the CLI), an import of `./a.ts` would name a file
 *   that is not there, so tsc's `rewriteRelativeImportExtensions` renames it
 *   as the file is renamed (`.tsx` to `.jsx` while JSX is preserved, and a
 *   computed `import()` through tsc's helper); Jest and the bundlers resolve
 *   the TypeScript sources themselves and keep the names. TypeScript's runtime constructs (enums,
 *   namespaces, parameter properties) are emitted as tsc emits them.
 *   TypeScript 6 adds a `"use strict"` prologue to every script by default;
 *   coro leaves the strictness of the user's code alone, so `alwaysStrict`
 *   is off (deprecated in 6.0, hence `ignoreDeprecations`).
 *   Coro runs first, on the TypeScript source, so that its diagnostics point
 *   at the lines the user wrote; the map made here points into coro's
 *   output and is chained with coro's own map by the caller. TypeScript
 *   always ends the code with a `sourceMappingURL` comment when it makes a
 *   map; that comment names a file nobody writes, so it is cut off.
 *   Only syntactic diagnostics exist here; on coro's output they mean a coro
 *   bug, and the caller reports them against the lowered text, in the
 *   compiler's `Diagnostic` shape with TypeScript's own code.
 *
 * References:
 *   https://www.typescriptlang.org/docs/handbook/modules/reference.html#preserve
 *   https://www.typescriptlang.org/tsconfig/#jsx
 *   https://www.typescriptlang.org/tsconfig/#rewriteRelativeImportExtensions
 *   https://github.com/microsoft/TypeScript/wiki/Using-the-Compiler-API#a-simple-transform-function
 */

import type { Diagnostic } from '@coro/compiler';
import * as ts from 'typescript';
import type { RawSourceMap } from './source-map';
import type { ClassEmitOptions } from './class-emit-options';

export type ModuleFormat = 'preserve' | 'commonjs';
export type JsxEmit = 'preserve' | 'react' | 'react-jsx';

export interface EmitOptions {
  readonly sourceMap: boolean;
  readonly moduleFormat: ModuleFormat;
  readonly jsx: JsxEmit;
  readonly classes: ClassEmitOptions;
  /** Relative imports of TypeScript files name the JavaScript file written for each (`./a.ts` → `./a.js`). */
  readonly rewriteImportExtensions: boolean;
  /** In CommonJS output, `import()` stays `import()` (Node's), rather than becoming a `require`. */
  readonly keepDynamicImport: boolean;
}

export interface EmittedJavaScript {
  readonly code: string;
  /** From the JavaScript to the TypeScript it was made from; only when asked for. */
  readonly map: RawSourceMap | undefined;
  /** TypeScript's, numbered as TypeScript numbers them. */
  readonly diagnostics: readonly Diagnostic[];
}

const TRAILING_MAP_COMMENT = /\/\/# sourceMappingURL=[^\n]*$/;

const MODULE_KIND: Record<ModuleFormat, ts.ModuleKind> = { preserve: ts.ModuleKind.Preserve, commonjs: ts.ModuleKind.CommonJS };
const JSX_EMIT: Record<JsxEmit, ts.JsxEmit> = { preserve: ts.JsxEmit.Preserve, react: ts.JsxEmit.React, 'react-jsx': ts.JsxEmit.ReactJSX };

export function emitJavaScript(code: string, fileName: string, options: EmitOptions): EmittedJavaScript {
  const result = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2025,
      module: options.moduleFormat === 'commonjs' && options.keepDynamicImport ? ts.ModuleKind.NodeNext : MODULE_KIND[options.moduleFormat],
      experimentalDecorators: options.classes.experimentalDecorators,
      emitDecoratorMetadata: options.classes.emitDecoratorMetadata,
      useDefineForClassFields: options.classes.useDefineForClassFields,
      jsx: JSX_EMIT[options.jsx],
      rewriteRelativeImportExtensions: options.rewriteImportExtensions,
      alwaysStrict: false,
      ignoreDeprecations: '6.0',
      newLine: ts.NewLineKind.LineFeed,
      sourceMap: options.sourceMap,
      inlineSourceMap: false,
    },
  });
  const diagnostics = (result.diagnostics ?? []).map((diagnostic) => fromTypeScript(diagnostic, fileName));
  if (result.sourceMapText === undefined) return { code: result.outputText, map: undefined, diagnostics };
  return {
    code: result.outputText.replace(TRAILING_MAP_COMMENT, ''),
    map: JSON.parse(result.sourceMapText) as RawSourceMap,
    diagnostics,
  };
}

function fromTypeScript(diagnostic: ts.Diagnostic, fileName: string): Diagnostic {
  const start = diagnostic.start ?? 0;
  const position = diagnostic.file?.getLineAndCharacterOfPosition(start) ?? { line: 0, character: 0 };
  return {
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    category: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
    file: fileName,
    line: position.line + 1,
    column: position.character + 1,
    start,
    length: diagnostic.length ?? 0,
    code: diagnostic.code,
  };
}
