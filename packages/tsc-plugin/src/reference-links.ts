/**
 * Which new nodes of coro's output stand for source nodes that tsc's checker
 * knows, so that tsc's later transforms can ask the checker about them.
 *
 * ## Example
 * ```ts
 * import { readFile } from 'fs';
 * const enum Mode { Fast = 1 }
 * export function* g(path: Path) { yield readFile(path, Mode.Fast); }
 * // coro's output holds new nodes for all of it; they are linked to:
 * //   `readFile`        → the source's import name         (CommonJS: `(0, fs_1.readFile)`)
 * //   `Mode.Fast`       → the source's `Mode.Fast`         (inlined as `1`)
 * //   the `g` wrapper   → the source's `function* g` name  (`export { g }` still finds it)
 * //   `Path`            → the source's type name `Path`    (decorator metadata)
 * ```
 *
 * ## Implementation
 * tsc's transforms ask the checker through `getParseTreeNode(node)`, which
 * follows a synthesized node's `original` to a source node; a node linked to
 * a source node of the same meaning gets the same answer.
 * - An identifier that reads or writes a binding is resolved in the output
 *   (./reference-bindings.ts). If its declaration is the source's own (inside
 *   a node coro left untouched), or a rewritten declaration that took a
 *   source declaration's place, it is linked to that declaration's name. A
 *   binding coro introduced is not linked: nothing needs rewriting for it.
 *   A name the output does not declare (a global, a member of a namespace
 *   merged from another block) is linked to a use of the same name in the
 *   source function the code was lowered from that resolves outside that
 *   function: the checker resolves that use as the new one must be.
 * - The name of a rewritten declaration is linked to the source's name.
 * - A member access `X.m` or `X["m"]` whose `X` is linked is linked to a
 *   source access of the same member on the same binding: the checker knows
 *   a const enum member's value only on such a node.
 * - A JSX element is linked to the source element it replaced or, when new,
 *   to the source function it came from: the JSX transform resolves `React`
 *   (or the configured factory) from there.
 * - A type name is linked to the same type name in the source function, so
 *   decorator metadata serializes a class as the class and an interface as
 *   `Object`, as it does without coro.
 * - A class copied into a machine is linked to the source class, a new block
 *   around it to the source block around that class, and a use of the class's
 *   own name inside it to such a use in the source class: decorator metadata
 *   and, below ES2022, the class fields transform (which writes its alias of
 *   the class for those uses) ask the checker about them.
 * "The source function the code came from" is the innermost source function
 * at the position the compiler's map gives for the node; searches in it are
 * remembered per function and name. Source member accesses are indexed once
 * per file, only when a new access needs one, and resolved with the same
 * scoping rules on the source tree (whose parent pointers the binder set).
 *
 * ## References
 * TypeScript 6.0 `checker.ts` (`getReferencedImportDeclaration`, `getReferencedExportContainer`,
 * `getConstantValue`, `getTypeReferenceSerializationKind`)
 * TypeScript 6.0 `transformers/module/module.ts` (`substituteExpressionIdentifier`),
 * `transformers/jsx.ts` (`createReactNamespace`)
 */
import type * as ts from 'typescript';
import type { Correspondence } from './correspondence';
import type { TypeScript } from './host-typescript';
import type { OriginalPositions } from './original-positions';
import { ReferenceBindings } from './reference-bindings';

type MemberAccess = ts.PropertyAccessExpression | ts.ElementAccessExpression;

/** New node → the source node it stands for. */
export function linkToSource(
  typescript: TypeScript,
  original: ts.SourceFile,
  output: ts.SourceFile,
  positions: OriginalPositions,
  correspondence: Correspondence,
): Map<ts.Node, ts.Node> {
  const links = new Map<ts.Node, ts.Node>();
  const outputBindings = new ReferenceBindings(typescript);
  const sourceBindings = new ReferenceBindings(typescript);
  const { reused, replaced } = correspondence;
  let sourceAccesses: SourceAccesses | undefined;
  const sourceUses = new Map<ts.Node, Map<string, ts.Node | undefined>>();
  const jsxLocated = new Set([
    typescript.SyntaxKind.JsxOpeningElement,
    typescript.SyntaxKind.JsxSelfClosingElement,
    typescript.SyntaxKind.JsxFragment,
    typescript.SyntaxKind.JsxOpeningFragment,
  ]);

  /**
   * The first source node inside the function that `node`'s code was lowered from (found through
   * the compiler's map) that `matches`, remembered under `key` for that function.
   */
  const firstInSourceFunction = (node: ts.Node, key: string, matches: (candidate: ts.Node, fn: ts.Node) => boolean): ts.Node | undefined => {
    const from = positions.nearest(node.getStart(output));
    const fn = from === -1 ? undefined : enclosingFunction(typescript, original, from);
    if (fn === undefined) return undefined;
    let found = sourceUses.get(fn);
    if (found === undefined) sourceUses.set(fn, (found = new Map()));
    if (found.has(key)) return found.get(key);
    const search = (candidate: ts.Node): ts.Node | undefined =>
      matches(candidate, fn) ? candidate : typescript.forEachChild(candidate, search);
    const result = search(fn);
    found.set(key, result);
    return result;
  };

  /**
   * A source use of `reference`'s name, in the function its code was lowered from, that resolves
   * outside that function: for a name the output does not declare (a global, a member of a namespace
   * merged from another block), the checker resolves that use the way the new one must be.
   */
  const sourceUseOf = (reference: ts.Identifier): ts.Node | undefined =>
    firstInSourceFunction(reference, `value ${reference.text}`, (candidate, fn) => {
      if (!typescript.isIdentifier(candidate) || candidate.text !== reference.text || !sourceBindings.isReference(candidate)) return false;
      const declaration = sourceBindings.declarationOf(candidate);
      return declaration === undefined || declaration.pos < fn.pos || declaration.end > fn.end;
    });

  /**
   * The same type name in the function the code was lowered from: decorator metadata asks the
   * checker what a parameter's or return type's name refers to (a class, an interface…).
   */
  const sourceTypeNameOf = (type: ts.TypeReferenceNode): ts.Node | undefined => {
    const text = entityNameText(typescript, type.typeName);
    const match = firstInSourceFunction(
      type,
      `type ${text}`,
      (candidate) => typescript.isTypeReferenceNode(candidate) && entityNameText(typescript, candidate.typeName) === text,
    );
    return match === undefined ? undefined : (match as ts.TypeReferenceNode).typeName;
  };

  /** The source identifier that `name` (a declaration name in the output) declares again, if any. */
  const sourceNameOf = (name: ts.Identifier): ts.Identifier | undefined => {
    for (let node: ts.Node | undefined = name; node !== undefined; node = node.parent) {
      const same = reused.get(node);
      if (same !== undefined) {
        const offset = same.getStart(original) + (name.getStart(output) - node.getStart(output));
        return identifierAt(typescript, original, same, offset, name.text);
      }
      if (replaced.has(node) || node === output) break;
    }
    const counterpartName = (replaced.get(name.parent) as ts.NamedDeclaration | undefined)?.name;
    return counterpartName !== undefined && typescript.isIdentifier(counterpartName) && counterpartName.text === name.text
      ? counterpartName
      : undefined;
  };

  /** Links `access` (whose object is linked to `source`) to a source access of the same member. */
  const linkAccess = (access: MemberAccess, source: ts.Node, isDeclaration: boolean): void => {
    const member = memberName(typescript, access);
    if (member === undefined) return;
    const use = source.parent;
    if ((typescript.isPropertyAccessExpression(use) || typescript.isElementAccessExpression(use)) && use.expression === source && memberName(typescript, use) === member) {
      links.set(access, use);
      return;
    }
    if (!isDeclaration || !typescript.isIdentifier(source)) return;
    sourceAccesses ??= new SourceAccesses(typescript, original);
    const counterpart = sourceAccesses.find(source, member);
    if (counterpart !== undefined) links.set(access, counterpart);
  };

  /**
   * tsc asks the checker about a class it rewrites. Decorator metadata asks what a member's type
   * names are from the class (a class it does not know gives the guarded `typeof T` form), and
   * gives each name it writes the source node of the block around the class as its parent, from
   * which the module transforms resolve it (a name with no parent there stops the emit). Below
   * ES2022, the class fields transform keeps the class in an alias when the checker saw its own
   * name used inside it, and writes the alias for each such use (a use it does not know stays
   * the inner name, which the static code it moves out of the class cannot see). A class copied
   * into a machine (a declaration the machine binds is an expression there) is linked to the
   * source class; a new or rewritten block around it, to the source block around that class.
   */
  const linkClass = (declaration: ts.ClassLikeDeclaration): void => {
    const source = sourceClassOf(declaration);
    if (source === undefined) return;
    if (!replaced.has(declaration)) links.set(declaration, source);
    const scope = lexicalScopeOf(typescript, declaration);
    if (scope !== undefined && scope !== output && !reused.has(scope) && !links.has(scope)) {
      const sourceScope = lexicalScopeOf(typescript, source);
      if (sourceScope !== undefined) links.set(scope, sourceScope);
    }
  };

  /**
   * The source class that `declaration` stands for: its counterpart, or the class declaration or
   * expression of the same name where the compiler's map puts its first character.
   */
  const sourceClassOf = (declaration: ts.ClassLikeDeclaration): ts.ClassLikeDeclaration | undefined => {
    const counterpart = replaced.get(declaration);
    if (counterpart !== undefined) return typescript.isClassLike(counterpart) ? counterpart : undefined;
    const from = positions.exact(declaration.getStart(output));
    if (from === -1) return undefined;
    for (let current: ts.Node | undefined = original; current !== undefined; current = childAt(typescript, current, from)) {
      if (typescript.isClassLike(current) && current.getStart(original) === from) {
        return current.name?.text === declaration.name?.text ? current : undefined;
      }
    }
    return undefined;
  };

  /** A use of a class's own name inside the source class, which the checker resolves to that class: what a new use inside the copy is linked to. */
  const ownNameUses = new Map<ts.Node, ts.Identifier | undefined>();
  const sourceOwnNameUse = (sourceClass: ts.ClassLikeDeclaration): ts.Identifier | undefined => {
    if (ownNameUses.has(sourceClass)) return ownNameUses.get(sourceClass);
    const name = sourceClass.name;
    const search = (candidate: ts.Node): ts.Identifier | undefined =>
      name !== undefined && typescript.isIdentifier(candidate) && candidate !== name && candidate.text === name.text &&
      sourceBindings.isReference(candidate) && sourceBindings.declarationOf(candidate) === name
        ? candidate
        : typescript.forEachChild(candidate, search);
    const use = typescript.forEachChild(sourceClass, search);
    ownNameUses.set(sourceClass, use);
    return use;
  };

  /** For a use of a copied class's own name inside it: a source use of the name inside the source class (one after a declaration is the binding around it). */
  const ownNameUseOf = (reference: ts.Identifier, declaration: ts.Identifier): ts.Identifier | undefined => {
    const cls = declaration.parent;
    if (!typescript.isClassLike(cls) || cls.name !== declaration || !isWithin(reference, cls)) return undefined;
    const source = sourceClassOf(cls);
    return source === undefined ? undefined : sourceOwnNameUse(source);
  };

  const visit = (node: ts.Node): void => {
    if (reused.has(node)) return;
    if (typescript.isClassLike(node)) linkClass(node);
    if (jsxLocated.has(node.kind)) {
      const from = positions.nearest(node.getStart(output));
      links.set(node, replaced.get(node) ?? (from === -1 ? undefined : enclosingFunction(typescript, original, from)) ?? original);
    }
    if (typescript.isIdentifier(node)) {
      // A function's own `arguments` never needs rewriting, and a source use of it belongs to some other function.
      if (node.text === 'arguments' && outputBindings.declarationOf(node) === undefined) return;
      if (outputBindings.isReference(node)) {
        const declaration = outputBindings.declarationOf(node);
        const target = declaration === undefined ? sourceUseOf(node) : (sourceNameOf(declaration) ?? ownNameUseOf(node, declaration));
        if (target === undefined) return;
        links.set(node, target);
        const parent = node.parent;
        if ((typescript.isPropertyAccessExpression(parent) || typescript.isElementAccessExpression(parent)) && parent.expression === node) {
          linkAccess(parent, target, declaration !== undefined);
        }
      } else if (replaced.has(node.parent) && (node.parent as ts.NamedDeclaration).name === node) {
        const target = sourceNameOf(node);
        if (target !== undefined) links.set(node, target);
      }
      return;
    }
    if (typescript.isTypeReferenceNode(node)) {
      const target = sourceTypeNameOf(node);
      if (target !== undefined) links.set(node.typeName, target);
    }
    typescript.forEachChild(node, visit);
  };
  output.statements.forEach(visit);
  return links;
}

function entityNameText(typescript: TypeScript, name: ts.EntityName): string {
  return typescript.isIdentifier(name) ? name.text : `${entityNameText(typescript, name.left)}.${name.right.text}`;
}

/** The member a `X.m` or `X["m"]` reads, or undefined for a computed one. */
function memberName(typescript: TypeScript, access: MemberAccess): string | undefined {
  if (typescript.isPropertyAccessExpression(access)) return typescript.isIdentifier(access.name) ? access.name.text : undefined;
  const argument = access.argumentExpression;
  return typescript.isStringLiteralLike(argument) || typescript.isNumericLiteral(argument) ? argument.text : undefined;
}

/** The source's `X.m` accesses, by the declaration `X` resolves to and the member `m`. */
class SourceAccesses {
  private readonly byKey = new Map<string, MemberAccess[]>();
  private readonly bindings: ReferenceBindings;

  constructor(typescript: TypeScript, original: ts.SourceFile) {
    this.bindings = new ReferenceBindings(typescript);
    const pending: ts.Node[] = [original];
    const push = (child: ts.Node): void => {
      pending.push(child);
    };
    while (pending.length > 0) {
      const node = pending.pop() as ts.Node;
      if ((typescript.isPropertyAccessExpression(node) || typescript.isElementAccessExpression(node)) && typescript.isIdentifier(node.expression)) {
        const member = memberName(typescript, node);
        if (member !== undefined) {
          const key = `${node.expression.text}\u0000${member}`;
          const list = this.byKey.get(key);
          if (list === undefined) this.byKey.set(key, [node]);
          else list.push(node);
        }
      }
      typescript.forEachChild(node, push);
    }
  }

  find(declaration: ts.Identifier, member: string): MemberAccess | undefined {
    return this.byKey.get(`${declaration.text}\u0000${member}`)?.find((access) => {
      const root = access.expression as ts.Identifier;
      return root.parent !== undefined && this.bindings.declarationOf(root) === declaration;
    });
  }
}

function isWithin(node: ts.Node, ancestor: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current !== undefined; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** The nearest node around `node` that tsc's TypeScript transform takes as a lexical scope. */
function lexicalScopeOf(typescript: TypeScript, node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (typescript.isBlock(current) || typescript.isCaseBlock(current) || typescript.isModuleBlock(current) || typescript.isSourceFile(current)) return current;
  }
  return undefined;
}

/** The innermost source function that holds `offset` (or starts there). */
function enclosingFunction(typescript: TypeScript, original: ts.SourceFile, offset: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  for (let current: ts.Node | undefined = original; current !== undefined; current = childAt(typescript, current, offset)) {
    if (typescript.isFunctionLike(current)) found = current;
  }
  return found;
}

/** The identifier named `text` that starts at `offset` inside `node` (a source node). */
function identifierAt(typescript: TypeScript, original: ts.SourceFile, node: ts.Node, offset: number, text: string): ts.Identifier | undefined {
  for (let current: ts.Node | undefined = node; current !== undefined; current = childAt(typescript, current, offset)) {
    if (typescript.isIdentifier(current)) return current.getStart(original) === offset && current.text === text ? current : undefined;
  }
  return undefined;
}

/** The child of `node` whose text (leading trivia included) holds `offset`; lists are searched by halves. */
function childAt(typescript: TypeScript, node: ts.Node, offset: number): ts.Node | undefined {
  const holds = (child: ts.Node): boolean => child.pos <= offset && offset < child.end;
  return typescript.forEachChild(
    node,
    (child) => (holds(child) ? child : undefined),
    (children) => {
      let low = 0;
      let high = children.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (children[middle].end <= offset) low = middle + 1;
        else high = middle;
      }
      return low < children.length && holds(children[low]) ? children[low] : undefined;
    },
  );
}
