/**
 * Iteration: `for-of`, `for await`, `for-in`, `yield*`, and the one
 * protected region every iterator a machine opens is closed by.
 *
 * ## Example
 * ```js
 * for (const x of xs) yield x;
 * ```
 * becomes `$iterator = getIterator(xs)`, a head that steps it
 * (`iteratorNext`) and branches out when done, and a body inside a region
 * whose finally closes the iterator (IteratorClose) on `break`, `return`,
 * `throw` and the generator's own `return()`.
 *
 * ## Implementation
 * `withIteratorClose` is the only place that opens such a region: for-of,
 * `for await` and array patterns (patterns.ts) all go through it. A `for
 * await` loop is the for-of loop with an `await` on each `next()` result and
 * AsyncIteratorClose (which awaits) in its finally. `for-in` collects the keys
 * first with a native loop (EnumerateObjectProperties) and skips the ones
 * deleted meanwhile. `yield*`, sync and async, is a loop of this machine
 * whose one yielding state forwards `throw()` and `return()` through its
 * own handler and finalizer.
 *
 * ## References
 * ECMAScript 2025, 14.7.5.6 ForIn/OfHeadEvaluation, 14.7.5.7
 * ForIn/OfBodyEvaluation, 7.4.11 IteratorClose, 7.4.13 AsyncIteratorClose,
 * 15.5.5 `yield*` evaluation, 14.7.5.9
 * EnumerateObjectProperties.
 */
import ts from 'typescript';
import { CompletionKind, completionLiteral, type Code, type Finally, type Label, type SourcePosition, type Variable, UNDEFINED, literal, nameOperand } from '../ir';
import type { ExpressionLowering, IteratorClose } from './builder';
import { DisposalBuilder } from './disposal';
import { isAwaitUsing, isUsing } from '../using-declarations';

export abstract class IterationBuilder extends DisposalBuilder {
  abstract readonly expressions: ExpressionLowering;
  abstract buildStatement(node: ts.Statement): void;

  /**
   * Where a loop of a coroutine with the starvation budget goes round again (its continue
   * target): one unit spent, and a turn given to the others when none is left.
   */
  protected budgetCheckpoint(): void {
    const budget = this.context.budget;
    if (!budget) return;
    const enough = this.newLabel();
    this.branchIf([budget.check], enough);
    this.awaitValue([budget.yieldCall]);
    this.mark(enough);
  }

  withIteratorClose(fin: Finally, iterator: Variable, close: IteratorClose, body: () => void): void {
    this.withRegion(this.newRegion(fin.throwEntry, fin.returnEntry), () => {
      this.mark(this.newLabel());
      this.withFinally(fin, body);
      this.jump(close.then);
    });
    if (close.async) this.closeAsyncOnAbruptExit(fin, iterator);
    else this.closeOnAbruptExit(fin, iterator, close.done);
  }

  /** `for (… of …)` and `for await (… of …)`: the same loop, over a sync or an async iterator. */
  protected buildForOf(node: ts.ForOfStatement, labels: readonly string[]): void {
    const names = this.context.names;
    const isAsync = node.awaitModifier !== undefined;
    // The head's expression runs where the head's bindings exist but are not initialized yet.
    if (ts.isVariableDeclarationList(node.initializer)) this.enterScope(node);
    const iterable = this.expressions.expression(node.expression);
    const iterator = this.newVariable('$iterator', 'iterator');
    const next = this.newVariable('$next', 'iterator');
    this.assign(iterator, [names.runtime.ref(isAsync ? 'getAsyncIterator' : 'getIterator'), '(', ...iterable, ')']);
    this.assign(next, [iterator, '.next']);
    const head = this.newLabel();
    const exit = this.newLabel();
    const fin = this.newFinally(exit);
    const breakDepth = this.finallyDepth;
    this.mark(head);
    const step = this.newTemp('$step');
    const cancelled = isAsync && this.context.isCancellation ? this.newLabel() : undefined;
    if (isAsync) {
      const callNext: Code = [names.runtime.ref('callNext'), '(', iterator, ', ', next, ')'];
      // The loop suspends, as V8 reports it (an `at async` line), where its head binds each value.
      const bindingAt = (ts.isVariableDeclarationList(node.initializer) ? node.initializer.declarations[0] : node.initializer).getStart(this.context.sourceFile);
      const awaitNext = () => this.atPosition(bindingAt, () => this.awaitValue(callNext));
      if (cancelled) {
        this.withRegion(this.newRegion(cancelled, undefined), () => {
          this.mark(this.newLabel());
          awaitNext();
        });
        this.mark(this.newLabel());
      } else {
        awaitNext();
      }
      this.assign(step, [names.runtime.ref('requireIteratorResult'), '(', names.value, ')']);
    } else {
      this.assign(step, [names.runtime.ref('iteratorNext'), '(', iterator, ', ', next, ')']);
    }
    this.branchIf([step, '.done'], exit);
    // IteratorValue failing does not close the iterator; binding the value does.
    const value = this.newTemp('$item');
    this.assign(value, [step, '.value']);
    this.withIteratorClose(fin, iterator, { async: isAsync, then: head }, () => {
      // Inside the close: a cancellation thrown at the checkpoint closes the iterator.
      this.budgetCheckpoint();
      const continueDepth = this.finallyDepth;
      const iteration = () => {
        this.bindForHead(node.initializer, [value]);
        this.loop(labels, exit, head, () => this.buildStatement(node.statement), continueDepth, breakDepth);
      };
      // Each iteration's resource is disposed before the next: `continue` leaves through its finally.
      const list = node.initializer;
      if (ts.isVariableDeclarationList(list) && isUsing(list)) this.withDisposal(isAwaitUsing(list), iteration);
      else iteration();
    });
    this.mark(exit);
    if (cancelled) this.closeOnCancelledNext(cancelled, iterator);
  }

  /**
   * A coroutine cancelled at the `await` of its `for await`'s `next()`: unlike an error of `next()`
   * itself, after which the specification leaves the iterator alone, the loop is left by the
   * cancellation, so the iterator is closed (its `return()` called, not awaited: an `await` in a
   * cancelled coroutine throws at once) before the error goes on.
   */
  private closeOnCancelledNext(cancelled: Label, iterator: Variable): void {
    const names = this.context.names;
    const after = this.newLabel();
    this.jump(after);
    this.mark(cancelled);
    this.statement(['if (', this.context.isCancellation!, '(', names.value, ')) ', names.runtime.ref('startAsyncIteratorClose'), '(', iterator, ', true);']);
    this.throwValue([nameOperand(names.value)]);
    this.mark(after);
  }

  /**
   * The finally of a `for await` loop: AsyncIteratorClose, which awaits what
   * `return()` gives. Leaving by a throw, the loop's error wins over anything
   * the close does; otherwise a failing or non-object result is thrown.
   */
  private closeAsyncOnAbruptExit(fin: Finally, iterator: Variable): void {
    const names = this.context.names;
    const runtime = names.runtime;
    this.enterFinallyBody(fin);
    const leavingByThrow: Code = ['(', fin.kind, ' === ', completionLiteral(CompletionKind.Throw), ')'];
    const closing = this.newTemp('$closing');
    const finish = this.newLabel();
    const rejected = this.newLabel();
    this.assign(closing, [runtime.ref('startAsyncIteratorClose'), '(', iterator, ', ', ...leavingByThrow, ')']);
    this.branchIf([closing, ' === ', runtime.ref('NOTHING_TO_AWAIT')], finish);
    this.withRegion(this.newRegion(rejected, undefined), () => {
      this.mark(this.newLabel());
      this.awaitValue([closing]);
    });
    this.mark(this.newLabel());
    this.statement(['if (!', ...leavingByThrow, ') ', runtime.ref('requireIteratorResult'), '(', names.value, ');']);
    this.jump(finish);
    this.mark(rejected);
    this.statement(['if (!', ...leavingByThrow, ') throw ', names.value, ';']);
    this.mark(finish);
    this.endFinally(fin);
  }

  /**
   * The finally of a loop or pattern over an iterator: a throw closes it
   * ignoring what `return` does, a return or jump closes it checking the
   * result (IteratorClose). With `done`, an exhausted iterator is left alone.
   */
  private closeOnAbruptExit(fin: Finally, iterator: Variable, done: Variable | undefined): void {
    const names = this.context.names;
    this.enterFinallyBody(fin);
    const close: Code = [names.runtime.ref('closeIterator'), '(', iterator, ', ', fin.kind, ' === ', completionLiteral(CompletionKind.Throw), ');'];
    this.statement(done ? ['if (!', done, ') { ', ...close, ' }'] : close);
    this.endFinally(fin);
  }

  protected buildForIn(node: ts.ForInStatement, labels: readonly string[]): void {
    const object = this.newTemp('$object');
    const keys = this.newTemp('$keys');
    const index = this.newTemp('$index');
    const key = this.newTemp('$key');
    if (ts.isVariableDeclarationList(node.initializer)) this.enterScope(node);
    // Object() boxes a primitive (a string's indices) so that `in` can test it below.
    this.assign(object, ['Object(', ...this.expressions.expression(node.expression), ')']);
    this.assign(keys, ['[]']);
    // The native loop enumerates exactly the keys the spec's EnumerateObjectProperties yields.
    this.statement(['for (', key, ' in ', object, ') ', keys, '.push(', key, ');']);
    this.assign(index, [literal('0')]);
    const head = this.newLabel();
    const exit = this.newLabel();
    this.mark(head);
    this.budgetCheckpoint();
    this.branch([index, ' < ', keys, '.length'], exit);
    this.assign(key, [keys, '[', index, '++]']);
    // A property deleted before it is visited is not visited.
    this.branch([key, ' in ', object], head);
    this.bindForHead(node.initializer, [key]);
    this.loop(labels, exit, head, () => this.buildStatement(node.statement));
    this.jump(head);
    this.mark(exit);
  }

  /** Binds the head of a for-in/for-of to the value of one iteration. */
  private bindForHead(initializer: ts.ForInitializer, value: Code): void {
    if (ts.isVariableDeclarationList(initializer)) {
      this.enterScope(initializer.parent);
      const declaration = initializer.declarations[0];
      this.bind(declaration.name, isUsing(initializer) ? this.disposableValue(initializer, declaration, value) : value);
    } else {
      this.expressions.assignTo(initializer, value);
    }
  }

  /**
   * The iterator a `yield*` delegates to and its `next`, read once, as GetIterator makes the iterator record;
   * `at`, where V8 reports an error GetIterator throws, when it is known.
   */
  private delegationIterator(iterable: Code, getIterator: 'getIterator' | 'getAsyncIterator', at?: SourcePosition): [Variable, Variable] {
    const iterator = this.newVariable('$iterator', 'iterator');
    const next = this.newVariable('$next', 'iterator');
    this.assign(iterator, [...(at ? [at] : []), this.context.names.runtime.ref(getIterator), '(', ...iterable, ')']);
    this.assign(next, [iterator, '.next']);
    return [iterator, next];
  }

  /**
   * `yield*` in a generator, as a loop of this machine: `resumeDelegate`
   * forwards what the caller sent (`next`, `throw`, `return`) to the inner
   * iterator, and each inner result that is not done is handed to the caller
   * as it is (`yieldResult`, GeneratorYield(innerResult)); the handler and
   * finalizer of that one state bring `throw()` and `return()` back to the
   * loop. What was sent stays in `$value` from the resumption (or the
   * handler) to the loop's head, which nothing between them can throw. The
   * resume state stands just before the head and falls into it, so a
   * forwarded `next()` runs straight through the step without a jump.
   * `at` is where V8 reports the generator while it gets the inner iterator
   * and while that runs (`delegationPosition`): both calls map there. Returns the
   * variable holding the expression's value.
   */
  delegate(iterable: Code, at: SourcePosition): Variable {
    const names = this.context.names;
    const [iterator, next] = this.delegationIterator(iterable, 'getIterator', at);
    const receivedMode = this.newTemp('$receivedMode');
    const inner = this.newTemp('$innerResult');
    const result = this.newTemp('$delegated');
    const [resume, loop, done, onThrow, onReturn, after] = Array.from({ length: 6 }, () => this.newLabel());
    const forwarding = this.newRegion(onThrow, onReturn);
    this.statement([nameOperand(names.value), ' = void 0;']);
    this.withRegion(forwarding, () => {
      this.mark(resume);
      this.assign(receivedMode, [literal('0')]);
    });
    this.mark(loop);
    this.assign(inner, [at, names.runtime.ref('resumeDelegate'), '(', iterator, ', ', next, ', ', receivedMode, ', ', nameOperand(names.value), ')']);
    this.branchIf([inner, '.done'], done);
    this.withRegion(forwarding, () => this.suspendWithResult([inner], resume));
    this.mark(onThrow);
    this.assign(receivedMode, [literal('1')]);
    this.jump(loop);
    this.mark(onReturn);
    this.assign(receivedMode, [literal('2')]);
    this.jump(loop);
    this.mark(done);
    this.assign(result, [inner, '.value']);
    this.branchIf([receivedMode, ' !== 2'], after);
    // A return() that ended the inner iterator (or found no `return` there) returns this generator too.
    this.returnWith([result]);
    this.mark(after);
    return result;
  }

  /**
   * `yield*` in an async generator, as a loop of this machine: each value the
   * inner iterator gives is yielded as it is (no await), and what the caller
   * sends back (`next`, `throw`, `return`) is forwarded by the handler and
   * finalizer of the one state that yields. Returns the variable holding the
   * expression's value.
   */
  delegateAsync(iterable: Code): Variable {
    const names = this.context.names;
    const runtime = names.runtime;
    const [iterator, next] = this.delegationIterator(iterable, 'getAsyncIterator');
    const receivedMode = this.newTemp('$receivedMode');
    const received = this.newTemp('$received');
    const call = this.newTemp('$innerCall');
    const inner = this.newTemp('$innerResult');
    const result = this.newTemp('$delegated');
    const [loop, notDone, onThrow, onReturn, missing, missingReturn, closed, after] = Array.from({ length: 8 }, () => this.newLabel());
    this.assign(receivedMode, [literal('0')]);
    this.assign(received, UNDEFINED);
    this.mark(loop);
    this.assign(call, [runtime.ref('callDelegate'), '(', iterator, ', ', next, ', ', receivedMode, ', ', received, ')']);
    this.branchIf([call, ' === ', runtime.ref('NOTHING_TO_AWAIT')], missing);
    this.awaitValue([call]);
    this.assign(inner, [runtime.ref('requireIteratorResult'), '(', names.value, ')']);
    this.branch([inner, '.done'], notDone);
    this.assign(result, [inner, '.value']);
    this.branchIf([receivedMode, ' !== 2'], after);
    // The inner iterator ended a return(): so does this generator, with that value as it is
    // (ecma262 #2819 dropped the await here: the value was awaited when return() reached the yield).
    this.returnWith([result]);
    this.mark(notDone);
    this.assign(result, [inner, '.value']);
    this.withRegion(this.newRegion(onThrow, onReturn), () => {
      this.mark(this.newLabel());
      this.suspend([result]);
    });
    this.mark(this.newLabel());
    this.assign(receivedMode, [literal('0')]);
    this.assign(received, [nameOperand(names.value)]);
    this.jump(loop);
    this.mark(onThrow);
    this.assign(receivedMode, [literal('1')]);
    this.assign(received, [nameOperand(names.value)]);
    this.jump(loop);
    this.mark(onReturn);
    this.assign(receivedMode, [literal('2')]);
    this.assign(received, [nameOperand(names.value)]);
    this.jump(loop);
    this.mark(missing);
    this.branchIf([receivedMode, ' !== 1'], missingReturn);
    // No `throw`: the inner iterator is closed (its `return` awaited) and the protocol violation thrown.
    const closing = this.newTemp('$closing');
    this.assign(closing, [runtime.ref('startAsyncIteratorClose'), '(', iterator, ', false)']);
    this.branchIf([closing, ' === ', runtime.ref('NOTHING_TO_AWAIT')], closed);
    this.awaitValue([closing]);
    this.statement([runtime.ref('requireIteratorResult'), '(', names.value, ');']);
    this.mark(closed);
    this.throwValue(["new TypeError(\"The iterator does not provide a 'throw' method.\")"]);
    this.mark(missingReturn);
    // No `return`: this generator returns the received value, awaited.
    this.awaitValue([received]);
    this.returnWith([nameOperand(names.value)], true);
    this.mark(after);
    return result;
  }}
