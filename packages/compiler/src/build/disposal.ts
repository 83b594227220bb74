/**
 * `using` and `await using`: a block that declares resources disposes them
 * whenever it is left, by the machine's own `finally`.
 *
 * ## Example
 * ```js
 * { using r = open(); yield r.read(); }
 * ```
 * becomes a protected region (handler and finalizer: the finally's entries)
 * that starts `$disposables = newDisposables()` and binds
 * `r = addDisposable($disposables, open(), false)`; its finally is
 * `disposeResources($disposables, $completion === "throw", $result)`, then
 * `endFinally`. With `await using`, the finally is a loop of the machine:
 * `nextAsyncDisposal` calls the next disposer, the machine awaits its result
 * in a region whose handler records a rejection (`asyncDisposalThrew`), and
 * `endAsyncDisposal` throws what the disposers' errors made of the block's
 * completion.
 *
 * ## Implementation
 * The region starts at the block's first `using` declaration (no resource
 * exists before it). Being a finally of this machine, it is passed by every
 * exit the other finallies see: `break`, `continue`, `return`, a throw, and
 * a generator's `return()`. A `for (using x of …)` disposes each iteration's
 * resource before the next (its `continue` leaves through the finally); a
 * `for (using x = …; …)` disposes once, when the loop is left. The runtime
 * (`resource-disposal.ts`) keeps the resources and combines errors.
 *
 * ## References
 * ECMAScript 2026, 14.3.1 Let, Const, Using and Await Using Declarations;
 * 7.5 Operations on Disposable Objects (AddDisposableResource,
 * DisposeResources); 14.7.4.2 ForLoopEvaluation; 14.7.5.7
 * ForIn/OfBodyEvaluation (a `using` head).
 */
import ts from 'typescript';
import { CompletionKind, completionLiteral, nameOperand, type Code, type Variable } from '../ir';
import { UnsupportedError } from '../diagnostics';
import { RenderingBuilder } from './rendering';
import { isAwaitUsing } from '../using-declarations';

export abstract class DisposalBuilder extends RenderingBuilder {
  /** The resources of the innermost block being built that declares `using` bindings. */
  private disposables: Variable | undefined;

  /** Builds `body` as code whose `using` resources are disposed whenever it is left. */
  protected withDisposal(isAsync: boolean, body: () => void): void {
    const runtime = this.context.names.runtime;
    const disposables = this.newTemp('$disposables');
    const after = this.newLabel();
    const fin = this.newFinally(after);
    this.assign(disposables, [runtime.ref('newDisposables'), '()']);
    this.withRegion(this.newRegion(fin.throwEntry, fin.returnEntry), () => {
      this.mark(this.newLabel());
      const outer = this.disposables;
      this.disposables = disposables;
      try {
        this.withFinally(fin, body);
      } finally {
        this.disposables = outer;
      }
      this.assign(fin.kind, [completionLiteral(CompletionKind.Normal)]);
      this.jump(fin.body);
    });
    this.enterFinallyBody(fin);
    const throwing: Code = [fin.kind, ' === ', completionLiteral(CompletionKind.Throw)];
    if (isAsync) {
      this.disposeAsync(disposables, throwing, fin.value);
    } else {
      this.statement([runtime.ref('disposeResources'), '(', disposables, ', ', ...throwing, ', ', fin.value, ');']);
    }
    this.endFinally(fin);
    this.mark(after);
  }

  /** DisposeResources with awaits: one state awaits each disposer's result, a handler records its rejection. */
  private disposeAsync(disposables: Variable, throwing: Code, error: Variable): void {
    const runtime = this.context.names.runtime;
    const next = this.newLabel();
    const rejected = this.newLabel();
    const done = this.newLabel();
    const awaited = this.newTemp('$disposal');
    this.statement([runtime.ref('beginAsyncDisposal'), '(', disposables, ', ', ...throwing, ', ', error, ');']);
    this.mark(next);
    this.assign(awaited, [runtime.ref('nextAsyncDisposal'), '(', disposables, ')']);
    this.branchIf([awaited, ' === ', runtime.ref('DISPOSAL_DONE')], done);
    this.withRegion(this.newRegion(rejected, undefined), () => {
      this.mark(this.newLabel());
      this.awaitValue([awaited]);
      this.jump(next);
    });
    this.mark(rejected);
    this.statement([runtime.ref('asyncDisposalThrew'), '(', disposables, ', ', nameOperand(this.context.names.value), ');']);
    this.jump(next);
    this.mark(done);
    this.statement([runtime.ref('endAsyncDisposal'), '(', disposables, ');']);
  }

  /** The value a `using` declaration binds: recorded as a resource of the enclosing block first. */
  protected disposableValue(list: ts.VariableDeclarationList, declaration: ts.Node, value: Code): Code {
    if (!this.disposables) throw new UnsupportedError(declaration, "a 'using' declaration outside a block is not supported");
    return [this.context.names.runtime.ref('addDisposable'), '(', this.disposables, ', ', ...value, ', ', isAwaitUsing(list) ? 'true' : 'false', ')'];
  }
}
