/**
 * The wrapper: the function that takes the place of a lowered one, keeping
 * its name, parameters and `length`, and making a frame when called.
 *
 * ## Example
 * `const f = function* (a) { yield a; };` keeps a function `f(a)` whose body
 * is one line that makes the frame: `return new f$Frame(a);` (with the
 * checks the kind needs); `helperBaseName` names the helpers `f$Frame`,
 * `f$step`.
 *
 * ## Implementation
 * The wrapper is the user's own function text with its body replaced, so
 * modifiers, type parameters, parameter defaults and comments stay where
 * they were; an anonymous function expression gets its inferred name written
 * in, before its type parameters, as SetFunctionName would name it.
 *
 * ## References
 * ECMAScript 2025, 10.2.9 SetFunctionName; 15.1.5 ExpectedArgumentCount;
 * 15.5.3 EvaluateGeneratorBody (parameters are bound before the generator
 * object exists).
 */
import ts from 'typescript';
import { SyntaxKind } from './syntax-kind';
import type { OuterMachine } from './lowered-function';
import type { SuspendKind } from './suspend-kind';
import { dynamicKeyOf, evaluatedAround } from './placement';
import { valueParameters } from './this-parameter';

/** `generator g (3:1)`: the heading of a function's printed IR. */
export function irTitle(fn: ts.FunctionLikeDeclaration, kind: SuspendKind, sf: ts.SourceFile): string {
  const { line, character } = sf.getLineAndCharacterOfPosition(fn.getStart(sf));
  const name = fn.name ?? inferredNameNode(fn);
  return `${kind} ${name ? name.getText(sf) : '(anonymous)'} (${line + 1}:${character + 1})`;
}

export function helperBaseName(fn: ts.FunctionLikeDeclaration, kind: SuspendKind): string {
  const name = fn.name ?? inferredNameNode(fn);
  if (name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name))) return name.text.replace(/^#/, '');
  if (name && (ts.isStringLiteral(name) || ts.isNumericLiteral(name))) {
    const cleaned = name.text.replace(/[^\w$]/g, '_');
    if (/^[A-Za-z_$]/.test(cleaned)) return cleaned;
  }
  return kind === 'generator' ? '$generator' : kind === 'async' ? '$async' : '$asyncGenerator';
}

export function inferredNameNode(fn: ts.Node): ts.Node | undefined {
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === fn) return parent.name;
  if (ts.isPropertyAssignment(parent) && parent.initializer === fn) return parent.name;
  if (ts.isPropertyDeclaration(parent) && parent.initializer === fn) return parent.name;
  if (ts.isParameter(parent) && parent.initializer === fn) return parent.name;
  if (ts.isBindingElement(parent) && parent.initializer === fn) return parent.name;
  if (ts.isBinaryExpression(parent) && parent.right === fn && parent.operatorToken.kind === SyntaxKind.EqualsToken) {
    return parent.left;
  }
  return undefined;
}

export function wrapperText(
  fn: ts.FunctionLikeDeclaration,
  newFrame: string,
  outer: OuterMachine | undefined,
  sf: ts.SourceFile,
  explicitName: string | undefined,
  parameterList: string,
  keepKey: { readonly before: string; readonly after: string } | undefined,
  asMethod = false,
  linkDecorator?: string,
): { text: string; holes: readonly number[] } {
  const text = sf.text;
  const body = fn.body!;
  // The wrapper is a plain function of the same form: `async` and `*` go, a computed name keeps its key.
  const replaced: { start: number; end: number; text: string; hole?: number }[] = [];
  const asyncModifier = ts.canHaveModifiers(fn) ? ts.getModifiers(fn)?.find((m) => m.kind === SyntaxKind.AsyncKeyword) : undefined;
  for (const token of [asyncModifier, fn.asteriskToken]) {
    if (token) replaced.push({ start: token.getStart(sf), end: token.end, text: '' });
  }
  // As a method its `function` goes too, and its name is the key.
  const functionKeyword = asMethod ? functionKeywordStart(fn, sf) : undefined;
  if (functionKeyword !== undefined) replaced.push({ start: functionKeyword, end: functionKeyword + 'function'.length, text: '' });
  // Inside a machine, what the code around the method evaluates (its decorators and computed key) is a
  // hole the machine fills with its own code, so that what they read is live there and names its values.
  const key = fn.name && ts.isComputedPropertyName(fn.name) ? fn.name : undefined;
  for (const expression of outer ? evaluatedAround(fn) : []) {
    if (expression.parent === key) continue;
    replaced.push({ start: expression.getStart(sf), end: expression.end, text: '()', hole: 1 });
  }
  if (key && (keepKey || (outer && dynamicKeyOf(fn)))) {
    const before = keepKey?.before ?? '';
    const written = outer ? '' : text.slice(key.expression.getStart(sf), key.expression.end);
    replaced.push({ start: key.getStart(sf), end: key.end, text: `[${before}${written}${keepKey?.after ?? ''}]`, hole: outer ? 1 + before.length : undefined });
  }
  const decorators = linkDecorator === undefined ? undefined : ts.getDecorators(fn as ts.MethodDeclaration);
  if (decorators?.length) {
    // Nearest to the method, so it runs first (decorators apply from the nearest out).
    const after = decorators[decorators.length - 1].end;
    replaced.push({ start: after, end: after, text: ' ' + linkDecorator });
  }
  replaced.sort((x, y) => x.start - y.start);
  let head = '';
  let pos = fn.getStart(sf);
  const holes: number[] = [];
  for (const piece of replaced) {
    head += text.slice(pos, piece.start);
    if (piece.hole !== undefined) holes.push(head.length + piece.hole);
    head += piece.text;
    pos = piece.end;
    if (piece.text !== '') continue;
    // `function*g` must not become `functiong`, nor `async function` ` function`.
    const next = text[pos];
    if ((head === '' || isBlank(head[head.length - 1])) && isBlank(next)) pos = skipBlanks(text, pos);
    else if (isWordCharacter(head[head.length - 1]) && isWordCharacter(next)) head += ' ';
  }
  const name = explicitName ?? (asMethod && !fn.name ? '""' : undefined);
  if (name !== undefined) {
    // Named as the original would have been named where it stands: the name comes before the type
    // parameters, whose `<` (or else the parameters' `(`) ends just before the list's position.
    const nameAt = (fn.typeParameters ?? fn.parameters).pos - 1;
    head = (head + text.slice(pos, nameAt)).trimEnd() + ' ' + name;
    pos = nameAt;
  }
  head += text.slice(pos, fn.parameters.pos);
  if (asMethod) head = head.trimStart();
  let params = parameterList;
  // `async x => …` lost `async`: the space that followed it would lead the wrapper.
  if (head === '' || head.trimEnd() !== head) params = params.slice(skipBlanks(params, 0));
  let returnType = text.slice(fn.parameters.end, body.getStart(sf));
  // TypeScript's `emitDecoratorMetadata` records a decorated async method with no return type as
  // returning `Promise`: the wrapper, no async function, says so in its text.
  if (linkDecorator !== undefined && asyncModifier && !fn.asteriskToken && !fn.type && !(sf.flags & ts.NodeFlags.JavaScriptFile)) {
    returnType = returnType.replace(/^\)/, '): Promise<any>');
  }
  const wrapper = `${closesFieldBefore(fn, replaced, sf) ? ';' : ''}${head}${params}${returnType}{ ${newFrame} }`;
  if (!asMethod) return { text: wrapper, holes };
  const methodKey = name ?? fn.name!.getText(sf);
  return { text: `{ ${wrapper} }${methodKey.startsWith('"') ? `[${methodKey}]` : `.${methodKey}`}`, holes };
}

/**
 * Whether a class method whose first token goes (`*` or `async`) follows a
 * field that ends without `;`: the field's name could then join the method
 * (`get` and a new line before `*a() {}` is a field and a generator; without
 * the `*` it is a getter), so the wrapper starts with the `;` automatic
 * semicolon insertion had put there.
 */
function closesFieldBefore(fn: ts.FunctionLikeDeclaration, replaced: readonly { start: number; text: string }[], sf: ts.SourceFile): boolean {
  if (!ts.isMethodDeclaration(fn) || !ts.isClassLike(fn.parent)) return false;
  const start = fn.getStart(sf);
  if (!replaced.some((piece) => piece.start === start && piece.text === '')) return false;
  const members = fn.parent.members;
  const before = members[members.indexOf(fn) - 1];
  return before !== undefined && ts.isPropertyDeclaration(before) && sf.text[before.end - 1] !== ';';
}

/**
 * Whether a declaration's wrapper can be a method bound by a `var` at the
 * top of its scope instead of a hoisted declaration: nothing can run in that
 * scope before its first statement, in a function's body or a script's top
 * level. Elsewhere the plain declaration stays: a module's top level (an
 * import cycle calls its functions before its first statement runs), a block
 * (block scoping, Annex B, a `switch`'s shared scope), a static block; and
 * wherever another declaration of the name decides the binding by its own
 * hoisting (a later plain function of that name, TypeScript overloads).
 */
export function isHoistableAsMethod(fn: ts.FunctionLikeDeclaration, module: boolean): fn is ts.FunctionDeclaration & { name: ts.Identifier } {
  if (!ts.isFunctionDeclaration(fn) || !fn.name || !fn.body) return false;
  const container = fn.parent;
  const atScopeTop = ts.isSourceFile(container) ? !module : ts.isBlock(container) && ts.isFunctionLike(container.parent);
  if (!atScopeTop) return false;
  const name = fn.name.text;
  return !(container as ts.Block | ts.SourceFile).statements.some((s) => s !== fn && ts.isFunctionDeclaration(s) && s.name?.text === name);
}

/**
 * Where a named function expression may use its own name: any identifier
 * of that text (a shadowing binding only makes the answer cautious), in its
 * parameters (which the wrapper evaluates natively) or else in its body.
 */
export function ownNameUse(fn: ts.FunctionExpression): 'parameters' | 'body' | undefined {
  const name = fn.name?.text;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === name) found = true;
    else ts.forEachChild(node, visit);
  };
  fn.parameters.forEach(visit);
  if (found) return 'parameters';
  if (fn.body) visit(fn.body);
  return found ? 'body' : undefined;
}

/**
 * The parameter list's text without its parentheses, each parameter as
 * `render` writes it; `withThis` false leaves out a `this` parameter, which
 * an arrow may not declare.
 */
export function renderedParameters(fn: ts.FunctionLikeDeclaration, render: (p: ts.ParameterDeclaration) => string, sf: ts.SourceFile, withThis = true): string {
  const text = sf.text;
  const list = withThis ? fn.parameters : valueParameters(fn);
  let params = '';
  let pos = list === fn.parameters ? fn.parameters.pos : (list[0]?.getStart(sf) ?? fn.parameters.end);
  for (const p of list) {
    params += text.slice(pos, p.getStart(sf)) + render(p);
    pos = p.end;
  }
  return params + text.slice(pos, fn.parameters.end);
}

/** Where a parameter's text starts once its decorators are left out (a function's, not a constructor's: no modifiers follow them). */
export function startAfterDecorators(parameter: ts.ParameterDeclaration, sf: ts.SourceFile): number {
  if (!ts.getDecorators(parameter)?.length) return parameter.getStart(sf);
  return (parameter.dotDotDotToken ?? parameter.name).getStart(sf);
}

/** ExpectedArgumentCount: the parameters before the first with a default or the rest. */
export function expectedArgumentCount(fn: ts.FunctionLikeDeclaration): number {
  const parameters = valueParameters(fn);
  const first = parameters.findIndex((p) => p.initializer !== undefined || p.dotDotDotToken !== undefined);
  return first < 0 ? parameters.length : first;
}

/**
 * Where a function declaration's or expression's `function` keyword starts
 * (undefined for a function written without one): its first token after the
 * modifiers, past comments and white space, found without asking for the
 * node's tokens, which the parser does not keep and `getChildren` would scan
 * anew.
 */
function functionKeywordStart(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile): number | undefined {
  if (!ts.isFunctionDeclaration(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const text = sf.text;
  let at = fn.modifiers?.length ? fn.modifiers.end : fn.getStart(sf);
  // Past blanks and comments (TypeScript's leading comment ranges leave out those on the modifiers' line).
  for (;;) {
    while (ts.isWhiteSpaceLike(text.charCodeAt(at))) at++;
    if (text.startsWith('/*', at)) at = text.indexOf('*/', at + 2) + 2;
    else if (text.startsWith('//', at)) while (at < text.length && !ts.isLineBreak(text.charCodeAt(at))) at++;
    else return at;
  }
}

function skipBlanks(text: string, pos: number): number {
  while (pos < text.length && isBlank(text[pos])) pos++;
  return pos;
}

function isBlank(character: string | undefined): boolean {
  return character === ' ' || character === '\t';
}

/** A character of a name, keyword or number: two of them side by side would join into one token. */
function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && ts.isIdentifierPart(character.codePointAt(0)!, ts.ScriptTarget.Latest);
}
