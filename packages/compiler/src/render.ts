/**
 * Rendering of user code that holds no suspension point into `Code`.
 *
 * ## Example
 * Inside `function* g() { let n = 0; … if (n > 3) break; … }`, where `n` is
 * a machine variable and `break` leaves a loop that was split into states,
 * the statement `if (n > 3) break;` renders as
 * ```
 * ["if (", n, " > 3) ", "{ $state = ", L7, "; continue $machine; }"]
 * ```
 * and `emit` later turns `n` into `$frame.n` or a local, and `L7` into a
 * state number.
 *
 * ## Implementation
 * The original text is kept as it is; only the nodes that mean something
 * else inside a step function are replaced: references to the function's own
 * bindings, `this`, `arguments`, `new.target`, `super`, jumps and returns
 * that leave the rendered code, and nested suspend functions (lowered in turn
 * by the caller). Everything else, comments and formatting included, stays.
 *
 * Except one thing: every statement that automatic semicolon insertion ended
 * gets its `;` written. A replacement can start a statement with `(` (`g()`
 * becomes `(0, $frame.g)()`) or end one with `)` (a lowered async arrow), and
 * emitted code lays statements side by side; `a = []` then `g()` must not
 * become the call `[](0, $frame.g)()`. The `;` goes where the parser ended
 * the statement, so the code means what it meant.
 *
 * ## References
 * ECMAScript 2025, 14.1.2 Static Semantics: early break/continue targets;
 * 10.2.1.1 OrdinaryCallBindThis (why `this` must be captured at call time);
 * 12.10 Automatic Semicolon Insertion.
 */
import ts from 'typescript';
import { SyntaxKind } from './syntax-kind';
import { calleeOf, literal, type Code, type Operand, type Part } from './ir';
import { isValueIdentifier } from './scope';
import { isFunctionLike } from './function-like';
import { isAnonymousFunctionDefinition, namedEvaluationName, namingText } from './named-evaluation';
import { skipParenthesesAndTypes } from './type-wrappers';
import { suspendKindOf } from './suspend-kind';
import { superUpdateTarget } from './super-update';
import { expressionWriteOf, isDestructuringTarget } from './early-errors/assignment-targets';
import { UnsupportedError } from './diagnostics';
import { ownsLexicalValues } from './lexical-owner';
import { enumMembersCode, isAmbientEnum, mergesWithEarlier } from './enum-object';

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly parts: Code;
  /** Closes braces put around the whole statement that ends here: it comes after that statement's `;`. */
  readonly closesStatement?: boolean;
}

export interface RenderHooks {
  readonly sourceFile: ts.SourceFile;
  /** The replacement of an identifier that denotes a machine variable or an outer substitution. */
  identifier(node: ts.Identifier): Code | undefined;
  /** The replacement of a type name that decorator metadata writes as a value (decorator-metadata.ts), when it names such a variable. */
  metadataTypeName(node: ts.Identifier): Code | undefined;
  /** Whether an identifier names a binding declared in the suspend function or a function in it (a user's `arguments` is no arguments object). */
  declaredInside(node: ts.Identifier): boolean;
  /** How the binding an identifier names is written once the code is laid out, when it is replaced. */
  writtenAs(node: ts.Identifier): (() => string) | undefined;
  /**
   * For a closure (function or class) that reads per-iteration bindings kept in
   * environment objects: the aliases it must see and the environments they stand for.
   */
  closureEnvironments(node: ts.Node): { aliases: string[]; environments: Code[] } | undefined;
  /** `this` of the suspend function (only asked outside nested non-arrow functions); `inClosure` when an arrow reads it. */
  thisValue(inClosure?: boolean): Code;
  /** `super(args)` in an arrow of a derived class's constructor, when its code leaves the constructor. */
  superCall?(args: Code, inClosure?: boolean): Code | undefined;
  argumentsValue(inClosure?: boolean): Part;
  /** `new.target`: an arrow's is the one around it; other suspend functions are never constructed. */
  newTargetValue(inClosure?: boolean): Code;
  /** `super.x` / `super[x]` reads, calls and writes inside a method. */
  superProperty?(node: ts.SuperProperty | ts.SuperElementAccessExpression, render: (n: ts.Node) => Code): Code | undefined;
  /** `delete super.x` / `delete super[k]` inside a method, which throw (super-update.ts). */
  superDelete?(node: ts.SuperProperty | ts.SuperElementAccessExpression, render: (n: ts.Node) => Code): Code | undefined;
  /** `super.x += v`, `super[k]++` and the like inside a method (super-update.ts). */
  superUpdate?(node: ts.BinaryExpression | ts.PrefixUnaryExpression | ts.PostfixUnaryExpression, render: (n: ts.Node) => Code): Code | undefined;
  /** What goes around a class: the per-evaluation helpers of methods whose steps it makes (see BuildContext). */
  aroundClass?(node: ts.ClassLikeDeclaration, inArrow: boolean): { readonly before: Part; readonly after: Part };
  /** A nested suspend function: its lowered text, plus an insertion of its helpers. */
  nestedSuspendFunction(node: ts.FunctionLikeDeclaration, edits: Edit[]): Code | undefined;
  /** A break/continue whose target lies outside the rendered code. */
  escapingJump(node: ts.BreakOrContinueStatement): Code;
  /** A `return` of the suspend function. */
  returnStatement(value: Code | undefined): Code;
  /** Code that throws for a write to `target` when it names a `const` binding of the machine. */
  constantWrite(target: ts.Identifier): Code | undefined;
  /** For a write to a binding of the machine that may be in its dead zone: its checks. */
  deadZoneWrite(target: ts.Identifier): DeadZoneWrite | undefined;
  /** Code already computed for a node (a computed key evaluated before a suspension). */
  override(node: ts.Node): Code | undefined;
  /** A `var` declaration list of the suspend function's own bindings. */
  variableDeclarationList(node: ts.VariableDeclarationList, render: (n: ts.Node) => Code): Code | undefined;
  /** The statement that sets the function's `var` when a sloppy block-level function declaration is evaluated (Annex B.3.2.1). */
  blockFunctionVarWrite(node: ts.FunctionDeclaration): Code | undefined;
}

/** The checks of a write to a binding that may be in its dead zone. */
export interface DeadZoneWrite {
  /** The binding's checked read, which a compound assignment or an update starts with. */
  readonly read: Code;
  /** What goes around the value a plain assignment stores: it is checked once computed. */
  readonly beforeValue: Code;
  readonly afterValue: Code;
}

interface JumpScope {
  readonly kind: 'loop' | 'switch' | 'label';
  readonly labels: readonly string[];
}

/**
 * `owner`: the nested function whose part `node` is (a parameter), which
 * owns `this`, `arguments`, `new.target` and `super` there unless it is an arrow.
 * `enclosing`: the edits of the rendering this node is a part of, which
 * takes the edits that fall outside the node (see {@link renderRange}).
 */
export function renderNode(node: ts.Node, hooks: RenderHooks, owner?: ts.SignatureDeclaration, enclosing?: Edit[]): Code {
  return renderRange(node, node.getStart(hooks.sourceFile), node.end, hooks, owner, enclosing);
}

/**
 * A part rendered apart from the code around it (the value of a `return`,
 * the initializer of a `var` of the machine) may hold a nested suspend
 * function whose helpers go before the statement that holds it, outside the
 * part: those edits go to `enclosing`, the rendering of that statement.
 */
export function renderRange(node: ts.Node, start: number, end: number, hooks: RenderHooks, owner?: ts.SignatureDeclaration, enclosing?: Edit[]): Code {
  const collected: Edit[] = [];
  const text = hooks.sourceFile.text;
  collectEdits(node, hooks, collected, [], owner !== undefined, owner !== undefined && !ts.isArrowFunction(owner), node);
  const within = (edit: Edit) => edit.start >= start && edit.end <= end;
  // A part of a node leaves out the edits of the rest of it, which another rendering writes.
  const inRest = (edit: Edit) => !within(edit) && edit.start >= node.getStart(hooks.sourceFile) && edit.end <= node.end;
  const edits = enclosing ? collected.filter(within) : collected.filter((edit) => !inRest(edit));
  if (enclosing) enclosing.push(...collected.filter((edit) => !within(edit)));
  if (edits.length === 0 && start === node.getStart(hooks.sourceFile) && end === node.end) {
    const operand = operandOf(node, hooks.sourceFile);
    if (operand) return [operand];
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end || Number(a.closesStatement ?? false) - Number(b.closesStatement ?? false));
  const parts: Part[] = [];
  const source = new SourceText(text, node);
  let pos = start;
  for (const edit of edits) {
    if (edit.start < pos) continue;
    if (edit.start > pos) source.copy(pos, edit.start, parts);
    parts.push(...edit.parts);
    pos = edit.end;
  }
  if (pos < end) source.copy(pos, end, parts);
  return parts;
}

/** A name or a literal, written as one operand: build can ask it what text cannot be asked. */
function operandOf(node: ts.Node, sourceFile: ts.SourceFile): Operand | undefined {
  switch (node.kind) {
    case SyntaxKind.Identifier:
      return { operand: node.getText(sourceFile), literal: (node as ts.Identifier).text === 'undefined' };
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.BigIntLiteral:
    case SyntaxKind.StringLiteral:
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
      return literal(node.getText(sourceFile));
    default:
      return undefined;
  }
}

/**
 * The source text of one rendered node, copied with its line breaks as
 * `LineBreak` parts (emit re-indents them), except those inside a template
 * or string literal (a line continuation), which are the literal's content.
 */
class SourceText {
  private literals: (readonly [number, number])[] | undefined;

  constructor(
    private readonly text: string,
    private readonly node: ts.Node,
  ) {}

  /** Each slice of source text is preceded by its offset and length (`SourcePosition`): the source map maps it exactly. */
  copy(start: number, end: number, into: Part[]): void {
    let from = start;
    for (let at = this.text.indexOf('\n', start); at !== -1 && at < end; at = this.text.indexOf('\n', at + 1)) {
      if (this.inLiteral(at)) continue;
      let next = at + 1;
      while (next < end && (this.text[next] === ' ' || this.text[next] === '\t')) next++;
      this.slice(from, at, into);
      into.push({ lineBreak: this.text.slice(at + 1, next) });
      from = next;
      at = next - 1;
    }
    this.slice(from, end, into);
  }

  private slice(start: number, end: number, into: Part[]): void {
    into.push({ sourceAt: start, copied: end - start });
    if (end > start) into.push(this.text.slice(start, end));
  }

  private inLiteral(at: number): boolean {
    this.literals ??= literalRanges(this.node);
    return this.literals.some(([start, end]) => start < at && at < end);
  }
}

function literalRanges(node: ts.Node): (readonly [number, number])[] {
  const ranges: (readonly [number, number])[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
      ranges.push([n.getStart(), n.end]);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return ranges;
}

function labelsOf(node: ts.Node): string[] {
  const labels: string[] = [];
  for (let p = node.parent; p && ts.isLabeledStatement(p); p = p.parent) labels.push(p.label.text);
  return labels;
}

function collectEdits(
  node: ts.Node,
  hooks: RenderHooks,
  edits: Edit[],
  jumpScopes: JumpScope[],
  inNestedFunction: boolean,
  ownThis: boolean,
  root: ts.Node,
): void {
  const sf = hooks.sourceFile;
  const visit = (child: ts.Node, scopes: JumpScope[] = jumpScopes, nested = inNestedFunction, own = ownThis) =>
    collectEdits(child, hooks, edits, scopes, nested, own, root);
  const render = (n: ts.Node) => renderNode(n, hooks, undefined, edits);
  const replace = (n: ts.Node, parts: Code) => edits.push({ start: n.getStart(sf), end: n.end, parts });
  // After the edits of the statement's own nodes (a closure's wrapper, a lowered arrow): those end inside it.
  const visitTerminated = (visitChildren: () => void) => {
    visitChildren();
    if (endsByInsertedSemicolon(node, sf)) edits.push({ start: node.end, end: node.end, parts: [';'] });
  };

  if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) {
    const visitType = (n: ts.Node): void => {
      const code = ts.isIdentifier(n) ? hooks.metadataTypeName(n) : undefined;
      if (code) replace(n, code);
      else ts.forEachChild(n, visitType);
    };
    visitType(node);
    return;
  }
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
  if (ts.isEnumDeclaration(node) && !isAmbientEnum(node)) {
    // As TypeScript writes it, with the values computed as the code runs (enum-object.ts).
    const name = node.name.text;
    const members = enumMembersCode(node, render);
    replace(node, [...(mergesWithEarlier(node) ? [] : [`let ${name}; `]), `(function (${name}) { `, ...members, `})(${name} || (${name} = {}));`]);
    return;
  }
  // A class declaration rendered whole is a class expression: of TypeScript's modifiers, only a class
  // declaration may be `abstract` (the types that made it so are erased anyway). One with decorators
  // stays a declaration, in an arrow that returns it: TypeScript's legacy decorators exist only in
  // class declarations (on a class expression they are dropped), and rebind its name to what they return (below).
  if (node === root && ts.isClassDeclaration(node)) {
    for (const modifier of node.modifiers ?? []) {
      if (modifier.kind !== SyntaxKind.AbstractKeyword) continue;
      let end = modifier.end;
      while (sf.text[end] === ' ' || sf.text[end] === '\t') end++;
      edits.push({ start: modifier.getStart(sf), end, parts: [] });
    }
  }

  // A value computed ahead of the code around it; a shorthand property rendered whole keeps its key.
  const replaceValue = (n: ts.Node, parts: Code) => {
    if (n !== root && ts.isShorthandPropertyAssignment(n.parent) && n.parent.name === n) {
      edits.push({ start: n.getStart(sf), end: n.end, parts: [shorthandKey(n.parent.name) + ': ', ...parts] });
    } else {
      replace(n, parts);
    }
  };

  const override = hooks.override(node);
  if (override) {
    replaceValue(node, override);
    return;
  }

  const constantWrite = constantWriteOf(node, hooks, render);
  if (constantWrite) {
    replace(node, constantWrite);
    return;
  }

  const deadZoneCloser = deadZoneWriteChecks(node, hooks, edits, sf);
  if (deadZoneCloser) {
    // The closing part goes after the node's own parts that end where it ends (a name kept in writing).
    ts.forEachChild(node, (child) => visit(child));
    edits.push(deadZoneCloser);
    return;
  }

  // A function or class: its own parts, then what encloses it once they are in place.
  const visitClosure = () => {
    if (isFunctionLike(node)) {
      const lowered = hooks.nestedSuspendFunction(node as ts.FunctionLikeDeclaration, edits);
      if (lowered) return replace(node, lowered);
      const name = (node as ts.FunctionLikeDeclaration).name;
      // A declaration's own name stays as written: rendered code uses it as a function expression.
      ts.forEachChild(node, (child) => {
        // A computed name is evaluated outside the function, where it is defined.
        if (child === name) {
          if (ts.isComputedPropertyName(child)) visit(child);
          return;
        }
        visit(child, [], true, ownThis || ownsLexicalValues(node, child));
      });
      return;
    }
    // A declaration's own name stays as written. Decorators, `extends` and computed keys see the
    // surrounding `this`: each member says which of its parts have their own.
    const name = (node as ts.ClassLikeDeclaration).name;
    ts.forEachChild(node, (child) => {
      if (child !== name) visit(child, [], true);
    });
  };

  const varWrite = node !== root && !inNestedFunction && ts.isFunctionDeclaration(node) ? hooks.blockFunctionVarWrite(node) : undefined;
  if (varWrite) {
    // After the declaration; an `if` branch that is one declaration becomes a block holding both.
    const branch = ts.isIfStatement(node.parent);
    if (branch) edits.push({ start: node.getStart(sf), end: node.getStart(sf), parts: ['{ '] });
    edits.push({ start: node.end, end: node.end, parts: [' ', ...varWrite, ...(branch ? [' }'] : [])] });
  }

  if ((isFunctionLike(node) || ts.isClassLike(node)) && !isObjectLiteralMethod(node)) {
    // The closure gets the environments of this iteration, not whatever the frame holds when it runs;
    // a declaration in a block finds them named at the start of its block (below).
    const declaration = node !== root && (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node));
    const envs = inNestedFunction || (declaration && ts.isBlock(node.parent)) ? undefined : hooks.closureEnvironments(node);
    if (envs && declaration) {
      throw new UnsupportedError(node, 'a declaration in a case clause, an if branch or under a label that captures a per-iteration binding across a suspension is not supported');
    }
    const name = nameToKeep(node, hooks);
    const start = node.getStart(sf);
    // Named inside the environments' wrapper and the class's helpers: a call's result is never named.
    const naming = name && namingText(name.name);
    const inArrow = node === root && ts.isClassLike(node) && keptInArrow(node);
    const around = ts.isClassLike(node) ? hooks.aroundClass?.(node, inArrow) : undefined;
    // The environments' wrapper goes around the arrow that keeps a decorated class a declaration.
    if (envs) edits.push({ start, end: start, parts: [`((${envs.aliases.join(', ')}) => `] });
    if (inArrow) edits.push({ start, end: start, parts: ['(() => { '] });
    if (around) edits.push({ start, end: start, parts: [around.before] });
    if (naming) edits.push({ start, end: start, parts: [{ text: () => (name.needed() ? naming[0] : ''), printed: `⟨named ${name.name}: ` }] });
    visitClosure();
    // Pushed after the closure's own edits, so that they enclose what those put at its end (a lowered arrow's braces).
    if (naming) edits.push({ start: node.end, end: node.end, parts: [{ text: () => (name.needed() ? naming[1] : ''), printed: '⟩' }] });
    if (around) edits.push({ start: node.end, end: node.end, parts: [around.after] });
    if (inArrow) edits.push({ start: node.end, end: node.end, parts: [` return ${(node as ts.ClassDeclaration).name!.text}; })()`] });
    if (envs) edits.push({ start: node.end, end: node.end, parts: [')(', ...environmentList(envs.environments), ')'] });
    return;
  }

  if (!inNestedFunction && ts.isBlock(node)) {
    // A function declaration is hoisted to the start of its block and a class may be made in a loop of
    // it: neither can be wrapped where it stands, so the block names the environments its declarations
    // read first thing, as they are when the block is entered (in the iteration that runs it).
    const declarations = node.statements.filter((s) => ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s));
    const envs = mergedEnvironments(declarations.map((d) => hooks.closureEnvironments(d)));
    if (envs) {
      const names: Part[] = ['const '];
      envs.aliases.forEach((alias, i) => names.push(...(i ? [', '] : []), alias, ' = ', ...envs.environments[i]));
      const start = node.getStart(sf) + 1;
      edits.push({ start, end: start, parts: [' ', ...names, ';'] });
    }
  }

  if (!inNestedFunction && ts.isObjectLiteralExpression(node)) {
    // A method or accessor is no expression to wrap: it takes this iteration's environments when its object is made.
    const envs = mergedEnvironments(node.properties.filter(isObjectLiteralMethod).map((m) => hooks.closureEnvironments(m)));
    if (envs) {
      const start = node.getStart(sf);
      edits.push({ start, end: start, parts: [`((${envs.aliases.join(', ')}) => (`] });
      ts.forEachChild(node, (child) => visit(child));
      // Pushed after its members' edits, so that it encloses what they put around the literal (a method's link).
      edits.push({ start: node.end, end: node.end, parts: ['))(', ...environmentList(envs.environments), ')'] });
      return;
    }
  }

  if (isFunctionLike(node) || ts.isClassLike(node)) {
    visitClosure();
    return;
  }

  if (ts.isIdentifier(node)) {
    if (!isValueIdentifier(node)) return;
    let code = hooks.identifier(node);
    if (code === undefined && node.text === 'arguments' && !ownThis && !hooks.declaredInside(node)) code = [hooks.argumentsValue(inNestedFunction)];
    if (code === undefined) return;
    if (isCallee(node)) replace(node, code.length === 1 ? calleeOf(code) : ['(0, ', ...code, ')']);
    else replaceValue(node, code);
    return;
  }

  if (node.kind === SyntaxKind.ThisKeyword) {
    if (!ownThis) replace(node, hooks.thisValue(inNestedFunction));
    return;
  }

  if (ts.isMetaProperty(node) && node.keywordToken === SyntaxKind.NewKeyword) {
    if (!ownThis) replace(node, hooks.newTargetValue(inNestedFunction));
    return;
  }

  if (ts.isDeleteExpression(node)) {
    const code = deleteOfRewrittenOperand(node, hooks, ownThis, inNestedFunction);
    if (code) {
      replace(node, code);
      return;
    }
  }

  if (!ownThis && hooks.superUpdate && superUpdateTarget(node)) {
    const code = hooks.superUpdate(node as ts.BinaryExpression | ts.PrefixUnaryExpression | ts.PostfixUnaryExpression, render);
    if (code) {
      replace(node, code);
      return;
    }
  }

  if (ts.isDeleteExpression(node) && !ownThis && hooks.superDelete) {
    const operand = skipParenthesesAndTypes(node.expression);
    if ((ts.isPropertyAccessExpression(operand) || ts.isElementAccessExpression(operand)) && operand.expression.kind === SyntaxKind.SuperKeyword) {
      const code = hooks.superDelete(operand as ts.SuperProperty, render);
      if (code) {
        replace(node, code);
        return;
      }
    }
  }

  if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && !ownThis && hooks.superProperty &&
      (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left)) &&
      node.left.expression.kind === SyntaxKind.SuperKeyword && !isDestructuringTarget(node.left)) {
    // super.x = v sets with the method's `this` as receiver: the accessor does it.
    const read = hooks.superProperty(node.left as ts.SuperProperty, render);
    if (read) {
      const call = read.slice(0, -1);
      replace(node, [...call, ', ', ...render(node.right), ', true)']);
      return;
    }
  }

  if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
      node.expression.kind === SyntaxKind.SuperKeyword && !ownThis && hooks.superProperty) {
    const code = hooks.superProperty(node as ts.SuperProperty, render);
    if (code) {
      replace(node, code);
      return;
    }
  }
  if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) {
    // The function a super call or tag calls, read through the method's accessor, if `target` is a super property.
    const superFunction = (target: ts.Expression): Code | undefined =>
      !ownThis && hooks.superProperty && (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) &&
      target.expression.kind === SyntaxKind.SuperKeyword
        ? hooks.superProperty(target as ts.SuperProperty, render)
        : undefined;
    const callee = ts.isCallExpression(node) ? superFunction(node.expression) : undefined;
    if (callee) {
      // super.m(args) calls m with the suspend function's `this`; super.m?.(args) short-circuits (the rest of
      // its chain too, which goes on after `?.call(…)`) where m is nullish, before its arguments.
      const call = node as ts.CallExpression;
      const args: Part[] = [];
      for (const arg of call.arguments) args.push(', ', ...render(arg));
      replace(node, ['(', ...callee, call.questionDotToken ? ')?.call(' : ').call(', ...hooks.thisValue(inNestedFunction), ...args, ')']);
      return;
    }
    const tag = ts.isTaggedTemplateExpression(node) ? superFunction(node.tag) : undefined;
    if (tag) {
      // super.tag`…` calls the tag with the suspend function's `this`; the template keeps its site.
      replace(node, ['(', ...tag, ').bind(', ...hooks.thisValue(inNestedFunction), ')', ...render((node as ts.TaggedTemplateExpression).template)]);
      return;
    }
  }
  if (ts.isCallExpression(node) && node.expression.kind === SyntaxKind.SuperKeyword && !ownThis && hooks.superCall) {
    const args: Part[] = [];
    for (const arg of node.arguments) args.push(...(args.length ? [', '] : []), ...render(arg));
    const code = hooks.superCall(args, inNestedFunction);
    if (code) {
      replace(node, code);
      return;
    }
  }

  if (!inNestedFunction) {
    if (ts.isVariableStatement(node) || (ts.isVariableDeclarationList(node) && !ts.isVariableStatement(node.parent))) {
      const list = ts.isVariableStatement(node) ? node.declarationList : node;
      const code = hooks.variableDeclarationList(list, render);
      if (code) {
        replace(node, code);
        return;
      }
    }
    if (ts.isBreakStatement(node) || ts.isContinueStatement(node)) {
      if (isNativeJump(node, jumpScopes)) visitTerminated(() => {});
      else replace(node, hooks.escapingJump(node));
      return;
    }
    if (ts.isReturnStatement(node)) {
      const value = node.expression ? render(node.expression) : undefined;
      replace(node, hooks.returnStatement(value && isCommaExpression(node.expression!) ? ['(', ...value, ')'] : value));
      return;
    }
    if (ts.isIterationStatement(node, false)) {
      const scopes = [...jumpScopes, { kind: 'loop' as const, labels: labelsOf(node) }];
      visitTerminated(() => ts.forEachChild(node, (child) => visit(child, scopes)));
      return;
    }
    if (ts.isSwitchStatement(node)) {
      const scopes = [...jumpScopes, { kind: 'switch' as const, labels: labelsOf(node) }];
      ts.forEachChild(node, (child) => visit(child, scopes));
      return;
    }
    if (ts.isLabeledStatement(node) && !ts.isIterationStatement(node.statement, false) && !ts.isLabeledStatement(node.statement)) {
      const scopes = [...jumpScopes, { kind: 'label' as const, labels: labelsOf(node.statement) }];
      ts.forEachChild(node, (child) => visit(child, scopes));
      return;
    }
  }
  // A class field's initializer and a static block have their own `this`.
  visitTerminated(() => ts.forEachChild(node, (child) => visit(child, jumpScopes, inNestedFunction, ownThis || ownsLexicalValues(node, child))));
}

/**
 * The name an anonymous function or class may have to be given in writing,
 * and whether it must (asked once the code is laid out): when the binding
 * its place names it after is written otherwise (a frame field, an
 * environment property, a renamed local). A suspend function's wrapper is
 * named by its own lowering; a value kept in a temporary before it reaches
 * its binding, by the builder (`RenderingBuilder.keptNamed`).
 */
export function nameToKeep(node: ts.Node, hooks: RenderHooks): { name: string; needed: () => boolean } | undefined {
  const source = namedEvaluationName(node);
  if (source?.kind !== 'binding' || suspendKindOf(node)) return undefined;
  const written = hooks.writtenAs(source.target);
  if (!written) return undefined;
  let needed: boolean | undefined;
  return { name: source.name, needed: () => (needed ??= written() !== source.name) };
}

/**
 * Whether automatic semicolon insertion ended this statement (or class
 * field): the statements whose grammar ends with `;`, written without it.
 */
export function endsByInsertedSemicolon(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  switch (node.kind) {
    case SyntaxKind.ExpressionStatement:
    case SyntaxKind.VariableStatement:
    case SyntaxKind.DoStatement:
    case SyntaxKind.ContinueStatement:
    case SyntaxKind.BreakStatement:
    case SyntaxKind.ReturnStatement:
    case SyntaxKind.ThrowStatement:
    case SyntaxKind.DebuggerStatement:
    case SyntaxKind.ExportAssignment:
    case SyntaxKind.PropertyDeclaration:
      return sourceFile.text[node.end - 1] !== ';';
    default:
      return false;
  }
}

/** A method or accessor of an object literal (not a class): a property definition, not an expression. */
function isObjectLiteralMethod(node: ts.Node): boolean {
  return (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) && ts.isObjectLiteralExpression(node.parent);
}

type ClosureEnvironments = NonNullable<ReturnType<RenderHooks['closureEnvironments']>>;

/** The environments of several closures, each once. */
function mergedEnvironments(all: readonly (ClosureEnvironments | undefined)[]): ClosureEnvironments | undefined {
  const aliases: string[] = [];
  const environments: Code[] = [];
  for (const envs of all) {
    envs?.aliases.forEach((alias, i) => {
      if (aliases.includes(alias)) return;
      aliases.push(alias);
      environments.push(envs.environments[i]);
    });
  }
  return aliases.length ? { aliases, environments } : undefined;
}

function environmentList(environments: readonly Code[]): Part[] {
  const parts: Part[] = [];
  environments.forEach((e, i) => parts.push(...(i ? [', '] : []), ...e));
  return parts;
}

/**
 * The key of a shorthand property written out in full. `{ __proto__ }` makes
 * an own property, where `__proto__: v` would set the prototype
 * (13.2.5.5 PropertyDefinitionEvaluation): its key is a computed one.
 */
export function shorthandKey(name: ts.Identifier): string {
  return name.text === '__proto__' ? '["__proto__"]' : name.text;
}

/** `c = v`, `c += v`, `c++` on a const binding: the value is computed, then the write throws. */
function constantWriteOf(node: ts.Node, hooks: RenderHooks, render: (n: ts.Node) => Code): Code | undefined {
  const write = expressionWriteOf(node);
  if (!write || !ts.isIdentifier(write.target)) return undefined;
  const { target, value: operand } = write;
  const thrower = hooks.constantWrite(target);
  if (!thrower) return undefined;
  const parts: Part[] = ['('];
  if (!write.plain) parts.push(...render(target), ', ');
  if (operand) parts.push(...render(operand), ', ');
  parts.push(...thrower, ')');
  return parts;
}

/**
 * `x = v`, `x += v`, `x++` on a binding that may be in its dead zone: a
 * compound assignment or update reads it first, so the checked read goes
 * before it; a plain assignment stores a value checked once computed,
 * except an anonymous function, which must stay the assigned value to be
 * named by it (computing one has no effect the earlier check could hide).
 * Inserted around the node's own text, whose parts are rendered as usual:
 * the opening part is pushed here, the closing one returned, to be pushed
 * once the node's own parts are.
 */
function deadZoneWriteChecks(node: ts.Node, hooks: RenderHooks, edits: Edit[], sf: ts.SourceFile): Edit | undefined {
  const write = expressionWriteOf(node);
  if (!write || !ts.isIdentifier(write.target)) return undefined;
  const { target } = write;
  const plainValue = write.plain ? write.value : undefined;
  const check = hooks.deadZoneWrite(target);
  if (!check) return undefined;
  if (plainValue && !isAnonymousFunctionDefinition(skipParenthesesAndTypes(plainValue))) {
    edits.push({ start: plainValue.getStart(sf), end: plainValue.getStart(sf), parts: check.beforeValue });
    return { start: plainValue.end, end: plainValue.end, parts: check.afterValue };
  }
  edits.push({ start: node.getStart(sf), end: node.getStart(sf), parts: ['(', ...check.read, ', '] });
  return { start: node.end, end: node.end, parts: [')'] };
}

/**
 * `delete x`, `delete arguments`, `delete this` and `delete new.target` where
 * the machine writes the operand otherwise (a frame field, an environment
 * property, a checked read): natively `delete` of a binding of the function
 * is `false` (a declarative binding cannot be deleted) and of a value that
 * is no reference is `true`, and neither deletes anything; as rendered, it
 * would delete the machine's own property instead.
 */
function deleteOfRewrittenOperand(node: ts.DeleteExpression, hooks: RenderHooks, ownThis: boolean, inNestedFunction: boolean): Code | undefined {
  const operand = skipParenthesesAndTypes(node.expression);
  if (ts.isIdentifier(operand)) {
    const arguments_ = operand.text === 'arguments' && !ownThis && !hooks.declaredInside(operand);
    return arguments_ || hooks.identifier(operand) !== undefined ? ['false'] : undefined;
  }
  if (ownThis) return undefined;
  if (operand.kind === SyntaxKind.ThisKeyword) return ['(', ...hooks.thisValue(inNestedFunction), ', true)'];
  if (ts.isMetaProperty(operand) && operand.keywordToken === SyntaxKind.NewKeyword) return ['(', ...hooks.newTargetValue(inNestedFunction), ', true)'];
  return undefined;
}

/** Whether an identifier is called: `f()`, `(f)()`, `` f`…` ``. */
function isCallee(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const parent = n.parent;
  return (ts.isCallExpression(parent) && parent.expression === n) || (ts.isTaggedTemplateExpression(parent) && parent.tag === n);
}

function isNativeJump(node: ts.BreakOrContinueStatement, scopes: readonly JumpScope[]): boolean {
  if (node.label) {
    const name = node.label.text;
    return scopes.some((s) => s.labels.includes(name) && (ts.isBreakStatement(node) || s.kind === 'loop'));
  }
  if (ts.isBreakStatement(node)) return scopes.some((s) => s.kind !== 'label');
  return scopes.some((s) => s.kind === 'loop');
}

/** Whether a class declaration rendered whole stays one, in an arrow: when it, a member or a member's parameter is decorated. */
function keptInArrow(node: ts.ClassLikeDeclaration): node is ts.ClassDeclaration & { name: ts.Identifier } {
  const decorated = (n: ts.Node) => ts.canHaveDecorators(n) && (ts.getDecorators(n)?.length ?? 0) > 0;
  if (!ts.isClassDeclaration(node) || !node.name) return false;
  return decorated(node) || node.members.some((member) => decorated(member) || (isFunctionLike(member) && member.parameters.some(decorated)));
}

/**
 * `a, b`: a returned value that must be parenthesized to stand where one operand goes (a
 * generator's step returns it as the `value` of an iterator result literal), as build's
 * `Normalizer.expression` parenthesizes the value of a `return` the machine writes.
 */
function isCommaExpression(node: ts.Expression): boolean {
  return node.kind === SyntaxKind.BinaryExpression && (node as ts.BinaryExpression).operatorToken.kind === SyntaxKind.CommaToken;
}
