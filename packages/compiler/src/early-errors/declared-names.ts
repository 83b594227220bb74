/**
 * Declared names: the scopes of a file, the names each declares lexically,
 * and the redeclarations ECMAScript refuses before running anything.
 *
 * ## Example
 * `async function f(a) { let a; }`, `{ let x; var x; }`,
 * `switch (k) { case 1: let y; case 2: let y; }`, `catch ([e]) { var e; }`
 * and `(a, a) => 0` are SyntaxErrors; `function g(a) { var a; }`,
 * `catch (e) { var e; }` and, in sloppy code, `{ function h() {} function h() {} }`
 * are not.
 *
 * ## Implementation
 * A scope's lexically declared names are collected from its own statement
 * list when the walk enters it, so a `var` found anywhere below is checked
 * against every scope between it and its function (`checkVarNames`), in
 * whichever order the two appear. Function declarations are lexical in
 * blocks and at a module's top level, var-scoped at the top of a function
 * or script. TypeScript-only declarations (overloads, `declare`, types,
 * enums, namespaces) declare nothing here: they merge or vanish.
 *
 * ## References
 * ECMAScript 2025, 8.2 Scope Analysis (BoundNames, LexicallyDeclaredNames,
 * VarDeclaredNames); 14.2.1, 14.12.1, 14.15.1 (block, switch, catch);
 * 15.1.1 (parameters); 16.1.1, 16.2.1.1 (script and module); B.3.2.4
 * (duplicate sloppy function declarations in blocks), B.3.4 (`var` beside
 * a simple catch parameter).
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { DiagnosticCode } from '../diagnostics';
import type { ReportEarlyError } from './early-error';

export interface DeclarationScope {
  /** `'function'` ends a `var`'s search: a function body, a script or module, a static block, a namespace body. */
  readonly kind: 'function' | 'block';
  readonly lexical: ReadonlyMap<string, ts.Node>;
  /** The names a destructuring catch parameter binds: no `var` in its block may take them. */
  readonly catchPatternNames?: ReadonlySet<string>;
  readonly outer: DeclarationScope | undefined;
}

export function redeclared(report: ReportEarlyError, name: ts.Node, text: string): void {
  report(name, DiagnosticCode.Redeclaration, `Identifier '${text}' has already been declared`);
}

/** The identifiers a binding name binds, in order. */
export function boundNames(name: ts.BindingName, into: ts.Identifier[] = []): ts.Identifier[] {
  if (ts.isIdentifier(name)) {
    into.push(name);
    return into;
  }
  for (const element of name.elements) if (!ts.isOmittedExpression(element)) boundNames(element.name, into);
  return into;
}

function isAmbient(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === SyntaxKind.DeclareKeyword);
}

function isLexicalList(list: ts.VariableDeclarationList): boolean {
  return (list.flags & ts.NodeFlags.BlockScoped) !== 0;
}

/** A declaration that binds at run time: TypeScript's overload signatures and ambient declarations do not. */
function isFunctionWithBody(node: ts.Statement): node is ts.FunctionDeclaration & { name: ts.Identifier } {
  return ts.isFunctionDeclaration(node) && node.body !== undefined && node.name !== undefined && !isAmbient(node);
}

/** Neither a generator nor async. */
function isPlainFunction(node: ts.Node): boolean {
  return (
    (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) &&
    !node.asteriskToken &&
    !(ts.getModifiers(node) ?? []).some((m) => m.kind === SyntaxKind.AsyncKeyword)
  );
}

/**
 * The names `statements` declare lexically, each reported when it is
 * declared twice or also names one of `conflicting` (parameters, a catch
 * parameter). `functionsAreLexical` for blocks and module top levels.
 */
function collectLexical(
  statements: readonly ts.Statement[],
  functionsAreLexical: boolean,
  strict: boolean,
  conflicting: ReadonlyMap<string, ts.Node>,
  report: ReportEarlyError,
): Map<string, ts.Node> {
  const lexical = new Map<string, ts.Node>();
  const declare = (name: ts.Identifier, declaration: ts.Node) => {
    const earlier = lexical.get(name.text);
    // B.3.2.4: sloppy code may declare one plain function twice in a block.
    const sloppyFunctions = earlier !== undefined && !strict && isPlainFunction(earlier) && isPlainFunction(declaration);
    if ((earlier && !sloppyFunctions) || conflicting.has(name.text)) redeclared(report, name, name.text);
    if (!earlier) lexical.set(name.text, declaration);
  };
  for (const statement of statements) {
    if (isAmbient(statement)) continue;
    if (ts.isVariableStatement(statement) && isLexicalList(statement.declarationList)) {
      for (const declaration of statement.declarationList.declarations) for (const name of boundNames(declaration.name)) declare(name, declaration);
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      declare(statement.name, statement);
    } else if (functionsAreLexical && isFunctionWithBody(statement)) {
      declare(statement.name, statement);
    }
  }
  return lexical;
}

/**
 * The scope of a function body (its parameters given), a script, a module
 * or a static block. Its top-level function declarations are var-scoped,
 * except in a module, so they are checked against its lexical names here.
 */
export function functionScope(
  statements: readonly ts.Statement[],
  parameters: ReadonlyMap<string, ts.Node>,
  module: boolean,
  strict: boolean,
  report: ReportEarlyError,
  outer: DeclarationScope | undefined,
): DeclarationScope {
  const lexical = collectLexical(statements, module, strict, parameters, report);
  if (!module) {
    for (const statement of statements) {
      if (isFunctionWithBody(statement) && lexical.has(statement.name.text)) redeclared(report, statement.name, statement.name.text);
    }
  }
  return { kind: 'function', lexical, outer };
}

/** A block, a switch's case block, or the block of a catch clause (its parameter's names given). */
export function blockScope(
  statements: readonly ts.Statement[],
  strict: boolean,
  report: ReportEarlyError,
  outer: DeclarationScope,
  catchParameter?: ts.BindingName,
): DeclarationScope {
  const catchNames = new Map<string, ts.Node>();
  for (const name of catchParameter ? boundNames(catchParameter) : []) {
    if (catchNames.has(name.text)) redeclared(report, name, name.text);
    catchNames.set(name.text, name);
  }
  const lexical = collectLexical(statements, true, strict, catchNames, report);
  const catchPatternNames = catchParameter && !ts.isIdentifier(catchParameter) ? new Set(catchNames.keys()) : undefined;
  return { kind: 'block', lexical, catchPatternNames, outer };
}

/** The scope of a `for (let …)` or `for (const …)` head. */
export function forHeadScope(list: ts.VariableDeclarationList, report: ReportEarlyError, outer: DeclarationScope): DeclarationScope {
  const lexical = new Map<string, ts.Node>();
  for (const declaration of list.declarations) {
    for (const name of boundNames(declaration.name)) {
      if (lexical.has(name.text)) redeclared(report, name, name.text);
      else lexical.set(name.text, declaration);
    }
  }
  return { kind: 'block', lexical, outer };
}

export function isLexicalForHead(node: ts.ForStatement | ts.ForInStatement | ts.ForOfStatement): node is (ts.ForStatement | ts.ForInStatement | ts.ForOfStatement) & { initializer: ts.VariableDeclarationList } {
  return node.initializer !== undefined && ts.isVariableDeclarationList(node.initializer) && isLexicalList(node.initializer);
}

/** A `var` (or a var-scoped function) against every lexical scope up to its function. */
export function checkVarNames(names: readonly ts.Identifier[], scope: DeclarationScope, report: ReportEarlyError): void {
  for (const name of names) {
    for (let s: DeclarationScope | undefined = scope; s; s = s.outer) {
      if (s.lexical.has(name.text) || s.catchPatternNames?.has(name.text)) {
        redeclared(report, name, name.text);
        break;
      }
      if (s.kind === 'function') break;
    }
  }
}

/** `var` declarations that bind at run time (`declare var` does not). */
export function isVarList(list: ts.VariableDeclarationList): boolean {
  return !isLexicalList(list) && !isAmbient(list.parent);
}
