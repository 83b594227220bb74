/**
 * The state-machine IR: what `build` produces and `liveness`, `layout` and
 * `emit` consume.
 *
 * ## Example
 * ```js
 * function* g(a) { try { log(yield a); } finally { done(); } }
 * ```
 * builds to (`formatIR`; `L*` are labels, `@R*` the protected region an
 * instruction stands in; fixtures/ir/try-finally-yield/ir.txt, checked by a test)
 * ```
 * generator g (4:1)
 *   regions: R1 handler L4 finalizer L3
 *   inputs: a
 * L0:
 * L5:                                     @R1
 *   assign $t = log                       @R1
 *   yield a → L6                          @R1
 * L6:                                     @R1
 *   statement callee($t)($value);         @R1
 *   assign $completion = "normal"         @R1
 *   jump L2                               @R1
 * L4:
 *   assign $completion = "throw"
 *   assign $result = $value
 *   jump L2
 * L3:
 *   assign $completion = "return"
 *   assign $result = $value
 * L2:
 *   statement { done(); }
 *   endFinally finally $completion/$result
 * L1:
 *   complete
 * ```
 *
 * ## Implementation
 * A flat list of instructions. Code inside an instruction is a `Code`: the
 * text of the user's expressions with holes for the variables the machine
 * manages (`Variable`) and for state numbers (`Label`). Only `emit` decides
 * whether a variable is a frame field or a local of the step function, which
 * is what lets liveness run on the IR before any text is final.
 *
 * | instruction | meaning | emitted as |
 * | --- | --- | --- |
 * | `label L` | a jump target; starts a state | `case n:` |
 * | `statement c` | user statements without suspension points; an exit in them (`⟨exit …⟩`) is rendered like `leave` | `c` |
 * | `assign v = c` | define a variable (a kill for liveness) | `v = c;` |
 * | `jump L` | | `$state = n; continue;` |
 * | `branch c, else L` | jump to L when c is falsy | `if (!(c)) { $state = n; continue; }` (`!c` for a variable) |
 * | `branch c, then L` | jump to L when c is truthy | `if (c) { $state = n; continue; }` |
 * | `yield c → L` | suspend with c, resume at L with the sent value in `$value` | `$frame.$state = n; return c;` |
 * | `yieldResult c → L` | suspend handing the caller the iterator result c as it is (a `yield*`'s inner result), resume at L | `$frame.$state = -3 - n; return c;` (written as one number) |
 * | `await c → L` | suspend until c settles, resume at L with its value in `$value` (or its reason thrown) | `return $coro.awaitValue($frame, $frame.$task, c, n);` in an async function that may await more than once; `$frame.$state = n; return $coro.awaitOnce($frame, c);` in one that awaits once (`awaitInAsyncGenerator` in an async generator) |
 * | `complete c` | the generator returns c (no `finally` pending) | `$frame.$state = -2; return c;` |
 * | `throw c` | throws c | `throw c;` |
 * | `leave jump L through F` | `break`/`continue` to L leaving the finally F (and those outside it up to L) | `F.kind = "jump"; F.value = n; $state = F.body; continue;` |
 * | `leave return c through F` | `return c` leaving the finally F | `$value = c; $state = F.returnEntry; continue;` |
 * | `endFinally f` | end of a `finally` block: resume its pending completion | a few `if`s |
 *
 * ## References
 * ECMAScript 2025, 6.2.4 The Completion Record Specification Type;
 * 14.15.3 try statement evaluation. TypeScript's `transformers/generators.ts`
 * header describes a similar label/instruction language.
 */
import type { Binding } from './scope';

export type VariableOrigin = 'binding' | 'temp' | 'this' | 'arguments' | 'newTarget' | 'super' | 'superCall' | 'environment' | 'iterator';

export interface Variable {
  readonly id: number;
  /** The name the variable prefers in output, before collisions are resolved. */
  readonly name: string;
  readonly origin: VariableOrigin;
  readonly binding?: Binding;
  /** Handed in by the frame constructor at call time (parameters, `this`, `arguments`). */
  readonly input: boolean;
  /** Read by a closure: must live in the frame, in a field of its own. */
  captured: boolean;
}

export interface Label {
  readonly id: number;
}

/**
 * Text known only once the enclosing machine's layout is final: a suspend
 * function nested in this one is lowered when this one is emitted, because
 * its body names this one's frame slots; the name an anonymous function is
 * given in writing when its binding is not written as itself (render.ts).
 */
export type IndentMap = (sourceIndent: string) => string;

export interface Deferred {
  /** `indentAt`: where a line indented so in the source stands in the output, when emit moves the code around it. */
  readonly text: (indentAt?: IndentMap) => string;
  /** How the printed IR shows it; `⟨nested function⟩` when not said. */
  readonly printed?: string;
}

/**
 * A variable in callee position. Written `(0, $frame.f)` when the variable is
 * a frame field, so that the call does not pass the frame as `this`.
 */
export interface CalleeRef {
  readonly callee: Variable;
}

/**
 * Leaving the code being built for somewhere else: a `break`, `continue` or
 * `return`, possibly through the `finally` blocks it leaves (`through`, the
 * innermost one, whose pending completion is set before its body runs).
 */
export type Exit =
  | { readonly kind: 'jump'; readonly target: Label; readonly through: Finally | undefined }
  | { readonly kind: 'return'; readonly value: Code | undefined; readonly through: Finally | undefined };

/** An exit inside rendered user code (a `break` in an `if` that holds no suspension point). */
export interface ExitPart {
  readonly exit: Exit;
}

/**
 * A line break in rendered user code, with the indentation the next line has
 * in the source. Emit re-indents it to where the code stands in the step
 * function; a line break inside a template or string literal is content and
 * stays text.
 */
export interface LineBreak {
  readonly lineBreak: string;
}

/**
 * One operand written as text: a name the machine does not own (a global, a
 * binding of an enclosing function) or a literal. Build asks of it what it
 * cannot ask of text: whether it needs parentheses (never), whether
 * evaluating it alone has an effect (a literal's never; a name's may: it may
 * resolve to nothing, or to a binding in its dead zone), and whether a
 * suspension can change its value (only a name's).
 */
export interface Operand {
  readonly operand: string;
  /** A literal (`undefined` and `void 0` count): no suspension changes its value. */
  readonly literal: boolean;
}

/**
 * Where the text after it stands in the source, for the source map: a call
 * put together from temporaries (`(0, $frame.$t)($value)`) is reported by
 * the engine at another column than the original call, and must map to
 * where the engine reports the original (`sourcePositionOfCall`).
 */
export interface SourcePosition {
  readonly sourceAt: number;
  /**
   * The text after it is this many characters of the source copied as they
   * stand (render.ts): the source map maps each of its tokens exactly.
   */
  readonly copied?: number;
}

export type Part = string | Operand | Variable | Label | Deferred | CalleeRef | ExitPart | LineBreak | SourcePosition;
export type Code = readonly Part[];

/** A name build writes itself (the step function's `$value`): one operand, its value not stable. */
export function nameOperand(text: string): Operand {
  return { operand: text, literal: false };
}

export function literal(text: string): Operand {
  return { operand: text, literal: true };
}

/** `undefined` as build writes it. */
export const UNDEFINED: Code = [literal('void 0')];

export function isOperand(part: Part): part is Operand {
  return typeof part === 'object' && 'operand' in part;
}

/** The text of a part that is text already (a string or an operand); undefined for the others. */
export function plainText(part: Part): string | undefined {
  if (typeof part === 'string') return part;
  return isOperand(part) ? part.operand : undefined;
}

export function isVariable(part: Part): part is Variable {
  return typeof part === 'object' && 'origin' in part;
}

export function isLabel(part: Part): part is Label {
  return typeof part === 'object' && 'id' in part && !('origin' in part);
}

export function calleeOf(code: Code): Code {
  if (code.length === 1 && isVariable(code[0])) return [{ callee: code[0] }];
  return code;
}

export function isDeferred(part: Part): part is Deferred {
  return typeof part === 'object' && 'text' in part;
}

export function isExitPart(part: Part): part is ExitPart {
  return typeof part === 'object' && 'exit' in part;
}

/** The state an exit goes to first (a finally's entry when it passes through one); none when it completes the function. */
export function exitDestination(exit: Exit): Label | undefined {
  if (!exit.through) return exit.kind === 'jump' ? exit.target : undefined;
  return exit.kind === 'jump' ? exit.through.body : exit.through.returnEntry;
}

export function isLineBreak(part: Part): part is LineBreak {
  return typeof part === 'object' && 'lineBreak' in part;
}

export function isSourcePosition(part: Part): part is SourcePosition {
  return typeof part === 'object' && 'sourceAt' in part;
}

export function isCalleeRef(part: Part): part is CalleeRef {
  return typeof part === 'object' && 'callee' in part;
}

/** The variable a part stands for, if any. */
export function variableOfPart(part: Part): Variable | undefined {
  if (typeof part !== 'object') return undefined;
  if ('origin' in part) return part;
  if ('callee' in part) return part.callee;
  return undefined;
}

/**
 * A protected range of states. `handler` is where an exception goes (a catch
 * entry, or a finally's throw entry); `finalizer` is where a `return` (or the
 * generator's `return()`) goes first. Both are inherited from the parent when
 * absent.
 */
export interface Region {
  readonly id: number;
  readonly parent: Region | undefined;
  readonly handler: Label | undefined;
  readonly finalizer: Label | undefined;
}

/** Where an exception raised in `region` goes: the nearest handler outward. */
export function handlerOf(region: Region | undefined): Label | undefined {
  for (let r = region; r; r = r.parent) if (r.handler) return r.handler;
  return undefined;
}

/** Where a return from `region` goes first: the nearest finalizer outward. */
export function finalizerOf(region: Region | undefined): Label | undefined {
  for (let r = region; r; r = r.parent) if (r.finalizer) return r.finalizer;
  return undefined;
}

/**
 * What a pending `finally` resumes with. Written into the frame as a string
 * that says what it is (`$completion = "throw"`), so a reader of the emitted
 * code or a debugger sees the kind, not a number.
 */
export const enum CompletionKind {
  Normal = 'normal',
  Return = 'return',
  Throw = 'throw',
  Jump = 'jump',
}

/** A completion kind as a literal of the emitted code. */
export function completionLiteral(kind: CompletionKind): string {
  return JSON.stringify(kind);
}

/** One `finally` block (or the iterator close of a `for-of`) and its pending completion. */
export interface Finally {
  readonly kind: Variable;
  readonly value: Variable;
  /** Where the finally body starts; reached with `kind` and `value` already set. */
  readonly body: Label;
  /** Sets a return completion from `$value`, then runs the body. */
  readonly returnEntry: Label;
  /** Sets a throw completion from `$value`, then runs the body. */
  readonly throwEntry: Label;
  /** Where a normal completion continues. */
  readonly after: Label;
  /** The finally that encloses this one (return and outward jumps continue there). */
  readonly outer: Finally | undefined;
  /** Labels that a pending `break`/`continue` through this finally may target. */
  readonly jumpTargets: Set<Label>;
  /** Of `jumpTargets`, those that also leave `outer`. */
  readonly jumpsThroughOuter: Set<Label>;
}

export type Instruction = (
  | { op: 'label'; label: Label }
  | { op: 'statement'; code: Code }
  | { op: 'assign'; target: Variable; value: Code }
  | { op: 'jump'; target: Label }
  /** Jumps to `target` when `condition` is truthy (`when` true) or falsy (`when` false). */
  | { op: 'branch'; condition: Code; when: boolean; target: Label }
  | { op: 'yield'; value: Code | undefined; resume: Label }
  | { op: 'yieldResult'; result: Code; resume: Label }
  | { op: 'await'; value: Code; resume: Label }
  | { op: 'complete'; value: Code | undefined }
  | { op: 'throw'; value: Code }
  /** A jump or return through at least one `finally`. */
  | { op: 'leave'; exit: Exit & { readonly through: Finally } }
  | { op: 'endFinally'; finally: Finally }
) & {
  region: Region;
  /** Where in the source the instruction comes from: the start of its statement, or of its `await`/`yield`. */
  pos?: number;
};

export interface MachineIR {
  readonly instructions: Instruction[];
  readonly variables: Variable[];
  readonly entry: Label;
  readonly hasRegions: boolean;
}
