/**
 * Decides whether a file is an ES module or a script, the `sourceType` the
 * compiler is given, as Node sees it (`coro transpile`, Jest) or as a
 * bundler does (the Vite plugin); and so how the file reaches the runtime
 * when nothing says otherwise.
 *
 * Example:
 *   createSourceTypeResolver():
 *   a.mjs, a.mts                                → 'module'
 *   a.cts with import/export                    → 'module' (emitted as CommonJS)
 *   a.cjs, a.cts                                → 'script'
 *   a.js, a.jsx, a.ts, a.tsx with import/export → 'module'
 *   a.js, a.jsx, a.ts, a.tsx under "type": "module" → 'module'
 *   a.js, a.jsx, a.ts, a.tsx otherwise          → 'script'
 *   bundlerSourceTypeOf('/app/src/main.ts', …)   → 'module'
 *   bundlerSourceTypeOf('/app/legacy/conf.cjs', 'module.exports = 1') → 'script'
 *   defaultRuntime('script')                     → 'require'
 *
 * Implementation:
 *   Node: its own rules, in Node's order: the extension decides when it is
 *   explicit, but for a `.cts` file written with `import` and `export`,
 *   TypeScript's usual way, which tsc emits as CommonJS: it is read as a
 *   module (and converted, @coro/cli's module-format.ts), as a `.ts` file
 *   with `import` under `"type": "commonjs"` is; otherwise ES module syntax
 *   decides (Node's `--experimental-
 *   detect-module`, on by default since 20.19/22.7, and how TypeScript tells a
 *   module from a global script); otherwise the nearest package.json's
 *   `"type"`. Syntax is read with TypeScript's parser (`isExternalModule`:
 *   top-level `import`/`export`, `import.meta`), not a regular expression, so
 *   the word `import` in a string or comment does not count; the parse is
 *   skipped when the text does not contain either keyword at all. The
 *   package.json lookups are ./package-type.ts's, cached for the run.
 *   Bundlers: Rollup and Vite parse every `.js`/`.ts` module as an ES module
 *   (strict code, `import` allowed), so that is how coro reads them too; only
 *   the explicit CommonJS extensions `.cjs` and `.cts` are scripts, unless
 *   written with `import` or `export` declarations.
 *   A script cannot `import`, so by default it reaches the runtime by
 *   `require`, and an ES module by `import`.
 *
 * References:
 *   https://nodejs.org/docs/latest-v20.x/api/packages.html#determining-module-system
 *   https://nodejs.org/docs/latest-v20.x/api/packages.html#type
 *   https://github.com/rollup/plugins/tree/master/packages/commonjs (mixed `import`/`require` modules)
 */

import { dirname } from 'node:path';
import type { RuntimeMode, SourceType } from '@coro/compiler';
import * as ts from 'typescript';
import { createPackageTypeResolver } from './package-type';

const BUNDLER_SCRIPT_FILE = /\.c[jt]s$/i;

export type SourceTypeOf = (path: string, code: string) => SourceType;

export function createSourceTypeResolver(): SourceTypeOf {
  const packageTypeOf = createPackageTypeResolver();
  return (path, code) => {
    if (/\.m[jt]s$/.test(path)) return 'module';
    if (/\.cts$/.test(path)) return hasModuleSyntax(path, code) ? 'module' : 'script';
    if (/\.cjs$/.test(path)) return 'script';
    if (hasModuleSyntax(path, code)) return 'module';
    return packageTypeOf(dirname(path)) === 'module' ? 'module' : 'script';
  };
}

function hasModuleSyntax(path: string, code: string): boolean {
  if (!/\b(import|export)\b/.test(code)) return false;
  const file = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, false, scriptKindOf(path));
  return ts.isExternalModule(file);
}

export function scriptKindOf(path: string): ts.ScriptKind {
  if (/\.tsx$/i.test(path)) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/i.test(path)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(path)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

export function bundlerSourceTypeOf(path: string, code: string): SourceType {
  return BUNDLER_SCRIPT_FILE.test(path) && (!hasModuleSyntax(path, code) || isCommonJsTypeScript(path, code)) ? 'script' : 'module';
}

export function defaultRuntime(sourceType: SourceType): RuntimeMode {
  return sourceType === 'module' ? 'import' : 'require';
}

/**
 * Whether a TypeScript module is written as CommonJS (`import x = require('x')`, `export =`, and no
 * `import` or `export` declaration): TypeScript emits it with `require` and `module.exports` under
 * any module setting, so it runs as CommonJS, and an `import` of the runtime beside them would make
 * it an ES module that has no `require`.
 */
export function isCommonJsTypeScript(path: string, code: string): boolean {
  const file = typeScriptWithCommonJsSyntax(path, code);
  if (file === undefined || commonJsStatementOf(file) === undefined) return false;
  // `import type` and `export type` are erased: they make no ES module.
  const esm = (s: ts.Statement) =>
    (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly) || (ts.isExportDeclaration(s) && !s.isTypeOnly) || (ts.isExportAssignment(s) && !s.isExportEquals) || hasExportModifier(s);
  return !file.statements.some(esm);
}

/**
 * The first statement of TypeScript's CommonJS syntax in a TypeScript file: an `import x = require('x')`
 * as written, or `export =`; undefined when there is none. TypeScript emits it as `require` and
 * `module.exports`, which an ES module does not have.
 */
export function typeScriptCommonJsStatement(path: string, code: string): string | undefined {
  const file = typeScriptWithCommonJsSyntax(path, code);
  const statement = file && commonJsStatementOf(file);
  if (statement === undefined) return undefined;
  return ts.isExportAssignment(statement) ? 'export =' : statement.getText(file).replace(/;$/, '');
}

function typeScriptWithCommonJsSyntax(path: string, code: string): ts.SourceFile | undefined {
  if (!/\.([cm]?ts|tsx)$/i.test(path) || !/\b(require|export\s*=)/.test(code)) return undefined;
  return ts.createSourceFile(path, code, ts.ScriptTarget.Latest, false, scriptKindOf(path));
}

function commonJsStatementOf(file: ts.SourceFile): ts.Statement | undefined {
  return file.statements.find(
    (s) => (ts.isImportEqualsDeclaration(s) && !s.isTypeOnly && ts.isExternalModuleReference(s.moduleReference)) || (ts.isExportAssignment(s) && s.isExportEquals),
  );
}

function hasExportModifier(statement: ts.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}
