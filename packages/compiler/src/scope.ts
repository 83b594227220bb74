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
 * Two walks over the function, nested functions included: the first builds
 * the scope tree and declares every binding (hoisting `var` and function
 * declarations to their function scope), the second resolves each reference
 * by walking up that tree. Type positions of TypeScript input are skipped.
 * Annex B's sloppy-mode block function hoisting is not modelled: block-level
 * function declarations are block scoped, as in strict code.
 *
 * ## References
 * ECMAScript 2025, 9.1 Environment Records; 10.2.11
 * FunctionDeclarationInstantiation; 14.2.2 BlockDeclarationInstantiation.
 */
import ts from 'typescript';

export type BindingKind = 'var' | 'let' | 'const' | 'param' | 'function' | 'class' | 'catch';

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  readonly scope: Scope;
  /** Read or written by a function nested inside the suspend function. */
  captured: boolean;
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
  /** Scopes by the node that opens them. */
  readonly scopes: Map<ts.Node, Scope>;
  /** Every identifier text appearing in the function: generated names must avoid them. */
  readonly names: Set<string>;
  /** Names referenced in the function that no binding inside it declares (globals, outer scopes). */
  readonly free: Set<string>;
}

export function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.Node } {
  // One switch on the kind: every pass asks this of nearly every node it walks.
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

function opensBlockScope(node: ts.Node): boolean {
  if (ts.isBlock(node)) return !isFunctionLike(node.parent);
  return (
    ts.isCaseBlock(node) ||
    ts.isCatchClause(node) ||
    ts.isClassStaticBlockDeclaration(node) ||
    ((ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) &&
      node.initializer !== undefined &&
      ts.isVariableDeclarationList(node.initializer) &&
      (node.initializer.flags & ts.NodeFlags.BlockScoped) !== 0) ||
    ((ts.isClassExpression(node) || ts.isClassDeclaration(node)) && node.name !== undefined)
  );
}

export function analyzeScopes(fn: ts.SignatureDeclaration): ScopeInfo {
  const scopes = new Map<ts.Node, Scope>();
  const names = new Set<string>();
  const resolved = new Map<ts.Identifier, Binding>();
  const free = new Set<string>();

  function newScope(node: ts.Node, parent: Scope | undefined, owner: ts.Node): Scope {
    const scope: Scope = { node, parent, owner, bindings: new Map() };
    scopes.set(node, scope);
    return scope;
  }

  function declare(scope: Scope, name: ts.Identifier, kind: BindingKind): void {
    if (scope.bindings.has(name.text)) return;
    scope.bindings.set(name.text, { name: name.text, kind, scope, captured: false });
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
    for (const p of f.parameters) declarePattern(own, p.name, 'param');
    if (ts.isFunctionExpression(node) && node.name) declare(own, node.name, 'function');
    return own;
  }

  function visitDeclarations(node: ts.Node, scope: Scope): void {
    if (isTypeOnly(node)) return;
    if (ts.isIdentifier(node)) {
      names.add(node.text);
      return;
    }
    if (ts.isPrivateIdentifier(node)) return;

    let inner = scope;
    if (node !== fn && isFunctionLike(node)) {
      if (ts.isFunctionDeclaration(node) && node.name) declare(scope, node.name, 'function');
      inner = declareFunctionLike(node, scope);
    } else if (node === fn) {
      inner = declareFunctionLike(node, scope);
    } else if (opensBlockScope(node)) {
      inner = newScope(node, scope, scope.owner);
      if ((ts.isClassExpression(node) || ts.isClassDeclaration(node)) && node.name) {
        if (ts.isClassDeclaration(node)) declare(scope, node.name, 'class');
        declare(inner, node.name, 'class');
      }
    } else if (ts.isClassDeclaration(node) && node.name) {
      declare(scope, node.name, 'class');
    }

    if (ts.isVariableDeclarationList(node)) {
      const blockScoped = (node.flags & ts.NodeFlags.BlockScoped) !== 0;
      const kind: BindingKind = (node.flags & ts.NodeFlags.Const) !== 0 ? 'const' : blockScoped ? 'let' : 'var';
      const target = blockScoped ? scope : functionScopeOf(scope);
      for (const d of node.declarations) declarePattern(target, d.name, kind);
    } else if (ts.isCatchClause(node) && node.variableDeclaration) {
      declarePattern(inner, node.variableDeclaration.name, 'catch');
    }
    ts.forEachChild(node, (child) => visitDeclarations(child, inner));
  }

  visitDeclarations(fn, functionScope);

  function enclosingScope(node: ts.Node): Scope {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      const s = scopes.get(n);
      if (s) {
        // A named class expression's own name scope does not cover its `extends` clause;
        // being that precise buys nothing here.
        return s;
      }
      if (n === fn) break;
    }
    return functionScope;
  }

  function lookup(scope: Scope | undefined, name: string): Binding | undefined {
    for (let s = scope; s; s = s.parent) {
      const b = s.bindings.get(name);
      if (b) return b;
    }
    return undefined;
  }

  function visitReferences(node: ts.Node): void {
    if (isTypeOnly(node)) return;
    if (ts.isIdentifier(node)) {
      if (!isValueIdentifier(node)) return;
      // A function declaration's name lives in the scope around the function, not in its own.
      const declaresOutside = (ts.isFunctionDeclaration(node.parent) || ts.isClassDeclaration(node.parent)) && node.parent.name === node;
      const scope = declaresOutside ? enclosingScope(node.parent) : enclosingScope(node);
      const binding = lookup(scope, node.text);
      if (!binding) free.add(node.text);
      if (binding && binding.scope.owner === fn) {
        resolved.set(node, binding);
        if (nearestFunction(node) !== fn) binding.captured = true;
      }
      return;
    }
    ts.forEachChild(node, visitReferences);
  }

  function nearestFunction(node: ts.Node): ts.Node {
    for (let n = node.parent; n; n = n.parent) {
      if (isFunctionLike(n)) {
        // A function's name and parameters belong to the scope that declares them.
        if (n === fn) return fn;
        const f = n as ts.SignatureDeclaration;
        if (ts.isFunctionDeclaration(n) && f.name === node) continue;
        return n;
      }
      // Class field initialisers and static blocks run in a function of their own.
      if (ts.isPropertyDeclaration(n) && n.initializer && isWithin(node, n.initializer)) return n;
      if (ts.isClassStaticBlockDeclaration(n)) return n;
    }
    return fn;
  }

  visitReferences(fn);
  return { functionScope, resolved, scopes, names, free };
}

/** TypeScript syntax that names no value: skipped by both walks. */
export function isTypeOnly(node: ts.Node): boolean {
  return (
    (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isTypeParameterDeclaration(node)
  );
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** Whether an identifier denotes a binding (a reference or a declaration name), not a property name or label. */
export function isValueIdentifier(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node;
  if (ts.isQualifiedName(parent)) return false;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === node;
  if (ts.isShorthandPropertyAssignment(parent)) return parent.name === node || parent.objectAssignmentInitializer === node;
  if (
    ts.isMethodDeclaration(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isEnumMember(parent)
  ) {
    return (parent as { name?: ts.Node }).name !== node;
  }
  if (ts.isBindingElement(parent)) return parent.propertyName !== node;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isMetaProperty(parent)) return false;
  if (
    ts.isImportSpecifier(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isImportEqualsDeclaration(parent)
  ) {
    return false;
  }
  if (ts.isJsxAttribute(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isTypeQueryNode(parent)) return false;
  if (ts.isFunctionExpression(parent) && parent.name === node) return true;
  if (ts.isClassExpression(parent) || ts.isClassDeclaration(parent)) return parent.name === node;
  return true;
}
