/**
 * Compound assignments, updates, destructuring writes and deletes of a
 * `super` property in code a machine renders as written (no suspension point
 * in it; a delete also where one is).
 *
 * ## Example
 * ```js
 * async m() { super.hits += 1; return super.count++; }
 * ```
 * A lowered method reaches `super` through its accessor
 * `$super(key, value, write)`, which reads `super[key]` or sets it with the
 * method's `this` as receiver. Each form becomes one arrow called with the
 * key, so the key is evaluated once:
 * ```js
 * (($key) => $super($key, $super($key) + (1), true))("hits");
 * return (($key, $value, $result) => ($value = $super($key), $result = $value++, $super($key, $value, true), $result))("count");
 * ```
 * A destructuring target (`[super.a] = list`) becomes a setter of an object
 * made with the key: `[(($key) => ({ set v($value) { $super($key, $value, true); } }))("a").v] = list`.
 * `delete super[k]` evaluates the key and then throws, as natively; the
 * accessor cannot delete, so a runtime function throws the ReferenceError:
 * `(k, $coro.deleteSuperProperty())`.
 *
 * ## Implementation
 * The order is the specification's: the key, the read, the right operand
 * (only when a logical operator does not short-circuit), the write. The
 * right operand holds no `yield` or `await` (rendered code never does), so
 * it may move into the arrow, which keeps `this`, `arguments` and
 * `new.target`. `$value++` applies ToNumeric once (a BigInt stays one), as
 * the update expressions do. Forms with a suspension point in them are
 * lowered by build/expressions.ts through temporaries instead.
 *
 * ## References
 * ECMAScript 2025, 13.15.2 AssignmentExpression evaluation (compound and
 * logical assignment); 13.15.5.5 IteratorDestructuringAssignmentEvaluation
 * (a target's reference is evaluated before its value is taken); 13.4
 * Update Expressions; 13.3.7 The super Keyword; 13.5.1.2 The delete
 * operator (a super reference throws, after its key is evaluated and
 * before ToPropertyKey).
 */
import ts from 'typescript';
import type { Code, Part } from './ir';
import { SyntaxKind } from './syntax-kind';
import { expressionWriteOf } from './early-errors/assignment-targets';

/**
 * A super property as the target of a destructuring assignment or a
 * for-in/of head: a setter of a small object made when the target is
 * evaluated (so the key is evaluated then), which the assignment calls.
 */
export function superTargetCode(accessor: Part, key: Code, freshName: (preferred: string) => string): Code {
  const k = freshName('$key');
  const value = freshName('$value');
  return ['((', k, ') => ({ set v(', value, ') { ', accessor, '(', k, ', ', value, ', true); } }))(', ...key, ').v'];
}

/**
 * `delete super.x` or `delete super[key]`: the key (a property name's needs no
 * evaluation) and then the thrower, `deleteSuperProperty` of the runtime.
 */
export function superDeleteCode(node: ts.SuperProperty | ts.SuperElementAccessExpression, key: Code, thrower: Part): Code {
  return ts.isPropertyAccessExpression(node) ? [thrower, '()'] : ['(', ...key, ', ', thrower, '())'];
}

/** The super property a compound assignment or an update writes, if it writes one. */
export function superUpdateTarget(node: ts.Node): ts.SuperProperty | ts.SuperElementAccessExpression | undefined {
  const write = expressionWriteOf(node);
  if (!write || write.plain) return undefined;
  const target = write.target;
  if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && target.expression.kind === SyntaxKind.SuperKeyword) {
    return target as ts.SuperProperty | ts.SuperElementAccessExpression;
  }
  return undefined;
}

/**
 * The code of a compound assignment or update of a super property: `accessor` is the method's super
 * accessor, `key` the property key's code, `right` the rendered right operand (assignments only).
 */
export function superUpdateCode(
  node: ts.BinaryExpression | ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
  accessor: Part,
  key: Code,
  right: Code | undefined,
  freshName: (preferred: string) => string,
  sourceFile: ts.SourceFile,
): Code {
  const k = freshName('$key');
  const get: Code = [accessor, '(', k, ')'];
  const set = (value: Code): Code => [accessor, '(', k, ', ', ...value, ', true)'];
  const call = (parameters: string[], body: Code): Code => ['((', parameters.join(', '), ') => ', ...body, ')(', ...key, ')'];
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.getText(sourceFile).slice(0, -1);
    const value: Code = ['(', ...right!, ')'];
    if (operator === '&&' || operator === '||' || operator === '??') return call([k], [...get, ` ${operator} `, ...set(value)]);
    return call([k], set([...get, ` ${operator} `, ...value]));
  }
  const value = freshName('$value');
  const op = ts.tokenToString(node.operator)!;
  if (ts.isPrefixUnaryExpression(node)) return call([k, value], ['(', value, ' = ', ...get, ', ', ...set([op, value]), ')']);
  // `$value++` gives the read value as a number (or BigInt) and leaves the new one in `$value`.
  const result = freshName('$result');
  return call([k, value, result], ['(', value, ' = ', ...get, ', ', result, ' = ', value, op, ', ', ...set([value]), ', ', result, ')']);
}
