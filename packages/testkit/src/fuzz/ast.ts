/**
 * The fuzzer's program representation.
 *
 * ## Example
 * ```ts
 * { kind: 'for', label: 'L0', counter: 'i0', limit: 2, body: [
 *   { kind: 'expr', expr: { kind: 'await', arg: { kind: 'promise', how: 'later', value: { kind: 'var', name: 'i0' }, ticks: 2 } } },
 * ] }
 * ```
 * prints (print.ts) as
 * ```js
 * L0: for (let i0 = 0; i0 < 2; i0++) {
 *   await later(i0, 2);
 * }
 * ```
 *
 * ## Implementation
 * Programs are generated and shrunk as trees, never as strings, so the shrinker
 * can delete a statement or replace an expression by a smaller one and still
 * print a program that parses. The tree is plain JSON (no classes, no shared
 * nodes) so a shrink step is "clone, edit at a path".
 *
 * A program holds functions of three flavors: generators (`function*`), async
 * functions (declarations or arrows) and async generators. `yield` only stands
 * in generator flavors, `await` and `for await` only in async flavors.
 *
 * Termination is a property of the node kinds, not of the generator's care:
 * every loop node owns its counter and bound and prints them in its own head,
 * no expression can assign a counter, functions only call functions declared
 * before them (a local function is not in scope in its own body), closures
 * have expression bodies, and every promise the program makes settles after a
 * bounded number of jobs (no timers, no promise that never settles). So
 * whatever the shrinker deletes, what remains still terminates.
 *
 * No rejected promise is ever left without a handler: a promise that is
 * rejected when made (`Promise.reject`, `laterReject`) is only ever the direct
 * operand of an `await` (or of an async generator's `yield`, which awaits it),
 * a combinator (`Promise.all`, ...) attaches handlers to all its elements, a
 * task started and awaited later is wrapped in `handled(...)`, consumers hand
 * every promise they get to `settle`/`astep`, and thenables that reject do so
 * only when awaited. The sandbox records what a program leaves unhandled
 * (isolated-execution.ts), so a lowering that leaks a rejection fails.
 */

export type BinaryOperator = '+' | '-' | '*' | '<' | '===' | '%';
export type LogicalOperator = '&&' | '||' | '??';
export type AssignOperator = '=' | '+=' | '-=' | '*=' | '??=' | '||=';

/** What kind of suspend function a declaration is. */
export type FunctionFlavor = 'generator' | 'async' | 'asyncGenerator';

/**
 * How an awaitable is made (prelude helpers in prelude.ts):
 * - `resolved`: `Promise.resolve(v)`; `rejected`: `Promise.reject(v)`;
 * - `later`: `later(v, n)`, a promise that fulfills after `n` more jobs;
 *   `laterRejected`: `laterReject(v, n)`, one that rejects after `n` jobs;
 * - `thenable`: `thenable(v, n)`, a non-promise whose `then` prints and resolves
 *   at once (`n` = 0) or after `n` jobs; `rejectingThenable`: `rejecting(v)`,
 *   whose `then` rejects; `throwingThenable`: `throwing(v)`, whose `then` throws.
 */
export type PromiseHow = 'resolved' | 'rejected' | 'later' | 'laterRejected' | 'thenable' | 'rejectingThenable' | 'throwingThenable';

export type CombinatorName = 'all' | 'allSettled' | 'race' | 'any';

/**
 * Where a function is a method (print.ts): of an object literal (`o1`), of
 * instances of a class (`C1`), a static method, or a static private one
 * (`#f1`, reached through a public static trampoline). A plain function of
 * the same name forwards calls to it, so call sites do not change. Methods
 * of consecutive functions may share one object or class (`sharesHolder`),
 * so that one holder has methods of several flavors.
 */
export type MethodHolder = 'object' | 'class' | 'static' | 'private';

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'undefined' }
  | { kind: 'var'; name: string }
  | { kind: 'argumentsLength' }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr }
  | { kind: 'logical'; op: LogicalOperator; left: Expr; right: Expr }
  | { kind: 'cond'; test: Expr; then: Expr; else: Expr }
  | { kind: 'assign'; op: AssignOperator; name: string; value: Expr }
  | { kind: 'yield'; arg: Expr | null }
  | { kind: 'yieldStar'; source: Expr }
  | { kind: 'await'; arg: Expr }
  | { kind: 'pair'; args: Expr[] }
  | { kind: 'array'; elements: Expr[] }
  | { kind: 'object'; props: ObjectMember[] }
  | { kind: 'template'; head: string; spans: { expr: Expr; tail: string }[] }
  /** A call of a function of the program (any flavor), top-level or local. */
  | { kind: 'genCall'; callee: string; args: Expr[] }
  | { kind: 'newError'; message: string }
  | { kind: 'describe'; arg: Expr }
  /** `(a, b)`. */
  | { kind: 'sequence'; exprs: Expr[] }
  /** `...source`; only ever an element of `array`, `pair` or `genCall` lists. */
  | { kind: 'spread'; source: Expr }
  /** A promise or thenable made by a prelude helper; see {@link PromiseHow}. `ticks` only for `later*` and `thenable`. */
  | { kind: 'promise'; how: PromiseHow; value: Expr; ticks: number }
  /** `Promise.all([...])` and its siblings. */
  | { kind: 'combine'; how: CombinatorName; elements: Expr[] }
  /** `handled(p)`: `p` with a do-nothing rejection handler attached, so it may be awaited later, or never. */
  | { kind: 'handled'; arg: Expr }
  /** `this.k`: only in methods, and arrows inside them; the holder's `k` names it. */
  | { kind: 'thisKey' }
  /**
   * `(() => 0)`, `(function () { return 1; })`, `(class {})`: drawn where
   * NamedEvaluation names it (an initializer, an assignment, a default, a
   * property value), so the name it gets shows wherever it is logged.
   */
  | { kind: 'anonymousFunction'; form: 'arrow' | 'function' | 'class' }
  /**
   * `box?.m(…)`, `nothing?.m(…)`, `(box?.m)(…)` and `(nothing?.m)(…)`
   * (prelude.ts): a chain that short-circuits past arguments that would
   * suspend, or a call whose parentheses end the chain: it keeps the
   * receiver, or calls undefined after evaluating its arguments (a
   * TypeError, printed by its kind).
   */
  | { kind: 'optionalCall'; receiver: 'box' | 'nothing'; parenthesized: boolean; args: Expr[] }
  /**
   * `super.m(…)` or `super[toKey(1)](…)`: only in methods, and arrows inside
   * them, whose holder then extends `SuperBase` (prelude.ts), which prints
   * the `this.k` it was called with and its arguments. The computed key
   * prints when ToPropertyKey converts it. `optional`: `super.m?.(…)`, or
   * `super.none?.(…)`, which SuperBase lacks (undefined, arguments not evaluated).
   */
  | { kind: 'superCall'; computed: boolean; optional: 'no' | 'present' | 'missing'; args: Expr[] }
  /**
   * `delete x` of a binding in scope: `false` in sloppy code, and the binding
   * keeps its value (never drawn in a class body, where it is a SyntaxError).
   */
  | { kind: 'deleteBinding'; name: string };

/**
 * An element of an object literal: `a: v`, `a` (shorthand: a binding in
 * scope), `[toKey(k)]: v` (prints when ToPropertyKey reaches it), `...v`,
 * `a() { return v; }`, `get a() { return v; }`, `set a(v) {}`. Method and
 * getter bodies are functions of their own: they never suspend, and `this`
 * there is the literal. `__proto__: v` sets the prototype; at most one per
 * literal (twice is an early error).
 */
export type ObjectMember =
  | { kind: 'init'; key: string; value: Expr }
  | { kind: 'shorthand'; name: string }
  | { kind: 'computed'; key: Expr; value: Expr }
  | { kind: 'objectSpread'; value: Expr }
  | { kind: 'method' | 'getter'; key: string; value: Expr }
  | { kind: 'setter'; key: string };

export type Stmt =
  | { kind: 'expr'; expr: Expr }
  | { kind: 'log'; tag: string; args: Expr[] }
  | { kind: 'let'; constant: boolean; name: string; init: Expr }
  /**
   * `let [t0, t1 = d] = init;` or `const { a: t0, b: t1 = d, ...t2 } = init;`.
   * An array pattern over a generator closes it (IteratorClose) when it has
   * bound its elements; a default (possibly a `yield`) runs only for
   * `undefined`; an object pattern's `rest` (always `null` for an array
   * pattern) gets the properties the elements before it did not name, and
   * is logged right after, with its tag, so its keys and values are in the trace.
   */
  | { kind: 'destructure'; constant: boolean; pattern: 'array' | 'object'; elements: PatternElement[]; rest: RestElement | null; init: Expr }
  | { kind: 'if'; test: Expr; then: Stmt[]; else: Stmt[] | null }
  | { kind: 'block'; label: string | null; body: Stmt[] }
  /**
   * `for (let i0 = start; i0 < limit && test; i0++)`. `start` (an awaited
   * small number) and `test` (an extra condition, possibly awaiting) are only
   * made in async code; `null` prints `0` and nothing. The counter still
   * bounds the loop.
   */
  | { kind: 'for'; label: string | null; counter: string; limit: number; body: Stmt[]; start: Expr | null; test: Expr | null }
  /** `let w0 = 0; while (w0++ < limit && test)`; `test` as for `for`. */
  | { kind: 'while'; label: string | null; counter: string; limit: number; body: Stmt[]; test: Expr | null }
  | { kind: 'doWhile'; label: string | null; counter: string; limit: number; body: Stmt[]; test: Expr | null }
  | { kind: 'forOf'; label: string | null; constant: boolean; name: string; iterable: Expr; body: Stmt[] }
  /** `for await (const x of iterable)`: only in async flavors. */
  | { kind: 'forAwait'; label: string | null; constant: boolean; name: string; iterable: Expr; body: Stmt[] }
  | { kind: 'forIn'; label: string | null; name: string; object: Expr; body: Stmt[] }
  | { kind: 'switch'; discriminant: Expr; cases: SwitchCase[] }
  | { kind: 'try'; block: Stmt[]; handler: CatchClause | null; finalizer: Stmt[] | null }
  | { kind: 'throw'; value: Expr }
  | { kind: 'return'; value: Expr | null }
  | { kind: 'break'; label: string | null }
  | { kind: 'continue'; label: string | null }
  | { kind: 'pushClosure'; body: Expr }
  /**
   * `const h0 = function* (p) { ... };`, `const h0 = async (p) => { ... };`,
   * `const h0 = async (p) => expr;`, `const h0 = async function* (p) { ... };`:
   * a function nested in a function, closing over its bindings.
   */
  | { kind: 'localFunction'; flavor: FunctionFlavor; arrow: boolean; name: string; params: string[]; body: Stmt[]; expressionBody: Expr | null }
  /** `ticker('f0.t0', 3);`: a raw promise chain that prints one line per job, for 3 jobs. */
  | { kind: 'ticker'; tag: string; ticks: number }
  /**
   * An async arrow in a function nested in the suspend function, logging
   * `this.k` (and `arguments.length` where the holder binds `arguments`):
   * both are the holder's, never the suspend function's. The arrow awaits
   * before it reads them when `awaits`; its promise is handed to `settle`
   * when `settle` (always in a generator), else awaited. See {@link NestedHolder}.
   */
  | { kind: 'nestedThis'; tag: string; holder: NestedHolder; key: string; awaits: boolean; settle: boolean }
  /**
   * A write to a `const` of the suspend function that throws a TypeError,
   * caught and logged by its constructor's name (the message is the
   * engine's wording). See {@link ConstWriteForm}.
   */
  | { kind: 'constWrite'; tag: string; name: string; form: ConstWriteForm; value: Expr }
  /**
   * In a loop body, `const mo0 = { *m() { yield v; } };` (or an instance of
   * a class with that method), then `fns.push(() => mo0.m().next())` (an
   * async flavor's result goes to `settle`), then a suspension of the
   * enclosing function: the method reads the iteration's bindings when the
   * closures are called, long after that iteration.
   */
  | { kind: 'loopMethod'; tag: string; name: string; holder: 'object' | 'class'; flavor: FunctionFlavor; value: Expr; suspension: Expr }
  /**
   * `{ function bf0() { return v; } fns.push(bf0); <suspension>; }` or the
   * same with `class BK0 { m() { return v; } }`: declarations of a block in
   * a loop body, closing over the iteration's bindings.
   */
  | { kind: 'blockDeclaration'; form: 'function' | 'class'; name: string; value: Expr; suspension: Expr };

/**
 * What holds the async arrow of a `nestedThis` statement: a function
 * expression called with a `this` and two arguments, a method of an object
 * literal, a class field initializer, a class static block (the last two
 * bind no `arguments`); or, in place of the arrow, the parameter defaults of
 * an async function or a generator called with a `this` and two arguments,
 * which read their own `this` and `arguments`.
 */
export type NestedHolder = 'function' | 'method' | 'field' | 'staticBlock' | 'asyncParameters' | 'generatorParameters';

/**
 * How a `constWrite` writes: `[c] = [v]`, `({ c } = { c: v })`,
 * `for (c of [v]) {}`, or `c = v` in a nested async arrow (awaited) or
 * generator (stepped once).
 */
export type ConstWriteForm = 'arrayPattern' | 'objectPattern' | 'forOf' | 'asyncArrow' | 'generator';

export interface PatternElement {
  /** The property read by an object pattern; unused by an array pattern. */
  key: string;
  name: string;
  default: Expr | null;
}

export interface RestElement {
  name: string;
  tag: string;
}

export interface SwitchCase {
  /** `null` is `default:`. */
  test: Expr | null;
  body: Stmt[];
}

export interface CatchClause {
  /** `null` prints `catch {` (optional catch binding). */
  param: string | null;
  body: Stmt[];
}

export interface FunctionDecl {
  name: string;
  flavor: FunctionFlavor;
  /** Only for `async`: `const f0 = async (p) => { ... };` instead of `async function f0(p) { ... }`. */
  arrow: boolean;
  /** Only in async programs, never with `arrow`: the function is a method. */
  holder: MethodHolder | null;
  /**
   * The method stands in the object or class of the function before it,
   * when that is a method too and both holders are objects or both classes.
   */
  sharesHolder: boolean;
  params: string[];
  body: Stmt[];
}

export type IteratorMethod = 'next' | 'throw' | 'return';

export type DriveAction =
  | { kind: 'resume'; iterator: string; method: IteratorMethod; value: Expr }
  | { kind: 'callFns' };

/**
 * A request to an async generator: `astep(...)` prints how its promise
 * settles; `wait` awaits that before the next action, otherwise the next
 * request is queued while this one is pending.
 */
export type AsyncDriveAction =
  | { kind: 'request'; iterator: string; method: IteratorMethod; value: Expr; wait: boolean }
  | { kind: 'callFns' };

/**
 * How several async calls started together are observed: each settled on its
 * own, combined by a `Promise` combinator, or awaited one after the other.
 */
export type SettleStyle = 'each' | CombinatorName | 'inTurn';

/** How a `for await` consumer leaves the loop early, after `after` values. */
export interface LoopExit {
  after: number;
  how: 'break' | 'return' | 'throw';
}

/** Top-level code that runs the functions; each consumer is wrapped in its own try/catch. */
export type Consumer =
  | { kind: 'drive'; tag: string; iterators: { name: string; call: Expr }[]; actions: DriveAction[]; drain: boolean }
  | { kind: 'spread'; tag: string; call: Expr; viaArrayFrom: boolean }
  | { kind: 'forOf'; tag: string; call: Expr; breakAfter: number | null }
  | { kind: 'destructure'; tag: string; call: Expr; count: number }
  /** Async calls (and awaitables) started together, with a raw `ticker` chain of `ticks` jobs beside them. */
  | { kind: 'settle'; tag: string; ticks: number; calls: Expr[]; style: SettleStyle }
  /** Explicit `next`/`throw`/`return` requests to async generators, from an async arrow. */
  | { kind: 'asyncDrive'; tag: string; ticks: number; iterators: { name: string; call: Expr }[]; actions: AsyncDriveAction[]; drain: boolean }
  /** `for await` over an async generator call, from an async arrow. */
  | { kind: 'forAwait'; tag: string; ticks: number; call: Expr; exit: LoopExit | null };

export interface Program {
  /** The seed the program was generated from (kept through shrinking, for the report). */
  seed: number;
  /** False: printed without semicolons, statements ended by automatic semicolon insertion (print.ts). */
  semicolons: boolean;
  /**
   * True: printed as TypeScript, with annotations, assertions, generic arguments and type-only
   * statements (print.ts), which both sides of the differential erase with TypeScript's own emit.
   */
  typescript: boolean;
  functions: FunctionDecl[];
  consumers: Consumer[];
}

/** Whether a program has anything asynchronous (it then ends with a late `callFns` after its jobs). */
export function isAsyncProgram(program: Program): boolean {
  return (
    program.functions.some((decl) => decl.flavor !== 'generator') ||
    program.consumers.some((consumer) => consumer.kind === 'settle' || consumer.kind === 'asyncDrive' || consumer.kind === 'forAwait')
  );
}

/** The direct sub-expressions of `expr`. */
export function subExpressions(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'binary':
    case 'logical':
      return [expr.left, expr.right];
    case 'cond':
      return [expr.test, expr.then, expr.else];
    case 'assign':
      return [expr.value];
    case 'yield':
      return expr.arg === null ? [] : [expr.arg];
    case 'yieldStar':
      return [expr.source];
    case 'await':
    case 'handled':
      return [expr.arg];
    case 'pair':
    case 'genCall':
    case 'optionalCall':
    case 'superCall':
      return expr.args;
    case 'array':
    case 'combine':
      return expr.elements;
    case 'object':
      return expr.props.flatMap(memberExpressions);
    case 'template':
      return expr.spans.map((span) => span.expr);
    case 'describe':
      return [expr.arg];
    case 'sequence':
      return expr.exprs;
    case 'spread':
      return [expr.source];
    case 'promise':
      return [expr.value];
    default:
      return [];
  }
}

/** The expressions inside an element of an object literal, a method's or getter's body included. */
export function memberExpressions(member: ObjectMember): Expr[] {
  switch (member.kind) {
    case 'init':
    case 'objectSpread':
    case 'method':
    case 'getter':
      return [member.value];
    case 'computed':
      return [member.key, member.value];
    case 'shorthand':
    case 'setter':
      return [];
  }
}
