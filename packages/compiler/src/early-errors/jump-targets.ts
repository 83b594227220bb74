/**
 * Labels and the targets of `break` and `continue`: a label is declared
 * once among those in force, a `break label` names one in force, a
 * `continue label` one that labels a loop, and the bare forms stand in a
 * loop (or, for `break`, a switch) of the same function.
 *
 * ## Example
 * `a: a: ;`, `x: { continue x; }`, `while (1) { (() => { break; })(); }`
 * and `function* g() { break; }` are SyntaxErrors; `a: b: while (1) continue a;`
 * is not (both labels name the loop).
 *
 * ## Implementation
 * The labels in force are a list in the context, emptied at every function
 * boundary; a labelled statement adds its label, marked as a loop's when
 * the statement under its labels is an iteration statement.
 *
 * ## References
 * ECMAScript 2025, 14.13.1 (labelled statements: ContainsDuplicateLabels,
 * ContainsUndefinedBreakTarget, ContainsUndefinedContinueTarget), 14.8.1
 * and 14.9.1 (`continue`, `break`).
 */
import ts from 'typescript';
import { DiagnosticCode } from '../diagnostics';
import type { ReportEarlyError } from './early-error';
import { isIterationStatement, type SyntacticContext } from './syntactic-context';

function find(context: SyntacticContext, name: string) {
  for (let label = context.labels; label; label = label.outer) if (label.name === name) return label;
  return undefined;
}

/** The context of a labelled statement's body. */
export function labelledContext(node: ts.LabeledStatement, context: SyntacticContext, report: ReportEarlyError): SyntacticContext {
  const name = node.label.text;
  if (find(context, name)) report(node.label, DiagnosticCode.InvalidJumpTarget, `Label '${name}' has already been declared`);
  let body: ts.Statement = node.statement;
  while (ts.isLabeledStatement(body)) body = body.statement;
  return { ...context, labels: { name, loop: isIterationStatement(body), outer: context.labels } };
}

export function checkJump(node: ts.BreakStatement | ts.ContinueStatement, context: SyntacticContext, report: ReportEarlyError): void {
  const keyword = ts.isBreakStatement(node) ? 'break' : 'continue';
  if (node.label) {
    const label = find(context, node.label.text);
    if (!label) report(node.label, DiagnosticCode.InvalidJumpTarget, `Undefined label '${node.label.text}'`);
    else if (keyword === 'continue' && !label.loop) {
      report(node.label, DiagnosticCode.InvalidJumpTarget, `Illegal continue statement: '${node.label.text}' does not denote an iteration statement`);
    }
  } else if (keyword === 'break' ? !context.breakable : !context.continuable) {
    report(node, DiagnosticCode.InvalidJumpTarget, `Illegal ${keyword} statement: no enclosing ${keyword === 'break' ? 'loop or switch' : 'loop'} in this function`);
  }
}
