/**
 * Where `using` and `await using` declarations may stand, and what they may
 * declare: each binds one identifier to an initializer (a for-of head's
 * value is its initializer), never a pattern; they stand in a block, a
 * function body, a module's top level or a `for`/for-of head, never directly
 * in a `case` clause, at a script's top level, or in a for-in head; `await
 * using` only where `await` is an operator.
 *
 * ## Example
 * `using x;`, `using { a } = o;`, `switch (k) { case 1: using r = f(); }`,
 * `for (using x in o);` and `function* g() { await using r = f(); }` are
 * SyntaxErrors; `for (using r of list) {}` is not.
 *
 * ## Implementation
 * Checked from the declaration list. TypeScript parses all of these as
 * declarations and leaves them to its checker; an engine refuses them when
 * it parses the file.
 *
 * ## References
 * ECMAScript 2026, 14.3.1.1 Static Semantics: Early Errors (Let, Const,
 * Using and Await Using Declarations); 14.7.5.1 (for-in/of heads); 14.12.1
 * (`switch`); 16.1.1 (Script).
 */
import ts from 'typescript';
import { DiagnosticCode } from '../diagnostics';
import { isAwaitUsing, isUsing } from '../using-declarations';
import type { ReportEarlyError } from './early-error';
import type { SyntacticContext } from './syntactic-context';

export function checkUsingDeclaration(list: ts.VariableDeclarationList, context: SyntacticContext, report: ReportEarlyError): void {
  if (!isUsing(list)) return;
  const what = isAwaitUsing(list) ? "'await using'" : "'using'";
  const reportAt = (node: ts.Node, message: string) => report(node, DiagnosticCode.InvalidUsingDeclaration, message);
  if (isAwaitUsing(list) && context.await !== 'expression') {
    reportAt(list, "'await using' declarations are only allowed in async functions and at the top level of modules");
  }
  const parent = list.parent;
  if (ts.isForInStatement(parent)) return reportAt(list, `The head of a for-in statement cannot be a ${what} declaration`);
  const inForOf = ts.isForOfStatement(parent);
  for (const declaration of list.declarations) {
    if (!ts.isIdentifier(declaration.name)) reportAt(declaration.name, `A ${what} declaration binds an identifier, not a pattern`);
    else if (!declaration.initializer && !inForOf) reportAt(declaration, `A ${what} declaration must be initialized`);
  }
  if (!ts.isVariableStatement(parent)) return;
  const holder = parent.parent;
  if (ts.isCaseClause(holder) || ts.isDefaultClause(holder)) reportAt(list, `A ${what} declaration cannot stand directly in a case or default clause`);
  else if (ts.isSourceFile(holder) && !context.module) reportAt(list, `A ${what} declaration cannot stand at the top level of a script`);
}
