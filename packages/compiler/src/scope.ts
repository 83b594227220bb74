/**
 * Scope analysis of one suspend function.
 *
 * ## Example
 * ```js
 * function* g(a) { let x = a; { let x = 2; yield x; } return () => x; }
 * ```
 * gives three bindings of `g` (`a`, the outer `x`, the inner `x`), resolves
 * every identifier to one of them (or to nothing: a free name), and marks the
 * outer `x` as captured, because the arrow reads it after `g` may have
 * suspended.
 *
 * ## Implementation
 * One walk over the function, nested functions included, builds the scope
 * tree and declares every binding (hoisting `var` and function declarations
 * to their function scope), noting each reference with the scope it stands
 * in; once everything is declared, each reference is resolved by walking up
 * that tree (a reference may precede its declaration). Type positions of
 * TypeScript input are skipped, but for the names of classes that decorator
 * metadata writes as values (decorator-metadata.ts): `metadataTypeNames`.
 * The same walk notes the `with` statements and calls of `eval`, which say
 * whether the scope is dynamic (dynamic-scope.ts) once the names are
 * resolved: the lowering asks both questions of every function, and a walk
 * costs about as much as the little each node adds to it.
 *
 * In sloppy code a plain function declared in a block, a `case` clause or an
 * `if` branch is also a `var` of the function (Annex B.3.2.1) unless a
 * `var` of that name would be an early error there (a `let`, `const`,
 * `class` or block function of that name in an enclosing block, a
 * destructured catch parameter) or it is a parameter's name: the block
 * keeps its own binding, the function scope gets a `var` binding (the one
 * already declared, or a new one), and `blockFunctionVars` pairs the
 * declaration with it, for the lowering to assign when the declaration is
 * evaluated. References outside the block then resolve to the `var`. A
 * sloppy function nested in the suspend function gets such a `var` too, so
 * that its references resolve to it; the engine assigns that one.
 *
 * A function nested in the suspend function whose parameters hold
 * expressions keeps its body's declarations in a scope of their own below
 * the parameters' (10.2.11 step 28's varEnv): a closure in a parameter
 * reads the binding around the function, not a body `var` of its name.
 *
 * A TypeScript enum declares a `let` of its name, as TypeScript emits it,
 * and opens a scope of its own for its initializers, which run in the
 * function TypeScript fills the object in: there the members of every
 * declaration of that name beside it come first, then the name itself (that
 * function's parameter). A member's name read there is noted in
 * `enumMembers`, for the rendering to read it off the object.
 *
 * A named function expression's own name lives in a scope of its own around
 * the function (10.2.11's funcEnv), so any parameter, `var`, `let`, `const`,
 * function, class or Annex B `var` of that name in the function's top scope
 * shadows it: the name is declared there last, and only when nothing else
 * took it; `ownName` is that binding, and a body that shadows it has none.
 *
 * ## References
 * ECMAScript 2025, 9.1 Environment Records; 10.2.11
 * FunctionDeclarationInstantiation; 14.2.2 BlockDeclarationInstantiation;
 * B.3.2.1 Changes to FunctionDeclarationInstantiation; B.3.5 VariableStatements
 * in Catch Blocks.
 */
import ts from 'typescript';
import { SyntaxKind } from './syntax-kind';
import { isFunctionLike } from './function-like';
import { isIntrinsicTagName, isJsxTagName } from './jsx-tag';
import { valueParameters } from './this-parameter';
import { hasUseStrict } from './directives';
import { firstDynamicScope, isDynamicScopeCandidate, type DynamicScopeCandidate } from './dynamic-scope';
import { metadataTypeNames } from './decorator-metadata';

export type BindingKind = 'var' | 'let' | 'const' | 'param' | 'function' | 'class' | 'catch';

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  readonly scope: Scope;
  /** Read or written by a function nested inside the suspend function. */
  captured: boolean;
}

/** What a write to a binding checks: whether it is immutable, and whether it may be in its dead zone. */
export interface WriteRule {
  readonly name: string;
  /** A `const`, or a named function expression's own name (immutable, and only strict code throws for a write). */
  readonly immutable: 'const' | 'ownName' | undefined;
  readonly deadZone: boolean;
}

export interface Scope {
  readonly node: ts.Node;
  readonly parent: Scope | undefined;
  /** The function-like node whose activation creates this scope. */
  readonly owner: ts.Node;
  readonly bindings: Map<string, Binding>;
}

export interface ScopeInfo {
  /** The scope of the suspend function itself (parameters and top-level body). */
  readonly functionScope: Scope;
  /** Identifier (reference or declaration name) → the binding of the suspend function it denotes. */
  readonly resolved: Map<ts.Identifier, Binding>;
  /**
   * Identifiers `arguments` that name a parameter or variable of a function
   * nested in the suspend function (an arrow's `(arguments) => arguments`):
   * no arguments object, though an arrow's would be the suspend function's.
   */
  readonly argumentsBindings: Set<ts.Identifier>;
  /** Scopes by the node that opens them. */
  readonly scopes: Map<ts.Node, Scope>;
  /**
   * Type names in a class's annotations that its decorator metadata writes as values
   * (decorator-metadata.ts): resolved as reads where the class is defined, written as their binding's place.
   */
  readonly metadataTypeNames: Set<ts.Identifier>;
  /** Every identifier text appearing in the function: generated names must avoid them. */
  readonly names: Set<string>;
  /** Names referenced in the function that no binding inside it declares (globals, outer scopes). */
  readonly free: Set<string>;
  /** Sloppy code's block-level function declarations that are also `var`s of the function (Annex B.3.2.1): the `var`. */
  readonly blockFunctionVars: Map<ts.FunctionDeclaration, Binding>;
  /**
   * The names of sloppy code's block-level function declarations: copied into
   * a sloppy step function, such a declaration also sets a variable of that
   * name of the step function, which no machine variable may therefore be.
   */
  readonly blockFunctionNames: Set<string>;
  /**
   * Identifiers in an enum's initializers that name one of its members, of any declaration it merges
   * with: TypeScript reads them as properties of the enum object (`B = A + 1` is `E.A + 1`).
   */
  readonly enumMembers: Map<ts.Identifier, ts.EnumDeclaration>;
  /** The suspend function's own name as a named function expression, when no binding of its top scope shadows it. */
  readonly ownName: Binding | undefined;
  /** The first direct `eval` or `with` statement in the function, nested functions included (dynamic-scope.ts). */
  readonly dynamicScope: DynamicScopeCandidate | undefined;
}

function opensBlockScope(node: ts.Node): boolean {
  if (ts.isBlock(node)) return !isFunctionLike(node.parent);
  // `if (c) function f() {}` declares `f` as if the branch were a block (B.3.3).
  if (ts.isIfStatement(node)) return isBranchFunction(node.thenStatement) || (node.elseStatement !== undefined && isBranchFunction(node.elseStatement));
  return (
    ts.isCaseBlock(node) ||
    ts.isCatchClause(node) ||
    ((ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) &&
      node.initializer !== undefined &&
      ts.isVariableDeclarationList(node.initializer) &&
      (node.initializer.flags & ts.NodeFlags.BlockScoped) !== 0) ||
    ((ts.isClassExpression(node) || ts.isClassDeclaration(node)) && node.name !== undefined)
  );
}

/** Whether a parameter list holds an initializer or a computed key (ContainsExpression): its body then gets a variable environment of its own. */
function hasParameterExpressions(fn: ts.SignatureDeclaration): boolean {
  const containsExpression = (name: ts.BindingName): boolean =>
    !ts.isIdentifier(name) &&
    name.elements.some((e) => ts.isBindingElement(e) && (e.initializer !== undefined || (e.propertyName !== undefined && ts.isComputedPropertyName(e.propertyName)) || containsExpression(e.name)));
  return fn.parameters.some((p) => p.initializer !== undefined || containsExpression(p.name));
}

function isBranchFunction(statement: ts.Statement): boolean {
  return ts.isFunctionDeclaration(statement) && statement.name !== undefined;
}

/** A plain function declared directly in a block, a `case` clause or an `if` branch: what Annex B.3.2.1 hoists. */
function isBlockLevelFunction(node: ts.FunctionDeclaration): boolean {
  const parent = node.parent;
  // A class static block's body is strict code with a var scope of its own.
  const placed = (ts.isBlock(parent) && !isFunctionLike(parent.parent) && !ts.isClassStaticBlockDeclaration(parent.parent)) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isIfStatement(parent);
  return placed && node.name !== undefined && node.body !== undefined && node.asteriskToken === undefined &&
    !(ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Async);
}

/** `strict`: the function's code is strict, so no block function is also a `var` (Annex B applies to sloppy code only). */
export function analyzeScopes(fn: ts.SignatureDeclaration, strict: boolean): ScopeInfo {
  const scopes = new Map<ts.Node, Scope>();
  const names = new Set<string>();
  const resolved = new Map<ts.Identifier, Binding>();
  const argumentsBindings = new Set<ts.Identifier>();
  const free = new Set<string>();
  const enumMembers = new Map<ts.Identifier, ts.EnumDeclaration>();

  function newScope(node: ts.Node, parent: Scope | undefined, owner: ts.Node): Scope {
    const scope: Scope = { node, parent, owner, bindings: new Map() };
    scopes.set(node, scope);
    return scope;
  }

  const blockFunctions: [ts.FunctionDeclaration, Scope][] = [];
  const blockFunctionVars = new Map<ts.FunctionDeclaration, Binding>();

  function declare(scope: Scope, name: ts.Identifier, kind: BindingKind): void {
    declareName(scope, name.text, kind);
  }

  function declareName(scope: Scope, name: string, kind: BindingKind): Binding {
    let binding = scope.bindings.get(name);
    if (!binding) scope.bindings.set(name, (binding = { name, kind, scope, captured: false }));
    return binding;
  }

  function declarePattern(scope: Scope, name: ts.BindingName, kind: BindingKind): void {
    if (ts.isIdentifier(name)) {
      declare(scope, name, kind);
      return;
    }
    for (const element of name.elements) {
      if (ts.isBindingElement(element)) declarePattern(scope, element.name, kind);
    }
  }

  function functionScopeOf(scope: Scope): Scope {
    let s = scope;
    while (s.node !== s.owner) s = s.parent!;
    return s;
  }

  const functionScope = newScope(fn, undefined, fn);

  function declareFunctionLike(node: ts.Node, scope: Scope): Scope {
    const own = node === fn ? functionScope : newScope(node, scope, node);
    const f = node as ts.SignatureDeclaration;
    for (const p of valueParameters(f)) declarePattern(own, p.name, 'param');
    // A nested plain function's `arguments` is its own object, never a binding of that name around it.
    if (node !== fn && !ts.isArrowFunction(node)) declareName(own, 'arguments', 'var');
    return own;
  }

  /** Every value identifier, with the innermost scope around it and whether it runs in a closure: resolved once all is declared. */
  const references: [ts.Identifier, Scope, boolean][] = [];
  /** The `with` statements and calls of `eval`, in document order: which is a direct eval is known once names are resolved. */
  const dynamicScopeCandidates: DynamicScopeCandidate[] = [];
  const typeNames = new Set<ts.Identifier>();

  /**
   * Declares what `node` declares, and notes its references. `scope`: the
   * innermost scope around `node`; `inClosure`: `node` runs in a function
   * nested in `fn` (a class field's initializer and a static block are
   * functions of their own); `strictCode`: `node` is strict code. All are
   * carried down, never looked up.
   */
  function visitDeclarations(node: ts.Node, scope: Scope, inClosure: boolean, strictCode: boolean): void {
    if (isTypeOnly(node)) return;
    if (ts.isIdentifier(node)) {
      names.add(node.text);
      if (isValueIdentifier(node)) references.push([node, scope, inClosure]);
      return;
    }
    if (ts.isPrivateIdentifier(node)) return;
    if (isDynamicScopeCandidate(node)) dynamicScopeCandidates.push(node);

    let inner = scope;
    if (node !== fn && isFunctionLike(node)) {
      if (ts.isFunctionDeclaration(node) && node.name) {
        declare(scope, node.name, 'function');
        if (!strictCode && isBlockLevelFunction(node)) blockFunctions.push([node, scope]);
      }
      inner = declareFunctionLike(node, scope);
    } else if (node === fn) {
      inner = declareFunctionLike(node, scope);
    } else if (ts.isClassStaticBlockDeclaration(node)) {
      // A static block is a function of its own, whose `var`s stay in it.
      inner = newScope(node, scope, node);
    } else if (ts.isBlock(node) && node.parent !== fn && isFunctionLike(node.parent) && hasParameterExpressions(node.parent)) {
      // The body's own variable environment, which closures in the parameters do not see.
      inner = newScope(node, scope, node);
    } else if (opensBlockScope(node)) {
      inner = newScope(node, scope, scope.owner);
      if ((ts.isClassExpression(node) || ts.isClassDeclaration(node)) && node.name) {
        if (ts.isClassDeclaration(node)) declare(scope, node.name, 'class');
        declare(inner, node.name, 'class');
      }
    } else if (ts.isClassDeclaration(node) && node.name) {
      declare(scope, node.name, 'class');
    } else if (ts.isEnumDeclaration(node) && !(ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Ambient)) {
      // TypeScript makes it a `let` and fills the object in a function whose parameter is the enum's name;
      // in its initializers the members of every declaration of that name come first.
      declare(scope, node.name, 'let');
      inner = newScope(node, scope, node);
      for (const name of mergedMemberNames(node)) declareName(inner, name, 'const');
      declare(inner, node.name, 'param');
    }

    if (ts.isClassLike(node)) {
      // Written next to the class (TypeScript's `__decorate` after the declaration), where its own name is the class itself.
      for (const name of metadataTypeNames(node)) {
        typeNames.add(name);
        names.add(name.text);
        references.push([name, inner, inClosure]);
      }
    }

    if (ts.isVariableDeclarationList(node)) {
      const blockScoped = (node.flags & ts.NodeFlags.BlockScoped) !== 0;
      const kind: BindingKind = (node.flags & ts.NodeFlags.Const) !== 0 ? 'const' : blockScoped ? 'let' : 'var';
      const target = blockScoped ? scope : functionScopeOf(scope);
      for (const d of node.declarations) declarePattern(target, d.name, kind);
    } else if (ts.isCatchClause(node) && node.variableDeclaration) {
      declarePattern(inner, node.variableDeclaration.name, 'catch');
    }
    const opensFunction = (node !== fn && isFunctionLike(node)) || ts.isClassStaticBlockDeclaration(node);
    const strictInside = strictCode || ts.isClassLike(node) || (node !== fn && isFunctionLike(node) && node.body !== undefined && ts.isBlock(node.body) && hasUseStrict(node.body.statements));
    ts.forEachChild(node, (child) => {
      // A function declaration's name belongs where it is declared; a field's initializer runs in a function of its own.
      const ownName = ts.isFunctionDeclaration(node) && node.name === child;
      const closure = inClosure || (opensFunction && !ownName) || (ts.isPropertyDeclaration(node) && node.initializer === child);
      visitDeclarations(child, inner, closure, strictInside);
    });
    // Declared after the body's own bindings, which shadow it; the suspend function's waits for Annex B's `var`s.
    if (node !== fn && ts.isFunctionExpression(node) && node.name) declare(inner, node.name, 'function');
  }

  visitDeclarations(fn, functionScope, false, strict);

  /** Whether `var F` at the declaration would be an early error, or F is a parameter (B.3.2.1). */
  function staysInBlock(declaration: ts.FunctionDeclaration, block: Scope, varScope: Scope): boolean {
    const name = declaration.name!.text;
    for (let s = block.parent; s; s = s.parent) {
      const binding = s.bindings.get(name);
      if (s === varScope) {
        if (binding) return binding.kind !== 'var' && binding.kind !== 'function';
        break;
      }
      if (!binding) continue;
      if (binding.kind === 'param') return true;
      if (binding.kind === 'catch') {
        const parameter = (s.node as ts.CatchClause).variableDeclaration?.name;
        if (parameter && !ts.isIdentifier(parameter)) return true;
        continue;
      }
      if (binding.kind !== 'var') return true;
    }
    // A body with a variable environment of its own has the parameters in the scope above it.
    return ts.isBlock(varScope.node) && varScope.parent!.bindings.get(name)?.kind === 'param';
  }

  const blockFunctionNames = new Set<string>();
  for (const [declaration, block] of blockFunctions) {
    const name = declaration.name!.text;
    const varScope = functionScopeOf(block);
    if (varScope === functionScope) blockFunctionNames.add(name);
    // `arguments` gets no binding of its own (B.3.2.1 step ii): the arguments object stays.
    if (name === 'arguments' || staysInBlock(declaration, block, varScope)) continue;
    const binding = declareName(varScope, name, 'var');
    // A nested function's `var` only shadows the suspend function's bindings; the engine assigns it.
    if (varScope === functionScope) blockFunctionVars.set(declaration, binding);
  }

  const ownName = ts.isFunctionExpression(fn) && fn.name && !functionScope.bindings.has(fn.name.text)
    ? declareName(functionScope, fn.name.text, 'function')
    : undefined;

  function lookup(scope: Scope | undefined, name: string): Binding | undefined {
    for (let s = scope; s; s = s.parent) {
      const b = s.bindings.get(name);
      if (b) return b;
    }
    return undefined;
  }

  for (const [node, scope, inClosure] of references) {
    if (node === fn.name && ts.isFunctionExpression(fn)) {
      // The name of the expression itself denotes its own binding, never one of the body that shadows it.
      if (ownName) resolved.set(node, ownName);
      continue;
    }
    // A function or class declaration's name lives in the scope around it, not in its own.
    const declaresOutside = (ts.isFunctionDeclaration(node.parent) || ts.isClassDeclaration(node.parent) || ts.isEnumDeclaration(node.parent)) && node.parent.name === node;
    const binding = lookup(declaresOutside && scopes.get(node.parent) === scope ? scope.parent : scope, node.text);
    if (!binding) free.add(node.text);
    if (binding?.kind === 'const' && ts.isEnumDeclaration(binding.scope.node)) enumMembers.set(node, binding.scope.node);
    // A type name denotes a class's binding: a variable of that name declares no type, and the name stays as written.
    if (typeNames.has(node) && binding !== undefined && binding.kind !== 'class') {
      typeNames.delete(node);
      continue;
    }
    if (binding && binding.scope.owner === fn) {
      resolved.set(node, binding);
      if (inClosure) binding.captured = true;
    } else if (binding && node.text === 'arguments') {
      argumentsBindings.add(node);
    }
  }
  const dynamicScope = firstDynamicScope(dynamicScopeCandidates, resolved);
  return { functionScope, resolved, argumentsBindings, scopes, metadataTypeNames: typeNames, names, free, enumMembers, blockFunctionVars, blockFunctionNames, ownName, dynamicScope };
}

/** The members' names of an enum declaration and of the declarations of its name beside it, which it merges with. */
function mergedMemberNames(node: ts.EnumDeclaration): string[] {
  const siblings = (node.parent as { statements?: readonly ts.Statement[] }).statements ?? [node];
  const names: string[] = [];
  for (const s of siblings) {
    if (ts.isEnumDeclaration(s) && s.name.text === node.name.text) for (const member of s.members) names.push(enumMemberName(member));
  }
  return names;
}

/** An enum member's name as a property key: `A`, `'a b'` and `['a b']` are its only forms. */
export function enumMemberName(member: ts.EnumMember): string {
  const name = ts.isComputedPropertyName(member.name) ? member.name.expression : member.name;
  return (name as ts.Identifier | ts.StringLiteralLike).text;
}

/** TypeScript syntax that names no value: skipped by both walks. */
export function isTypeOnly(node: ts.Node): boolean {
  switch (node.kind) {
    case SyntaxKind.InterfaceDeclaration:
    case SyntaxKind.TypeAliasDeclaration:
    case SyntaxKind.TypeParameter:
      return true;
    case SyntaxKind.ExpressionWithTypeArguments:
      return false;
    default:
      return ts.isTypeNode(node);
  }
}

/** A property, method, accessor or enum member: an identifier that is its name names no binding. */
export function isPropertyLike(node: ts.Node): node is ts.NamedDeclaration {
  switch (node.kind) {
    case SyntaxKind.PropertyAssignment:
    case SyntaxKind.MethodDeclaration:
    case SyntaxKind.PropertyDeclaration:
    case SyntaxKind.GetAccessor:
    case SyntaxKind.SetAccessor:
    case SyntaxKind.PropertySignature:
    case SyntaxKind.MethodSignature:
    case SyntaxKind.EnumMember:
      return true;
    default:
      return false;
  }
}

/** Whether an identifier denotes a binding (a reference or a declaration name), not a property name or label. */
export function isValueIdentifier(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return false;
  // A property assignment's identifier is its name or else its value.
  if (isPropertyLike(parent)) return parent.name !== node;
  // One switch on the parent's kind: scope analysis asks this of every identifier it walks.
  switch (parent.kind) {
    case SyntaxKind.PropertyAccessExpression:
      return (parent as ts.PropertyAccessExpression).expression === node;
    case SyntaxKind.QualifiedName:
      return false;
    case SyntaxKind.ShorthandPropertyAssignment:
      return (parent as ts.ShorthandPropertyAssignment).name === node || (parent as ts.ShorthandPropertyAssignment).objectAssignmentInitializer === node;
    case SyntaxKind.BindingElement:
      return (parent as ts.BindingElement).propertyName !== node;
    case SyntaxKind.LabeledStatement:
    case SyntaxKind.BreakStatement:
    case SyntaxKind.ContinueStatement:
    case SyntaxKind.MetaProperty:
    case SyntaxKind.ImportSpecifier:
    case SyntaxKind.ExportSpecifier:
    case SyntaxKind.ImportClause:
    case SyntaxKind.NamespaceImport:
    case SyntaxKind.ImportEqualsDeclaration:
    case SyntaxKind.JsxAttribute:
    case SyntaxKind.TypeReference:
    case SyntaxKind.TypeQuery:
      return false;
    case SyntaxKind.JsxOpeningElement:
    case SyntaxKind.JsxSelfClosingElement:
    case SyntaxKind.JsxClosingElement:
      // `<div>` is the string "div", whatever binding is named `div`.
      return !(isJsxTagName(node) && isIntrinsicTagName(node));
    case SyntaxKind.ClassExpression:
    case SyntaxKind.ClassDeclaration:
      return (parent as ts.ClassLikeDeclaration).name === node;
    default:
      return true;
  }
}
