/**
 * test262 tests that hold no suspend function, turned into the body of one:
 * a differential test of the lowering on the suite's spec-exact code.
 *
 * ## Example
 *
 * ```ts
 * deriveSuspending(test, 'generator', 1).source
 * // var x = 1;                     →  var $derived = (function* () {
 * // assert.sameValue(x + 1, 2);         var x = 1;
 * //                                     (yield, assert).sameValue((yield, x) + 1, 2);
 * //                                   })();
 * //                                   for (var $step = $derived.next(); !$step.done; $step = $derived.next()) {}
 * ```
 *
 * ## Implementation
 *
 * The test's code becomes the body of a generator run to its end (or of an
 * async function whose settling ends the test; a test that is async already
 * ends itself through `$DONE`, so its body's settling reports only a
 * throw), and reads of names and
 * `this` in it become `(yield, name)` (`(await null, name)`): the value is
 * the same, but every expression around such a read is taken apart by the
 * machine. `every` wraps only each n-th read, so that expressions are split
 * at different places. Reads inside nested functions and classes stay as
 * they are (a `yield` there would be another function's, or a syntax
 * error), but for the computed keys and `extends` of classes and methods,
 * which run where they are defined, and, with `inAsyncBodies`, for the
 * bodies of the test's async functions, where `await null` is as neutral
 * (the lowering takes those functions apart too); so do assignment targets,
 * declarations, the operands of `typeof` and `delete` (whose meaning would
 * change) and callees (a method call keeps its receiver).
 *
 * The derived program's meaning may differ from the test's (globals become
 * locals of the generator): the derived test is judged by running it
 * natively and lowered, and only a derived test that passes natively says
 * anything about the lowering (./derived-run.ts).
 *
 * ## References
 *
 * ECMA-262 §15.5 Generator Function Definitions, §15.8 Async Function
 * Definitions; test262 INTERPRETING.md (`$DONE` for async tests).
 */
import ts from 'typescript';
import type { TestCase } from './execution';

export type SuspendingKind = 'generator' | 'async';

/**
 * The derived test, or undefined when the test has no read to wrap or does not parse as a script.
 * With `inAsyncBodies`, reads in the bodies of the test's own async functions are wrapped too, in
 * `await null`, and a test with no such read derives nothing (the variant without says as much).
 */
export function deriveSuspending(test: TestCase, kind: SuspendingKind, every: number, inAsyncBodies = false): TestCase | undefined {
  const sourceFile = ts.createSourceFile(test.path, test.source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const parseErrors = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (parseErrors.length > 0) return undefined;
  const wrapped: { start: number; end: number; text: string }[] = [];
  let reads = 0;
  let readsInAsyncBodies = 0;
  const visit = (node: ts.Node, suspension: string, inAsyncBody: boolean): void => {
    if (opensFunction(node)) {
      evaluatedWhereDefined(node).forEach((child) => visit(child, suspension, inAsyncBody));
      const body = inAsyncBodies ? asyncBody(node) : undefined;
      if (body !== undefined) visit(body, 'await null', true);
      return;
    }
    if ((ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword) && isWrappableRead(node as ts.Expression)) {
      if (reads++ % every === 0) {
        const text = `${startsListedStatement(node, sourceFile) ? ';' : ''}(${suspension}, ${node.getText(sourceFile)})`;
        wrapped.push({ start: node.getStart(sourceFile), end: node.end, text });
        if (inAsyncBody) readsInAsyncBodies++;
      }
    }
    ts.forEachChild(node, (child) => visit(child, suspension, inAsyncBody));
  };
  for (const statement of sourceFile.statements) visit(statement, kind === 'generator' ? 'yield' : 'await null', false);
  if (wrapped.length === 0 || (inAsyncBodies && readsInAsyncBodies === 0)) return undefined;
  let body = test.source;
  for (const { start, end, text } of wrapped.reverse()) body = body.slice(0, start) + text + body.slice(end);
  if (kind === 'generator') {
    const source = `var $derived = (function* () {\n${body}\n})();\nfor (var $step = $derived.next(); !$step.done; $step = $derived.next()) {}\n`;
    return { ...test, source };
  }
  const flags = test.frontMatter.flags;
  // An async test calls $DONE itself, later than its body's end: the derived body reports only an abrupt end.
  if (flags.includes('async')) return { ...test, source: `(async function () {\n${body}\n})().then(undefined, $DONE);\n` };
  const source = `(async function () {\n${body}\n})().then(function () { $DONE(); }, $DONE);\n`;
  return { ...test, source, frontMatter: { ...test.frontMatter, flags: [...flags, 'async'] } };
}

/** The body of an async function, async arrow, async method or async generator: where `await` is an expression. */
function asyncBody(node: ts.Node): ts.Node | undefined {
  if (!ts.isFunctionLike(node) || !(ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Async)) return undefined;
  return (node as ts.FunctionLikeDeclaration).body;
}

function opensFunction(node: ts.Node): boolean {
  return ts.isFunctionLike(node) || ts.isClassLike(node);
}

/** What a class or a method evaluates where it is defined, not in a function of its own: computed keys and `extends`. */
function evaluatedWhereDefined(node: ts.Node): readonly ts.Node[] {
  if (ts.isClassLike(node)) {
    // A method stands for its own computed key (and its body when that is async).
    const members = node.members.flatMap((member): ts.Node[] => (ts.isFunctionLike(member) ? [member] : member.name && ts.isComputedPropertyName(member.name) ? [member.name] : []));
    return [...(node.heritageClauses ?? []), ...members];
  }
  const name = (node as ts.SignatureDeclaration).name;
  return name && ts.isComputedPropertyName(name) ? [name] : [];
}

/**
 * Names left as they are: wrapped, `eval` would be an indirect call, `arguments`
 * the derived function's own, and the contextual keywords could start
 * another construct where they stand.
 */
const UNWRAPPED_NAMES = new Set(['undefined', 'arguments', 'eval', 'let', 'async', 'of', 'get', 'set', 'static']);

/** A read of a name or `this` whose wrapping keeps the program valid and its meaning. */
function isWrappableRead(node: ts.Expression): boolean {
  if (ts.isIdentifier(node) && UNWRAPPED_NAMES.has(node.text)) return false;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node;
  if (ts.isCallExpression(parent) && parent.expression === node) return false;
  if (ts.isTypeOfExpression(parent) || ts.isDeleteExpression(parent)) return false;
  if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && isUpdate(parent.operator)) return false;
  if (ts.isBinaryExpression(parent)) return parent.left !== node || !isAssignment(parent.operatorToken.kind);
  if (ts.isShorthandPropertyAssignment(parent)) return parent.objectAssignmentInitializer === node;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === node && !inAssignmentPattern(parent.parent);
  if (ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)) return !inAssignmentPattern(parent);
  if ((ts.isForInStatement(parent) || ts.isForOfStatement(parent)) && parent.initializer === node) return false;
  return (
    ts.isParenthesizedExpression(parent) ||
    ts.isCallExpression(parent) ||
    ts.isNewExpression(parent) ||
    ts.isElementAccessExpression(parent) ||
    ts.isConditionalExpression(parent) ||
    ts.isPrefixUnaryExpression(parent) ||
    ts.isPostfixUnaryExpression(parent) ||
    ts.isVoidExpression(parent) ||
    ts.isTemplateSpan(parent) ||
    (ts.isTaggedTemplateExpression(parent) && parent.tag === node) ||
    ts.isExpressionStatement(parent) ||
    ts.isReturnStatement(parent) ||
    ts.isThrowStatement(parent) ||
    ts.isIfStatement(parent) ||
    ts.isWhileStatement(parent) ||
    ts.isDoStatement(parent) ||
    ts.isSwitchStatement(parent) ||
    ts.isCaseClause(parent) ||
    ts.isForStatement(parent) ||
    ts.isForInStatement(parent) ||
    ts.isForOfStatement(parent) ||
    (ts.isVariableDeclaration(parent) && parent.initializer === node) ||
    (ts.isBindingElement(parent) && parent.initializer === node) ||
    ts.isComputedPropertyName(parent) ||
    (ts.isArrowFunction(parent) && parent.body === node) ||
    ts.isYieldExpression(parent) ||
    ts.isAwaitExpression(parent) ||
    (ts.isExpressionWithTypeArguments(parent) && ts.isHeritageClause(parent.parent))
  );
}

/**
 * Whether the read is the first token of a statement in a list: there, a `(` would continue the
 * statement before when that one ends without its semicolon; a `;` before it is an empty statement.
 */
function startsListedStatement(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  let statement = node.parent;
  while (!ts.isExpressionStatement(statement)) {
    if (ts.isStatement(statement) || ts.isFunctionLike(statement) || ts.isSourceFile(statement)) return false;
    statement = statement.parent;
  }
  const list = statement.parent;
  const listed = ts.isBlock(list) || ts.isSourceFile(list) || ts.isCaseClause(list) || ts.isDefaultClause(list);
  return listed && statement.getStart(sourceFile) === node.getStart(sourceFile);
}

function isUpdate(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}

function isAssignment(operator: ts.SyntaxKind): boolean {
  return operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment;
}

/** Whether an array or object literal is (part of) the target of a destructuring assignment or a for-in/of head. */
function inAssignmentPattern(node: ts.Node): boolean {
  let pattern = node;
  while (
    ts.isArrayLiteralExpression(pattern.parent) ||
    ts.isObjectLiteralExpression(pattern.parent) ||
    ts.isPropertyAssignment(pattern.parent) ||
    ts.isShorthandPropertyAssignment(pattern.parent) ||
    ts.isSpreadElement(pattern.parent) ||
    ts.isSpreadAssignment(pattern.parent) ||
    ts.isParenthesizedExpression(pattern.parent)
  ) {
    pattern = pattern.parent;
  }
  const parent = pattern.parent;
  if (ts.isBinaryExpression(parent)) return parent.left === pattern && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
  return (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) && parent.initializer === pattern;
}
