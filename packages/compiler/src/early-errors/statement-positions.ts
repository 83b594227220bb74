/**
 * Declarations where only a single statement may stand: the body of an
 * `if`, a loop, a `with` or a label. A lexical or class declaration is never
 * allowed there; a function declaration only in sloppy code, as an `if`
 * branch (Annex B) or under a label outside a loop, and never a generator
 * or an async function.
 *
 * ## Example
 * `if (x) function* g() {}`, `label: async function f() {}`,
 * `while (x) function f() {}`, `for (;;) let\n[a] = 0;` are SyntaxErrors;
 * sloppy `if (x) function f() {}` and `label: function f() {}` are not.
 *
 * ## Implementation
 * Checked from the statement that owns the position, looking through the
 * labels on its body (IsLabelledFunction). TypeScript reads `let` and a
 * line break there as a declaration; an engine reads the identifier `let`
 * and ends the statement, so that one is an error only in strict code.
 *
 * ## References
 * ECMAScript 2025, 14.6.1 (`if`), 14.7.1.1 (loops: IsLabelledFunction),
 * 14.11.1 (`with`), 14.13.1 (labelled function declarations), B.3.1
 * (labelled function declarations), B.3.3 (function declarations in `if`).
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { DiagnosticCode } from '../diagnostics';
import type { ReportEarlyError } from './early-error';
import type { SyntacticContext } from './syntactic-context';

export type StatementPosition = 'if' | 'loop' | 'with' | 'label';

const BODY_OF: Record<StatementPosition, string> = { if: 'an if statement', loop: 'a loop', with: "a 'with' statement", label: 'a label' };

export function checkStatementPosition(body: ts.Statement, position: StatementPosition, context: SyntacticContext, report: ReportEarlyError): void {
  if (ts.isVariableStatement(body) && isLetThenLineBreak(body.declarationList)) {
    if (context.strict) report(body.declarationList, DiagnosticCode.ReservedWord, "'let' is a reserved word in strict mode code");
  } else if (ts.isVariableStatement(body) && (body.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0) {
    report(body.declarationList, DiagnosticCode.DeclarationNotAllowedHere, 'Lexical declaration cannot appear in a single-statement context');
  } else if (ts.isClassDeclaration(body)) {
    report(body, DiagnosticCode.DeclarationNotAllowedHere, 'Class declaration cannot appear in a single-statement context');
  } else if (ts.isFunctionDeclaration(body) && body.body) {
    const what = body.asteriskToken ? (isAsync(body) ? 'Async generators' : 'Generators') : isAsync(body) ? 'Async functions' : undefined;
    if (what) report(body, DiagnosticCode.DeclarationNotAllowedHere, `${what} can only be declared at the top level or inside a block`);
    else if (context.strict) report(body, DiagnosticCode.DeclarationNotAllowedHere, 'In strict mode code, functions can only be declared at top level or inside a block');
    else if (position === 'loop' || position === 'with') report(body, DiagnosticCode.DeclarationNotAllowedHere, `A function declaration cannot be the body of ${BODY_OF[position]}`);
  } else if (ts.isLabeledStatement(body) && position !== 'label') {
    let labelled: ts.Statement = body.statement;
    while (ts.isLabeledStatement(labelled)) labelled = labelled.statement;
    if (ts.isFunctionDeclaration(labelled)) {
      report(labelled, DiagnosticCode.DeclarationNotAllowedHere, `A labelled function declaration cannot be the body of ${BODY_OF[position]}`);
    }
  }
}

/** What most nodes hold where only a single statement may stand: asked of every node, it is not made anew. */
const NO_BODIES: readonly [ts.Statement, StatementPosition][] = [];

/** The statements a statement holds where only a single statement may stand, each with its position. */
export function singleStatementBodies(node: ts.Node): readonly [ts.Statement, StatementPosition][] {
  switch (node.kind) {
    case SyntaxKind.ForOfStatement:
    case SyntaxKind.ForInStatement:
    case SyntaxKind.ForStatement:
    case SyntaxKind.WhileStatement:
    case SyntaxKind.DoStatement:
      return [[(node as ts.IterationStatement).statement, 'loop']];
    case SyntaxKind.IfStatement: {
      const { thenStatement, elseStatement } = node as ts.IfStatement;
      return elseStatement ? [[thenStatement, 'if'], [elseStatement, 'if']] : [[thenStatement, 'if']];
    }
    case SyntaxKind.WithStatement:
      return [[(node as ts.WithStatement).statement, 'with']];
    case SyntaxKind.LabeledStatement:
      return [[(node as ts.LabeledStatement).statement, 'label']];
    default:
      return NO_BODIES;
  }
}

/**
 * `if (x) let` then a line break and a name: TypeScript reads a declaration,
 * but where a single statement stands `let` is an identifier and the line
 * break ends the statement (only `let [` always starts a declaration).
 */
export function isLetThenLineBreak(list: ts.VariableDeclarationList): boolean {
  const first = list.declarations[0];
  if ((list.flags & ts.NodeFlags.Let) === 0 || !first || ts.isArrayBindingPattern(first.name)) return false;
  const text = list.getSourceFile().text;
  return /[\n\r\u2028\u2029]/.test(text.slice(list.getStart() + 'let'.length, first.name.getStart()));
}

function isAsync(fn: ts.FunctionDeclaration): boolean {
  return (ts.getModifiers(fn) ?? []).some((m) => m.kind === SyntaxKind.AsyncKeyword);
}
