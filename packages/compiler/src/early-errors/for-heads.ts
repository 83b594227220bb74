/**
 * The heads of for-in, for-of and `for await` loops: one binding, no
 * initializer (except Annex B's sloppy `for (var x = 1 in o)`), no `let`
 * bound lexically, and a for-of target that does not start with `let`
 * nor is `async` alone.
 *
 * ## Example
 * `for await (const x = 1 of xs)`, `for (var [a] = 1 of xs)`,
 * `for (let a, b of xs)`, `for (let [a, a] of xs)`, `for (async of xs)`
 * are SyntaxErrors; `for await (async of xs)` is not.
 *
 * ## Implementation
 * The duplicate names of a lexical head are reported where its scope is
 * made (declared-names.ts), `let` as a name by reserved-words.ts; what
 * TypeScript leaves of the head grammar is checked here.
 *
 * ## References
 * ECMAScript 2025, 14.7.5 (for-in, for-of and for-await-of statements: the
 * lookahead restrictions and 14.7.5.1 early errors), B.3.5 (initializers in
 * for-in heads).
 */
import ts from 'typescript';
import { DiagnosticCode } from '../diagnostics';
import type { ReportEarlyError } from './early-error';
import type { SyntacticContext } from './syntactic-context';

export function checkForInOfHead(node: ts.ForInStatement | ts.ForOfStatement, context: SyntacticContext, report: ReportEarlyError): void {
  const loop = ts.isForInStatement(node) ? 'for-in' : node.awaitModifier ? 'for await' : 'for-of';
  const head = node.initializer;
  if (ts.isVariableDeclarationList(head) && head.declarations.length === 0) {
    // TypeScript reads `for (let in o)` and `for (let of xs)` as a declaration of nothing: the head is the identifier `let`.
    if (ts.isForOfStatement(node)) report(head, DiagnosticCode.InvalidForHead, `The left-hand side of a ${loop} loop may not start with 'let'`);
    else if (context.strict) report(head, DiagnosticCode.ReservedWord, "'let' is a reserved word in strict mode code");
    return;
  }
  if (ts.isVariableDeclarationList(head)) {
    if (head.declarations.length > 1) {
      report(head, DiagnosticCode.InvalidForHead, `Only one variable can be declared in the head of a ${loop} loop`);
    }
    for (const declaration of head.declarations) {
      if (!declaration.initializer) continue;
      const annexB = ts.isForInStatement(node) && !context.strict && (head.flags & ts.NodeFlags.BlockScoped) === 0 && ts.isIdentifier(declaration.name);
      if (!annexB) report(declaration.initializer, DiagnosticCode.InvalidForHead, `The variable of a ${loop} loop cannot have an initializer`);
    }
    return;
  }
  if (ts.isForInStatement(node)) return;
  const text = head.getSourceFile().text;
  const start = head.getStart();
  if (/^let(?![\p{ID_Continue}$\u200c\u200d\\])/u.test(text.slice(start, start + 4))) {
    report(head, DiagnosticCode.InvalidForHead, `The left-hand side of a ${loop} loop may not start with 'let'`);
  } else if (!node.awaitModifier && text.slice(start, head.end) === 'async') {
    report(head, DiagnosticCode.InvalidForHead, "The left-hand side of a for-of loop may not be 'async'");
  }
}
