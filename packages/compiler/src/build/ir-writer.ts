/**
 * The IR writer: the primitives every lowering step writes instructions with.
 *
 * ## Example
 * ```ts
 * const head = w.newLabel(), exit = w.newLabel();
 * w.mark(head); w.branch(['i < 3'], exit); w.suspend([i], false); w.jump(head); w.mark(exit);
 * ```
 * writes `L1: branch i < 3, else L2; yield i → L3; L3: jump L1; L2:`.
 *
 * ## Implementation
 * A flat list of instructions (`ir.ts`), the variables and labels they use,
 * and two pieces of state every instruction picks up: the protected region
 * it stands in (`withRegion`) and the source position it comes from (`at`).
 * It knows nothing of TypeScript's syntax tree: it imports only the IR.
 *
 * ## References
 * The instruction table in `ir.ts`.
 */
import { UNDEFINED } from '../ir';
import type { Code, Exit, Finally, Instruction, Label, MachineIR, Region, Variable, VariableOrigin } from '../ir';

export class IrWriter {
  readonly instructions: Instruction[] = [];
  readonly variables: Variable[] = [];
  private labelCount = 0;
  private regionCount = 0;
  private readonly root: Region = { id: 0, parent: undefined, handler: undefined, finalizer: undefined };
  protected region: Region = this.root;
  /** The source offset instructions pushed now come from. */
  private position: number | undefined;
  private hasRegions = false;

  newLabel(): Label {
    return { id: this.labelCount++ };
  }

  newVariable(name: string, origin: VariableOrigin, extra: Partial<Pick<Variable, 'binding' | 'input'>> = {}): Variable {
    const v: Variable = {
      id: this.variables.length,
      name,
      origin,
      binding: extra.binding,
      input: extra.input ?? false,
      captured: extra.binding?.captured ?? false,
    };
    this.variables.push(v);
    return v;
  }

  newTemp(name: string): Variable {
    return this.newVariable(name, 'temp');
  }

  push(instruction: Instruction): void {
    if (this.position !== undefined && instruction.op !== 'label') instruction.pos = this.position;
    this.instructions.push(instruction);
  }

  /** Writes with the instructions made meanwhile mapped to `position`, a source offset (source maps). */
  atPosition<T>(position: number, write: () => T): T {
    const saved = this.position;
    this.position = position;
    try {
      return write();
    } finally {
      this.position = saved;
    }
  }

  mark(label: Label): void {
    this.push({ op: 'label', label, region: this.region });
  }

  statement(code: Code): void {
    if (code.length === 0) return;
    this.push({ op: 'statement', code, region: this.region });
  }

  /** An expression evaluated for its effects; `parenthesized` where a statement could not start with it (statement-start.ts). */
  expressionStatement(code: Code, parenthesized: boolean): void {
    this.statement(parenthesized ? ['(', ...code, ');'] : [...code, ';']);
  }

  assign(target: Variable, value: Code): void {
    this.push({ op: 'assign', target, value, region: this.region });
  }

  jump(target: Label): void {
    this.push({ op: 'jump', target, region: this.region });
  }

  /** Jumps to `whenFalse` unless `condition` is truthy. */
  branch(condition: Code, whenFalse: Label): void {
    this.push({ op: 'branch', condition, when: false, target: whenFalse, region: this.region });
  }

  /** Jumps to `whenTrue` when `condition` is truthy. */
  branchIf(condition: Code, whenTrue: Label): void {
    this.push({ op: 'branch', condition, when: true, target: whenTrue, region: this.region });
  }

  suspend(value: Code | undefined): Label {
    const resume = this.newLabel();
    this.push({ op: 'yield', value, resume, region: this.region });
    this.mark(resume);
    return resume;
  }

  /**
   * A suspension that hands the caller `result`, an iterator result object,
   * as it is (sync `yield*`), and resumes at `resume`, a label marked
   * elsewhere (the `yield*` loop's resume state, just before its head).
   */
  suspendWithResult(result: Code, resume: Label): void {
    this.push({ op: 'yieldResult', result, resume, region: this.region });
  }

  /** `await value`: resumes with the settled value in `$value`, or with its reason thrown there. */
  awaitValue(value: Code): Label {
    const resume = this.newLabel();
    this.push({ op: 'await', value, resume, region: this.region });
    this.mark(resume);
    return resume;
  }

  withRegion<T>(region: Region, body: () => T): T {
    const saved = this.region;
    this.region = region;
    try {
      return body();
    } finally {
      this.region = saved;
    }
  }

  newRegion(handler: Label | undefined, finalizer: Label | undefined): Region {
    this.hasRegions = true;
    return { id: ++this.regionCount, parent: this.region, handler, finalizer };
  }

  /** The function returns `value`: no `finally` is pending. */
  complete(value: Code | undefined): void {
    this.push({ op: 'complete', value, region: this.region });
  }

  throwValue(value: Code): void {
    this.push({ op: 'throw', value, region: this.region });
  }

  /** A jump or return through the `finally` it leaves. */
  leave(exit: Exit & { readonly through: Finally }): void {
    this.push({ op: 'leave', exit, region: this.region });
  }

  /** The end of a `finally` body: its pending completion resumes. */
  endFinally(fin: Finally): void {
    this.push({ op: 'endFinally', finally: fin, region: this.region });
  }

  /** The IR written so far, from `entry`. */
  finish(entry: Label): MachineIR {
    return { instructions: this.instructions, variables: this.variables, entry, hasRegions: this.hasRegions };
  }
}
