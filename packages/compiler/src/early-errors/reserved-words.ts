/**
 * Identifiers that cannot be identifiers where they stand: `yield` in
 * generators and strict code, `await` in async code, modules and static
 * blocks, the strict mode reserved words, `let` as a lexically bound name,
 * `eval` and `arguments` bound or assigned in strict code, and `arguments`
 * in a class field initializer. Escaped spellings (`yi\u0065ld`) count:
 * TypeScript's identifier text is the unescaped name.
 *
 * ## Example
 * `async function f() { var await; }`, `function* g() { var yi\u0065ld; }`,
 * `(async function* await() {})`, `"use strict"; eval = 1` and
 * `class C { x = arguments; }` are SyntaxErrors, and so is
 * `async function f() { function await() {} }`: the nested declaration's
 * name is in `f`'s `[Await]` code. Sloppy `function* g() { () => { var yield; } }`
 * is valid: an arrow's body is `[~Yield]`.
 *
 * ## Implementation
 * Only identifiers ECMAScript reads as a BindingIdentifier, a
 * LabelIdentifier or an IdentifierReference are checked: property names,
 * member names, JSX tag and attribute names and TypeScript's type
 * positions (which the walk does not enter) are no identifiers there. The
 * context (syntactic-context.ts) carries `[Yield]`, `[Await]` and strictness.
 *
 * ## References
 * ECMAScript 2025, 13.1.1 (Identifiers: static semantics, early errors),
 * 12.7.2 (reserved words), 14.3.1.1 (`let` as a lexically bound name),
 * 15.7.1 (ContainsArguments in class fields).
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { DiagnosticCode } from '../diagnostics';
import { isAssignmentTarget } from './assignment-targets';
import type { ReportEarlyError } from './early-error';
import type { SyntacticContext } from './syntactic-context';
import { isPropertyLike } from '../scope';

const STRICT_RESERVED = new Set(['implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield']);

type IdentifierRole = 'binding' | 'label' | 'reference';

export function checkIdentifier(id: ts.Identifier, context: SyntacticContext, report: ReportEarlyError): void {
  const role = roleOf(id);
  if (!role) return;
  const text = id.text;
  if (text === 'yield' && (context.yield || context.strict)) {
    const where = context.yield ? 'a generator' : 'strict mode code';
    report(id, DiagnosticCode.ReservedWord, `'yield' cannot be used as an identifier in ${where}`);
  } else if (text === 'await' && (context.await !== 'identifier' || context.module)) {
    const where = context.await === 'expression' && !context.module ? 'an async function' : context.await === 'reserved' ? 'a class static block' : 'a module';
    report(id, DiagnosticCode.ReservedWord, `'await' cannot be used as an identifier in ${where}`);
  } else if (context.strict && STRICT_RESERVED.has(text)) {
    report(id, DiagnosticCode.ReservedWord, `'${text}' is a reserved word in strict mode code`);
  } else if (text === 'let' && role === 'binding' && isLexicallyBound(id)) {
    report(id, DiagnosticCode.ReservedWord, "'let' cannot be a lexically bound name");
  } else if ((text === 'eval' || text === 'arguments') && context.strict && (role === 'binding' || (role === 'reference' && isAssignmentTarget(id)))) {
    report(id, DiagnosticCode.StrictModeViolation, `'${text}' cannot be ${role === 'binding' ? 'declared' : 'assigned'} in strict mode code`);
  } else if (text === 'arguments' && role === 'reference' && context.classField) {
    report(id, DiagnosticCode.MisplacedSuperOrMeta, "'arguments' is not allowed in class field initializers or static blocks");
  }
}

function roleOf(id: ts.Identifier): IdentifierRole | undefined {
  const parent = id.parent;
  if (isPropertyLike(parent)) return parent.name === id ? undefined : 'reference';
  switch (parent.kind) {
    case SyntaxKind.VariableDeclaration:
    case SyntaxKind.Parameter:
    case SyntaxKind.FunctionDeclaration:
    case SyntaxKind.FunctionExpression:
    case SyntaxKind.ClassDeclaration:
    case SyntaxKind.ClassExpression:
    case SyntaxKind.ImportClause:
    case SyntaxKind.NamespaceImport:
      return (parent as ts.NamedDeclaration).name === id ? 'binding' : 'reference';
    case SyntaxKind.BindingElement:
      return (parent as ts.BindingElement).name === id ? 'binding' : undefined;
    case SyntaxKind.ImportSpecifier:
      return (parent as ts.ImportSpecifier).name === id ? 'binding' : undefined;
    case SyntaxKind.LabeledStatement:
    case SyntaxKind.BreakStatement:
    case SyntaxKind.ContinueStatement:
      return 'label';
    case SyntaxKind.PropertyAccessExpression:
      return (parent as ts.PropertyAccessExpression).name === id ? undefined : 'reference';
    case SyntaxKind.QualifiedName:
    case SyntaxKind.MetaProperty:
    case SyntaxKind.ExportSpecifier:
    case SyntaxKind.NamespaceExport:
    case SyntaxKind.ImportEqualsDeclaration:
    case SyntaxKind.ModuleDeclaration:
    case SyntaxKind.TypeParameter:
    case SyntaxKind.JsxAttribute:
    case SyntaxKind.JsxNamespacedName:
    case SyntaxKind.JsxOpeningElement:
    case SyntaxKind.JsxSelfClosingElement:
    case SyntaxKind.JsxClosingElement:
      return undefined;
    default:
      return 'reference';
  }
}

/** Bound by `let`, `const` (a declaration or a for head) or a class. */
function isLexicallyBound(id: ts.Identifier): boolean {
  let node: ts.Node = id.parent;
  while (ts.isBindingElement(node) || ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node)) node = node.parent;
  if (ts.isClassLike(node)) return true;
  return ts.isVariableDeclaration(node) && ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.BlockScoped) !== 0;
}
