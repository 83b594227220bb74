/**
 * The contracts of the build step: what it is given (`BuildContext`) and the
 * narrow builder that expressions and patterns write through (`Builder`).
 *
 * ## Example
 * `expressions.ts` takes `log(yield a)` apart with nothing but this
 * interface: `b.newTemp('$t')`, `b.assign(t, ['log'])`, `b.suspend([a],
 * false)`, then `b.statement([callee(t), '(', $value, ');'])`.
 *
 * ## Implementation
 * `MachineBuilder` (statements.ts) implements `Builder`; the files of this
 * folder are layered, each on the one before: `ir-writer` (instructions),
 * `bindings` (which bindings the machine manages), `completions` (finally
 * and jump bookkeeping), `rendering` (user code without suspension points),
 * `iteration` (for-of, for-in, `for await`, async `yield*`), `statements`.
 * Expressions (`expressions.ts`) and patterns (`patterns.ts`) depend on this
 * interface only, never on the class, so the layers import no file above
 * them.
 *
 * ## References
 * Rendering's `RenderHooks` (render.ts) is the same idea for rendering.
 */
import type ts from 'typescript';
import type { Code, Finally, Label, Part, Region, SourcePosition, Variable, VariableOrigin } from '../ir';
import type { ScopeInfo } from '../scope';
import type { MachineNames } from '../names';
import type { SuspendKind } from '../suspend-kind';
import type { DeadZoneWrite, Edit } from '../render';
import type { WriteRule } from '../scope';

export interface BuildContext {
  readonly fn: ts.FunctionLikeDeclaration;
  readonly kind: SuspendKind;
  readonly sourceFile: ts.SourceFile;
  readonly scopes: ScopeInfo;
  readonly names: MachineNames;
  /** Substitutes identifiers that belong to an enclosing suspend function. */
  readonly outerIdentifier: (node: ts.Identifier) => Code | undefined;
  /** What a write to a binding of an enclosing suspend function checks. */
  readonly outerWriteRule: (node: ts.Identifier) => WriteRule | undefined;
  /** Lowers a suspend function nested in this one; returns its text, and records its helpers. */
  readonly nestedSuspendFunction: (node: ts.FunctionLikeDeclaration, edits: Edit[], asExpression: boolean) => Code | undefined;
  /**
   * What goes around a class this machine renders: the helpers of its methods whose step functions
   * it makes, which must be made again each time it is evaluated (empty parts when it has none);
   * `inArrow` when the class stands in an arrow of its own already (render.ts).
   */
  readonly aroundClass: (node: ts.ClassLikeDeclaration, inArrow: boolean) => { readonly before: Part; readonly after: Part };
  /** An object literal that suspends, rendered by expressions.ts, with the suspend methods among it linked. */
  readonly linkedObject: (node: ts.ObjectLiteralExpression, code: Code) => Code;
  /** Super property access (methods only). */
  readonly superAccessor: () => Variable | undefined;
  /**
   * An arrow in a derived class's constructor: its `this` may still be uninitialized when it is
   * called, so the frame holds a function that reads `this` (called at each read), and `super(…)`
   * is a call of a function the wrapper made inside the constructor (`superCall`).
   */
  readonly derivedConstructorThis: boolean;
  readonly superCall: () => Variable | undefined;
  /** A name no user code and no other machine uses. */
  readonly freshName: (preferred: string) => string;
  /** Whether the function's code is strict. */
  readonly strict: boolean;
  /**
   * A coroutine with the starvation budget (the `coroutineBudget` option): every loop is a
   * machine loop whose back-edge spends one unit (`check` is true while some are left) and,
   * when none are left, awaits `yieldCall` (coroutines.md, "Starvation budget").
   */
  readonly budget?: { readonly check: string; readonly yieldCall: string };
  /**
   * A coroutine: the function that tells a `CancellationError` (a `for await` whose `next()` await is
   * cancelled closes its iterator; coroutines.md, cancellation rule 9).
   */
  readonly isCancellation?: string;
  /** How a variable is written in the step function (`$frame.x$`, `x`): known once the frame is laid out, so only deferred parts ask. */
  readonly variableText: (v: Variable) => string;
}

/** A place an expression can be read from and written to, evaluated once (`a.b`, `a[k]`, `x`). */
export interface Reference {
  read(): Code;
  write(value: Code): void;
}

/** What patterns ask of the expression lowering. */
export interface ExpressionLowering {
  /** The expression's value, its suspension points taken apart; with `discard`, only its effects. */
  expression(node: ts.Expression, discard?: boolean): Code;
  reference(node: ts.Expression): Reference;
  assignTo(target: ts.Expression | ts.ForInitializer, value: Code): void;
  /** Jumps to `target` when the condition `node` is truthy (`when`) or falsy. */
  jumpOn(node: ts.Expression, when: boolean, target: Label): void;
}

/** How an iterator is closed when the protected code it guards is left. */
export interface IteratorClose {
  /** `for await`: AsyncIteratorClose, awaiting what `return()` gives. */
  readonly async: boolean;
  /** Patterns: the variable that says the iterator is exhausted, and so is left alone. */
  readonly done?: Variable;
  /** Where the protected code continues when it ends normally. */
  readonly then: Label;
}

/** The builder as expressions and patterns see it. */
export interface Builder {
  readonly context: BuildContext;
  readonly expressions: ExpressionLowering;
  /** Nodes whose code was computed ahead of rendering (class keys evaluated before a suspension). */
  readonly overrides: Map<ts.Node, Code>;

  newLabel(): Label;
  newVariable(name: string, origin: VariableOrigin, extra?: Partial<Pick<Variable, 'binding' | 'input'>>): Variable;
  newTemp(name: string): Variable;
  mark(label: Label): void;
  statement(code: Code): void;
  expressionStatement(code: Code, parenthesized: boolean): void;
  assign(target: Variable, value: Code): void;
  jump(target: Label): void;
  branch(condition: Code, whenFalse: Label): void;
  branchIf(condition: Code, whenTrue: Label): void;
  suspend(value: Code | undefined): Label;
  suspendWithResult(result: Code, resume: Label): void;
  awaitValue(value: Code): Label;
  at<T>(node: ts.Node, write: () => T): T;
  withRegion<T>(region: Region, body: () => T): T;
  newRegion(handler: Label | undefined, finalizer: Label | undefined): Region;

  suspends(node: ts.Node): boolean;
  render(node: ts.Node): Code;
  thisValue(): Variable;
  /** `this` as the step function reads it: the frame's value, or a call of its reader in a derived constructor's arrow. */
  thisCode(): Code;
  constantWrite(target: ts.Identifier): Code | undefined;
  deadZoneWrite(target: ts.Identifier): DeadZoneWrite | undefined;
  bind(name: ts.BindingName, value: Code): void;
  /** `code`, the value of `node` kept in a temporary, as it must be written there: with the name its place gives it, or with none. */
  keptValue(node: ts.Expression, code: Code): Code;
  destructure(target: ts.BindingName | ts.Expression, value: Code): void;
  delegate(iterable: Code, at: SourcePosition): Variable;
  delegateAsync(iterable: Code): Variable;

  /** A finally for a protected range that continues at `after`; its entries and pending completion. */
  newFinally(after: Label): Finally;
  /** Runs `body` in a range whose `finally` (`fin`) closes `iterator`: one copy of IteratorClose for every lowering. */
  withIteratorClose(fin: Finally, iterator: Variable, close: IteratorClose, body: () => void): void;
}
