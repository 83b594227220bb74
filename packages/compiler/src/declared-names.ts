/**
 * The names a file declares, in any scope: what an inline runtime written
 * at the file's top must not take for the globals of those names.
 *
 * ## Example
 * ```ts
 * import Promise = require('bluebird');
 * function f(Symbol: unknown) {}
 * ```
 * declares `Promise`, `f` and `Symbol`.
 *
 * ## Implementation
 * An identifier is a declared name when it is the name of a variable,
 * binding element, parameter, function, class, import, enum or namespace
 * (a namespace or enum becomes a `var` of its name). Declarations in
 * nested scopes are counted too: they shadow nothing at the top, and
 * counting them only makes the answer cautious.
 *
 * ## References
 * ECMAScript 2025, 8.2.1 Static Semantics: BoundNames; 16.1.7
 * GlobalDeclarationInstantiation.
 */
import ts from 'typescript';
import { SyntaxKind } from './syntax-kind';

export function isDeclaredName(node: ts.Identifier): boolean {
  const parent = node.parent;
  switch (parent.kind) {
    case SyntaxKind.VariableDeclaration:
    case SyntaxKind.Parameter:
    case SyntaxKind.FunctionDeclaration:
    case SyntaxKind.ClassDeclaration:
    case SyntaxKind.ImportClause:
    case SyntaxKind.NamespaceImport:
    case SyntaxKind.ImportEqualsDeclaration:
    case SyntaxKind.EnumDeclaration:
    case SyntaxKind.ModuleDeclaration:
    case SyntaxKind.BindingElement:
    case SyntaxKind.ImportSpecifier:
      // `{ a: b }` and `import { a as b }` declare `b`, not `a`.
      return (parent as ts.NamedDeclaration).name === node;
    default:
      return false;
  }
}
