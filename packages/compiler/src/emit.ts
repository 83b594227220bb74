/**
 * IR + frame layout → the text of the frame constructor, the step function
 * and the exception tables.
 *
 * ## Example
 * See `docs/architecture.md`, "What a lowered generator looks like".
 *
 * ## Implementation
 * Labels are numbered in order; consecutive labels share a state. The step
 * function is one `for (;;) switch ($state)` loop; a jump assigns `$state`
 * and continues the loop, falling through when the target comes next. In a
 * function with `try`, the loop body is wrapped once in `try/catch` whose
 * handler looks the current state up in a static table, and `$state` is kept
 * exact at every state boundary so the lookup is right. Only ES5 syntax is
 * produced by this file. The steps: `numberStates`, `exceptionTables`,
 * `CaseWriter` (the cases, instruction by instruction), `stepFunction`
 * (the loop around them), `frameConstructor`.
 *
 * ## References
 * ECMAScript 2025, 27.5.3.3 GeneratorResume, 27.5.3.4 GeneratorResumeAbrupt.
 */
import {
  CompletionKind,
  completionLiteral,
  finalizerOf,
  handlerOf,
  isCalleeRef,
  isExitPart,
  type Exit,
  isDeferred,
  isSourcePosition,
  isLabel,
  isLineBreak,
  isOperand,
  isVariable,
  plainText,
  type Code,
  type Finally,
  type Instruction,
  type Label,
  type MachineIR,
} from './ir';
import type { FrameLayout } from './layout';
import type { MachineNames } from './names';
import type { SuspendKind } from './suspend-kind';
import { namedPositionMark, positionMark } from './source-map';
import { fieldsOf, type FrameField } from './frame-fields';

export interface EmittedMachine {
  /** `function F(…) { this.$state = 0; … }` */
  readonly frameConstructor: string;
  readonly step: string;
  /** `var …$handlers = […];` and the like: must run before the first call. */
  readonly tables: string;
  /** For a coroutine: each resume state after an `await`, with the source offset of that `await`. */
  readonly awaitPositions: readonly AwaitPosition[];
  /** The frame's fields that no closure reads: a coroutine's task lets go of them when its body ends. */
  readonly clearableSlots: readonly string[];
}

export interface AwaitPosition {
  readonly state: number;
  readonly pos: number | undefined;
}

export interface EmitOptions {
  readonly frameName: string;
  readonly stepName: string;
  readonly handlersName: string;
  readonly finalizersName: string;
  readonly strict: boolean;
  /** An async function is only ever resumed with a value or a reason (modes 0 and 1), never with return(). */
  readonly kind: SuspendKind;
  /** An async function that awaits at most once per call (see single-await.ts): its frame needs no promise fields. */
  readonly awaitsOnce: boolean;
  /**
   * For `awaitsOnce`: the variable holding the rejection reactions of its awaits by resume state
   * (`describeAwaitOnce`), which `awaitOnce` takes with the state: they write its `at async` line.
   */
  readonly onceRejections?: string;
  /** Write source position marks for `resolvePositionMarks`. */
  readonly marks: boolean;
  /** The function the step function runs, as stack traces name it (`marks` only): where it starts and its name. */
  readonly traceName?: { readonly pos: number; readonly name: string };
  /** The frame constructor takes its step function as this first parameter (it is made apart from it). */
  readonly stepParameter?: string;
  /**
   * The step function is the frame prototype's `$step` (`linkTaskFrame` puts it there), not a field
   * of each frame: a coroutine's frame is its task, and a suspended task is a field smaller.
   */
  readonly stepOnPrototype?: boolean;
  /**
   * The step function is an arrow the wrapper makes per call (a function with a dynamic scope,
   * dynamic-scope.ts): it sees the wrapper's parameters, `this` and `arguments` as they are.
   */
  readonly stepInScope?: boolean;
  /**
   * A generator function linked to its function object: the frame constructor gives the object the
   * function's current `prototype` when it was replaced since linking (GetPrototypeFromConstructor).
   */
  readonly adoptPrototype?: 'adoptPrototype' | 'adoptAsyncGeneratorPrototype';
  /**
   * A declaration at a module's top level, which an import cycle may call before the statements that
   * make its tables and link it have run: its frame constructor makes them then (`link`: a generator's
   * link call, which returns the function).
   */
  readonly setupOnFirstCall?: { readonly link: string | undefined };
  /**
   * A coroutine: the callee of its `await` (`$coroutines.awaitInline`) and the two markers it
   * returns when the step cannot go on in the same call; its frame holds the task's fields instead
   * of the awaiting ones (coroutines.md, "Compiled form").
   */
  readonly coroutineAwait?: { readonly callee: string; readonly suspend: string; readonly ready: string };
  /** Declarations (helpers of nested suspend functions) placed at the top of the step function. */
  readonly prelude: readonly Code[];
  readonly indent: string;
  /** The indentation of the source line a position stands on: what rendered code's line breaks are re-indented from. */
  readonly sourceIndentAt: (pos: number) => string;
}

/** How line breaks of rendered user code are written: `from` the source's indentation `to` the step function's. */
interface Reindent {
  readonly from: string;
  readonly to: string;
}

/** A source line's indentation, moved from the statement's own to the step function's. */
function reindented(indent: string, { from, to }: Reindent): string {
  return to + (indent.startsWith(from) ? indent.slice(from.length) : '');
}

export function emitMachine(ir: MachineIR, layout: FrameLayout, names: MachineNames, options: EmitOptions): EmittedMachine {
  const stateOf = numberStates(ir.instructions);
  const tables = exceptionTables(ir, stateOf, options.kind);
  const writer = new CaseWriter(ir, layout, names, options, stateOf);
  const cases = writer.write();
  return {
    frameConstructor: frameConstructor(layout, names, options, tables),
    // A captured binding is read by its closures after the body has ended, through the frame.
    clearableSlots: layout.slots.filter((slot) => !slot.variables.some((v) => v.captured)).map((slot) => slot.field),
    step: stepFunction(cases, tables, ir.hasRegions, layout, names, options),
    tables: tableAssignments(tables, options)
      .map((assignment) => `var ${assignment}`)
      .join('\n' + options.indent),
    awaitPositions: writer.awaitPositions,
  };
}

/** The indentation of the step function's lines: its body, the `case` labels, the statements of a case. */
function stepIndents(indent: string, hasRegions: boolean) {
  const body = indent + '  ';
  const nested = body + '  ';
  // In a function with `try`, the switch stands inside the loop's `try`: two levels deeper.
  const caseLabel = hasRegions ? nested + '    ' : nested;
  return { body, nested, caseLabel, statement: caseLabel + '  ' };
}

/**
 * The `case` clauses of the step function, one instruction after another.
 * Code after an instruction that leaves the state (a jump, a suspension, a
 * throw) is unreachable until the next label, and is dropped.
 */
class CaseWriter {
  private readonly lines: string[] = [];
  private readonly indents: ReturnType<typeof stepIndents>;
  private readonly awaitCallee: string;
  readonly awaitPositions: AwaitPosition[] = [];

  constructor(
    private readonly ir: MachineIR,
    private readonly layout: FrameLayout,
    private readonly names: MachineNames,
    private readonly options: EmitOptions,
    private readonly stateOf: ReadonlyMap<Label, number>,
  ) {
    this.indents = stepIndents(options.indent, ir.hasRegions);
    this.awaitCallee =
      options.coroutineAwait?.callee ?? names.runtime.ref(options.kind === 'asyncGenerator' ? 'awaitInAsyncGenerator' : options.awaitsOnce ? 'awaitOnce' : 'awaitValue');
  }

  write(): string[] {
    const { names, stateOf } = this;
    const instructions = this.ir.instructions;
    let reachable = true;
    for (let i = 0; i < instructions.length; i++) {
      const ins = instructions[i];
      if (ins.op === 'label') {
        const state = stateOf.get(ins.label)!;
        const previous = instructions[i - 1];
        if (previous && previous.op === 'label' && stateOf.get(previous.label) === state) continue;
        if (reachable && this.ir.hasRegions && i > 0) this.line(`${names.state} = ${state};`);
        this.lines.push(`${this.indents.caseLabel}case ${state}:`);
        reachable = true;
        continue;
      }
      if (reachable) reachable = this.instruction(ins, instructions[i + 1]);
    }
    return this.lines;
  }

  /** Writes one instruction; says whether the code after it is reached. */
  private instruction(ins: Instruction, next: Instruction | undefined): boolean {
    const { layout, names, stateOf } = this;
    // Source maps: the instruction's text carries the position it came from (see source-map.ts).
    const mark = (text: string) => (this.options.marks && ins.pos !== undefined ? positionMark(ins.pos) + text : text);
    // User code spanning lines keeps its shape, shifted from its statement's indentation to the step function's.
    const reindent: Reindent = { from: ins.pos === undefined ? '' : this.options.sourceIndentAt(ins.pos), to: this.indents.statement };
    const code = (c: Code | undefined) => this.render(c, reindent);
    const fallsTo = (label: Label) => next?.op === 'label' && stateOf.get(next.label) === stateOf.get(label);
    switch (ins.op) {
      case 'label':
        return true;
      case 'statement':
        this.line(mark(code(ins.code)));
        return true;
      case 'throw':
        this.line(mark(`throw ${code(ins.value)};`));
        return false;
      case 'leave':
        this.line(mark(this.exitCode(ins.exit, 'continue;', reindent)));
        return false;
      case 'assign': {
        const source = ins.value.length === 1 && isVariable(ins.value[0]) ? ins.value[0] : undefined;
        // Two variables whose lifetimes meet only here may share a field: the copy is then no copy.
        if (!(source && layout.access(source) === layout.access(ins.target))) this.line(mark(`${layout.access(ins.target)} = ${code(ins.value)};`));
        return true;
      }
      case 'jump':
        if (fallsTo(ins.target)) return true;
        this.line(this.goto(ins.target));
        return false;
      case 'branch': {
        // A lone variable needs no parentheses; anything else is negated whole.
        const lone = ins.condition.length === 1 && isVariable(ins.condition[0]);
        const condition = ins.when ? code(ins.condition) : lone ? `!${code(ins.condition)}` : `!(${code(ins.condition)})`;
        this.line(mark(`if (${condition}) { ${this.goto(ins.target)} }`));
        return true;
      }
      case 'yield':
        this.line(`${names.frame}.$state = ${stateOf.get(ins.resume)};`);
        this.line(mark(this.suspendReturn(ins.value && code(ins.value), false)));
        return false;
      case 'await': {
        const resume = stateOf.get(ins.resume)!;
        this.awaitPositions.push({ state: resume, pos: ins.pos });
        const coroutine = this.options.coroutineAwait;
        if (!coroutine && this.options.kind === 'async' && !this.options.awaitsOnce) {
          // The step reads the task and names the resume state itself: here the frame has one shape, where
          // the runtime, which sees the frames of every async function, would look them up megamorphically.
          this.line(mark(`return ${this.awaitCallee}(${names.frame}, ${names.frame}.$task, ${code(ins.value)}, ${resume});`));
          return false;
        }
        this.line(`${names.frame}.$state = ${resume};`);
        if (!coroutine) {
          const rejections = this.options.awaitsOnce && this.options.onceRejections ? `, ${this.options.onceRejections}, ${resume}` : '';
          this.line(mark(`return ${this.awaitCallee}(${names.frame}, ${code(ins.value)}${rejections});`));
          return false;
        }
        // A value that is there already (C++ `await_ready`): the step goes on in this call, at the resume state.
        const awaited = `(${names.value} = ${this.awaitCallee}(${names.frame}, ${code(ins.value)}))`;
        this.line(mark(`if (${awaited} === ${coroutine.suspend} || ${names.value} === ${coroutine.ready}) return ${names.value};`));
        if (fallsTo(ins.resume)) return true;
        this.line(this.goto(ins.resume));
        return false;
      }
      case 'yieldResult':
        // Below -2: suspended inside a `yield*`, resuming at -3 - it; resumeGenerator hands the result on unwrapped.
        this.line(`${names.frame}.$state = ${-3 - stateOf.get(ins.resume)!};`);
        this.line(mark(`return ${code(ins.result)};`));
        return false;
      case 'complete':
        this.line(`${names.frame}.$state = -2;`);
        this.line(mark(this.suspendReturn(ins.value && code(ins.value), true)));
        return false;
      case 'endFinally':
        this.endFinally(ins.finally);
        if (fallsTo(ins.finally.after)) return true;
        this.line(this.goto(ins.finally.after));
        return false;
    }
  }

  /** The end of a `finally` body: the pending completion goes on (a return, a throw, a jump), or the code after it runs. */
  private endFinally(fin: Finally): void {
    const { layout, names, stateOf } = this;
    const kind = layout.access(fin.kind);
    const value = layout.access(fin.value);
    if (fin.outer) {
      this.line(`if (${kind} === ${completionLiteral(CompletionKind.Return)}) { ${names.value} = ${value}; ${this.goto(fin.outer.returnEntry)} }`);
    } else {
      this.line(`if (${kind} === ${completionLiteral(CompletionKind.Return)}) { ${names.frame}.$state = -2; ${this.suspendReturn(value, true)} }`);
    }
    this.line(`if (${kind} === ${completionLiteral(CompletionKind.Throw)}) throw ${value};`);
    if (fin.jumpTargets.size) {
      const through = [...fin.jumpsThroughOuter].map((t) => {
        const outer = fin.outer!;
        return `if (${value} === ${stateOf.get(t)}) { ${layout.access(outer.kind)} = ${completionLiteral(CompletionKind.Jump)}; ${layout.access(outer.value)} = ${value}; ${this.goto(outer.body)} } `;
      });
      this.line(`if (${kind} === ${completionLiteral(CompletionKind.Jump)}) { ${through.join('')}${names.state} = ${value}; continue; }`);
    }
  }

  private line(text: string): void {
    this.lines.push(this.indents.statement + text);
  }

  /** The `return` that hands the caller a yielded or completion value (`undefined` when there is none). */
  private suspendReturn(value: string | undefined, done: boolean): string {
    return returnStatement(this.options.kind, value, done);
  }

  private goto(label: Label): string {
    return `${this.names.state} = ${this.stateOf.get(label)}; continue;`;
  }

  render(code: Code | undefined, reindent: Reindent): string {
    if (!code) return '';
    let out = '';
    for (const part of code) {
      const text = plainText(part);
      if (text !== undefined) out += text;
      else if (isVariable(part)) out += this.layout.access(part);
      else if (isLabel(part)) out += String(this.stateOf.get(part));
      else if (isDeferred(part)) out += part.text((indent) => reindented(indent, reindent));
      else if (isCalleeRef(part)) out += this.layout.callee(part.callee);
      else if (isSourcePosition(part)) out += this.options.marks ? positionMark(part.sourceAt, part.copied) : '';
      else if (isExitPart(part)) out += this.exitCode(part.exit, `continue ${this.names.loop};`, reindent);
      else if (isLineBreak(part)) out += '\n' + reindented(part.lineBreak, reindent);
    }
    return out;
  }

  /** An exit inside rendered code may stand in a native loop of the user's: it continues the machine's loop by its label. */
  private exitCode(exit: Exit, continuing: string, reindent: Reindent): string {
    const { layout, names, stateOf } = this;
    const through = exit.through;
    if (exit.kind === 'jump') {
      if (!through) return `${names.state} = ${stateOf.get(exit.target)}; ${continuing}`;
      return `${layout.access(through.kind)} = ${completionLiteral(CompletionKind.Jump)}; ${layout.access(through.value)} = ${stateOf.get(exit.target)}; ${names.state} = ${stateOf.get(through.body)}; ${continuing}`;
    }
    const value = exit.value ? this.render(exit.value, reindent) : 'void 0';
    if (!through) return `${names.frame}.$state = -2; ${this.suspendReturn(exit.value ? value : undefined, true)}`;
    // `return await x` returns what the machine was resumed with: `$value` holds it already.
    const resumedValue = exit.value?.length === 1 && isOperand(exit.value[0]) && exit.value[0].operand === names.value;
    const setValue = resumedValue ? '' : `${names.value} = ${value}; `;
    return `${setValue}${names.state} = ${stateOf.get(through.returnEntry)}; ${continuing}`;
  }
}

/** Per state: where an exception goes (`handlers`), and where a generator's `return()` goes first (`finalizers`, when any). */
interface ExceptionTables {
  readonly handlers: readonly number[] | undefined;
  readonly finalizers: readonly number[] | undefined;
}

function exceptionTables(ir: MachineIR, stateOf: ReadonlyMap<Label, number>, kind: SuspendKind): ExceptionTables {
  if (!ir.hasRegions) return { handlers: undefined, finalizers: undefined };
  const stateCount = new Set(stateOf.values()).size;
  const handlers: number[] = new Array(stateCount).fill(0);
  const finalizers: number[] = new Array(stateCount).fill(0);
  let anyFinalizer = false;
  for (const ins of ir.instructions) {
    if (ins.op !== 'label') continue;
    const state = stateOf.get(ins.label)!;
    const h = handlerOf(ins.region);
    const f = finalizerOf(ins.region);
    handlers[state] = h ? stateOf.get(h)! : 0;
    finalizers[state] = f ? stateOf.get(f)! : 0;
    if (f) anyFinalizer = true;
  }
  // return() reaches generators only; an async function's finallies run on its own completions.
  return { handlers, finalizers: kind !== 'async' && anyFinalizer ? finalizers : undefined };
}

function tableAssignments(tables: ExceptionTables, options: EmitOptions): string[] {
  const assignments: string[] = [];
  if (tables.handlers) assignments.push(`${options.handlersName} = [${tables.handlers.join(', ')}];`);
  if (tables.finalizers) assignments.push(`${options.finalizersName} = [${tables.finalizers.join(', ')}];`);
  return assignments;
}

/** `function f$step($frame, $state, $mode, $value) { … }`: the resumption modes, then the loop around the cases. */
function stepFunction(
  cases: readonly string[],
  tables: ExceptionTables,
  hasRegions: boolean,
  layout: FrameLayout,
  names: MachineNames,
  options: EmitOptions,
): string {
  const { body: i1, nested: i2 } = stepIndents(options.indent, hasRegions);
  const F = names.frame;
  const out: string[] = [];
  const parameters = `(${F}, ${names.state}, ${names.mode}, ${names.value})`;
  // Named where the function starts (its `function` and its parameters, whichever the engine takes), so traces say the user's name.
  const named = options.marks && options.traceName ? namedPositionMark(options.traceName.pos, options.traceName.name) : '';
  out.push(options.stepInScope ? `${parameters} => {` : `${named}function ${options.stepName}${named}${parameters} {`);
  if (options.strict) out.push(`${i1}"use strict";`);
  if (layout.locals.length) out.push(`${i1}var ${layout.locals.join(', ')};`);
  for (const declaration of options.prelude) {
    // A nested method whose helpers are made at the top of the file leaves nothing here.
    const text = renderPlain(declaration);
    if (text) out.push(i1 + text);
  }
  // A generator's step marks its frame running itself: a store here sees one shape of frame, where the
  // runtime's, made for the frames of every generator, is megamorphic (resume-generator.ts).
  if (options.kind === 'generator') out.push(`${i1}${F}.$state = -1;`);
  const resumedByReturn = options.kind !== 'async';
  if (!hasRegions) {
    if (resumedByReturn) {
      out.push(`${i1}if (${names.mode} !== 0) { ${F}.$state = -2; if (${names.mode} === 1) throw ${names.value}; ${returnStatement(options.kind, names.value, true)} }`);
    } else {
      out.push(`${i1}if (${names.mode} !== 0) throw ${names.value};`);
    }
    out.push(`${i1}${names.loop}: for (;;) switch (${names.state}) {`);
    out.push(...cases);
    out.push(`${i1}}`);
  } else {
    if (tables.finalizers) {
      out.push(`${i1}if (${names.mode} === 2) {`);
      out.push(`${i2}${names.state} = ${options.finalizersName}[${names.state}];`);
      out.push(`${i2}if (${names.state} === 0) { ${F}.$state = -2; ${returnStatement(options.kind, names.value, true)} }`);
      out.push(`${i1}}`);
    } else if (resumedByReturn) {
      out.push(`${i1}if (${names.mode} === 2) { ${F}.$state = -2; ${returnStatement(options.kind, names.value, true)} }`);
    }
    out.push(`${i1}${names.loop}: for (;;) {`);
    out.push(`${i1}  try {`);
    out.push(`${i2}  if (${names.mode} === 1) { ${names.mode} = 0; throw ${names.value}; }`);
    out.push(`${i2}  switch (${names.state}) {`);
    out.push(...cases);
    out.push(`${i2}  }`);
    out.push(`${i1}  } catch (${names.error}) {`);
    out.push(`${i2}  ${names.state} = ${options.handlersName}[${names.state}];`);
    out.push(`${i2}  if (${names.state} === 0) throw ${names.error};`);
    out.push(`${i2}  ${names.value} = ${names.error};`);
    out.push(`${i1}  }`);
    out.push(`${i1}}`);
  }
  out.push(`${options.indent}}`);
  return out.join('\n');
}

/**
 * How a step hands back a value at a `yield` or at its end. A generator's step makes the iterator
 * result itself: there the literal sees one shape of frame and makes one shape of result, where
 * `resumeGenerator`, which sees the frames of every generator, would read `$state` once more,
 * megamorphically, to learn `done`. The other kinds' drivers take the bare value.
 */
function returnStatement(kind: SuspendKind, value: string | undefined, done: boolean): string {
  if (kind !== 'generator') return `return${value ? ' ' + value : ''};`;
  return `return { value: ${value ?? 'void 0'}, done: ${done} };`;
}

/** A prelude declaration: nested functions' helpers, text that is final by now. */
function renderPlain(code: Code): string {
  return code.map((part) => plainText(part) ?? (isDeferred(part) ? part.text() : isSourcePosition(part) ? '' : unexpectedPart())).join('');
}

function unexpectedPart(): never {
  throw new Error('a prelude declaration holds only text');
}

/** `function f$Frame(…) { this.$state = 0; … }`: the fields the runtime reads, then the function's slots. */
function frameConstructor(layout: FrameLayout, names: MachineNames, options: EmitOptions, tables: ExceptionTables): string {
  const i1 = options.indent + '  ';
  const ctor: string[] = [];
  const params = layout.inputs.map((v) => layout.fieldOf(v)!);
  const stepParameter = options.stepParameter ? [options.stepParameter] : [];
  ctor.push(`function ${options.frameName}(${[...stepParameter, ...params].join(', ')}) {`);
  const tablesMade = tableAssignments(tables, options);
  if (options.setupOnFirstCall && tablesMade.length) {
    const first = tables.handlers ? options.handlersName : options.finalizersName;
    ctor.push(`${i1}if (${first} === void 0) { ${tablesMade.join(' ')} }`);
  }
  const stepFunction = options.stepParameter ?? options.stepName;
  const write = (fields: readonly FrameField[]) => {
    for (const f of fields) {
      if (f.initial === 'step' && options.stepOnPrototype) continue;
      ctor.push(`${i1}this.${f.name} = ${f.initial === 'step' ? stepFunction : f.initial};`);
    }
  };
  write(fieldsOf('machine'));
  const inputFields = new Set(params);
  for (const slot of layout.slots) {
    ctor.push(`${i1}this.${slot.field} = ${inputFields.has(slot.field) ? slot.field : 'void 0'};`);
  }
  if (options.coroutineAwait) write(fieldsOf('coroutine'));
  else if (options.kind === 'async' && !options.awaitsOnce) write(fieldsOf('awaiting'));
  else if (options.kind === 'asyncGenerator') write(fieldsOf('asyncGenerator'));
  if (options.adoptPrototype) {
    const F = options.frameName;
    const adopt = names.runtime.ref(options.adoptPrototype);
    // The object was made with the prototype the frame had before the link: it takes the linked one.
    const link = options.setupOnFirstCall?.link;
    if (link) ctor.push(`${i1}if (${F}.$function === void 0) return ${adopt}(this, ${link});`);
    ctor.push(`${i1}if (${F}.prototype !== ${F}.$function.prototype) return ${adopt}(this, ${F}.$function);`);
  }
  ctor.push(`${options.indent}}`);
  return ctor.join('\n');
}

/**
 * Consecutive labels of one region share one state; states are numbered in
 * order from 0. Labels of different regions stay apart even when adjacent:
 * a resumption just before a `try` must not be covered by that try's handler.
 */
function numberStates(instructions: readonly Instruction[]): Map<Label, number> {
  const stateOf = new Map<Label, number>();
  let next = -1;
  let previous: Instruction | undefined;
  for (const ins of instructions) {
    if (ins.op === 'label') {
      if (!(previous?.op === 'label' && previous.region === ins.region)) next++;
      stateOf.set(ins.label, next);
    }
    previous = ins;
  }
  return stateOf;
}


