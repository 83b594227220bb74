/**
 * `formatIR`: the IR of one function as text, in the notation of `ir.ts`.
 *
 * ## Example
 * `function* g(a) { try { log(yield a); } finally { done(); } }` prints
 * ```
 * generator g (1:1)
 *   regions: R1 handler L4 finalizer L3
 *   inputs: a
 * L0:
 * L5:                                     @R1
 *   assign $t = log                       @R1
 *   yield a → L6                          @R1
 * L6:                                     @R1
 *   statement callee($t)($value);         @R1
 *   …
 * ```
 * (the fixtures under `fixtures/ir/` hold complete, tested examples).
 *
 * ## Implementation
 * One line per instruction; a label starts a line of its own, flush left.
 * Variables print by name, with `#id` when two variables share a name; a
 * nested suspend function (text known only after this one's layout) prints
 * as `⟨nested function⟩`; a source position (a source map's anchor) prints
 * as nothing. The region of an instruction outside the root
 * follows it as `@R<id>`. Nothing here feeds back into lowering: the text is
 * for people (`coro transpile --dump-ir`) and for IR goldens.
 *
 * ## References
 * The instruction table in `ir.ts`.
 */
import {
  isCalleeRef,
  isExitPart,
  isLineBreak,
  isSourcePosition,
  type Exit,
  isDeferred,
  isLabel,
  isOperand,
  type Code,
  type Finally,
  type Instruction,
  type Label,
  type MachineIR,
  type Region,
  type Variable,
} from './ir';

/** The column where an instruction's region note starts. */
const REGION_COLUMN = 40;

export function formatIR(ir: MachineIR, title: string): string {
  const names = variableNames(ir.variables);
  const variable = (v: Variable) => names.get(v)!;
  const label = (l: Label) => `L${l.id}`;
  const code = (c: Code | undefined): string => {
    if (!c) return '';
    return c
      .map((part) => {
        if (typeof part === 'string') return part;
        if (isOperand(part)) return part.operand;
        if (isLabel(part)) return label(part);
        if (isDeferred(part)) return part.printed ?? '⟨nested function⟩';
        if (isCalleeRef(part)) return `callee(${variable(part.callee)})`;
        if (isExitPart(part)) return `⟨${exitText(part.exit)}⟩`;
        if (isLineBreak(part)) return '\n' + part.lineBreak;
        // A source position only places a mapping: it is not code.
        if (isSourcePosition(part)) return '';
        return variable(part);
      })
      .join('');
  };
  const finallyName = (f: Finally) => `finally ${variable(f.kind)}/${variable(f.value)}`;
  const exitText = (exit: Exit): string => {
    const through = exit.through ? ` through ${finallyName(exit.through)}` : '';
    return exit.kind === 'jump' ? `jump ${label(exit.target)}${through}` : `return${exit.value ? ' ' + code(exit.value) : ''}${through}`;
  };

  const lines = [title];
  const regions = regionsOf(ir.instructions);
  if (regions.length > 0) {
    const describe = (r: Region) =>
      [`R${r.id}`, r.parent && r.parent.id !== 0 ? `in R${r.parent.id}` : '', r.handler ? `handler ${label(r.handler)}` : '', r.finalizer ? `finalizer ${label(r.finalizer)}` : '']
        .filter(Boolean)
        .join(' ');
    lines.push(`  regions: ${regions.map(describe).join('; ')}`);
  }
  const inputs = ir.variables.filter((v) => v.input).map(variable);
  if (inputs.length > 0) lines.push(`  inputs: ${inputs.join(', ')}`);

  for (const ins of ir.instructions) {
    if (ins.op === 'label') {
      lines.push(`${label(ins.label)}:${regionNote(ins, `${label(ins.label)}:`)}`);
      continue;
    }
    const text = '  ' + instructionText(ins, code, variable, label, finallyName, exitText);
    lines.push(text + regionNote(ins, text));
  }
  return lines.join('\n') + '\n';
}

function instructionText(
  ins: Exclude<Instruction, { op: 'label' }>,
  code: (c: Code | undefined) => string,
  variable: (v: Variable) => string,
  label: (l: Label) => string,
  finallyName: (f: Finally) => string,
  exitText: (exit: Exit) => string,
): string {
  switch (ins.op) {
    case 'statement':
      return `statement ${oneLine(code(ins.code))}`;
    case 'assign':
      return `assign ${variable(ins.target)} = ${oneLine(code(ins.value))}`;
    case 'jump':
      return `jump ${label(ins.target)}`;
    case 'branch':
      return `branch ${oneLine(code(ins.condition))}, ${ins.when ? 'then' : 'else'} ${label(ins.target)}`;
    case 'yield':
      return `yield ${ins.value ? oneLine(code(ins.value)) + ' ' : ''}→ ${label(ins.resume)}`;
    case 'yieldResult':
      return `yieldResult ${oneLine(code(ins.result))} → ${label(ins.resume)}`;
    case 'await':
      return `await ${oneLine(code(ins.value))} → ${label(ins.resume)}`;
    case 'complete':
      return `complete${ins.value ? ' ' + oneLine(code(ins.value)) : ''}`;
    case 'throw':
      return `throw ${oneLine(code(ins.value))}`;
    case 'leave':
      return `leave ${exitText(ins.exit)}`;
    case 'endFinally':
      return `endFinally ${finallyName(ins.finally)}`;
  }
}

function regionNote(ins: Instruction, text: string): string {
  if (ins.region.id === 0) return '';
  return ' '.repeat(Math.max(1, REGION_COLUMN - text.length)) + `@R${ins.region.id}`;
}

/** A rendered user statement may span lines: its continuation lines are indented under the instruction. */
function oneLine(text: string): string {
  return text.split('\n').join('\n    ');
}

function variableNames(variables: readonly Variable[]): Map<Variable, string> {
  const count = new Map<string, number>();
  for (const v of variables) count.set(v.name, (count.get(v.name) ?? 0) + 1);
  return new Map(variables.map((v) => [v, count.get(v.name)! > 1 ? `${v.name}#${v.id}` : v.name]));
}

/** Every region below the root that some instruction stands in, outermost first. */
function regionsOf(instructions: readonly Instruction[]): Region[] {
  const seen = new Map<number, Region>();
  for (const ins of instructions) {
    for (let r: Region | undefined = ins.region; r && r.id !== 0; r = r.parent) seen.set(r.id, r);
  }
  return [...seen.values()].sort((a, b) => a.id - b.id);
}
