/**
 * Dynamic scope: a suspend function whose names are resolved at run time,
 * by a direct `eval` or a `with` statement in it (nested functions included).
 *
 * ## Example
 * ```js
 * function* g(a) { var x = 1; yield eval("a + x"); with (o) yield x; }
 * ```
 * `eval`'s code may read or write `a` and `x` by name, and inside the `with`
 * `x` may be `o.x`: no binding of `g` may be renamed or moved into a frame
 * field.
 *
 * ## Implementation
 * Scope analysis (scope.ts) notes the constructs in its walk and says which
 * one makes a function's scope dynamic (`ScopeInfo.dynamicScope`).
 * By default (`evalAndWith: 'lower'`) such a function keeps its bindings as
 * real variables: the layout stores them in the per-call scope (layout.ts,
 * `BindingStorage`), the wrapper declares them, and the step function is an
 * arrow made per call inside the wrapper, so `this`, `arguments` and the
 * parameters are the wrapper's own. The machine's own state stays in the
 * frame. With `evalAndWith: 'refuse'` the construct is a diagnostic
 * (`CORO1003`, `CORO1004`), as it is in a coroutine, whose frame is a task
 * linked to one step function made once.
 *
 * ## References
 * ECMAScript 2025, 19.2.1.1 PerformEval, 19.2.1.3 EvalDeclarationInstantiation;
 * 14.11 The `with` Statement; 9.1.1.2 Object Environment Records.
 */
import ts from 'typescript';
import { DiagnosticCode, UnsupportedError } from './diagnostics';
import type { SuspendKind } from './suspend-kind';
import { skipParenthesesAndTypes } from './type-wrappers';

/** What a function containing direct `eval` or `with` becomes: lowered with its bindings as real variables, or refused. */
export type EvalAndWith = 'lower' | 'refuse';

/** A `with` statement, or a call that is a direct `eval` unless a binding of the function names `eval`. */
export type DynamicScopeCandidate = ts.CallExpression | ts.WithStatement;

/** Whether scope analysis, which walks every node of the function, notes `node` for {@link firstDynamicScope}. */
export function isDynamicScopeCandidate(node: ts.Node): node is DynamicScopeCandidate {
  return ts.isWithStatement(node) || evalCallee(node) !== undefined;
}

/** The first of the candidates (in document order) that makes the scope dynamic, once the function's names are resolved. */
export function firstDynamicScope(candidates: readonly DynamicScopeCandidate[], resolved: ReadonlyMap<ts.Identifier, unknown>): DynamicScopeCandidate | undefined {
  return candidates.find((node) => ts.isWithStatement(node) || isDirectEval(node, resolved));
}

/** A call of the name `eval` that no binding of the function declares: the engine's eval, run directly. */
export function isDirectEval(node: ts.Node, resolved: ReadonlyMap<ts.Identifier, unknown>): node is ts.CallExpression {
  const callee = evalCallee(node);
  return callee !== undefined && !resolved.has(callee);
}

/**
 * The name `eval` a call is made through as a direct eval is written: parentheses
 * keep the reference (`(eval)(x)` is direct), an optional call does not.
 */
export function evalCallee(node: ts.Node): ts.Identifier | undefined {
  if (!ts.isCallExpression(node) || node.questionDotToken) return undefined;
  const callee = skipParenthesesAndTypes(node.expression);
  return ts.isIdentifier(callee) && callee.text === 'eval' ? callee : undefined;
}

/** The diagnostic for a function whose dynamic scope is not lowered: refused by the option, or a coroutine. */
export function refuseDynamicScope(node: ts.CallExpression | ts.WithStatement, kind: SuspendKind, reason: 'option' | 'coroutine'): UnsupportedError {
  const where = reason === 'coroutine' ? 'a coroutine' : kind === 'generator' ? 'a generator' : kind === 'async' ? 'an async function' : 'an async generator';
  const why = reason === 'coroutine' ? 'its step function is made once, with its task' : "the option evalAndWith is 'refuse'";
  if (ts.isWithStatement(node)) return new UnsupportedError(node, `'with' statements are not lowered inside ${where}: ${why}`, DiagnosticCode.WithStatement);
  return new UnsupportedError(node, `direct eval is not lowered inside ${where}: ${why}`, DiagnosticCode.DirectEval);
}
