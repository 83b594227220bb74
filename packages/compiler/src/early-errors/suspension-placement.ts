/**
 * Where a suspension may stand: `yield` only in a generator, `await` and
 * `for await` only in async code (or at a module's top level), and neither
 * in the formal parameters of the function they would suspend, nor in
 * those of an arrow inside it.
 *
 * ## Example
 * `function* g(x = yield) {}`, `async (a = await p) => a`,
 * `async function f() { (x = await 1) => x; }`,
 * `class C { static { await 0; } }` and `function f() { for await (x of y); }`
 * are SyntaxErrors.
 *
 * ## Implementation
 * TypeScript parses `yield x` and `await x` as expressions in more places
 * than the grammar allows (its checker reports the rest); the context says
 * whether the nearest function is a generator, async, and whether the node
 * is in its parameters.
 *
 * ## References
 * ECMAScript 2025, 15.5.1 (generator parameters: Contains YieldExpression),
 * 15.8.1 (async parameters: Contains AwaitExpression), 15.3.1 (arrow
 * parameters), 15.7.1 (ClassStaticBlockStatementList Contains await),
 * 14.7.5 (`for await`).
 */
import ts from 'typescript';
import { DiagnosticCode } from '../diagnostics';
import type { ReportEarlyError } from './early-error';
import type { SyntacticContext } from './syntactic-context';

export function checkYield(node: ts.YieldExpression, context: SyntacticContext, report: ReportEarlyError): void {
  if (!context.yield) report(node, DiagnosticCode.MisplacedSuspension, "'yield' is only valid inside a generator function");
  else if (context.parameters) report(node, DiagnosticCode.MisplacedSuspension, "'yield' cannot be used in a parameter of the function it suspends");
}

export function checkAwait(node: ts.AwaitExpression, context: SyntacticContext, report: ReportEarlyError): void {
  if (context.await === 'reserved') report(node, DiagnosticCode.MisplacedSuspension, "'await' is not allowed in a class static block");
  else if (context.await !== 'expression') report(node, DiagnosticCode.MisplacedSuspension, "'await' is only valid in async functions and at the top level of modules");
  else if (context.parameters) report(node, DiagnosticCode.MisplacedSuspension, "'await' cannot be used in a parameter of the function it suspends");
}

export function checkForAwait(node: ts.ForOfStatement, context: SyntacticContext, report: ReportEarlyError): void {
  if (node.awaitModifier && context.await !== 'expression') {
    report(node.awaitModifier, DiagnosticCode.MisplacedSuspension, "'for await' is only valid in async functions and at the top level of modules");
  }
}
