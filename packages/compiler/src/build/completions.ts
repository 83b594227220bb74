/**
 * Completions: where `return`, `break` and `continue` go, and the pending
 * completion of every `finally` they pass through.
 *
 * ## Example
 * ```js
 * for (;;) { try { if (c) break; yield 1; } finally { log(); } }
 * ```
 * `break` sets the try's pending completion (`$completion = "jump"`,
 * `$result` = the loop's exit state) and goes to the finally body; the
 * body's `endFinally` then continues at the exit.
 *
 * ## Implementation
 * Two stacks, each pushed and popped only by the helper that owns it:
 * `withFinally` (the finallies enclosing the code being built, innermost
 * last) and `withJumpTarget` (loops, switches and labelled statements). A
 * jump records, on every finally it leaves, that it may resume there, so
 * `endFinally` knows its possible targets. A `finally` is entered by its
 * throw entry or its return entry (`enterFinallyBody`), each storing the
 * completion that brought it there.
 *
 * ## References
 * ECMAScript 2025, 6.2.4 The Completion Record Specification Type; 14.15.3
 * try statement evaluation (UpdateEmpty, the finally's completion);
 * 14.13 labelled statements.
 */
import ts from 'typescript';
import { CompletionKind, completionLiteral, type Code, type Exit, type Finally, type Label, nameOperand } from '../ir';
import { UnsupportedError } from '../diagnostics';
import { MachineBindings } from './bindings';

export interface JumpTarget {
  readonly kind: 'loop' | 'switch' | 'label';
  readonly labels: readonly string[];
  readonly breakLabel: Label;
  readonly continueLabel: Label | undefined;
  /** How many finallys enclose the target: a jump leaves the ones above this depth. */
  readonly breakDepth: number;
  readonly continueDepth: number;
}

export abstract class Completions extends MachineBindings {
  /** The finallies enclosing the code being built, innermost last. */
  private readonly finallies: Finally[] = [];
  private readonly targets: JumpTarget[] = [];

  newFinally(after: Label): Finally {
    const fin: Finally = {
      kind: this.newTemp('$completion'),
      value: this.newTemp('$result'),
      body: this.newLabel(),
      returnEntry: this.newLabel(),
      throwEntry: this.newLabel(),
      after,
      outer: this.finallies[this.finallies.length - 1],
      jumpTargets: new Set(),
      jumpsThroughOuter: new Set(),
    };
    return fin;
  }

  /** Builds `body` with `fin` as the innermost enclosing finally. */
  protected withFinally<T>(fin: Finally, body: () => T): T {
    this.finallies.push(fin);
    try {
      return body();
    } finally {
      this.finallies.pop();
    }
  }

  /** Builds `body` with `target` as the innermost target of `break` and `continue`. */
  protected withJumpTarget<T>(target: JumpTarget, body: () => T): T {
    this.targets.push(target);
    try {
      return body();
    } finally {
      this.targets.pop();
    }
  }

  /** How many finallies enclose the code being built: the depth a jump target records. */
  protected get finallyDepth(): number {
    return this.finallies.length;
  }

  /** The throw and return entries of a finally, each storing its completion, then the start of its body. */
  protected enterFinallyBody(fin: Finally): void {
    const names = this.context.names;
    this.mark(fin.throwEntry);
    this.assign(fin.kind, [completionLiteral(CompletionKind.Throw)]);
    this.assign(fin.value, [nameOperand(names.value)]);
    this.jump(fin.body);
    this.mark(fin.returnEntry);
    this.assign(fin.kind, [completionLiteral(CompletionKind.Return)]);
    this.assign(fin.value, [nameOperand(names.value)]);
    this.mark(fin.body);
  }

  /** `return value` at the current position: through the innermost finally, or completing the function. */
  returnExit(value: Code | undefined): Exit {
    return { kind: 'return', value, through: this.finallies[this.finallies.length - 1] };
  }

  /**
   * `return value` as instructions. With `valueInPlace`, the value is the one
   * the machine was just resumed with (`$value`), which a finally's return
   * entry reads where it is.
   */
  returnWith(value: Code | undefined, valueInPlace = false): void {
    const exit = this.returnExit(value);
    if (!exit.through) {
      this.complete(value);
      return;
    }
    if (valueInPlace) this.jump(exit.through.returnEntry);
    else this.leave({ ...exit, through: exit.through });
  }

  /** A jump to `target`, which is enclosed by `depth` finallys, running the finallys it leaves. */
  protected jumpExit(target: Label, depth: number): Exit {
    for (let k = this.finallies.length - 1; k >= depth; k--) {
      const fin = this.finallies[k];
      fin.jumpTargets.add(target);
      if (k - 1 >= depth) fin.jumpsThroughOuter.add(target);
    }
    return { kind: 'jump', target, through: this.finallies.length === depth ? undefined : this.finallies[this.finallies.length - 1] };
  }

  protected jumpTo(target: Label, depth: number): void {
    const exit = this.jumpExit(target, depth);
    if (exit.kind === 'jump' && exit.through) this.leave({ ...exit, through: exit.through });
    else this.jump(target);
  }

  protected findTarget(node: ts.BreakOrContinueStatement): { label: Label; depth: number } {
    const isBreak = ts.isBreakStatement(node);
    for (let i = this.targets.length - 1; i >= 0; i--) {
      const t = this.targets[i];
      if (node.label) {
        if (!t.labels.includes(node.label.text)) continue;
      } else if (isBreak ? t.kind === 'label' : t.kind !== 'loop') {
        continue;
      }
      if (isBreak) return { label: t.breakLabel, depth: t.breakDepth };
      if (t.continueLabel) return { label: t.continueLabel, depth: t.continueDepth };
    }
    throw new UnsupportedError(node, 'the target of this jump was not found');
  }

  /** Builds a loop's body: `break` goes to `breakLabel`, `continue` to `continueLabel`. */
  protected loop<T>(labels: readonly string[], breakLabel: Label, continueLabel: Label, body: () => T, continueDepth = this.finallies.length, breakDepth = this.finallies.length): T {
    return this.withJumpTarget({ kind: 'loop', labels, breakLabel, continueLabel, breakDepth, continueDepth }, body);
  }
}
