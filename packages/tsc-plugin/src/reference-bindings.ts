/**
 * For each identifier of coro's output that reads or writes a binding, the
 * declaration that binding comes from, found by JavaScript's scoping rules.
 *
 * ## Example
 * ```ts
 * import { readFile } from 'fs';            // declaration A
 * export let count = 0;                     // declaration B
 * function g$step($frame, $state) {         // (coro's output)
 *   var line;                               // declaration C
 *   count++;                                // → B
 *   line = readFile($frame.path);           // line → C, readFile → A, $frame → the parameter
 *   return console.log(line);               // console → nothing: a global
 * }
 * ```
 *
 * ## Implementation
 * tsc's later transforms rewrite references by asking its checker about the
 * identifier (an import becomes `fs_1.readFile` under CommonJS, an exported
 * `let` becomes `exports.count`, a namespace member `N.x`). The checker only
 * knows the source's nodes; the caller links each new reference to the
 * source declaration found here, and the checker answers for it.
 * Scopes are the language's: a function's parameters, its `var`s (hoisted
 * out of blocks, not out of nested functions) and a function expression's or
 * class's own name; a block's, a `for` head's, a `switch`'s and a `catch`
 * clause's lexical declarations; a file's or namespace body's declarations
 * and imports. Types are skipped: they are erased and name no binding.
 * Only identifiers the caller asks about are resolved; scopes are computed
 * once, on first use. The tree must have parent pointers.
 *
 * ## References
 * ECMAScript 2025, 9.1 Environment Records; 14.3.2 Variable Statement (var
 * hoisting); 16.2.1.6.4 InitializeEnvironment (module imports).
 */
import type * as ts from 'typescript';
import type { TypeScript } from './host-typescript';

export class ReferenceBindings {
  private readonly scopes = new Map<ts.Node, ReadonlyMap<string, ts.Identifier>>();
  /** Parents whose identifiers are never a binding's use: names of members, labels, import and type syntax. */
  private readonly nonReferenceParents: ReadonlySet<ts.SyntaxKind>;
  /** Nodes whose `name` declares something rather than uses it. */
  private readonly declarationKinds: ReadonlySet<ts.SyntaxKind>;

  constructor(private readonly typescript: TypeScript) {
    const kind = typescript.SyntaxKind;
    this.nonReferenceParents = new Set([
      kind.QualifiedName, kind.LabeledStatement, kind.BreakStatement, kind.ContinueStatement, kind.MetaProperty,
      kind.JsxAttribute, kind.JsxNamespacedName, kind.ImportSpecifier, kind.ImportClause, kind.NamespaceImport,
      kind.NamespaceExport, kind.ImportEqualsDeclaration, kind.TypeParameter,
    ]);
    this.declarationKinds = new Set([
      kind.VariableDeclaration, kind.Parameter, kind.FunctionDeclaration, kind.FunctionExpression, kind.ClassDeclaration,
      kind.ClassExpression, kind.MethodDeclaration, kind.PropertyDeclaration, kind.GetAccessor, kind.SetAccessor,
      kind.PropertyAssignment, kind.EnumDeclaration, kind.EnumMember, kind.ModuleDeclaration, kind.InterfaceDeclaration,
      kind.TypeAliasDeclaration, kind.PropertySignature, kind.MethodSignature, kind.NamespaceExportDeclaration,
    ]);
  }

  /** The declaration name `reference` resolves to, or undefined for a global or an unknown name. */
  declarationOf(reference: ts.Identifier): ts.Identifier | undefined {
    const name = reference.text;
    let child: ts.Node = reference;
    for (let node = reference.parent; node !== undefined; child = node, node = node.parent) {
      const found = this.namesOf(node, child).get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Whether `identifier` stands where a value is read or written (not a property name, label, declaration or type). */
  isReference(identifier: ts.Identifier): boolean {
    const ts = this.typescript;
    const parent = identifier.parent;
    if (parent === undefined) return false;
    switch (parent.kind) {
      case ts.SyntaxKind.PropertyAccessExpression:
        return (parent as ts.PropertyAccessExpression).expression === identifier;
      case ts.SyntaxKind.ShorthandPropertyAssignment:
        return (parent as ts.ShorthandPropertyAssignment).name === identifier;
      case ts.SyntaxKind.ExportSpecifier: {
        const specifier = parent as ts.ExportSpecifier;
        return (specifier.propertyName ?? specifier.name) === identifier && specifier.parent.parent.moduleSpecifier === undefined;
      }
      case ts.SyntaxKind.BindingElement:
        return (parent as ts.BindingElement).initializer === identifier;
      case ts.SyntaxKind.ExpressionWithTypeArguments:
        return ts.isHeritageClause(parent.parent) && parent.parent.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(parent.parent.parent);
      default:
        if (this.nonReferenceParents.has(parent.kind) || ts.isTypeNode(parent)) return false;
        return !(this.declarationKinds.has(parent.kind) && (parent as ts.NamedDeclaration).name === identifier);
    }
  }

  /** The names `node` declares as seen from its child `from` (a function's parameters are not visible to its own name). */
  private namesOf(node: ts.Node, from: ts.Node): ReadonlyMap<string, ts.Identifier> {
    const ts = this.typescript;
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).name === from) return EMPTY;
    let names = this.scopes.get(node);
    if (names === undefined) {
      names = this.declaredBy(node);
      this.scopes.set(node, names);
    }
    return names;
  }

  private declaredBy(node: ts.Node): ReadonlyMap<string, ts.Identifier> {
    const ts = this.typescript;
    const names = new Map<string, ts.Identifier>();
    const add = (name: ts.BindingName | ts.Identifier | undefined): void => addBindingNames(ts, name, names);

    if (ts.isSourceFile(node) || ts.isModuleBlock(node)) {
      for (const statement of node.statements) addLexical(ts, statement, names, true);
      addHoistedVars(ts, node.statements, names);
    } else if (ts.isBlock(node)) {
      for (const statement of node.statements) addLexical(ts, statement, names, false);
    } else if (ts.isCaseBlock(node)) {
      for (const clause of node.clauses) for (const statement of clause.statements) addLexical(ts, statement, names, false);
    } else if (ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) {
      const initializer = node.initializer;
      if (initializer !== undefined && ts.isVariableDeclarationList(initializer) && isLexical(ts, initializer)) {
        for (const declaration of initializer.declarations) add(declaration.name);
      }
    } else if (ts.isCatchClause(node)) {
      add(node.variableDeclaration?.name);
    } else if (ts.isClassLike(node)) {
      add(node.name);
    } else if (ts.isClassStaticBlockDeclaration(node)) {
      addHoistedVars(ts, node.body.statements, names);
    } else if (ts.isFunctionLike(node)) {
      const fn = node as ts.FunctionLikeDeclaration;
      if (ts.isFunctionExpression(fn)) add(fn.name);
      for (const parameter of fn.parameters) add(parameter.name);
      if (fn.body !== undefined && ts.isBlock(fn.body)) addHoistedVars(ts, fn.body.statements, names);
    }
    return names;
  }
}

const EMPTY: ReadonlyMap<string, ts.Identifier> = new Map();

function addBindingNames(typescript: TypeScript, name: ts.BindingName | ts.Identifier | undefined, names: Map<string, ts.Identifier>): void {
  if (name === undefined) return;
  if (typescript.isIdentifier(name)) {
    if (!names.has(name.text)) names.set(name.text, name);
    return;
  }
  for (const element of name.elements) {
    if (typescript.isBindingElement(element)) addBindingNames(typescript, element.name, names);
  }
}

function isLexical(typescript: TypeScript, list: ts.VariableDeclarationList): boolean {
  return (list.flags & typescript.NodeFlags.BlockScoped) !== 0;
}

/** Declarations a statement makes in its own statement list (a var scope takes its `var`s too). */
function addLexical(typescript: TypeScript, statement: ts.Statement, names: Map<string, ts.Identifier>, varScope: boolean): void {
  const ts = typescript;
  if (ts.isVariableStatement(statement)) {
    if (varScope || isLexical(ts, statement.declarationList)) {
      for (const declaration of statement.declarationList.declarations) addBindingNames(ts, declaration.name, names);
    }
  } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
    addBindingNames(ts, statement.name, names);
  } else if (ts.isModuleDeclaration(statement)) {
    if (ts.isIdentifier(statement.name)) addBindingNames(ts, statement.name, names);
  } else if (ts.isImportEqualsDeclaration(statement)) {
    addBindingNames(ts, statement.name, names);
  } else if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    addBindingNames(ts, clause?.name, names);
    const bindings = clause?.namedBindings;
    if (bindings !== undefined) {
      if (ts.isNamespaceImport(bindings)) addBindingNames(ts, bindings.name, names);
      else for (const specifier of bindings.elements) addBindingNames(ts, specifier.name, names);
    }
  }
}

/** `var` declarations of a function or file body, hoisted out of its blocks but not out of nested functions. */
function addHoistedVars(typescript: TypeScript, statements: readonly ts.Statement[], names: Map<string, ts.Identifier>): void {
  const ts = typescript;
  const visitList = (list: ts.VariableDeclarationList): void => {
    if (!isLexical(ts, list)) for (const declaration of list.declarations) addBindingNames(ts, declaration.name, names);
  };
  const visit = (statement: ts.Statement | undefined): void => {
    if (statement === undefined) return;
    switch (statement.kind) {
      case ts.SyntaxKind.VariableStatement:
        return visitList((statement as ts.VariableStatement).declarationList);
      case ts.SyntaxKind.Block:
        return (statement as ts.Block).statements.forEach(visit);
      case ts.SyntaxKind.IfStatement:
        visit((statement as ts.IfStatement).thenStatement);
        return visit((statement as ts.IfStatement).elseStatement);
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForOfStatement: {
        const loop = statement as ts.ForStatement | ts.ForInStatement | ts.ForOfStatement;
        if (loop.initializer !== undefined && ts.isVariableDeclarationList(loop.initializer)) visitList(loop.initializer);
        return visit(loop.statement);
      }
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
      case ts.SyntaxKind.WithStatement:
      case ts.SyntaxKind.LabeledStatement:
        return visit((statement as ts.WhileStatement | ts.DoStatement | ts.WithStatement | ts.LabeledStatement).statement);
      case ts.SyntaxKind.TryStatement: {
        const attempt = statement as ts.TryStatement;
        visit(attempt.tryBlock);
        visit(attempt.catchClause?.block);
        return visit(attempt.finallyBlock);
      }
      case ts.SyntaxKind.SwitchStatement:
        for (const clause of (statement as ts.SwitchStatement).caseBlock.clauses) clause.statements.forEach(visit);
        return;
    }
  };
  statements.forEach(visit);
}
