/**
 * `import` and `export` declarations belong to modules: a script has none.
 * An engine refuses them when it parses a script (Node: "Cannot use import
 * statement outside a module", "Unexpected token 'export'"), and the lowered
 * code of an exported suspend function has no place for its `export` when
 * the file is read as a script, so the file is refused rather than lowered
 * into code that does not parse.
 *
 * ## Example
 * Read as a script, `export function* g() {}`, `export default 1;`,
 * `export { a };` and `import x from 'x';` are SyntaxErrors; `import x =
 * require('x');`, `export = f;`, `import type { T } from 't';` and `export
 * interface I {}` are not (TypeScript's CommonJS syntax, and types, which
 * are erased).
 *
 * ## Implementation
 * Only the file's own statements are looked at: TypeScript's parser already
 * refuses `import` and `export` declarations anywhere else.
 *
 * ## References
 * ECMAScript 2025, 16.1 (Script: StatementList, no ModuleItem) and 16.2.1
 * (ModuleItem: ImportDeclaration, ExportDeclaration).
 */
import ts from 'typescript';
import { DiagnosticCode } from '../diagnostics';
import { SyntaxKind } from '../syntax-kind';
import type { ReportEarlyError } from './early-error';

export function checkModuleItems(sourceFile: ts.SourceFile, module: boolean, report: ReportEarlyError): void {
  if (module) return;
  for (const statement of sourceFile.statements) {
    const keyword = moduleItemKeyword(statement);
    if (keyword) report(statement, DiagnosticCode.SyntaxError, `'${keyword}' declarations are only valid in a module, and this file is read as a script`);
  }
}

function moduleItemKeyword(statement: ts.Statement): 'import' | 'export' | undefined {
  if (ts.isImportDeclaration(statement)) return statement.importClause?.isTypeOnly ? undefined : 'import';
  if (ts.isExportDeclaration(statement)) return statement.isTypeOnly ? undefined : 'export';
  if (ts.isExportAssignment(statement)) return statement.isExportEquals ? undefined : 'export';
  // An overload signature is a type, as is anything `declare`d.
  const declaration = ts.isVariableStatement(statement) || (ts.isFunctionDeclaration(statement) && statement.body !== undefined) || ts.isClassDeclaration(statement);
  const modifiers = declaration ? (ts.getModifiers(statement) ?? []) : [];
  if (modifiers.some((m) => m.kind === SyntaxKind.DeclareKeyword)) return undefined;
  return modifiers.some((m) => m.kind === SyntaxKind.ExportKeyword) ? 'export' : undefined;
}
