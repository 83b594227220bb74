/**
 * Early errors: the SyntaxErrors ECMAScript defines by static semantics,
 * which an engine reports before running any of a file and which
 * TypeScript's parser leaves to its checker (coro does not run it). A file
 * with one is not lowered: `transform` reports each at its position.
 *
 * ## Example
 * ```js
 * async function* g(a) { let a; var await; }
 * ```
 * gives `Identifier 'a' has already been declared` (`CORO1011`) at 1:28
 * and `'await' cannot be used as an identifier in an async function`
 * (`CORO1009`) at 1:35.
 *
 * ## Implementation
 * One walk over the whole file, iterative (a long chain of `a + b + …` is
 * deeper than the call stack), each node with its syntactic context
 * (syntactic-context.ts): the grammar parameters, strictness, what `super`,
 * `new.target`, labels and scopes mean there. A node's checks run when it
 * is reached, and the node makes its children's contexts. Each family of
 * rules has its own file: reserved-words, suspension-placement,
 * declared-names with parameter-lists, jump-targets, statement-positions,
 * for-heads, super-and-meta, strict-mode, legacy-octal,
 * property-definitions, arrow-heads, assignment-targets, and module-items
 * for the file's own statements. TypeScript-only syntax (types,
 * interfaces, enums, overload signatures, `declare`) is not walked: it is
 * no ECMAScript, and TypeScript's own checks judge it. The errors the
 * parser does report (escaped keywords, a `yield` with no operand on its
 * line, …) come from its `parseDiagnostics`, before this pass runs; its
 * reports of legacy octal, which it makes in sloppy code too, give way to
 * legacy-octal.ts.
 *
 * ## References
 * ECMAScript 2025, 5.1.4 (static semantic rules: early errors) and the
 * "Static Semantics: Early Errors" subsections cited by each rule's file;
 * 16.1.1 and 16.2.1.1 (scripts and modules).
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { checkArrowLine } from './arrow-heads';
import { checkShorthandInitializer } from './assignment-targets';
import { blockScope, boundNames, checkVarNames, forHeadScope, functionScope, isLexicalForHead, isVarList, type DeclarationScope } from './declared-names';
import { checkForInOfHead } from './for-heads';
import { checkJump, labelledContext } from './jump-targets';
import { checkLegacyOctal } from './legacy-octal';
import { checkModuleItems } from './module-items';
import { checkParameterList } from './parameter-lists';
import { checkClassElements, checkObjectLiteral } from './property-definitions';
import { checkIdentifier } from './reserved-words';
import { checkStatementPosition, singleStatementBodies } from './statement-positions';
import { checkDelete, checkWith } from './strict-mode';
import { checkMetaProperty, checkSuper } from './super-and-meta';
import { checkAwait, checkForAwait, checkYield } from './suspension-placement';
import { checkUsingDeclaration } from './using-declarations';
import type { EarlyError, ReportEarlyError } from './early-error';
import { classContext, classElementContext, fileContext, functionContext, type SyntacticContext } from './syntactic-context';
import { hasUseStrict } from '../directives';
import { isFunctionLike } from '../function-like';

type Visit = readonly [node: ts.Node, context: SyntacticContext];

/** Every early error in the file, in the order of their positions. */
export function findEarlyErrors(sourceFile: ts.SourceFile, module: boolean): EarlyError[] {
  const errors: EarlyError[] = [];
  const report: ReportEarlyError = (node, code, message) => {
    errors.push({ node, code, message });
  };
  checkModuleItems(sourceFile, module, report);
  const strict = module || hasUseStrict(sourceFile.statements);
  const scope = functionScope(sourceFile.statements, new Map(), module, strict, report, undefined);
  const pending: Visit[] = [[sourceFile, fileContext(sourceFile, module, scope)]];
  while (pending.length) {
    const [node, context] = pending.pop()!;
    if (isTypeScriptOnly(node)) continue;
    checkNode(node, context, report);
    const contextOf = childContexts(node, context, report);
    // The children go on the stack as they come, then are turned around in place, so that the first is taken first.
    const first = pending.length;
    ts.forEachChild(node, (child) => {
      pending.push([child, contextOf ? contextOf(child) : context]);
    });
    for (let i = first, j = pending.length - 1; i < j; i++, j--) {
      const swapped = pending[i];
      pending[i] = pending[j];
      pending[j] = swapped;
    }
  }
  return errors.sort((a, b) => a.node.getStart(sourceFile) - b.node.getStart(sourceFile));
}

/** The rules that look at one node. */
function checkNode(node: ts.Node, context: SyntacticContext, report: ReportEarlyError): void {
  for (const [body, position] of singleStatementBodies(node)) checkStatementPosition(body, position, context, report);
  switch (node.kind) {
    case SyntaxKind.Identifier:
      return checkIdentifier(node as ts.Identifier, context, report);
    case SyntaxKind.YieldExpression:
      return checkYield(node as ts.YieldExpression, context, report);
    case SyntaxKind.AwaitExpression:
      return checkAwait(node as ts.AwaitExpression, context, report);
    case SyntaxKind.ForOfStatement:
      checkForAwait(node as ts.ForOfStatement, context, report);
      return checkForInOfHead(node as ts.ForOfStatement, context, report);
    case SyntaxKind.ForInStatement:
      return checkForInOfHead(node as ts.ForInStatement, context, report);
    case SyntaxKind.WithStatement:
      return checkWith(node as ts.WithStatement, context, report);
    case SyntaxKind.BreakStatement:
    case SyntaxKind.ContinueStatement:
      return checkJump(node as ts.BreakStatement | ts.ContinueStatement, context, report);
    case SyntaxKind.SuperKeyword:
      return checkSuper(node as ts.SuperExpression, context, report);
    case SyntaxKind.MetaProperty:
      return checkMetaProperty(node as ts.MetaProperty, context, report);
    case SyntaxKind.DeleteExpression:
      return checkDelete(node as ts.DeleteExpression, context, report);
    case SyntaxKind.ArrowFunction:
      return checkArrowLine(node as ts.ArrowFunction, report);
    case SyntaxKind.ClassDeclaration:
    case SyntaxKind.ClassExpression:
      return checkClassElements(node as ts.ClassLikeDeclaration, report);
    case SyntaxKind.ObjectLiteralExpression:
      return checkObjectLiteral(node as ts.ObjectLiteralExpression, report);
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.StringLiteral:
      return checkLegacyOctal(node as ts.NumericLiteral | ts.StringLiteral, context, report);
    case SyntaxKind.ShorthandPropertyAssignment:
      return checkShorthandInitializer(node as ts.ShorthandPropertyAssignment, report);
    case SyntaxKind.VariableDeclarationList: {
      const list = node as ts.VariableDeclarationList;
      if (isVarList(list)) checkVarNames(list.declarations.flatMap((d) => boundNames(d.name)), context.scope, report);
      return checkUsingDeclaration(list, context, report);
    }
  }
}

/** How `node` makes the contexts of its children; undefined when it passes its own on, as most do (nothing is allocated for them). */
function childContexts(node: ts.Node, context: SyntacticContext, report: ReportEarlyError): ((child: ts.Node) => SyntacticContext) | undefined {
  if (isFunctionLike(node)) return functionPartContexts(node, context, report);
  const withScope = (scope: DeclarationScope, more: Partial<SyntacticContext> = {}): SyntacticContext => ({ ...context, ...more, scope });
  switch (node.kind) {
    case SyntaxKind.ClassDeclaration:
    case SyntaxKind.ClassExpression: {
      const inner = classContext(context);
      return () => inner;
    }
    case SyntaxKind.Parameter: {
      const decorators = context.parameterDecorators;
      return decorators && ((child) => (ts.isDecorator(child) ? decorators : context));
    }
    case SyntaxKind.PropertyDeclaration: {
      const field = node as ts.PropertyDeclaration;
      const initializer = classElementContext(field, context, functionScope([], new Map(), false, true, report, context.scope));
      return (child) => (child === field.initializer ? initializer : context);
    }
    case SyntaxKind.ClassStaticBlockDeclaration: {
      const block = node as ts.ClassStaticBlockDeclaration;
      const inner = classElementContext(block, context, functionScope(block.body.statements, new Map(), false, true, report, context.scope));
      return () => inner;
    }
    case SyntaxKind.Block: {
      const parent = node.parent;
      // A function's or static block's body is the scope its owner made.
      if (isFunctionLike(parent) || ts.isClassStaticBlockDeclaration(parent)) return undefined;
      const catchParameter = ts.isCatchClause(parent) ? parent.variableDeclaration?.name : undefined;
      const inner = withScope(blockScope((node as ts.Block).statements, context.strict, report, context.scope, catchParameter));
      return () => inner;
    }
    case SyntaxKind.CaseBlock: {
      const statements = (node as ts.CaseBlock).clauses.flatMap((clause) => clause.statements);
      const inner = withScope(blockScope(statements, context.strict, report, context.scope), { breakable: true });
      return () => inner;
    }
    case SyntaxKind.ForStatement:
    case SyntaxKind.ForInStatement:
    case SyntaxKind.ForOfStatement: {
      const loop = node as ts.ForStatement | ts.ForInStatement | ts.ForOfStatement;
      const scope = isLexicalForHead(loop) ? forHeadScope(loop.initializer, report, context.scope) : context.scope;
      const inner = withScope(scope, { breakable: true, continuable: true });
      return () => inner;
    }
    case SyntaxKind.WhileStatement:
    case SyntaxKind.DoStatement: {
      const inner: SyntacticContext = { ...context, breakable: true, continuable: true };
      return () => inner;
    }
    case SyntaxKind.LabeledStatement: {
      const statement = node as ts.LabeledStatement;
      const inner = labelledContext(statement, context, report);
      return (child) => (child === statement.statement ? inner : context);
    }
    case SyntaxKind.ModuleBlock: {
      // A namespace body runs as a function of its own.
      const inner = withScope(functionScope((node as ts.ModuleBlock).statements, new Map(), false, context.strict, report, context.scope));
      return () => inner;
    }
  }
  return undefined;
}

/** A function's name, parameters and body each see the function differently. */
function functionPartContexts(fn: ts.SignatureDeclaration & { body?: ts.Node }, outer: SyntacticContext, report: ReportEarlyError): (child: ts.Node) => SyntacticContext {
  const body = fn.body;
  const strict = outer.strict || (body !== undefined && ts.isBlock(body) && hasUseStrict(body.statements));
  const parameters = checkParameterList(fn, strict, report);
  const scope = functionScope(body && ts.isBlock(body) ? body.statements : [], parameters, false, strict, report, outer.scope);
  const name = functionContext(fn, 'name', outer, outer.scope);
  const parameterContext: SyntacticContext = { ...functionContext(fn, 'parameters', outer, scope), parameterDecorators: ts.isClassLike(fn.parent) ? outer : undefined };
  const bodyContext = functionContext(fn, 'body', outer, scope);
  return (child) => {
    if (child === body) return bodyContext;
    if (ts.isParameter(child)) return parameterContext;
    if (child === fn.name && !ts.isComputedPropertyName(child)) return name;
    return outer;
  };
}

/**
 * Syntax that only TypeScript has: types, interfaces, type aliases, enums,
 * overload signatures, `declare` and the `implements` clause. None of it runs.
 */
function isTypeScriptOnly(node: ts.Node): boolean {
  if (ts.isTypeNode(node)) return !ts.isExpressionWithTypeArguments(node) || (ts.isHeritageClause(node.parent) && node.parent.token === SyntaxKind.ImplementsKeyword);
  switch (node.kind) {
    case SyntaxKind.InterfaceDeclaration:
    case SyntaxKind.TypeAliasDeclaration:
    case SyntaxKind.EnumDeclaration:
    case SyntaxKind.TypeParameter:
    case SyntaxKind.IndexSignature:
    case SyntaxKind.ImportEqualsDeclaration:
    case SyntaxKind.NamespaceExportDeclaration:
      return true;
  }
  if (isFunctionLike(node) && !ts.isArrowFunction(node) && node.body === undefined) return true;
  // The modifiers as they stand, decorators among them (`getModifiers` would copy the list without them): no decorator is either keyword.
  if (!ts.canHaveModifiers(node) || !node.modifiers) return false;
  return node.modifiers.some((m) => m.kind === SyntaxKind.DeclareKeyword || (m.kind === SyntaxKind.AbstractKeyword && ts.isClassElement(node)));
}
