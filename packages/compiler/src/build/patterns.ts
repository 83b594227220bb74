/**
 * Destructuring whose pattern holds a suspension point (a `yield` in a
 * default or a computed key), taken apart step by step.
 *
 * ## Example
 * ```js
 * const [a = yield 'default'] = list;
 * ```
 * becomes: get the iterator, step it once (an exhausted or throwing iterator
 * is marked done), if the value is undefined yield for the default, bind
 * `a`; an abrupt exit (a throw, or `return()` at that yield) closes the
 * iterator unless it is done; the normal end closes it too.
 *
 * ## Implementation
 * Object patterns read each property in turn (a computed key through
 * ToPropertyKey first); an assignment target's reference is evaluated before
 * its value is read, as the spec orders it. The keys read so far are the
 * excluded keys of a rest element (`$coro.copyDataProperties`), a computed
 * one by the temporary that holds it, so no key is evaluated twice. Array
 * patterns run inside a region whose finally closes the iterator
 * (`withIteratorClose`, the same close as `for-of`).
 * Patterns without a suspension point are left to the engine as a single
 * destructuring assignment (rendering.ts, `bind`).
 *
 * ## References
 * ECMAScript 2025, 8.6.2 BindingInitialization and 8.6.3
 * IteratorBindingInitialization; 13.15.5 DestructuringAssignmentEvaluation;
 * 7.4.11 IteratorClose; RestBindingInitialization,
 * RestDestructuringAssignmentEvaluation and CopyDataProperties.
 */
import { UNDEFINED, literal } from '../ir';
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import type { Code, Variable } from '../ir';
import { DiagnosticCode, UnsupportedError } from '../diagnostics';
import type { Builder } from './builder';
import { skipOuter } from './expressions';

export class Destructurer {
  constructor(private readonly b: Builder) {}

  /**
   * Destructuring whose pattern holds a suspension point (a default or a
   * computed key): taken apart step by step, in the spec's order, closing
   * the iterator of an array pattern when it ends early.
   */
  destructure(target: ts.BindingName | ts.Expression, value: Code): void {
    const node = ts.isIdentifier(target) ? target : skipOuter(target);
    if (ts.isObjectBindingPattern(node) || ts.isObjectLiteralExpression(node)) return this.destructureObject(node, value);
    if (ts.isArrayBindingPattern(node) || ts.isArrayLiteralExpression(node)) return this.destructureArray(node, value);
    if (ts.isIdentifier(node) && isBindingName(node)) return this.b.bind(node, value);
    this.b.expressions.reference(node as ts.Expression).write(value);
  }

  /** An element target, its default, and the value it receives: written in spec order. */
  private destructureElement(target: ts.BindingName | ts.Expression, initializer: ts.Expression | undefined, read: () => Code): void {
    const node = ts.isIdentifier(target) ? target : skipOuter(target);
    const isPattern =
      ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node) || ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node);
    // An assignment target's reference is evaluated before its value is read.
    const reference = isPattern || isBindingName(node) ? undefined : this.b.expressions.reference(node as ts.Expression);
    const v = this.b.newTemp('$element');
    this.b.assign(v, read());
    if (initializer) {
      const done = this.b.newLabel();
      this.b.branchIf([v, ' !== void 0'], done);
      this.b.assign(v, this.b.keptValue(initializer, this.b.expressions.expression(initializer)));
      this.b.mark(done);
    }
    if (reference) reference.write([v]);
    else this.destructure(node as ts.BindingName | ts.Expression, [v]);
  }

  private destructureObject(pattern: ts.ObjectBindingPattern | ts.ObjectLiteralExpression, value: Code): void {
    const source = this.b.newTemp('$source');
    this.b.assign(source, value);
    // RequireObjectCoercible, with the engine's own error.
    this.b.statement(['({} = ', source, ');']);
    const elements: ts.NodeArray<ts.BindingElement | ts.ObjectLiteralElementLike> = ts.isObjectBindingPattern(pattern)
      ? pattern.elements
      : pattern.properties;
    // The property keys destructured so far, as the spec's excludedNames list: a rest element copies the others.
    const excluded: Code[] = [];
    elements.forEach((element, index) => {
      let key: ts.PropertyName;
      let target: ts.BindingName | ts.Expression;
      let initializer: ts.Expression | undefined;
      if ((ts.isBindingElement(element) && element.dotDotDotToken) || ts.isSpreadAssignment(element)) {
        // TypeScript's parser leaves these early errors to its checker.
        if (index !== elements.length - 1 || elements.hasTrailingComma) {
          throw new UnsupportedError(element, 'a rest element must be last in a destructuring pattern', DiagnosticCode.SyntaxError);
        }
        return this.destructureRest(ts.isBindingElement(element) ? element.name : element.expression, source, excluded);
      }
      if (ts.isBindingElement(element)) {
        key = element.propertyName ?? (element.name as ts.Identifier);
        target = element.name;
        initializer = element.initializer;
      } else if (ts.isPropertyAssignment(element)) {
        key = element.name;
        const init = element.initializer;
        if (ts.isBinaryExpression(init) && init.operatorToken.kind === SyntaxKind.EqualsToken) {
          target = init.left;
          initializer = init.right;
        } else {
          target = init;
        }
      } else if (ts.isShorthandPropertyAssignment(element)) {
        key = element.name;
        target = element.name;
        initializer = element.objectAssignmentInitializer;
      } else {
        throw new UnsupportedError(element, 'a method or accessor is not a destructuring target', DiagnosticCode.SyntaxError);
      }
      let access: Code;
      if (ts.isComputedPropertyName(key)) {
        const k = this.b.newTemp('$key');
        this.b.assign(k, [this.b.context.names.runtime.ref('toPropertyKey'), '(', ...this.b.expressions.expression(key.expression), ')']);
        access = [source, '[', k, ']'];
        excluded.push([k]);
      } else if (ts.isIdentifier(key) || ts.isPrivateIdentifier(key)) {
        access = [source, '.', key.text];
        excluded.push([literal(JSON.stringify(key.text))]);
      } else {
        access = [source, '[', key.getText(this.b.context.sourceFile), ']'];
        excluded.push([literalPropertyKey(key, this.b.context.sourceFile)]);
      }
      this.destructureElement(target, initializer, () => access);
    });
  }

  /**
   * RestBindingInitialization and RestDestructuringAssignmentEvaluation: the
   * target's reference first, then a fresh object with the source's other own
   * enumerable properties, then the write.
   */
  private destructureRest(target: ts.BindingName | ts.Expression, source: Variable, excluded: readonly Code[]): void {
    const node = ts.isIdentifier(target) ? target : skipOuter(target);
    const keys = excluded.flatMap((key, i) => (i ? [', ', ...key] : key));
    const copy: Code = [this.b.context.names.runtime.ref('copyDataProperties'), '(', source, ', [', ...keys, '])'];
    if (isBindingName(node)) return this.b.bind(node, copy);
    // Never a pattern nor an optional chain: early errors TypeScript's parser does not report.
    const simple = ts.isIdentifier(node) || ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && !ts.isOptionalChain(node));
    if (!simple) {
      throw new UnsupportedError(target, "an object rest element's target must be an identifier or a property", DiagnosticCode.SyntaxError);
    }
    this.b.expressions.reference(node as ts.Expression).write(copy);
  }

  private destructureArray(pattern: ts.ArrayBindingPattern | ts.ArrayLiteralExpression, value: Code): void {
    const rt = this.b.context.names.runtime;
    const iterator = this.b.newVariable('$iterator', 'iterator');
    const next = this.b.newVariable('$next', 'iterator');
    const done = this.b.newTemp('$done');
    const step = this.b.newTemp('$step');
    this.b.assign(iterator, [rt.ref('getIterator'), '(', ...value, ')']);
    this.b.assign(next, [iterator, '.next']);
    this.b.assign(done, [literal('false')]);
    const after = this.b.newLabel();
    const fin = this.b.newFinally(after);
    // IteratorStep: a throwing next() or done getter leaves the iterator done, and so not closed.
    const stepCode = (onValue: Code): Code => [
      'if (!', done, ') { ', done, ' = true; ', step, ' = ', rt.ref('iteratorNext'), '(', iterator, ', ', next, '); ',
      'if (!', step, '.done) { ', ...onValue, done, ' = false; } }',
    ];
    this.b.withIteratorClose(fin, iterator, { async: false, done, then: after }, () => {
      for (const element of pattern.elements) {
        if (ts.isOmittedExpression(element)) {
          this.b.statement(stepCode([]));
          continue;
        }
        const rest = ts.isBindingElement(element) ? element.dotDotDotToken !== undefined : ts.isSpreadElement(element);
        if (rest) {
          const items = this.b.newTemp('$rest');
          const target = ts.isBindingElement(element) ? element.name : (element as ts.SpreadElement).expression;
          const reference = isBindingName(target) || !ts.isExpression(target) || isPatternNode(target) ? undefined : this.b.expressions.reference(target);
          this.b.assign(items, ['[]']);
          this.b.statement(['while (!', done, ') ', ...stepCode([items, '.push(', step, '.value); '])]);
          if (reference) reference.write([items]);
          else this.destructure(target, [items]);
          continue;
        }
        let target: ts.BindingName | ts.Expression;
        let initializer: ts.Expression | undefined;
        if (ts.isBindingElement(element)) {
          target = element.name;
          initializer = element.initializer;
        } else if (ts.isBinaryExpression(element) && element.operatorToken.kind === SyntaxKind.EqualsToken) {
          target = element.left;
          initializer = element.right;
        } else {
          target = element as ts.Expression;
        }
        const item = this.b.newTemp('$item');
        this.destructureElement(target, initializer, () => {
          this.b.assign(item, UNDEFINED);
          this.b.statement(stepCode([item, ' = ', step, '.value; ']));
          return [item];
        });
      }
    });
    this.b.mark(after);
    this.b.statement(['if (!', done, ') ', rt.ref('closeIterator'), '(', iterator, ');']);
  }
}

function isPatternNode(node: ts.Node): boolean {
  const n = skipOuter(node);
  return ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n) || ts.isObjectLiteralExpression(n) || ts.isArrayLiteralExpression(n);
}

/** An identifier that declares a binding (in a declaration or binding pattern), not an assignment target. */
function isBindingName(node: ts.Node): node is ts.Identifier {
  if (!ts.isIdentifier(node)) return false;
  const parent = node.parent;
  return (ts.isVariableDeclaration(parent) || ts.isBindingElement(parent) || ts.isParameter(parent)) && parent.name === node;
}

/**
 * A literal property name as the property key it denotes (PropName, then
 * ToString for a number): `1.0` and `0x1` both name `"1"`, `1n` names `"1"`.
 */
function literalPropertyKey(key: ts.StringLiteral | ts.NumericLiteral | ts.BigIntLiteral | ts.NoSubstitutionTemplateLiteral, sourceFile: ts.SourceFile): string {
  if (ts.isNumericLiteral(key)) return JSON.stringify(String(Number(key.text)));
  if (ts.isBigIntLiteral(key)) return JSON.stringify(String(BigInt(key.text.slice(0, -1))));
  return key.getText(sourceFile);
}
