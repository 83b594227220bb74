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
 * produced by this file.
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
  isLabel,
  isVariable,
  type Code,
  type Instruction,
  type Label,
  type MachineIR,
} from './ir';
import type { FrameLayout } from './layout';
import type { MachineNames } from './names';
import type { SuspendKind } from './suspend-kind';
import { markedText } from './source-map';
import { fieldsOf, type FrameField } from './frame-fields';

export interface EmittedMachine {
  /** `function F(…) { this.$state = 0; … }` */
  readonly frameConstructor: string;
  readonly step: string;
  /** `var …$handlers = […];` and the like: must run before the first call. */
  readonly tables: string;
}

export interface EmitOptions {
  readonly frameName: string;
  readonly stepName: string;
  readonly handlersName: string;
  readonly finalizersName: string;
  readonly strict: boolean;
  readonly usesDelegate: boolean;
  /** An async function is only ever resumed with a value or a reason (modes 0 and 1), never with return(). */
  readonly kind: SuspendKind;
  /** An async function that awaits at most once per call (see single-await.ts): its frame needs no promise fields. */
  readonly awaitsOnce: boolean;
  /** Write source position marks for `resolvePositionMarks`. */
  readonly marks: boolean;
  /** The frame constructor takes its step function as this first parameter (it is made apart from it). */
  readonly stepParameter?: string;
  /** Declarations (helpers of nested suspend functions) placed at the top of the step function. */
  readonly prelude: readonly Code[];
  readonly indent: string;
}

export function emitMachine(ir: MachineIR, layout: FrameLayout, names: MachineNames, options: EmitOptions): EmittedMachine {
  const stateOf = numberStates(ir.instructions);
  const render = (code: Code | undefined): string => {
    if (!code) return '';
    let out = '';
    for (const part of code) {
      if (typeof part === 'string') out += part;
      else if (isVariable(part)) out += layout.access(part);
      else if (isLabel(part)) out += String(stateOf.get(part));
      else if (isDeferred(part)) out += part.text();
      else if (isCalleeRef(part)) out += layout.callee(part.callee);
      else if (isExitPart(part)) out += exitCode(part.exit, `continue ${names.loop};`);
    }
    return out;
  };
  // An exit inside rendered code may stand in a native loop of the user's: it continues the machine's loop by its label.
  const exitCode = (exit: Exit, continuing: string): string => {
    const through = exit.through;
    if (exit.kind === 'jump') {
      if (!through) return `${names.state} = ${stateOf.get(exit.target)}; ${continuing}`;
      return `${layout.access(through.kind)} = ${completionLiteral(CompletionKind.Jump)}; ${layout.access(through.value)} = ${stateOf.get(exit.target)}; ${names.state} = ${stateOf.get(through.body)}; ${continuing}`;
    }
    const value = exit.value ? render(exit.value) : 'void 0';
    if (!through) return `${names.frame}.$state = -2; return${exit.value ? ' ' + value : ''};`;
    return `${names.value} = ${value}; ${names.state} = ${stateOf.get(through.returnEntry)}; ${continuing}`;
  };
  const stateCount = new Set(stateOf.values()).size;
  const awaitFunction = options.kind === 'asyncGenerator' ? 'awaitInAsyncGenerator' : options.awaitsOnce ? 'awaitOnce' : 'awaitValue';
  const i1 = options.indent + '  ';
  const i2 = i1 + '  ';
  const i3 = i2 + '  ';
  const body: string[] = [];
  const line = (text: string) => body.push(i3 + text);
  // A lone variable needs no parentheses; anything else is negated whole.
  const negation = (condition: Code) => (condition.length === 1 && isVariable(condition[0]) ? `!${render(condition)}` : `!(${render(condition)})`);
  const goto = (label: Label) => `${names.state} = ${stateOf.get(label)}; continue;`;

  const instructions = ir.instructions;
  let reachable = true;
  for (let i = 0; i < instructions.length; i++) {
    const ins = instructions[i];
    const next = instructions[i + 1];
    if (ins.op === 'label') {
      const state = stateOf.get(ins.label)!;
      const previous = instructions[i - 1];
      if (previous && previous.op === 'label' && stateOf.get(previous.label) === state) continue;
      if (reachable && ir.hasRegions && i > 0) line(`${names.state} = ${state};`);
      body.push(`${i2}case ${state}:`);
      reachable = true;
      continue;
    }
    if (!reachable) continue;
    // Source maps: the instruction's text carries the position it came from (see source-map.ts).
    const mark = (text: string) => (options.marks ? markedText(text, ins.pos) : text);
    const fallsTo = (label: Label) => next?.op === 'label' && stateOf.get(next.label) === stateOf.get(label);
    switch (ins.op) {
      case 'statement':
        line(mark(render(ins.code)));
        break;
      case 'throw':
        line(mark(`throw ${render(ins.value)};`));
        reachable = false;
        break;
      case 'leave':
        line(mark(exitCode(ins.exit, 'continue;')));
        reachable = false;
        break;
      case 'assign': {
        const source = ins.value.length === 1 && isVariable(ins.value[0]) ? ins.value[0] : undefined;
        // Two variables whose lifetimes meet only here may share a field: the copy is then no copy.
        if (source && layout.access(source) === layout.access(ins.target)) break;
        line(mark(`${layout.access(ins.target)} = ${render(ins.value)};`));
        break;
      }
      case 'jump':
        if (!fallsTo(ins.target)) {
          line(goto(ins.target));
          reachable = false;
        }
        break;
      case 'branch':
        line(mark(`if (${ins.when ? render(ins.condition) : negation(ins.condition)}) { ${goto(ins.target)} }`));
        break;
      case 'yield':
        line(`${names.frame}.$state = ${stateOf.get(ins.resume)};`);
        line(mark(`return${ins.value ? ' ' + render(ins.value) : ''};`));
        reachable = false;
        break;
      case 'await':
        line(`${names.frame}.$state = ${stateOf.get(ins.resume)};`);
        line(mark(`return ${names.runtime.ref(awaitFunction)}(${names.frame}, ${render(ins.value)});`));
        reachable = false;
        break;
      case 'delegate':
        line(`${names.frame}.$state = ${stateOf.get(ins.resume)};`);
        line(mark(`return ${names.runtime.ref('delegate')}(${names.frame}, ${render(ins.iterable)});`));
        reachable = false;
        break;
      case 'complete':
        line(`${names.frame}.$state = -2;`);
        line(mark(`return${ins.value ? ' ' + render(ins.value) : ''};`));
        reachable = false;
        break;
      case 'endFinally': {
        const fin = ins.finally;
        const kind = layout.access(fin.kind);
        const value = layout.access(fin.value);
        if (fin.outer) {
          line(`if (${kind} === ${completionLiteral(CompletionKind.Return)}) { ${names.value} = ${value}; ${goto(fin.outer.returnEntry)} }`);
        } else {
          line(`if (${kind} === ${completionLiteral(CompletionKind.Return)}) { ${names.frame}.$state = -2; return ${value}; }`);
        }
        line(`if (${kind} === ${completionLiteral(CompletionKind.Throw)}) throw ${value};`);
        if (fin.jumpTargets.size) {
          const through = [...fin.jumpsThroughOuter].map((t) => {
            const outer = fin.outer!;
            return `if (${value} === ${stateOf.get(t)}) { ${layout.access(outer.kind)} = ${completionLiteral(CompletionKind.Jump)}; ${layout.access(outer.value)} = ${value}; ${goto(outer.body)} } `;
          });
          line(`if (${kind} === ${completionLiteral(CompletionKind.Jump)}) { ${through.join('')}${names.state} = ${value}; continue; }`);
        }
        if (!fallsTo(fin.after)) {
          line(goto(fin.after));
          reachable = false;
        }
        break;
      }
    }
  }

  // Tables: the handler for each state, and where a return() goes first.
  const handlers: number[] = new Array(stateCount).fill(0);
  const finalizers: number[] = new Array(stateCount).fill(0);
  let anyFinalizer = false;
  for (const ins of instructions) {
    if (ins.op !== 'label') continue;
    const state = stateOf.get(ins.label)!;
    const h = handlerOf(ins.region);
    const f = finalizerOf(ins.region);
    handlers[state] = h ? stateOf.get(h)! : 0;
    finalizers[state] = f ? stateOf.get(f)! : 0;
    if (f) anyFinalizer = true;
  }

  const out: string[] = [];
  out.push(`function ${options.stepName}(${names.frame}, ${names.state}, ${names.mode}, ${names.value}) {`);
  if (options.strict) out.push(`${i1}"use strict";`);
  if (layout.locals.length) out.push(`${i1}var ${layout.locals.join(', ')};`);
  for (const declaration of options.prelude) out.push(i1 + render(declaration));
  const F = names.frame;
  // return() reaches generators only; an async function's finallies run on its own completions.
  const resumedByReturn = options.kind !== 'async';
  const finalizerTable = resumedByReturn && anyFinalizer;
  if (!ir.hasRegions) {
    if (resumedByReturn) {
      out.push(`${i1}if (${names.mode} !== 0) { ${F}.$state = -2; if (${names.mode} === 1) throw ${names.value}; return ${names.value}; }`);
    } else {
      out.push(`${i1}if (${names.mode} !== 0) throw ${names.value};`);
    }
    out.push(`${i1}${names.loop}: for (;;) switch (${names.state}) {`);
    out.push(...body);
    out.push(`${i1}}`);
  } else {
    if (finalizerTable) {
      out.push(`${i1}if (${names.mode} === 2) {`);
      out.push(`${i2}${names.state} = ${options.finalizersName}[${names.state}];`);
      out.push(`${i2}if (${names.state} === 0) { ${F}.$state = -2; return ${names.value}; }`);
      out.push(`${i1}}`);
    } else if (resumedByReturn) {
      out.push(`${i1}if (${names.mode} === 2) { ${F}.$state = -2; return ${names.value}; }`);
    }
    out.push(`${i1}${names.loop}: for (;;) {`);
    out.push(`${i1}  try {`);
    out.push(`${i2}  if (${names.mode} === 1) { ${names.mode} = 0; throw ${names.value}; }`);
    out.push(`${i2}  switch (${names.state}) {`);
    out.push(...body.map((l) => '    ' + l));
    out.push(`${i2}  }`);
    out.push(`${i1}  } catch (${names.error}) {`);
    out.push(`${i2}  ${names.state} = ${options.handlersName}[${names.state}];`);
    out.push(`${i2}  if (${names.state} === 0) throw ${names.error};`);
    out.push(`${i2}  ${names.value} = ${names.error};`);
    out.push(`${i1}  }`);
    out.push(`${i1}}`);
  }
  out.push(`${options.indent}}`);

  const tables: string[] = [];
  if (ir.hasRegions) {
    tables.push(`var ${options.handlersName} = [${handlers.join(', ')}];`);
    if (finalizerTable) tables.push(`var ${options.finalizersName} = [${finalizers.join(', ')}];`);
  }

  const ctor: string[] = [];
  const params = layout.inputs.map((v) => layout.fieldOf(v)!);
  const stepParameter = options.stepParameter ? [options.stepParameter] : [];
  ctor.push(`function ${options.frameName}(${[...stepParameter, ...params].join(', ')}) {`);
  const stepFunction = options.stepParameter ?? options.stepName;
  const write = (fields: readonly FrameField[]) => {
    for (const f of fields) ctor.push(`${i1}this.${f.name} = ${f.initial === 'step' ? stepFunction : f.initial};`);
  };
  write(fieldsOf('machine'));
  const inputFields = new Set(params);
  for (const slot of layout.slots) {
    ctor.push(`${i1}this.${slot.field} = ${inputFields.has(slot.field) ? slot.field : 'undefined'};`);
  }
  if (options.kind === 'async' && !options.awaitsOnce) write(fieldsOf('awaiting'));
  else if (options.kind === 'asyncGenerator') write(fieldsOf('asyncGenerator'));
  if (options.usesDelegate) write(fieldsOf('delegate'));
  ctor.push(`${options.indent}}`);

  return {
    frameConstructor: ctor.join('\n'),
    step: out.join('\n'),
    tables: tables.join('\n' + options.indent),
  };
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


