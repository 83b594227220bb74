/**
 * Formal parameter lists: names bound twice where the function may not
 * repeat one, and `"use strict"` in the body of a function whose list is
 * not simple.
 *
 * ## Example
 * `(a, a) => 0`, `({ m(a, a) {} })`, `function f(a, [a]) {}` and
 * `async function f({ p }) { "use strict"; }` are SyntaxErrors; sloppy
 * `function f(a, a) {}`, `function* g(a, a) {}` and `async function h(a, a) {}` are not.
 *
 * ## Implementation
 * A parameter list's bound names go on to the function body's scope
 * (declared-names.ts), where a `let`, `const` or class of the same name is
 * reported. TypeScript's `this` parameter only types the function and binds
 * nothing.
 *
 * ## References
 * ECMAScript 2025, 15.1.1 (UniqueFormalParameters, IsSimpleParameterList),
 * 15.2.1 (FunctionBodyContainsUseStrict), 15.3.1 and 15.9.1 (arrows),
 * 15.4.1 (methods), 15.5.1, 15.6.1, 15.8.1 (generators, async functions).
 */
import ts from 'typescript';
import { DiagnosticCode } from '../diagnostics';
import { hasUseStrict } from '../directives';
import { isThisParameter } from '../this-parameter';
import { boundNames, redeclared } from './declared-names';
import type { ReportEarlyError } from './early-error';

/** The names `fn`'s parameters bind, each reported when the list may not repeat it. */
export function checkParameterList(fn: ts.SignatureDeclaration, strict: boolean, report: ReportEarlyError): Map<string, ts.Node> {
  const simple = isSimpleParameterList(fn);
  const body = (fn as { body?: ts.Node }).body;
  if (!simple && body && ts.isBlock(body) && hasUseStrict(body.statements)) {
    const directive = body.statements.find((s) => ts.isExpressionStatement(s) && /^["']use strict["']$/.test(s.expression.getText()))!;
    report(directive, DiagnosticCode.UseStrictWithNonSimpleParameters, "Illegal 'use strict' directive in a function with a non-simple parameter list");
  }
  // Arrows and methods take UniqueFormalParameters; functions, generators and async functions, FormalParameters.
  const uniqueRequired = strict || !simple || !(ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn));
  const names = new Map<string, ts.Node>();
  for (const parameter of fn.parameters) {
    if (isThisParameter(parameter)) continue;
    for (const name of boundNames(parameter.name)) {
      if (names.has(name.text) && uniqueRequired) redeclared(report, name, name.text);
      names.set(name.text, name);
    }
  }
  return names;
}

/** IsSimpleParameterList: identifiers only, no defaults, no rest. */
function isSimpleParameterList(fn: ts.SignatureDeclaration): boolean {
  return fn.parameters.every((p) => isThisParameter(p) || (ts.isIdentifier(p.name) && !p.initializer && !p.dotDotDotToken));
}
