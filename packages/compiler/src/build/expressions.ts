/**
 * Expressions holding a suspension point → straight-line code with
 * temporaries, evaluation order kept.
 *
 * ## Example
 * ```js
 * log(a(), yield b, c())
 * ```
 * becomes
 * ```
 * assign $t0 = log           (the callee is read before the arguments)
 * assign $t1 = a()
 * yield b → L1
 * label L1
 * assign $t2 = $value
 * value: $t0($t1, $t2, c())  (what comes after the last suspension stays inline)
 * ```
 *
 * ## Implementation
 * Each operand is evaluated in source order; an operand whose value could be
 * changed by a later suspension (anything but a literal or `this`) is stored
 * in a temporary before that suspension ("spilled"). Operators that short
 * circuit (`&&`, `||`, `??`, `?:`, `?.`, logical assignment) become branches.
 * A member call keeps its receiver: `o.m(yield)` calls `$t1.call($t0, …)`
 * after reading `o.m` before the arguments, as the spec orders it. An object
 * literal or class is rendered whole once the parts that run code (keys,
 * values, spreads, `extends`) are evaluated, their results put in place
 * (`overrides`): methods, accessors and shorthand properties stay as the
 * renderer writes them anywhere.
 * Liveness later turns temporaries that do not cross a suspension into plain
 * locals, so spilling costs nothing where it is not needed.
 *
 * ## References
 * ECMAScript 2025, 13.3.6.1 EvaluateCall and 13.3.8 ArgumentListEvaluation;
 * 13.15.2 assignment evaluation (the reference before the value);
 * 13.2.5.5 PropertyDefinitionEvaluation (object literal elements in order);
 * 13.2.8.6 template literal evaluation (ToString of each substitution in turn).
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import type { Code, Label, Part, Variable } from '../ir';
import { calleeOf, isVariable, UNDEFINED, literal, nameOperand } from '../ir';
import { UnsupportedError } from '../diagnostics';
import type { Builder, ExpressionLowering, Reference } from './builder';
import { isStable, paren } from './code';
import { startsLikeAnotherStatement } from './statement-start';
import { callPosition, delegationPosition } from './call-position';
import { computedNameKey, isAnonymousFunctionDefinition, namedByKey, namedEvaluationName, namingText } from '../named-evaluation';
import { isParenthesesOrTypeWrapper } from '../type-wrappers';
import { suspendKindOf } from '../suspend-kind';
import { jsxParts, type JsxNode, type JsxPart } from './jsx';
import { superDeleteCode } from '../super-update';
import { isDirectEval } from '../dynamic-scope';
import { isFunctionLike } from '../function-like';
import { decoratorsOf } from './bindings';

interface Piece {
  readonly suspends: boolean;
  /** Kept in a temporary even where no later suspension forces it: later code reads the value again. */
  readonly keep?: boolean;
  evaluate(): Code;
  /** What is kept when a later suspension forces the value into a temporary; `earlier`: the pieces before it, as kept. */
  settle?(code: Code, earlier: readonly Code[]): Code;
}

const OPPOSITE_EQUALITY = new Map<ts.SyntaxKind, string>([
  [SyntaxKind.EqualsEqualsEqualsToken, '!=='],
  [SyntaxKind.ExclamationEqualsEqualsToken, '==='],
  [SyntaxKind.EqualsEqualsToken, '!='],
  [SyntaxKind.ExclamationEqualsToken, '=='],
]);

export class Normalizer implements ExpressionLowering {
  constructor(private readonly b: Builder) {}

  /** The value of `node` as code; instructions for its suspension points are emitted first. */
  expression(node: ts.Expression, discard = false): Code {
    const b = this.b;
    if (!b.suspends(node)) {
      const code = b.render(node);
      const bareComma = ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.CommaToken;
      return bareComma ? ['(', ...code, ')'] : code;
    }
    switch (node.kind) {
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.TypeAssertionExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.SatisfiesExpression:
      case SyntaxKind.ExpressionWithTypeArguments:
        return this.expression((node as ts.ParenthesizedExpression).expression, discard);
      case SyntaxKind.YieldExpression:
        return b.at(node, () => this.yieldExpression(node as ts.YieldExpression, discard));
      case SyntaxKind.AwaitExpression:
        return b.at(node, () => this.awaitExpression(node as ts.AwaitExpression, discard));
      case SyntaxKind.BinaryExpression:
        return this.binary(node as ts.BinaryExpression, discard);
      case SyntaxKind.ConditionalExpression:
        return this.conditional(node as ts.ConditionalExpression, discard);
      case SyntaxKind.CallExpression:
        return this.call(node as ts.CallExpression);
      case SyntaxKind.NewExpression:
        return this.newExpression(node as ts.NewExpression);
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression:
        return this.member(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
      case SyntaxKind.TemplateExpression:
        return this.template(node as ts.TemplateExpression);
      case SyntaxKind.TaggedTemplateExpression:
        return this.taggedTemplate(node as ts.TaggedTemplateExpression);
      case SyntaxKind.ArrayLiteralExpression:
        return ['[', ...this.list((node as ts.ArrayLiteralExpression).elements), ']'];
      case SyntaxKind.ObjectLiteralExpression:
        return this.objectLiteral(node as ts.ObjectLiteralExpression);
      case SyntaxKind.PrefixUnaryExpression:
      case SyntaxKind.PostfixUnaryExpression:
        return this.unary(node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression);
      case SyntaxKind.TypeOfExpression:
        return ['typeof ', ...paren(this.expression((node as ts.TypeOfExpression).expression))];
      case SyntaxKind.VoidExpression:
        return ['void ', ...paren(this.expression((node as ts.VoidExpression).expression))];
      case SyntaxKind.DeleteExpression:
        return this.deleteExpression(node as ts.DeleteExpression);
      case SyntaxKind.SpreadElement:
        return ['...', ...paren(this.expression((node as ts.SpreadElement).expression))];
      case SyntaxKind.ClassExpression:
        return this.classExpression(node as ts.ClassExpression);
      case SyntaxKind.JsxElement:
      case SyntaxKind.JsxSelfClosingElement:
      case SyntaxKind.JsxFragment:
        return this.jsx(node as JsxNode);
    }
    throw new UnsupportedError(node, `a suspension point inside ${describe(node)} is not supported`);
  }

  /** Keeps `code` in a temporary unless nothing can change its value. */
  spill(code: Code, name = '$t'): Code {
    if (isStable(code)) return code;
    const t = this.b.newTemp(name);
    this.b.assign(t, code);
    return [t];
  }

  private yieldExpression(node: ts.YieldExpression, discard: boolean): Code {
    const b = this.b;
    const operand = node.expression ? this.expression(node.expression) : undefined;
    if (node.asteriskToken) {
      const result =
        b.context.kind === 'asyncGenerator' ? b.delegateAsync(operand ?? UNDEFINED) : b.delegate(operand ?? UNDEFINED, delegationPosition(node, b.context.sourceFile));
      return discard ? [] : [result];
    }
    if (b.context.kind === 'asyncGenerator') {
      // Yield in an async generator: AsyncGeneratorYield(? Await(value)).
      b.awaitValue(operand ?? UNDEFINED);
      b.suspend([nameOperand(b.context.names.value)]);
    } else {
      b.suspend(operand);
    }
    return discard ? [] : this.resumedWith();
  }

  private awaitExpression(node: ts.AwaitExpression, discard: boolean): Code {
    this.b.awaitValue(this.expression(node.expression));
    return discard ? [] : this.resumedWith();
  }

  /**
   * What the machine was resumed with: the step function's `$value`, read
   * where it stands. It is not stable (the next resumption replaces it), so
   * whatever evaluates it before a later suspension point keeps it in a
   * temporary, as it keeps any other value that could change.
   */
  private resumedWith(): Code {
    return [nameOperand(this.b.context.names.value)];
  }

  /** Evaluates pieces in order, spilling each one that a later suspension could change. */
  private sequence(pieces: readonly Piece[]): Code[] {
    // Pieces before one kept are kept too: what they run comes before it.
    let last = -1;
    pieces.forEach((p, i) => {
      if (p.suspends || p.keep) last = i;
    });
    const kept: Code[] = [];
    for (const [i, p] of pieces.entries()) {
      const code = p.evaluate();
      kept.push(i >= last && !p.keep ? code : this.spill(p.settle ? p.settle(code, kept) : code));
    }
    return kept;
  }

  private piece(node: ts.Expression): Piece {
    return { suspends: this.b.suspends(node), evaluate: () => this.expression(node), settle: (code) => this.b.keptValue(node, code) };
  }

  /** A computed key: converted with ToPropertyKey where it stands, before what follows. */
  private keyPiece(node: ts.Expression): Piece {
    const runtime = this.b.context.names.runtime;
    return { ...this.piece(node), settle: (code) => [runtime.ref('toPropertyKey'), '(', ...code, ')'] };
  }

  /** Arguments or array elements, with spreads and holes; `keepAll` keeps each in a temporary, not only those before a suspension. */
  private list(elements: readonly ts.Expression[], keepAll = false): Code {
    const pieces: Piece[] = elements.map((e) => {
      if (ts.isSpreadElement(e)) {
        // A spread before a later suspension is iterated now, into an array of its own.
        return {
          suspends: this.b.suspends(e),
          evaluate: () => ['...', ...paren(this.expression(e.expression))],
        };
      }
      if (ts.isOmittedExpression(e)) return { suspends: false, evaluate: () => [] };
      return this.piece(e);
    });
    let last = -1;
    pieces.forEach((p, i) => {
      if (p.suspends) last = i;
    });
    const parts: Part[] = [];
    pieces.forEach((p, i) => {
      if (i) parts.push(', ');
      let code = p.evaluate();
      if ((i < last || keepAll) && code.length) {
        if (ts.isSpreadElement(elements[i])) code = ['...', ...this.spill(['[', ...code, ']'])];
        else code = this.spill(this.b.keptValue(elements[i], code));
      }
      parts.push(...code);
    });
    if (elements.length && ts.isOmittedExpression(elements[elements.length - 1])) parts.push(',');
    return parts;
  }

  private binary(node: ts.BinaryExpression, discard: boolean): Code {
    const op = node.operatorToken.kind;
    const b = this.b;
    if (op === SyntaxKind.CommaToken) {
      const left = this.expression(node.left, true);
      if (left.length && !isStable(left)) b.expressionStatement(left, startsLikeAnotherStatement(node.left));
      // Its value is no function definition: where the comma stood, nothing names it.
      return discard ? this.expression(node.right, true) : b.keptValue(node.right, this.expression(node.right));
    }
    if (op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.BarBarToken || op === SyntaxKind.QuestionQuestionToken) {
      const result = b.newTemp('$t');
      b.assign(result, b.keptValue(node.left, this.expression(node.left)));
      const end = b.newLabel();
      this.skipRightOperand(op, [result], end);
      b.assign(result, b.keptValue(node.right, this.expression(node.right)));
      b.mark(end);
      return [result];
    }
    if (op === SyntaxKind.EqualsToken) return this.assignment(node, discard);
    if (op >= SyntaxKind.FirstCompoundAssignment && op <= SyntaxKind.LastCompoundAssignment) {
      return this.compoundAssignment(node, discard);
    }
    // `#p in o`: a private name is no value to evaluate, and only stands where it is written.
    if (ts.isPrivateIdentifier(node.left)) return [node.left.text, ' in ', ...paren(this.expression(node.right))];
    const [left, right] = this.sequence([this.piece(node.left), this.piece(node.right)]);
    return [...paren(left), ' ', node.operatorToken.getText(b.context.sourceFile), ' ', ...paren(right)];
  }

  jumpOn(node: ts.Expression, when: boolean, target: Label): void {
    const b = this.b;
    const n = skipOuterExpression(node);
    // `!x` is a test of `x` the other way round; `a === b` tested false is `a !== b` tested true.
    if (ts.isPrefixUnaryExpression(n) && n.operator === SyntaxKind.ExclamationToken) return this.jumpOn(n.operand, !when, target);
    const flipped = ts.isBinaryExpression(n) && !when && !b.suspends(n) ? OPPOSITE_EQUALITY.get(n.operatorToken.kind) : undefined;
    if (flipped && ts.isBinaryExpression(n)) return b.branchIf([...b.render(n.left), ` ${flipped} `, ...b.render(n.right)], target);
    const condition = this.expression(node);
    if (when) b.branchIf(condition, target);
    else b.branch(condition, target);
  }

  /** `&&`, `||`, `??` and their assignments: jumps over the right operand when the left one decides. */
  private skipRightOperand(op: ts.SyntaxKind, left: Code, end: Label): void {
    if (op === SyntaxKind.AmpersandAmpersandToken) this.b.branch(left, end);
    else if (op === SyntaxKind.BarBarToken) this.b.branchIf(left, end);
    else this.b.branchIf([...left, ' != null'], end);
  }

  private conditional(node: ts.ConditionalExpression, discard: boolean): Code {
    const b = this.b;
    const otherwise = b.newLabel();
    const end = b.newLabel();
    this.jumpOn(node.condition, false, otherwise);
    const result = discard ? undefined : b.newTemp('$t');
    this.into(result, node.whenTrue);
    b.jump(end);
    b.mark(otherwise);
    this.into(result, node.whenFalse);
    b.mark(end);
    return result ? [result] : [];
  }

  private into(result: Variable | undefined, node: ts.Expression): void {
    const code = this.expression(node, result === undefined);
    if (result) this.b.assign(result, this.b.keptValue(node, code));
    else if (code.length && !isStable(code)) this.b.expressionStatement(code, startsLikeAnotherStatement(node));
  }

  /** A reference (identifier or property) whose object and key are evaluated now. */
  reference(node: ts.Expression): Reference {
    const b = this.b;
    node = skipOuterExpression(node);
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && node.expression.kind === SyntaxKind.SuperKeyword) {
      const accessor = b.context.superAccessor();
      if (!accessor) throw new UnsupportedError(node, "'super' outside a method");
      const key = ts.isPropertyAccessExpression(node) ? [literal(JSON.stringify(node.name.text))] : this.spill(this.expression(node.argumentExpression));
      return {
        read: () => [accessor, '(', ...key, ')'],
        write: (value) => b.statement([accessor, '(', ...key, ', ', ...value, ', true);']),
      };
    }
    if (ts.isPropertyAccessExpression(node) && !node.questionDotToken) {
      const object = this.spill(this.expression(node.expression));
      const name = node.name.getText(b.context.sourceFile);
      return {
        read: () => [...paren(object), '.', name],
        write: (value) => b.statement([...paren(object), '.', name, ' = ', ...value, ';']),
      };
    }
    if (ts.isElementAccessExpression(node) && !node.questionDotToken) {
      const [object, key] = this.sequence([this.piece(node.expression), this.piece(node.argumentExpression)]).map((c) =>
        this.spill(c),
      );
      return {
        read: () => [...paren(object), '[', ...key, ']'],
        write: (value) => b.statement([...paren(object), '[', ...key, '] = ', ...value, ';']),
      };
    }
    if (ts.isIdentifier(node)) {
      const target = b.render(node);
      const thrower = b.constantWrite(node);
      const deadZone = b.deadZoneWrite(node);
      return {
        read: () => (deadZone ? deadZone.read : target),
        write: (written) => {
          if (thrower) return b.statement([...written, ', ', ...thrower, ';']);
          const value = deadZone ? [...deadZone.beforeValue, ...written, ...deadZone.afterValue] : written;
          const part = target[0];
          if (target.length === 1 && isVariable(part)) b.assign(part, value);
          else b.statement([...target, ' = ', ...value, ';']);
        },
      };
    }
    throw new UnsupportedError(node, `a suspension point inside ${describe(node)} is not supported`);
  }

  /** Assigns `value` to an assignment target (identifier, member or destructuring pattern). */
  assignTo(target: ts.Expression | ts.ForInitializer, value: Code): void {
    const b = this.b;
    const node = skipOuterExpression(target as ts.Expression);
    if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node)) {
      if (b.suspends(node)) return b.destructure(node, value);
      b.statement(['(', ...b.render(node), ' = ', ...value, ');']);
      return;
    }
    this.reference(node).write(value);
  }

  private assignment(node: ts.BinaryExpression, discard: boolean): Code {
    const b = this.b;
    const left = skipOuterExpression(node.left);
    if (ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left)) {
      const value = b.suspends(left) ? this.spill(this.expression(node.right), '$source') : this.spill(this.expression(node.right));
      this.assignTo(left, value);
      return value;
    }
    const ref = this.reference(left);
    const value = this.expression(node.right);
    // Used, the value is kept in a temporary first.
    return this.writeResult(ref, discard ? value : this.b.keptValue(node.right, value), discard);
  }

  /** Writes `value` through `ref`; the expression's own value is what it wrote, kept unless discarded. */
  private writeResult(ref: Reference, value: Code, discard: boolean): Code {
    if (discard) {
      ref.write(value);
      return [];
    }
    const kept = this.spill(value);
    ref.write(kept);
    return kept;
  }

  private compoundAssignment(node: ts.BinaryExpression, discard: boolean): Code {
    const b = this.b;
    const op = node.operatorToken.kind;
    const ref = this.reference(node.left);
    if (
      op === SyntaxKind.AmpersandAmpersandEqualsToken ||
      op === SyntaxKind.BarBarEqualsToken ||
      op === SyntaxKind.QuestionQuestionEqualsToken
    ) {
      const result = b.newTemp('$t');
      b.assign(result, ref.read());
      const end = b.newLabel();
      const shortOp =
        op === SyntaxKind.AmpersandAmpersandEqualsToken
          ? SyntaxKind.AmpersandAmpersandToken
          : op === SyntaxKind.BarBarEqualsToken
            ? SyntaxKind.BarBarToken
            : SyntaxKind.QuestionQuestionToken;
      this.skipRightOperand(shortOp, [result], end);
      b.assign(result, b.keptValue(node.right, this.expression(node.right)));
      ref.write([result]);
      b.mark(end);
      return discard ? [] : [result];
    }
    const old = this.spill(ref.read());
    const right = this.expression(node.right);
    const operator = node.operatorToken.getText(b.context.sourceFile).slice(0, -1);
    return this.writeResult(ref, [...paren(old), ' ', operator, ' ', ...paren(right)], discard);
  }

  private unary(node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): Code {
    const op = ts.tokenToString(node.operator)!;
    if (node.operator === SyntaxKind.PlusPlusToken || node.operator === SyntaxKind.MinusMinusToken) {
      const reference = this.reference(node.operand);
      const operand = skipOuterExpression(node.operand);
      if ((ts.isPropertyAccessExpression(operand) || ts.isElementAccessExpression(operand)) && operand.expression.kind === SyntaxKind.SuperKeyword) {
        // A super property is read and written through its accessor, no place to update: the update works on a
        // copy (`++`/`--` apply ToNumeric once, a BigInt stays one), which is then written back.
        const b = this.b;
        const value = b.newTemp('$t');
        b.assign(value, reference.read());
        const result = b.newTemp('$t');
        b.statement([result, ' = ', ...(ts.isPrefixUnaryExpression(node) ? [op, value] : [value, op]), ';']);
        reference.write([value]);
        return [result];
      }
      // Updated in place: a binding that may be in its dead zone is checked first, as the update reads it.
      const deadZone = ts.isIdentifier(operand) ? this.b.deadZoneWrite(operand) : undefined;
      if (deadZone) this.b.statement([...deadZone.read, ';']);
      const target = ts.isIdentifier(operand) ? this.b.render(operand) : reference.read();
      return ts.isPrefixUnaryExpression(node) ? [op, ...target] : [...target, op];
    }
    return [op, ...paren(this.expression(node.operand))];
  }

  private member(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): Code {
    if (node.questionDotToken || isOptionalChainPart(node)) return this.optionalChain(node);
    return this.memberPart(node, undefined);
  }

  private memberPart(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, nullish: Label | undefined): Code {
    const b = this.b;
    // `super[yield k]`: the machine stands outside the method, where only its accessor reaches `super`.
    if (node.expression.kind === SyntaxKind.SuperKeyword) return this.reference(node).read();
    if (ts.isPropertyAccessExpression(node)) {
      let object = this.chainBase(node.expression, nullish);
      if (node.questionDotToken) object = this.nullCheck(object, nullish!);
      return [...paren(object), '.', node.name.getText(b.context.sourceFile)];
    }
    let object = this.chainBase(node.expression, nullish);
    if (node.questionDotToken) object = this.nullCheck(object, nullish!);
    if (b.suspends(node.argumentExpression)) object = this.spill(object);
    const key = this.expression(node.argumentExpression);
    return [...paren(object), '[', ...key, ']'];
  }

  private chainBase(node: ts.Expression, nullish: Label | undefined): Code {
    // `a?.b!.c`: TypeScript's `!` inside a chain erases to nothing, and the chain goes on through it.
    if (nullish && ts.isNonNullChain(node)) return this.chainBase(node.expression, nullish);
    if (nullish && isOptionalChainPart(node)) {
      if (ts.isCallExpression(node)) return this.callPart(node, nullish);
      if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.memberPart(node, nullish);
    }
    return this.expression(node);
  }

  private nullCheck(object: Code, nullish: Label): Code {
    const kept = this.spill(object);
    this.b.branchIf([...kept, ' == null'], nullish);
    return kept;
  }

  /** `a?.b(yield)`: the whole chain becomes undefined as soon as one `?.` meets null or undefined. */
  private optionalChain(node: ts.Expression): Code {
    const b = this.b;
    const result = b.newTemp('$t');
    const nullish = b.newLabel();
    const end = b.newLabel();
    const code = ts.isCallExpression(node)
      ? this.callPart(node, nullish)
      : this.memberPart(node as ts.PropertyAccessExpression | ts.ElementAccessExpression, nullish);
    b.assign(result, code);
    b.jump(end);
    b.mark(nullish);
    b.assign(result, UNDEFINED);
    b.mark(end);
    return [result];
  }

  /** `delete a?.b[k]` is true, deleting nothing, when the chain short-circuits; so is `delete` of a value. */
  private deleteExpression(node: ts.DeleteExpression): Code {
    const b = this.b;
    const operand = skipOuterExpression(node.expression);
    if (!ts.isPropertyAccessExpression(operand) && !ts.isElementAccessExpression(operand)) {
      // No reference to delete (an identifier holds no suspension point): the operand runs, and delete is true.
      const value = this.expression(node.expression, true);
      if (value.length && !isStable(value)) b.expressionStatement(value, startsLikeAnotherStatement(node.expression));
      return [literal('true')];
    }
    if (operand.expression.kind === SyntaxKind.SuperKeyword) {
      const key = ts.isPropertyAccessExpression(operand) ? [] : this.expression(operand.argumentExpression);
      return superDeleteCode(operand as ts.SuperProperty, key, b.context.names.runtime.ref('deleteSuperProperty'));
    }
    if (!isOptionalChainPart(operand) || endsChainAbove(node.expression)) return ['delete ', ...this.reference(node.expression).read()];
    const result = b.newTemp('$t');
    const nullish = b.newLabel();
    const end = b.newLabel();
    b.assign(result, ['delete ', ...this.memberPart(operand, nullish)]);
    b.jump(end);
    b.mark(nullish);
    b.assign(result, ['true']);
    b.mark(end);
    return [result];
  }

  /**
   * `(a?.b)(x)`: the parentheses end the chain, which becomes undefined by
   * itself when `a` is nullish; otherwise it is a reference, and the call's
   * `this` is its object. Calling undefined throws only once the arguments
   * are evaluated, so the short-circuit gives a function that throws that
   * TypeError when called, or undefined for an optional call
   * (`(a?.b)?.(x)`), which then short-circuits in turn.
   */
  private enclosedChainMember(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, optionalCall: boolean): { receiver: Code; fn: Code } {
    const b = this.b;
    const notAFunction = JSON.stringify(`${node.getText(b.context.sourceFile)} is not a function`);
    const fn = b.newTemp('$t');
    const nullish = b.newLabel();
    const end = b.newLabel();
    const object = this.chainBase(node.expression, nullish);
    const receiver = node.questionDotToken ? this.nullCheck(object, nullish) : this.spill(object);
    const member: Code = ts.isPropertyAccessExpression(node)
      ? [...paren(receiver), '.', node.name.getText(b.context.sourceFile)]
      : [...paren(receiver), '[', ...this.expression(node.argumentExpression), ']'];
    b.assign(fn, member);
    b.jump(end);
    b.mark(nullish);
    b.assign(fn, optionalCall ? UNDEFINED : [`function () { throw new TypeError(${notAFunction}); }`]);
    b.mark(end);
    return { receiver, fn: [fn] };
  }

  private call(node: ts.CallExpression): Code {
    if (node.questionDotToken || isOptionalChainPart(node)) return this.optionalChain(node);
    return this.callPart(node, undefined);
  }

  private callPart(node: ts.CallExpression, nullish: Label | undefined): Code {
    const b = this.b;
    const callee = skipOuterExpression(node.expression);
    // Where the engine reports the call: before each place it may report the lowered one.
    const at = callPosition(node, b.context.sourceFile);
    const argumentsSuspend = node.arguments.some((a) => b.suspends(a));
    if (callee.kind === SyntaxKind.SuperKeyword) {
      // Only an arrow of a derived class's constructor can hold one (an early error elsewhere).
      const call = b.context.superCall();
      if (!call) throw new UnsupportedError(node, 'super() outside an arrow function of a derived class constructor');
      const args = this.list(node.arguments);
      return [at, call, at, '(', ...args, ')'];
    }
    // `import(…)` has no callee to evaluate first: its arguments are its only operands.
    if (callee.kind === SyntaxKind.ImportKeyword) return [at, 'import(', ...this.list(node.arguments), ')'];
    if ((ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && callee.expression.kind === SyntaxKind.SuperKeyword) {
      let fn = this.spill(b.suspends(callee) ? this.reference(callee).read() : b.render(callee));
      if (node.questionDotToken) fn = this.nullCheck(fn, nullish!);
      const args = this.list(node.arguments);
      return [...paren(fn), '.', at, 'call(', ...b.thisCode(), ...(args.length ? [', ', ...args] : []), ')'];
    }
    if ((ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && isOptionalChainPart(callee) && endsChainAbove(node.expression)) {
      const optionalCall = node.questionDotToken !== undefined;
      const { receiver, fn: member } = this.enclosedChainMember(callee, optionalCall);
      const fn = optionalCall ? this.nullCheck(member, nullish!) : member;
      const args = this.list(node.arguments);
      return [...paren(fn), '.', at, 'call(', ...receiver, ...(args.length ? [', ', ...args] : []), ')'];
    }
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
      let receiver = this.chainBase(callee.expression, nullish);
      if (callee.questionDotToken) receiver = this.nullCheck(receiver, nullish!);
      const keySuspends = ts.isElementAccessExpression(callee) && b.suspends(callee.argumentExpression);
      if (!argumentsSuspend && !keySuspends && !node.questionDotToken) {
        const member: Code = ts.isPropertyAccessExpression(callee)
          ? [...paren(receiver), '.', at, callee.name.getText(b.context.sourceFile)]
          : [...paren(receiver), '[', ...b.render(callee.argumentExpression), ']'];
        return [...member, at, '(', ...this.list(node.arguments), ')'];
      }
      receiver = this.spill(receiver);
      let fn: Code = ts.isPropertyAccessExpression(callee)
        ? [...paren(receiver), '.', callee.name.getText(b.context.sourceFile)]
        : [...paren(receiver), '[', ...this.expression(callee.argumentExpression), ']'];
      fn = this.spill(fn);
      if (node.questionDotToken) fn = this.nullCheck(fn, nullish!);
      const args = this.list(node.arguments);
      return [...paren(fn), '.', at, 'call(', ...receiver, ...(args.length ? [', ', ...args] : []), ')'];
    }
    if (argumentsSuspend && isDirectEval(node, b.context.scopes.resolved)) return this.directEval(node, at);
    let fn = this.chainBase(callee === node.expression ? callee : node.expression, nullish);
    if (node.questionDotToken) fn = this.nullCheck(fn, nullish!);
    else if (argumentsSuspend) fn = this.spill(fn);
    // A plain call keeps `this` undefined, also when the callee now lives in the frame.
    return [at, ...paren(calleeOf(fn)), at, '(', ...this.list(node.arguments), ')'];
  }

  /**
   * A direct eval whose arguments suspend. Its callee is read before them, as
   * any callee is, but a call through that temporary would be an indirect
   * eval: only a call written `eval(…)` runs code in this scope. The call is
   * direct when the value read is %eval%; it is written `eval(…)` when that
   * value is still what `eval` names, and a plain call otherwise. (Arguments
   * that rebind the global `eval` away from %eval% make it a plain call
   * where the engine still evaluates directly.)
   */
  private directEval(node: ts.CallExpression, at: Part): Code {
    const fn = this.spill(this.chainBase(node.expression, undefined));
    // Both branches name the arguments: each is in a temporary, its code written once.
    const args = this.list(node.arguments, true);
    return ['(', ...fn, ' === eval ? ', at, 'eval(', ...args, ') : ', ...paren(calleeOf(fn)), at, '(', ...args, '))'];
  }

  private newExpression(node: ts.NewExpression): Code {
    const args = node.arguments ?? [];
    const [callee] = this.sequence([this.piece(node.expression), { suspends: args.some((a) => this.b.suspends(a)), evaluate: () => [] }]);
    return [callPosition(node, this.b.context.sourceFile), 'new ', ...paren(callee), '(', ...this.list(args), ')'];
  }

  private template(node: ts.TemplateExpression): Code {
    const b = this.b;
    const text = b.context.sourceFile.text;
    const headText = text.slice(node.head.getStart(b.context.sourceFile) + 1, node.head.end - 2);
    let prefix: Code | undefined;
    let current: Part[] = ['`' + headText];
    node.templateSpans.forEach((span) => {
      if (b.suspends(span.expression) && (current.length > 1 || current[0] !== '`')) {
        // ToString of the earlier substitutions happens before this one is evaluated.
        const done: Code = prefix ? [...prefix, ' + ', ...current, '`'] : [...current, '`'];
        prefix = this.spill(done);
        current = ['`'];
      }
      const literal = span.literal;
      const start = literal.getStart(b.context.sourceFile) + 1;
      const end = ts.isTemplateTail(literal) ? literal.end - 1 : literal.end - 2;
      current.push('${', ...this.expression(span.expression), '}' + text.slice(start, end));
    });
    const last: Code = [...current, '`'];
    return prefix ? [...prefix, ' + ', ...last] : last;
  }

  private taggedTemplate(node: ts.TaggedTemplateExpression): Code {
    const b = this.b;
    const sf = b.context.sourceFile;
    const text = sf.text;
    const tag = skipOuterExpression(node.tag);
    let receiver: Code | undefined;
    let fn: Code;
    if ((ts.isPropertyAccessExpression(tag) || ts.isElementAccessExpression(tag)) && tag.expression.kind !== SyntaxKind.SuperKeyword) {
      receiver = this.spill(this.expression(tag.expression));
      fn = this.spill(
        ts.isPropertyAccessExpression(tag)
          ? [...paren(receiver), '.', tag.name.getText(sf)]
          : [...paren(receiver), '[', ...this.expression(tag.argumentExpression), ']'],
      );
    } else {
      fn = this.spill(this.expression(tag));
      // `super.tag\`…\`` calls the tag with the method's `this`, as `super.m()` does.
      if ((ts.isPropertyAccessExpression(tag) || ts.isElementAccessExpression(tag)) && tag.expression.kind === SyntaxKind.SuperKeyword) receiver = b.thisCode();
    }
    const template = node.template;
    // One lowered site per original site keeps the template object's identity per site.
    let strings = '(function (s) { return s; })';
    if (ts.isTemplateExpression(template)) {
      strings += '`' + text.slice(template.head.getStart(sf) + 1, template.head.end - 2);
      for (const span of template.templateSpans) {
        const start = span.literal.getStart(sf) + 1;
        const end = ts.isTemplateTail(span.literal) ? span.literal.end - 1 : span.literal.end - 2;
        strings += '${0}' + text.slice(start, end);
      }
      strings += '`';
    } else {
      // No substitution: the suspension point is in the tag, already evaluated.
      strings += template.getText(sf);
    }
    const stringsTemp = this.spill([strings]);
    const spans = ts.isTemplateExpression(template) ? template.templateSpans : [];
    const args = this.sequence(spans.map((s) => this.piece(s.expression)));
    const argParts: Part[] = [];
    for (const a of args) argParts.push(', ', ...a);
    const at = callPosition(node, sf);
    if (receiver) return [...paren(fn), '.', at, 'call(', ...receiver, ', ', ...stringsTemp, ...argParts, ')'];
    return [at, ...paren(calleeOf(fn)), at, '(', ...stringsTemp, ...argParts, ')'];
  }

  /**
   * A class whose decorators, `extends` or computed keys hold a suspension
   * point: those are evaluated first, in the order of the text (the class's
   * decorators, `extends`, then each member's decorators, key through
   * ToPropertyKey, and parameters' decorators), then the class is made from
   * the results. Decorators after the last suspension point stay where they
   * are written, evaluated as TypeScript's emit of them orders them. Member
   * bodies cannot suspend.
   */
  classExpression(node: ts.ClassLikeDeclaration): Code {
    const b = this.b;
    if (!b.suspends(node)) return b.render(node);
    const parts: { node: ts.Node; piece: Piece; decorator?: true }[] = [];
    const addDecorators = (of: ts.Node) => {
      for (const { expression } of decoratorsOf(of)) parts.push({ node: expression, piece: this.piece(expression), decorator: true });
    };
    addDecorators(node);
    for (const clause of node.heritageClauses ?? []) {
      for (const type of clause.types) parts.push({ node: type.expression, piece: this.piece(type.expression) });
    }
    for (const member of node.members) {
      addDecorators(member);
      if (member.name && ts.isComputedPropertyName(member.name)) {
        parts.push({ node: member.name.expression, piece: this.keyPiece(member.name.expression) });
      }
      if (isFunctionLike(member)) for (const parameter of member.parameters) addDecorators(parameter);
      if (ts.isPropertyDeclaration(member) && member.initializer && b.suspends(member.initializer)) {
        throw new UnsupportedError(member.initializer, 'yield inside a class field initializer is not allowed');
      }
    }
    let last = -1;
    parts.forEach((p, i) => {
      if (p.piece.suspends) last = i;
    });
    const evaluated = parts.filter((p, i) => !p.decorator || i <= last);
    const ownName = node.name && this.ownNameOutsideClass(evaluated.map((p) => p.node), node);
    // Every key is settled before the class exists, as ClassDefinitionEvaluation orders them.
    const codes: Code[] = [];
    for (const { piece } of evaluated) {
      const code = piece.evaluate();
      codes.push(this.spill(piece.settle ? piece.settle(code, codes) : code));
    }
    evaluated.forEach((p, i) => b.overrides.set(p.node, codes[i]));
    if (!ownName) return b.render(node);
    b.assign(ownName, b.render(node));
    return [ownName];
  }

  /**
   * The class's own name, read by its `extends` clause or a computed key.
   * Evaluated outside the class, the name would be another binding's. A
   * direct read runs while the name is in its dead zone: it becomes the
   * ReferenceError. A closure made there reads it later: it reads a frame
   * field the machine sets once the class exists (the name is immutable, so
   * a copy is the binding). Returns that field, if a closure needs one.
   */
  private ownNameOutsideClass(parts: readonly ts.Node[], cls: ts.ClassLikeDeclaration): Variable | undefined {
    const b = this.b;
    const runtime = b.context.names.runtime;
    let field: Variable | undefined;
    const visit = (n: ts.Node, inClosure: boolean): void => {
      if (ts.isIdentifier(n) && b.context.scopes.resolved.get(n)?.scope.node === cls) {
        if (!inClosure) {
          b.overrides.set(n, [runtime.ref('checkInitialized'), '(', runtime.ref('uninitialized'), ', ', JSON.stringify(n.text), ')']);
        } else {
          if (!field) {
            field = b.newTemp('$class');
            field.captured = true;
          }
          b.overrides.set(n, [field]);
        }
      }
      ts.forEachChild(n, (child) => visit(child, inClosure || ts.isFunctionLike(n) || ts.isClassLike(n)));
    };
    for (const part of parts) visit(part, false);
    return field;
  }

  /**
   * An object literal: its computed keys (through ToPropertyKey), values and
   * spreads (copied where they stand) are evaluated in order, then the
   * literal is rendered whole with their results in place, so that methods,
   * accessors and shorthand properties are written as in any other literal.
   */
  private objectLiteral(node: ts.ObjectLiteralExpression): Code {
    const b = this.b;
    const parts: { node: ts.Node; piece: Piece }[] = [];
    for (const property of node.properties) {
      if (property.name && ts.isComputedPropertyName(property.name)) {
        // A lowered suspend function named after the key gets that name through its link, which reads the key again.
        const keep = ts.isPropertyAssignment(property) && computedNameKey(property.initializer) !== undefined && !!suspendKindOf(skipOuter(property.initializer));
        parts.push({ node: property.name.expression, piece: { ...this.keyPiece(property.name.expression), keep } });
      }
      if (ts.isPropertyAssignment(property)) {
        const piece = this.piece(property.initializer);
        const settle = this.namedWhereKept(property.initializer, parts.length - 1) ?? piece.settle;
        parts.push({ node: property.initializer, piece: { ...piece, settle } });
      } else if (ts.isShorthandPropertyAssignment(property)) {
        parts.push({ node: property.name, piece: this.piece(property.name) });
      } else if (ts.isSpreadAssignment(property)) {
        // Copied now, so a later suspension cannot change what the spread saw.
        const piece = { ...this.piece(property.expression), settle: (source: Code) => ['{...', ...paren(source), '}'] };
        parts.push({ node: property.expression, piece });
      }
    }
    const codes = this.sequence(parts.map((p) => p.piece));
    parts.forEach((p, i) => b.overrides.set(p.node, codes[i]));
    return b.context.linkedObject(node, ['(', ...b.render(node), ')']);
  }

  /**
   * A JSX element or fragment: its parts that run code (jsx.ts) are
   * evaluated in order, then it is written again as JSX with their results
   * in place. A tag kept in a temporary is written as that temporary
   * (`$t0`, `$frame.$t0`: names JSX reads as values, not intrinsic tags) in
   * the opening and closing tag alike; a nested element kept in one becomes
   * `{$t0}`.
   */
  private jsx(node: JsxNode): Code {
    const b = this.b;
    const parts = jsxParts(node);
    const codes = this.sequence(parts.map((part) => this.jsxPiece(part)));
    parts.forEach((part, i) => {
      const code = codes[i];
      const kept = code.length === 1 && isVariable(code[0]);
      b.overrides.set(part.node, part.kind === 'element' && kept ? ['{', ...code, '}'] : code);
      if (part.kind === 'tag' && part.closing) b.overrides.set(part.closing, code);
    });
    return b.render(node);
  }

  private jsxPiece(part: JsxPart): Piece {
    const piece = this.piece(part.node);
    switch (part.kind) {
      case 'value': {
        // The transform makes the attribute a property: an anonymous function there is named after it.
        const named = part.name !== undefined && isAnonymousFunctionDefinition(part.node) && !suspendKindOf(skipOuter(part.node));
        if (!named) return piece;
        const [before, after] = namingText(part.name!);
        return { ...piece, settle: (code) => [before, ...code, after] };
      }
      case 'spreadAttribute':
        // Copied where the props object would copy it, so a later suspension cannot change what it saw.
        return { ...piece, settle: (code) => ['{...', ...paren(code), '}'] };
      case 'spreadChild':
        return { ...piece, settle: (code) => ['[...', ...paren(code), ']'] };
      default:
        return piece;
    }
  }

  /**
   * A property's anonymous function kept in a temporary leaves the place
   * that names it: it is named where it is kept, after its key (the piece at
   * `keyAt` when the key is computed). A lowered suspend function names its
   * own wrapper (by its link, which under a computed key reads the key kept
   * for it, `OuterMachine.keptKey`).
   */
  private namedWhereKept(value: ts.Expression, keyAt: number): Piece['settle'] {
    const source = namedEvaluationName(value);
    if (!source || suspendKindOf(skipOuter(value))) return undefined;
    if (source.kind === 'computed') return (code, earlier) => namedByKey(earlier[keyAt], code);
    const [before, after] = namingText(source.name);
    return (code) => [before, ...code, after];
  }
}


/** The expression under parentheses and TypeScript's type-only wrappers. */
export function skipOuter<T extends ts.Node>(node: T): ts.Node {
  let n: ts.Node = node;
  while (isParenthesesOrTypeWrapper(n)) n = (n as ts.ParenthesizedExpression).expression;
  return n;
}

function skipOuterExpression(node: ts.Expression): ts.Expression {
  return skipOuter(node) as ts.Expression;
}

/** Whether parentheses or a type wrapper other than a chain's own `!` stand around what `node` wraps, ending a chain inside. */
function endsChainAbove(node: ts.Expression): boolean {
  let n: ts.Node = node;
  while (isParenthesesOrTypeWrapper(n)) {
    if (!ts.isNonNullChain(n)) return true;
    n = n.expression;
  }
  return false;
}

function isOptionalChainPart(node: ts.Node): boolean {
  return (node.flags & ts.NodeFlags.OptionalChain) !== 0;
}

function describe(node: ts.Node): string {
  return ts.SyntaxKind[node.kind].replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
