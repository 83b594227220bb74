/**
 * Liveness: which variables must survive a suspension, and which can never
 * be alive at the same time.
 *
 * ## Example
 * ```js
 * function* g() { const a = f(); log(a); yield 1; const b = h(); yield b; log(b); }
 * ```
 * `a` is dead at both yields: a local of the step function. `b` is live
 * across the second yield: a frame slot.
 *
 * ## Implementation
 * Classic backwards data flow over the instruction list, one bit per
 * variable. Edges: fall-through, jumps, branches, a statement's own exits,
 * the resumption after a suspension, the exception edge from every
 * instruction in a protected region to its handler, and the edges a
 * suspension has to the handler and finalizer of its region (the caller's
 * `throw()` and `return()` resume there). A variable is a frame variable when
 * it is live out of a suspension, is an input read before it is written, or
 * is captured by a closure. Two variables interfere when both are in the
 * frame and one is written (or touched by code that may write it) where the
 * other is live, or both are live on entry.
 *
 * ## References
 * Appel, Modern Compiler Implementation, ch. 10 (liveness) and 11
 * (interference, greedy colouring); the same idea as rustc's generator
 * layout, which overlaps locals whose storage is never live at once.
 */
import { exitDestination, finalizerOf, handlerOf, isExitPart, variableOfPart, type Code, type Exit, type Label, type MachineIR, type Variable } from './ir';

export interface Liveness {
  /** Variables that must live in the frame. */
  readonly frame: ReadonlySet<Variable>;
  /** Inputs (parameters, `this`, …) that the body reads before writing. */
  readonly inputs: ReadonlySet<Variable>;
  /** Pairs of frame variables that cannot share a slot. */
  interferes(a: Variable, b: Variable): boolean;
  /** The control-flow graph the analysis ran on: instruction indices each instruction may continue at. */
  readonly successors: readonly (readonly number[])[];
}

class BitSet {
  readonly words: Uint32Array;
  constructor(size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }
  add(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
  }
  has(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }
}

/**
 * One set of bits per instruction, all in one array: a function of a
 * thousand instructions makes two arrays, not two thousand.
 */
class BitRows {
  readonly words: Uint32Array;
  readonly width: number;
  constructor(rows: number, size: number) {
    this.width = (size + 31) >>> 5;
    this.words = new Uint32Array(rows * this.width);
  }
  has(row: number, i: number): boolean {
    return (this.words[row * this.width + (i >>> 5)] & (1 << (i & 31))) !== 0;
  }
  /** row |= other's row `from`; returns whether anything changed. */
  unionFrom(row: number, other: BitRows, from: number): boolean {
    const words = this.words;
    const source = other.words;
    const at = row * this.width;
    const sourceAt = from * this.width;
    let changed = false;
    for (let k = 0; k < this.width; k++) {
      const next = (words[at + k] | source[sourceAt + k]) >>> 0;
      if (next !== words[at + k]) {
        words[at + k] = next;
        changed = true;
      }
    }
    return changed;
  }
  /** row = other's row `from` (copied word by word: a subarray view would be an object made per call). */
  copyFrom(row: number, other: BitRows, from: number): void {
    const at = row * this.width;
    const sourceAt = from * this.width;
    for (let k = 0; k < this.width; k++) this.words[at + k] = other.words[sourceAt + k];
  }
  /** The members of a row, ascending; with `mask`, only those also in it. */
  members(row: number, mask?: BitSet): number[] {
    const members: number[] = [];
    const at = row * this.width;
    for (let k = 0; k < this.width; k++) {
      let w = mask ? this.words[at + k] & mask.words[k] : this.words[at + k];
      while (w) {
        const bit = 31 - Math.clz32(w & -w);
        members.push((k << 5) + bit);
        w &= w - 1;
      }
    }
    return members;
  }
}


function codeVariables(code: Code | undefined, into: Variable[]): void {
  if (!code) return;
  for (const part of code) {
    const v = variableOfPart(part);
    if (v) into.push(v);
    if (isExitPart(part)) exitVariables(part.exit, into);
  }
}

/** What an exit reads; a jump's writes to its finally's completion count as reads, since a rendered exit may not run. */
function exitVariables(exit: Exit, into: Variable[]): void {
  if (exit.kind === 'return') codeVariables(exit.value, into);
  else if (exit.through) into.push(exit.through.kind, exit.through.value);
}

/** The exits written inside rendered code. */
function exitsOf(code: Code): Exit[] {
  return code.filter(isExitPart).map((part) => part.exit);
}

export function analyzeLiveness(ir: MachineIR): Liveness {
  const instructions = ir.instructions;
  const n = instructions.length;
  const size = ir.variables.length;
  const labelIndex = new Map<Label, number>();
  instructions.forEach((ins, i) => {
    if (ins.op === 'label') labelIndex.set(ins.label, i);
  });
  const at = (label: Label | undefined): number[] => (label ? [labelIndex.get(label)!] : []);

  const successors: number[][] = [];
  const uses: Variable[][] = [];
  const kills: Variable[][] = [];
  const suspensions: number[] = [];

  instructions.forEach((ins, i) => {
    const succ: number[] = [];
    const used: Variable[] = [];
    const kill: Variable[] = [];
    const handler = handlerOf(ins.region);
    switch (ins.op) {
      case 'label':
        succ.push(i + 1);
        break;
      case 'statement':
        codeVariables(ins.code, used);
        succ.push(i + 1, ...at(handler));
        for (const exit of exitsOf(ins.code)) succ.push(...at(exitDestination(exit)));
        break;
      case 'throw':
        codeVariables(ins.value, used);
        succ.push(...at(handler));
        break;
      case 'leave':
        if (ins.exit.kind === 'return') codeVariables(ins.exit.value, used);
        else kill.push(ins.exit.through.kind, ins.exit.through.value);
        succ.push(...at(exitDestination(ins.exit)));
        break;
      case 'assign':
        codeVariables(ins.value, used);
        kill.push(ins.target);
        succ.push(i + 1, ...at(handler));
        break;
      case 'jump':
        succ.push(...at(ins.target));
        break;
      case 'branch':
        codeVariables(ins.condition, used);
        succ.push(i + 1, ...at(ins.target), ...at(handler));
        break;
      case 'yield':
      case 'yieldResult':
      case 'await':
        codeVariables(ins.op === 'yieldResult' ? ins.result : ins.value, used);
        succ.push(...at(ins.resume), ...at(handler), ...at(finalizerOf(ins.region)));
        suspensions.push(i);
        break;
      case 'complete':
        codeVariables(ins.value, used);
        break;
      case 'endFinally': {
        const fin = ins.finally;
        used.push(fin.kind, fin.value);
        succ.push(...at(fin.after), ...at(handler), ...at(fin.outer?.returnEntry));
        for (const t of fin.jumpTargets) succ.push(...at(t));
        if (fin.outer) {
          succ.push(...at(fin.outer.body));
          used.push(fin.outer.kind, fin.outer.value);
        }
        break;
      }
    }
    successors.push(succ.filter((s) => s < n));
    uses.push(used);
    kills.push(kill);
  });

  const liveIn = new BitRows(n, size);
  const liveOut = new BitRows(n, size);
  // One scratch row for every instruction's live-in, rather than a typed array made per instruction per round.
  const next = new BitRows(1, size);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = n - 1; i >= 0; i--) {
      for (const s of successors[i]) if (liveOut.unionFrom(i, liveIn, s)) changed = true;
      next.copyFrom(0, liveOut, i);
      for (const kill of kills[i]) next.words[kill.id >>> 5] &= ~(1 << (kill.id & 31));
      for (const v of uses[i]) next.words[v.id >>> 5] |= 1 << (v.id & 31);
      if (liveIn.unionFrom(i, next, 0)) changed = true;
    }
  }

  const frame = new Set<Variable>();
  const inputs = new Set<Variable>();
  for (const i of suspensions) for (const id of liveOut.members(i)) frame.add(ir.variables[id]);
  for (const v of ir.variables) {
    if (v.captured) frame.add(v);
    // A captured input may be read only by a nested function, which this IR does not see into.
    if (v.input && ((n > 0 && liveIn.has(0, v.id)) || v.captured)) {
      inputs.add(v);
      frame.add(v);
    }
  }

  // Interference among frame variables, by definitions: what an instruction writes meets what is
  // live after it. Two variables live at one point meet that way too, since the later of their
  // last writes before it stands where the other is live, unless one has no write on some path
  // there: then it is live on entry, where everything live meets pairwise. (Pairwise at every
  // instruction would say the same at a cost cubic in the function's size.)
  // One row of bits per variable that meets any: a function whose temporaries all live across one
  // suspension has as many edges as pairs of them.
  const matrix: (BitSet | undefined)[] = new Array(size);
  const meet = (a: number, b: number) => {
    if (a === b) return;
    (matrix[a] ??= new BitSet(size)).add(b);
    (matrix[b] ??= new BitSet(size)).add(a);
  };
  const framed = new BitSet(size);
  for (const v of frame) framed.add(v.id);
  const liveOnEntry = n > 0 ? liveIn.members(0, framed) : [];
  for (let x = 0; x < liveOnEntry.length; x++) for (let y = x + 1; y < liveOnEntry.length; y++) meet(liveOnEntry[x], liveOnEntry[y]);
  for (let i = 0; i < n; i++) {
    const defines = kills[i].some((k) => framed.has(k.id));
    const touches = instructions[i].op !== 'assign' && uses[i].some((v) => framed.has(v.id));
    if (!defines && !touches) continue;
    const after = liveOut.members(i, framed);
    // A definition clobbers whatever is live after it; what it reads may die right there.
    for (const k of kills[i]) if (framed.has(k.id)) for (const id of after) meet(k.id, id);
    if (touches) {
      // Other instructions may write any variable they mention.
      const liveHere = liveIn.members(i, framed);
      for (const v of uses[i]) {
        if (!framed.has(v.id)) continue;
        for (const id of after) meet(v.id, id);
        for (const id of liveHere) meet(v.id, id);
      }
    }
  }
  // Inputs are all written when the frame is made.
  const inputIds = [...inputs].map((v) => v.id);
  for (const a of inputIds) for (const id of liveOnEntry) meet(a, id);
  for (let x = 0; x < inputIds.length; x++) for (let y = x + 1; y < inputIds.length; y++) meet(inputIds[x], inputIds[y]);

  return {
    frame,
    inputs,
    interferes: (a, b) => a.captured || b.captured || (matrix[a.id]?.has(b.id) ?? false),
    successors,
  };
}
