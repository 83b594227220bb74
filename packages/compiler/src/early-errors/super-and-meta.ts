/**
 * `super` and `new.target` where the code around them has them: a
 * `super(…)` call only in the constructor of a class that extends another,
 * `super.x` only in methods, accessors, constructors, field initializers and
 * static blocks, `new.target` only inside a non-arrow function (or a field
 * initializer or static block); arrows see what the code around them sees.
 * `import.meta` only in a module, and neither meta property spelled with
 * an escape.
 *
 * ## Example
 * `({ f: function () { return super.x; } })`, `class A { constructor() { super(); } }`,
 * `class B extends A { m() { super(); } }` and a top-level `() => new.target`
 * are SyntaxErrors.
 *
 * ## Implementation
 * The context (syntactic-context.ts) carries the three permissions across
 * arrows and resets them at every other function.
 *
 * ## References
 * ECMAScript 2025, 15.2.1 and 15.4.1 (Contains SuperProperty / SuperCall
 * in functions and methods), 15.7.1 (class constructors, fields, static
 * blocks), 16.1.1 (scripts: `new.target`), 13.3.12 (meta properties),
 * 12.7.2 (a keyword's code points: no escapes).
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { DiagnosticCode } from '../diagnostics';
import type { ReportEarlyError } from './early-error';
import type { SyntacticContext } from './syntactic-context';

export function checkSuper(node: ts.SuperExpression, context: SyntacticContext, report: ReportEarlyError): void {
  const call = ts.isCallExpression(node.parent) && node.parent.expression === node;
  if (call && !context.superCall) {
    report(node, DiagnosticCode.MisplacedSuperOrMeta, "'super()' is only valid in the constructor of a class that extends another");
  } else if (!call && !context.superProperty) {
    report(node, DiagnosticCode.MisplacedSuperOrMeta, "'super' property access is only valid in methods, accessors, constructors and class fields");
  }
}

export function checkMetaProperty(node: ts.MetaProperty, context: SyntacticContext, report: ReportEarlyError): void {
  const keyword = node.keywordToken === SyntaxKind.NewKeyword ? 'new' : 'import';
  if (node.name.getText().includes('\\')) {
    report(node.name, DiagnosticCode.MisplacedSuperOrMeta, `'${keyword}.${node.name.text}' must not contain escaped characters`);
  } else if (keyword === 'new' && !context.newTarget) {
    report(node, DiagnosticCode.MisplacedSuperOrMeta, "'new.target' is only valid inside functions");
  } else if (keyword === 'import' && !context.module) {
    report(node, DiagnosticCode.MisplacedSuperOrMeta, "'import.meta' is only valid in a module");
  }
}
