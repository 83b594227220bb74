/**
 * Random programs that exercise generators, async functions and async generators.
 *
 * ## Example
 * `generateProgram(seed)` always returns the same tree for the same seed;
 * printed (print.ts), a program looks like
 * ```js
 * function* g0(p) {
 *   let a = p;
 *   L0: for (let i0 = 0; i0 < 2; i0++) {
 *     try {
 *       a += yield pair(i0, a);
 *     } finally {
 *       log('g0.1', yield 'f');
 *     }
 *   }
 *   return a;
 * }
 * async function f1(p) {
 *   const tk0 = handled(later(p, 2));
 *   try {
 *     log('f1.0', await Promise.reject(new Error('boom0')));
 *   } finally {
 *     for await (const x of [thenable(1, 0), 2]) {
 *       log('f1.1', x, await tk0);
 *     }
 *   }
 * }
 * try {
 *   ticker('c0', 3);
 *   settle('c0 all', Promise.all([f1(1), f1(2)]));
 * } catch (e) {
 *   caught('c0', e);
 * }
 * callFns('end');
 * lateCheck();
 * ```
 *
 * ## Implementation
 * A recursive generator over the tree of `ast.ts`, with a statement budget per
 * function so programs stay at tens of lines. A seed first decides (on a
 * random stream of its own) whether the program is async: an async program
 * mixes the three flavors, its last function always async, some functions
 * methods of an object or a class (static, private), with `this` in them
 * and `super` calls (their holder then extends the prelude's `SuperBase`);
 * sloppy code also deletes its bindings (`delete x`, false);
 * consecutive methods may share their object or class; its object literals
 * mix shorthand properties, computed keys, spreads, methods and accessors
 * around suspension points; async code also awaits in loop heads, and jumps
 * out of `try` blocks through
 * `finally` blocks that await more often than generator code would. Its
 * functions also hold functions of their own where those meet the suspend
 * function's bindings and lexical values: an async arrow in a function,
 * object method, class field or static block (its `this` and `arguments`
 * are that holder's), a write to one of the suspend function's constants
 * (a destructuring assignment, a `for-of` head, a nested async arrow or
 * generator), and, in loop bodies, methods of every flavor of an object or
 * class instance and function and class declarations of a block, all
 * called after the loop and reading its iteration's binding. A sync program has
 * generators only and draws exactly what the fuzzer drew before it knew async
 * code (new choices are zero-weighted or not drawn at all), so an old seed of
 * a sync program still names the same program.
 *
 * The generator keeps a model of what is in scope so that every program is
 * valid and free of engine errors by construction:
 * - a name is referenced only after its declaration; a block that shadows an
 *   outer name declares it first, and a declaration's initializer never sees a
 *   name still in its temporal dead zone (nor does a `for-of` head see its own
 *   binding);
 * - `const` bindings, loop counters and catch parameters are never assigned,
 *   but for a write to a `const` inside a `try` whose `catch` logs the
 *   TypeError's constructor name (deterministic, unlike its message);
 * - a catch parameter is only described or rethrown, never used as a value:
 *   `'' + e` would print the engine's message text, which V8 and the runtime
 *   word differently for the same TypeError;
 * - `break`/`continue` only name targets that enclose them; switch cases
 *   never shadow (their scope is the whole switch, case tests included);
 * - a function only calls functions declared before it, and local functions
 *   (`const h0 = ...`) declared before the call and outside their own body,
 *   so `yield*`, `for-of`, `for await` and `await` over calls cannot recurse;
 * - `yield` only in generator flavors, `await`/`for await` only in async
 *   flavors, neither in a closure; `arguments` never where only arrows
 *   enclose the code (a top-level async arrow); `this` only in methods and
 *   the arrows inside them (a local function is called plainly: in a class
 *   body its `this` is undefined);
 * - no rejected promise is left without a handler (see ast.ts): eager
 *   rejections (`Promise.reject`, `laterReject`) are only made as the direct
 *   operand of an `await`, an async generator's `yield` or `return`, or as a
 *   combinator element whose siblings cannot throw while the list is built;
 *   elsewhere (arrays iterated by `for await`, `yield*`) only awaitables that
 *   reject lazily (thenables) stand.
 * A seed also decides, on streams of its own, whether its program is printed
 * without semicolons and whether as TypeScript (print.ts); what the program
 * holds does not change.
 *
 * well-formed.ts checks the scope rules independently, on every generated
 * program in the tests. Termination needs no care here: it is built into the
 * node kinds (see ast.ts).
 *
 * ## References
 * ECMA-262 14.7.5.6 (ForIn/OfHeadEvaluation, TDZ of the head), 14.12 (switch
 * case blocks share one scope), 27.5 (Generator objects), 27.6 (AsyncGenerator
 * objects), 27.7 (AsyncFunction objects), 27.1.6 (%AsyncFromSyncIteratorPrototype%).
 */
import type {
  AssignOperator,
  BinaryOperator,
  CombinatorName,
  Consumer,
  ConstWriteForm,
  Expr,
  FunctionDecl,
  FunctionFlavor,
  MethodHolder,
  NestedHolder,
  ObjectMember,
  Program,
  PromiseHow,
  Stmt,
  SwitchCase,
} from './ast';
import { ConsumerGenerator } from './consumers';
import type { ExcludableConstruct } from './excludable-constructs';
import { Names, smallNumber, STRINGS } from './names';
import { Random } from './random';

export { Random } from './random';

/** Names that blocks declare (and so shadow); never parameter or catch names. */
const LOCAL_NAMES = ['a', 'b', 'c'];
const PARAM_NAMES = ['p', 'q'];
const LOCAL_FUNCTION_PARAMS = ['r', 's'];
/** The share of seeds whose program has async functions or async generators. */
const DEFAULT_ASYNC_SHARE = 0.7;
/** Salt of the random stream that decides whether a seed's program is async, apart from the main stream. */
const FLAVOR_STREAM_SALT = 0x5a17c0de;
/** The share of seeds whose program is printed without semicolons. */
const SEMICOLON_FREE_SHARE = 0.3;
/** Salt of the random stream that decides how a seed's program is printed, apart from what it holds. */
const STYLE_STREAM_SALT = 0x3b1c0105;
/** The share of seeds whose program is printed as TypeScript, and the salt of the stream that decides it. */
const TYPESCRIPT_SHARE = 0.2;
const TYPESCRIPT_STREAM_SALT = 0x7e5c1a55;

interface Binding {
  assignable: boolean;
  /**
   * A caught exception: only described (`describe(e)`) or rethrown, never
   * used as a value, since `'' + e` would print the engine's message text,
   * which differs between V8 and the runtime for the same TypeError.
   */
  opaque: boolean;
  /** For a local function (`const h0 = ...`): its flavor and how many parameters it takes. */
  callee?: { flavor: FunctionFlavor; params: number };
  /** A promise started earlier (`const tk0 = handled(...)`), worth awaiting. */
  task?: boolean;
  /** Declared `const`: writing it throws a TypeError (a loop counter or catch parameter is merely never assigned). */
  constant?: boolean;
}

class Scope {
  private readonly bindings = new Map<string, Binding>();

  constructor(readonly parent: Scope | null) {}

  declare(name: string, assignable: boolean, opaque = false, extra: Pick<Binding, 'callee' | 'task' | 'constant'> = {}): void {
    this.bindings.set(name, { assignable, opaque, ...extra });
  }

  /** Every visible name with the binding that wins (inner shadows outer). */
  visible(): Map<string, Binding> {
    const result = this.parent === null ? new Map<string, Binding>() : this.parent.visible();
    for (const [name, binding] of this.bindings) result.set(name, binding);
    return result;
  }
}

interface JumpTarget {
  kind: 'loop' | 'switch' | 'block';
  label: string | null;
  /** A loop's own binding (its counter or element), which closures made in its body should read. */
  binding?: string;
}

/** Where a statement or expression is being generated. */
interface Place {
  scope: Scope;
  /** Innermost last. */
  targets: JumpTarget[];
  depth: number;
  /** Names whose binding is in its temporal dead zone here. */
  hidden: ReadonlySet<string>;
  /** Switch case bodies: a `let a` there would shadow `a` in every case test of the switch. */
  mayShadow: boolean;
}

export interface GenerateOptions {
  /** Upper bound on top-level functions per program (default 3). */
  maxFunctions?: number;
  /** Upper bound on statements per top-level function (default 10). */
  maxStatements?: number;
  /**
   * The share of seeds whose program is async, from 0 (generators only, the
   * programs the fuzzer made before it knew async code) to 1. Default 0.7.
   */
  asyncShare?: number;
  /**
   * Constructs never to generate, to look past a known bug while it is being
   * fixed (`--exclude` of scripts/fuzz.js). Excluding changes what a seed
   * generates.
   */
  exclude?: readonly ExcludableConstruct[];
}

export function generateProgram(seed: number, options: GenerateOptions = {}): Program {
  return new ProgramGenerator(seed, options).program();
}

/** Whether `seed` makes an async program under `options`, decided apart from everything else the seed draws. */
export function isAsyncSeed(seed: number, options: GenerateOptions = {}): boolean {
  const share = options.asyncShare ?? DEFAULT_ASYNC_SHARE;
  return share > 0 && new Random(seed ^ FLAVOR_STREAM_SALT).chance(share);
}

const NAME_PREFIX: Record<FunctionFlavor, string> = { generator: 'g', async: 'f', asyncGenerator: 'ag' };

class ProgramGenerator {
  private readonly rng: Random;
  private readonly names = new Names();
  private readonly functions: FunctionDecl[] = [];
  /** Statements the current top-level function may still add. */
  private budget = 0;
  private current: FunctionDecl | null = null;
  private logCount = 0;
  /** Log tags start with this: the function's name, and the local function's inside one. */
  private tagPrefix = 'g';
  private inLocalFunction = false;
  /** The flavor of the innermost function being generated: what may suspend it. */
  private flavor: FunctionFlavor = 'generator';
  /** False where only arrows enclose the code: `arguments` is not bound there. */
  private argumentsBound = true;
  /** True in a method and the arrows inside it: `this` is its holder there. */
  private thisBound = false;
  /** True in a class body's method and everything inside it: strict code, where `delete x` is a SyntaxError. */
  private strict = false;
  /** Printed as TypeScript, whose emit makes the whole script strict (TypeScript 6's `alwaysStrict`). */
  private typescript = false;
  /** Only async programs draw what the fuzzer did not know before them. */
  private asyncProgram = false;

  constructor(
    private readonly seed: number,
    private readonly options: GenerateOptions,
  ) {
    this.rng = new Random(seed);
  }

  program(): Program {
    const asyncProgram = isAsyncSeed(this.seed, this.options);
    this.asyncProgram = asyncProgram;
    this.typescript = new Random(this.seed ^ TYPESCRIPT_STREAM_SALT).chance(TYPESCRIPT_SHARE);
    const count = this.rng.int(1, this.options.maxFunctions ?? 3);
    for (let index = 0; index < count; index++) {
      // The last function is the one consumers call most: in an async program it is async.
      const flavor: FunctionFlavor = !asyncProgram
        ? 'generator'
        : index === count - 1
          ? this.rng.weighted({ async: 1, asyncGenerator: 1 })
          : this.rng.weighted({ generator: 1, async: 1.2, asyncGenerator: 1.2 });
      this.functions.push(this.functionDecl(index, flavor, asyncProgram));
    }
    const consumers: Consumer[] = [];
    const consumerGenerator = new ConsumerGenerator(this.rng, this.names, this.functions, this.options.exclude ?? []);
    const consumerCount = this.rng.int(1, 4);
    for (let index = 0; index < consumerCount; index++) consumers.push(consumerGenerator.consumer(`c${index}`));
    const semicolons = !new Random(this.seed ^ STYLE_STREAM_SALT).chance(SEMICOLON_FREE_SHARE);
    return { seed: this.seed, semicolons, typescript: this.typescript, functions: this.functions, consumers };
  }

  // ---- functions ----

  private functionDecl(index: number, flavor: FunctionFlavor, asyncProgram: boolean): FunctionDecl {
    const params = PARAM_NAMES.slice(0, this.rng.int(0, 2));
    const arrow = flavor === 'async' && this.rng.chance(0.3);
    // Methods only in async programs, whose draws need not match the fuzzer's older programs.
    const mayBeMethod = asyncProgram && !arrow && !this.excluded('methods');
    // A method beside the previous function's, in the same holder: one holder, methods of several flavors.
    const previous = this.functions[this.functions.length - 1]?.holder ?? null;
    const sharesHolder = mayBeMethod && previous !== null && this.rng.chance(0.4);
    let holder: MethodHolder | null = null;
    if (sharesHolder) holder = previous === 'object' ? 'object' : this.rng.weighted<MethodHolder>({ object: 0, class: 1, static: 1, private: 1 });
    else if (mayBeMethod && this.rng.chance(0.3)) holder = this.rng.weighted<MethodHolder>({ object: 1, class: 1, static: 1, private: 1 });
    const decl: FunctionDecl = { name: `${NAME_PREFIX[flavor]}${index}`, flavor, arrow, holder, sharesHolder, params, body: [] };
    this.current = decl;
    this.flavor = flavor;
    this.argumentsBound = !arrow;
    this.thisBound = holder !== null;
    this.strict = this.typescript || (holder !== null && holder !== 'object');
    this.tagPrefix = decl.name;
    this.logCount = 0;
    this.budget = this.rng.int(3, this.options.maxStatements ?? 10);
    const scope = new Scope(null);
    for (const param of params) scope.declare(param, true);
    const place: Place = { scope, targets: [], depth: 0, hidden: new Set(), mayShadow: true };
    decl.body = this.block(place, this.budget);
    if (this.rng.chance(0.4)) decl.body.push({ kind: 'return', value: this.returnValue(place) });
    this.current = null;
    return decl;
  }

  private get canYield(): boolean {
    return this.flavor !== 'async';
  }

  private get canAwait(): boolean {
    return this.flavor !== 'generator';
  }

  /** An async generator only delegates to generator calls (see asyncIterable): it needs one to call. */
  private canYieldStar(place: Place): boolean {
    if (this.flavor === 'asyncGenerator') {
      return !this.excluded('asyncYieldStar') && this.hasCallee(place, ['generator', 'asyncGenerator']);
    }
    return this.canYield;
  }

  private excluded(construct: ExcludableConstruct): boolean {
    return this.options.exclude?.includes(construct) ?? false;
  }

  /**
   * A statement list in a new scope: shadowing declarations first, then up to
   * `length` statements, then what `finish` adds in the same scope.
   */
  private block(outer: Place, length: number, scope = new Scope(outer.scope), finish?: (place: Place) => Stmt | null): Stmt[] {
    const place: Place = { ...outer, scope, hidden: outer.hidden };
    const statements: Stmt[] = [];
    if (place.mayShadow && this.rng.chance(0.45)) statements.push(...this.declarations(place));
    const target = this.rng.int(1, Math.max(1, length));
    while (statements.length < target && this.budget > 0) {
      this.budget--;
      statements.push(this.statement(place));
      const last = statements[statements.length - 1];
      // Code after an unconditional jump is dead; a little of it is worth keeping, most is not.
      if (isJump(last) && this.rng.chance(0.8)) break;
    }
    const last = finish?.(place) ?? null;
    if (last !== null) statements.push(last);
    return statements;
  }

  /**
   * A loop body. In async code it often ends with a `try` (that often jumps
   * out of its block through a `finally` that often awaits), so that `break`
   * and `continue` cross an await in a `finally`.
   */
  private loopBody(place: Place, label: string | null, scope: Scope | undefined, binding: string): Stmt[] {
    return this.block(this.inner(place, { kind: 'loop', label, binding }), 3, scope, (body) => {
      if (!this.canAwait || this.budget <= 0 || place.depth >= 2 || !this.rng.chance(0.3)) return null;
      this.budget--;
      return this.tryStatement(body);
    });
  }

  /** `let a = ...; const b = ...;` at the top of a block, each initializer blind to the names still in TDZ. */
  private declarations(place: Place): Stmt[] {
    const names = LOCAL_NAMES.filter(() => this.rng.chance(0.5));
    const hidden = new Set([...place.hidden, ...names]);
    const statements: Stmt[] = [];
    for (const name of names) {
      const init = this.namedValue({ ...place, hidden }, 1, true);
      const constant = this.rng.chance(0.25);
      statements.push({ kind: 'let', constant, name, init });
      hidden.delete(name);
      place.scope.declare(name, !constant, false, { constant });
    }
    return statements;
  }

  private statement(place: Place): Stmt {
    const nested = place.depth < 3;
    const loopTargets = place.targets.filter((target) => target.kind === 'loop');
    // New kinds weigh 0 in a generator, which leaves a generator's draws as they were.
    const kind = this.rng.weighted({
      log: 3,
      yield: this.canYield ? 4 : 0,
      yieldStar: this.canYieldStar(place) ? (this.flavor === 'asyncGenerator' ? 2 : 1.2) : 0,
      await: this.canAwait ? 3.5 : 0,
      assign: this.assignable(place).length > 0 ? 2 : 0,
      temp: 1,
      destructure: 0.6,
      closure: 1,
      localFunction: place.depth < 2 && !this.inLocalFunction ? (this.canAwait ? 1.3 : 0.5) : 0,
      task: this.canAwait ? 1 : 0,
      ticker: this.canAwait ? 0.3 : 0,
      if: nested ? 2 : 0,
      for: nested ? 1.4 : 0,
      while: nested ? 0.8 : 0,
      doWhile: nested ? 0.8 : 0,
      forOf: nested ? 1.4 : 0,
      forAwait: nested && this.canAwait ? 1.4 : 0,
      forIn: nested ? 0.6 : 0,
      labeledBlock: nested ? 0.4 : 0,
      switch: nested ? 1 : 0,
      try: nested ? 2.2 : 0,
      throw: 0.6,
      return: 0.5,
      break: place.targets.length > 0 ? 1.2 : 0,
      continue: loopTargets.length > 0 ? 1 : 0,
      // Functions nested in this one meeting its bindings and lexical values: async programs only.
      nestedThis: this.asyncProgram && !this.excluded('nestedFunctions') ? 0.4 : 0,
      constWrite: this.asyncProgram && !this.excluded('nestedFunctions') && this.constants(place).length > 0 ? 1.2 : 0,
      loopMethod: this.asyncProgram && !this.excluded('nestedFunctions') && innermostLoop(place) !== null ? 1 : 0,
      blockDeclaration: this.asyncProgram && !this.excluded('nestedFunctions') && innermostLoop(place) !== null ? 0.8 : 0,
    });
    switch (kind) {
      case 'log':
        return this.log(place);
      case 'yield':
        return { kind: 'expr', expr: { kind: 'yield', arg: this.rng.chance(0.9) ? this.yieldOperand(place, 1, true) : null } };
      case 'yieldStar':
        return { kind: 'expr', expr: this.yieldStar(place) };
      case 'await':
        return { kind: 'expr', expr: { kind: 'await', arg: this.awaitOperand(place, 1) } };
      case 'assign':
        return { kind: 'expr', expr: this.assignment(place, true) };
      case 'temp': {
        const name = this.names.binding('t', this.rng);
        const init = this.expr(place, 0, true);
        place.scope.declare(name, true);
        return { kind: 'let', constant: false, name, init };
      }
      case 'destructure':
        return this.destructuring(place);
      case 'closure':
        return { kind: 'pushClosure', body: this.closureBody(place) };
      case 'localFunction':
        return this.localFunction(place);
      case 'task':
        return this.task(place);
      case 'ticker':
        return { kind: 'ticker', tag: `${this.tagPrefix}.${this.logCount++}`, ticks: this.rng.int(1, 4) };
      case 'if':
        return {
          kind: 'if',
          test: this.condition(place),
          then: this.block(this.inner(place), 3),
          else: this.rng.chance(0.4) ? this.block(this.inner(place), 2) : null,
        };
      case 'for': {
        const label = this.maybeLabel();
        const counter = this.names.binding('i', this.rng);
        const scope = new Scope(place.scope);
        scope.declare(counter, false);
        // The start is evaluated with the counter in its dead zone, the test in each iteration's scope,
        // before the body: its declarations go into `scope` too, and the test must not see them.
        const start = this.canAwait && this.rng.chance(0.2) ? this.awaitedNumber() : null;
        const test = this.loopTest({ ...place, scope });
        const body = this.loopBody(place, label, scope, counter);
        return { kind: 'for', label, counter, limit: this.limit(place), body, start, test };
      }
      case 'while':
      case 'doWhile': {
        const label = this.maybeLabel();
        const counter = this.names.binding(kind === 'while' ? 'w' : 'd', this.rng);
        // The counter is declared beside the loop (print.ts prints `let w0 = 0;` before it).
        place.scope.declare(counter, false);
        const body = this.loopBody(place, label, undefined, counter);
        return { kind, label, counter, limit: this.limit(place), body, test: this.loopTest(place) };
      }
      case 'forOf':
      case 'forAwait': {
        const label = this.maybeLabel();
        const name = this.rng.pick(['x', 'y']);
        const head = { ...place, hidden: new Set([...place.hidden, name]) };
        const iterable = kind === 'forOf' ? this.iterable(head) : this.asyncIterable(head);
        const constant = this.rng.chance(0.6);
        const scope = new Scope(place.scope);
        scope.declare(name, !constant, false, { constant });
        const body = this.loopBody(place, label, scope, name);
        return { kind, label, constant, name, iterable, body };
      }
      case 'forIn': {
        const label = this.maybeLabel();
        const object = this.objectLiteral({ ...place, hidden: new Set([...place.hidden, 'k']) });
        const scope = new Scope(place.scope);
        scope.declare('k', false, false, { constant: true });
        const body = this.loopBody(place, label, scope, 'k');
        return { kind: 'forIn', label, name: 'k', object, body };
      }
      case 'labeledBlock': {
        const label = this.names.fresh('L');
        return { kind: 'block', label, body: this.block(this.inner(place, { kind: 'block', label }), 3) };
      }
      case 'switch':
        return this.switchStatement(place);
      case 'try':
        return this.tryStatement(place);
      case 'throw':
        return this.conditionally(place, { kind: 'throw', value: this.thrown(place) });
      case 'return':
        return this.conditionally(place, { kind: 'return', value: this.rng.chance(0.8) ? this.returnValue(place) : null });
      case 'break':
        return this.conditionally(place, { kind: 'break', label: this.breakLabel(place) });
      case 'continue':
        return this.conditionally(place, { kind: 'continue', label: this.continueLabel(place) });
      case 'nestedThis':
        return {
          kind: 'nestedThis',
          tag: `${this.tagPrefix}.${this.logCount++}`,
          holder: this.rng.pick<NestedHolder>(['function', 'method', 'field', 'staticBlock', 'asyncParameters', 'generatorParameters']),
          key: this.names.fresh('n'),
          awaits: this.rng.chance(0.5),
          settle: !this.canAwait || this.rng.chance(0.3),
        };
      case 'constWrite':
        return this.constWrite(place);
      case 'loopMethod':
        return this.loopMethod(place);
      case 'blockDeclaration': {
        const form = this.rng.pick(['function', 'class'] as const);
        const name = this.names.fresh(form === 'function' ? 'bf' : 'BK');
        return { kind: 'blockDeclaration', form, name, value: this.loopClosureValue(place), suspension: this.suspension(place) };
      }
    }
  }

  /** Constants of this function (and of the ones around it) the code at `place` sees. */
  private constants(place: Place): string[] {
    return [...place.scope.visible()].filter(([name, binding]) => binding.constant === true && !place.hidden.has(name)).map(([name]) => name);
  }

  /** A write to a constant, in a form the code at `place` may hold; it throws, and the catch logs what. */
  private constWrite(place: Place): Stmt {
    const form = this.rng.weighted<ConstWriteForm>({
      arrayPattern: 1,
      objectPattern: 1,
      forOf: 1,
      asyncArrow: this.canAwait ? 1.5 : 0,
      generator: 1.5,
    });
    const name = this.rng.pick(this.constants(place));
    return { kind: 'constWrite', tag: `${this.tagPrefix}.${this.logCount++}`, name, form, value: this.leaf(place) };
  }

  /** An object or class instance made in a loop body, with a method of any flavor reading the iteration's bindings. */
  private loopMethod(place: Place): Stmt {
    const holder = this.rng.pick(['object', 'class'] as const);
    const flavor = this.rng.pick<FunctionFlavor>(['generator', 'async', 'asyncGenerator']);
    const tag = `${this.tagPrefix}.${this.logCount++}`;
    const name = this.names.fresh('mo');
    return { kind: 'loopMethod', tag, name, holder, flavor, value: this.loopClosureValue(place), suspension: this.suspension(place) };
  }

  /**
   * What a function made in a loop body returns, called after the loop:
   * the loop's binding beside another value. It is a function of its own:
   * it never suspends, and `this` there is not a holder's.
   */
  private loopClosureValue(place: Place): Expr {
    const binding = innermostLoop(place);
    const other = this.methodBody(place, 1);
    return binding === null || place.hidden.has(binding) ? other : { kind: 'pair', args: [{ kind: 'var', name: binding }, other] };
  }

  /** In async code, sometimes a condition a loop tests after its counter's: an await in a loop head. */
  private loopTest(place: Place): Expr | null {
    if (!this.canAwait || !this.rng.chance(0.25)) return null;
    return this.rng.chance(0.6) ? { kind: 'await', arg: this.awaitable(place, true, 3) } : this.expr(place, 1, true);
  }

  /** `await later(1, 2)` and the like: a small number, for a loop counter to start from. */
  private awaitedNumber(): Expr {
    const how = this.rng.weighted<'resolved' | 'later' | 'thenable'>({ resolved: 1, later: 2, thenable: 1 });
    const ticks = how === 'resolved' ? 0 : this.rng.int(0, 2);
    return { kind: 'await', arg: { kind: 'promise', how, value: { kind: 'num', value: this.rng.int(0, 2) }, ticks } };
  }

  /** A `return`, `break`, `continue` or `throw` that may stand at `place`. */
  private jumpOut(place: Place): Stmt {
    const kind = this.rng.weighted({
      return: 1.5,
      break: place.targets.length > 0 ? 1.5 : 0,
      continue: place.targets.some((target) => target.kind === 'loop') ? 1.5 : 0,
      throw: 1,
    });
    switch (kind) {
      case 'return':
        return { kind: 'return', value: this.rng.chance(0.8) ? this.returnValue(place) : null };
      case 'break':
        return { kind: 'break', label: this.breakLabel(place) };
      case 'continue':
        return { kind: 'continue', label: this.continueLabel(place) };
      case 'throw':
        return { kind: 'throw', value: this.thrown(place) };
    }
  }

  /** A place one level deeper, optionally inside a new jump target. */
  private inner(place: Place, target?: JumpTarget): Place {
    return {
      ...place,
      depth: place.depth + 1,
      targets: target === undefined ? place.targets : [...place.targets, target],
      mayShadow: true,
    };
  }

  /** Most jumps sit behind an `if`, so the code after them still runs sometimes. */
  private conditionally(place: Place, jump: Stmt): Stmt {
    if (this.rng.chance(0.3)) return jump;
    return { kind: 'if', test: this.condition(place), then: [jump], else: null };
  }

  private maybeLabel(): string | null {
    return this.rng.chance(0.3) ? this.names.fresh('L') : null;
  }

  private limit(place: Place): number {
    if (this.rng.chance(0.1)) return 0;
    return this.rng.int(1, place.depth >= 2 ? 2 : 3);
  }

  private breakLabel(place: Place): string | null {
    const innermost = place.targets[place.targets.length - 1];
    const labeled = place.targets.filter((target) => target.label !== null);
    // An unlabeled break needs a loop or switch, not a labeled block, as its innermost target.
    const unlabeledOk = place.targets.some((target) => target.kind !== 'block');
    if (labeled.length > 0 && (!unlabeledOk || innermost.kind === 'block' || this.rng.chance(0.5))) {
      return this.rng.pick(labeled).label;
    }
    return null;
  }

  private continueLabel(place: Place): string | null {
    const labeled = place.targets.filter((target) => target.kind === 'loop' && target.label !== null);
    return labeled.length > 0 && this.rng.chance(0.5) ? this.rng.pick(labeled).label : null;
  }

  /**
   * A destructuring declaration of fresh names. The initializer is always of
   * the right shape (an iterable for `[...]`, an object literal for `{...}`),
   * so destructuring itself never throws; defaults do not see the names the
   * pattern declares (they would be in their temporal dead zone, or not). An
   * object pattern sometimes ends in a rest element, copied after the
   * defaults' suspension points.
   */
  private destructuring(place: Place): Stmt {
    const pattern = this.rng.chance(0.6) ? 'array' : 'object';
    const names = Array.from({ length: this.rng.int(1, 3) }, () => this.names.binding('t', this.rng));
    const rest =
      pattern === 'object' && this.rng.chance(0.6) ? { name: this.names.binding('t', this.rng), tag: `${this.tagPrefix}.${this.logCount++}` } : null;
    const hidden = { ...place, hidden: new Set([...place.hidden, ...names, ...(rest === null ? [] : [rest.name])]) };
    const elements = names.map((name, index) => ({
      key: ['a', 'b', 'c'][index],
      name,
      default: this.rng.chance(0.4) ? this.expr(hidden, 1, true) : null,
    }));
    const init = pattern === 'array' ? this.iterable(hidden) : this.objectLiteral(hidden);
    const constant = this.rng.chance(0.4);
    for (const name of names) place.scope.declare(name, !constant, false, { constant });
    if (rest !== null) place.scope.declare(rest.name, !constant, false, { constant });
    return { kind: 'destructure', constant, pattern, elements, rest, init };
  }

  /**
   * A function nested in this one. It sees the bindings declared before it
   * (not itself: no recursion), starts a new function (no jump targets cross
   * it), and can be called, delegated to and iterated after its declaration.
   * Inside a generator it is a generator; inside async code it may be any
   * flavor, an async arrow possibly with an expression body.
   */
  private localFunction(place: Place): Stmt {
    const name = this.names.binding('h', this.rng);
    const params = LOCAL_FUNCTION_PARAMS.slice(0, this.rng.int(0, 2));
    const flavor: FunctionFlavor = this.canAwait ? this.rng.weighted({ generator: 1, async: 2, asyncGenerator: 1.5 }) : 'generator';
    const arrow = flavor === 'async' && this.rng.chance(0.6);
    const scope = new Scope(place.scope);
    for (const param of params) scope.declare(param, true);
    const outer = { prefix: this.tagPrefix, flavor: this.flavor, argumentsBound: this.argumentsBound, thisBound: this.thisBound };
    this.tagPrefix = `${outer.prefix}.${name}`;
    this.inLocalFunction = true;
    this.flavor = flavor;
    // An arrow sees the `arguments` of the function around it, if there is one.
    this.argumentsBound = arrow ? outer.argumentsBound : true;
    // A local function is called as a plain function: in a class body (strict) its `this` is undefined.
    this.thisBound = arrow && outer.thisBound;
    const inner: Place = { scope, targets: [], depth: place.depth + 1, hidden: place.hidden, mayShadow: true };
    let body: Stmt[] = [];
    let expressionBody: Expr | null = null;
    if (arrow && this.rng.chance(0.35)) expressionBody = this.expr(inner, 0, true);
    else body = this.block(inner, 3);
    this.inLocalFunction = false;
    this.flavor = outer.flavor;
    this.argumentsBound = outer.argumentsBound;
    this.thisBound = outer.thisBound;
    this.tagPrefix = outer.prefix;
    place.scope.declare(name, false, true, { callee: { flavor, params: params.length }, constant: true });
    return { kind: 'localFunction', flavor, arrow, name, params, body, expressionBody };
  }

  /** `const tk0 = handled(f0(1));`: a promise started now, awaited later (or never). */
  private task(place: Place): Stmt {
    const name = this.names.binding('tk', this.rng);
    const call = this.rng.chance(0.7) ? this.calleeCall(place, ['async']) : null;
    const init: Expr = { kind: 'handled', arg: call ?? this.awaitable(place, true) };
    place.scope.declare(name, false, false, { task: true, constant: true });
    return { kind: 'let', constant: true, name, init };
  }

  private log(place: Place): Stmt {
    const tag = `${this.tagPrefix}.${this.logCount++}`;
    const args: Expr[] = [];
    const count = this.rng.int(1, 3);
    for (let index = 0; index < count; index++) args.push(this.expr(place, 0, true));
    return { kind: 'log', tag, args };
  }

  private switchStatement(place: Place): Stmt {
    // Case tests are mostly 0..3; so are counters and the values consumers send, so cases do match.
    const names = this.visible(place);
    const suspends = !this.excluded('suspendingSwitch');
    const discriminant: Expr =
      names.length > 0 && this.rng.chance(0.5)
        ? { kind: 'var', name: this.rng.pick(names) }
        : this.rng.chance(0.5) && suspends
          ? this.suspension(place)
          : this.expr(place, 1, suspends);
    const caseScope = new Scope(place.scope);
    const cases: SwitchCase[] = [];
    const count = this.rng.int(1, 4);
    const defaultAt = this.rng.chance(0.5) ? this.rng.int(0, count - 1) : -1;
    for (let index = 0; index < count; index++) {
      let test: Expr | null = null;
      if (index !== defaultAt) {
        test = this.rng.chance(0.15)
          ? this.suspension(place)
          : this.rng.chance(0.7)
            ? { kind: 'num', value: this.rng.int(0, 3) }
            : this.leaf(place);
      }
      const inner = { ...this.inner(place, { kind: 'switch', label: null }), mayShadow: false };
      // Each case gets its own scope in the model: a temp declared in one case is in TDZ in the next.
      const body = this.block(inner, 2, new Scope(caseScope));
      if (this.rng.chance(0.6)) body.push({ kind: 'break', label: null });
      cases.push({ test, body });
    }
    return { kind: 'switch', discriminant, cases };
  }

  private tryStatement(place: Place): Stmt {
    const inner = this.inner(place);
    // In async code, often leave the block by a jump, so that it goes through a finally that awaits.
    const block = this.block(inner, 3, undefined, (blockPlace) =>
      this.canAwait && this.rng.chance(0.4) ? this.conditionally(blockPlace, this.jumpOut(blockPlace)) : null,
    );
    const shape = this.rng.weighted({ catch: 2, finally: 1.5, both: 2 });
    let handler = null;
    if (shape !== 'finally') {
      const param = this.rng.chance(0.9) ? this.rng.pick(['e', 'err']) : null;
      const scope = new Scope(place.scope);
      const body: Stmt[] = [];
      if (param !== null) {
        scope.declare(param, false, true);
        const described: Expr = { kind: 'describe', arg: { kind: 'var', name: param } };
        body.push({ kind: 'log', tag: `${this.tagPrefix}.${this.logCount++} caught`, args: [described] });
      }
      body.push(...this.block(inner, 2, scope));
      // Throwing from a catch block (a rethrow or a new error) must still run the finally and outer handlers.
      if (this.rng.chance(0.2)) {
        const value: Expr =
          param !== null && this.rng.chance(0.5)
            ? { kind: 'var', name: param }
            : { kind: 'newError', message: `boom${this.names.fresh('')}` };
        body.push(this.conditionally({ ...place, scope }, { kind: 'throw', value }));
      }
      handler = { param, body };
    }
    let finalizer: Stmt[] | null = null;
    if (shape !== 'catch') {
      let finalizerPlace = place;
      finalizer = this.block(inner, 2, undefined, (blockPlace) => {
        // What follows sees the block's own declarations. (Generators keep the place they always
        // used, so that their seeds still make the same programs; at worst a condition there
        // assigns a `const` of the block, a TypeError native and lowered alike.)
        if (this.canAwait) finalizerPlace = blockPlace;
        return null;
      });
      // A suspension in a finally block delays an early return()/throw() (or a return, break or
      // continue through it); a return there overrides them.
      if (this.rng.chance(this.canAwait ? 0.6 : 0.3)) finalizer.push({ kind: 'expr', expr: this.suspension(finalizerPlace) });
      if (this.rng.chance(0.12)) finalizer.push(this.conditionally(finalizerPlace, { kind: 'return', value: this.leaf(finalizerPlace) }));
    }
    return { kind: 'try', block, handler, finalizer };
  }

  // ---- expressions ----

  /** Names usable as values. Tasks are not: a promise that reached a sync generator could be yielded to a `for await`, see asyncIterable. */
  private visible(place: Place): string[] {
    return [...place.scope.visible()]
      .filter(([name, binding]) => !binding.opaque && binding.task !== true && !place.hidden.has(name))
      .map(([name]) => name);
  }

  private assignable(place: Place): string[] {
    return [...place.scope.visible()].filter(([name, binding]) => binding.assignable && !place.hidden.has(name)).map(([name]) => name);
  }

  private tasks(place: Place): string[] {
    return [...place.scope.visible()].filter(([name, binding]) => binding.task === true && !place.hidden.has(name)).map(([name]) => name);
  }

  private leaf(place: Place): Expr {
    const names = this.visible(place);
    const kind = this.rng.weighted({ num: 3, var: names.length > 0 ? 4 : 0, str: 1, undefined: 0.3 });
    switch (kind) {
      case 'num':
        return { kind: 'num', value: smallNumber(this.rng) };
      case 'var':
        return { kind: 'var', name: this.rng.pick(names) };
      case 'str':
        return { kind: 'str', value: this.rng.pick(STRINGS) };
      case 'undefined':
        return { kind: 'undefined' };
    }
  }

  /**
   * A suspension on a leaf, where a statement or clause holds one: `yield x`
   * in a generator, `await x` (of a value or an awaitable) in an async
   * function, either in an async generator.
   */
  private suspension(place: Place): Expr {
    if (this.flavor === 'generator') return { kind: 'yield', arg: this.leaf(place) };
    if (this.flavor === 'asyncGenerator' && this.rng.chance(0.5)) return { kind: 'yield', arg: this.leaf(place) };
    return { kind: 'await', arg: this.rng.chance(0.5) ? this.leaf(place) : this.awaitable(place, true, 3) };
  }

  /** An expression of nesting `depth` (0 = outermost); `suspends` says whether it may hold a `yield` or an `await`. */
  expr(place: Place, depth: number, suspends: boolean): Expr {
    if (depth >= 3) return this.leaf(place);
    const kind = this.rng.weighted({
      leaf: 3 + depth * 2,
      binary: 2,
      logical: 0.8,
      cond: 0.8,
      yield: suspends && this.canYield ? 2 : 0,
      yieldStar: suspends && this.canYieldStar(place) ? 0.3 : 0,
      await: suspends && this.canAwait ? 2 : 0,
      assign: this.assignable(place).length > 0 ? 0.6 : 0,
      pair: 0.6,
      array: 0.4,
      object: this.asyncProgram ? 1 : 0.4,
      template: 0.4,
      sequence: 0.2,
      argumentsLength: this.argumentsBound ? 0.1 : 0,
      thisKey: this.thisBound ? 0.4 : 0,
      // Last, and only in async programs: a sync seed draws what it drew before.
      optionalCall: this.asyncProgram ? 0.15 : 0,
      superCall: this.thisBound ? 0.25 : 0,
      deleteBinding: this.asyncProgram && !this.strict && this.assignable(place).length > 0 ? 0.1 : 0,
    });
    switch (kind) {
      case 'leaf':
        return this.leaf(place);
      case 'binary': {
        const op = this.rng.pick<BinaryOperator>(['+', '+', '-', '*', '<', '===', '%']);
        return { kind: 'binary', op, left: this.expr(place, depth + 1, suspends), right: this.expr(place, depth + 1, suspends) };
      }
      case 'logical':
        return {
          kind: 'logical',
          op: this.rng.pick(['&&', '||', '??'] as const),
          left: this.expr(place, depth + 1, suspends),
          right: this.expr(place, depth + 1, suspends),
        };
      case 'cond':
        return {
          kind: 'cond',
          test: this.expr(place, depth + 1, suspends),
          then: this.expr(place, depth + 1, suspends),
          else: this.expr(place, depth + 1, suspends),
        };
      case 'yield':
        return { kind: 'yield', arg: this.rng.chance(0.85) ? this.yieldOperand(place, depth + 1, suspends) : null };
      case 'yieldStar':
        return this.yieldStar(place);
      case 'await':
        return { kind: 'await', arg: this.awaitOperand(place, depth + 1) };
      case 'assign':
        return this.assignment(place, suspends, depth + 1);
      case 'pair':
        return { kind: 'pair', args: [this.listItem(place, depth + 1, suspends, 0.1), this.expr(place, depth + 1, suspends)] };
      case 'array': {
        const elements: Expr[] = [];
        const count = this.rng.int(0, 3);
        for (let index = 0; index < count; index++) elements.push(this.listItem(place, depth + 1, suspends, 0.2));
        return { kind: 'array', elements };
      }
      case 'sequence':
        return { kind: 'sequence', exprs: [this.expr(place, depth + 1, suspends), this.expr(place, depth + 1, suspends)] };
      case 'object':
        return this.objectLiteral(place, depth + 1, suspends);
      case 'template': {
        const spans: { expr: Expr; tail: string }[] = [];
        const count = this.rng.int(1, 2);
        for (let index = 0; index < count; index++) spans.push({ expr: this.expr(place, depth + 1, suspends), tail: this.rng.pick(['', '-', '|']) });
        return { kind: 'template', head: this.rng.pick(['', 't:']), spans };
      }
      case 'argumentsLength':
        return { kind: 'argumentsLength' };
      case 'thisKey':
        return { kind: 'thisKey' };
      case 'optionalCall': {
        const receiver = this.rng.pick(['box', 'nothing'] as const);
        const args: Expr[] = [];
        const count = this.rng.int(1, 2);
        for (let index = 0; index < count; index++) args.push(this.listItem(place, depth + 1, suspends, 0.1));
        return { kind: 'optionalCall', receiver, parenthesized: this.rng.chance(0.4), args };
      }
      case 'superCall': {
        const args: Expr[] = [];
        const count = this.rng.int(0, 2);
        for (let index = 0; index < count; index++) args.push(this.listItem(place, depth + 1, suspends, 0.1));
        const optional = this.rng.weighted({ no: 3, present: 1, missing: 1 });
        return { kind: 'superCall', computed: this.rng.chance(0.4), optional, args };
      }
      case 'deleteBinding':
        return { kind: 'deleteBinding', name: this.rng.pick(this.assignable(place)) };
    }
  }

  /** What a `yield` yields; an async generator awaits it, so there it may be a promise, rejected ones included. */
  private yieldOperand(place: Place, depth: number, suspends: boolean): Expr {
    if (this.flavor === 'asyncGenerator' && this.rng.chance(0.3)) return this.awaitable(place, true, depth);
    return this.expr(place, depth, suspends);
  }

  /**
   * What an `await` awaits: a plain value, a promise or thenable, a call of
   * an async function, a task started earlier, or a combinator of several.
   */
  private awaitOperand(place: Place, depth: number): Expr {
    const tasks = this.tasks(place);
    const kind = this.rng.weighted({
      value: 3,
      promise: 3,
      call: this.hasCallee(place, ['async']) ? 1.8 : 0,
      task: tasks.length > 0 ? 2.5 : 0,
      combine: 0.5,
    });
    switch (kind) {
      case 'value':
        return this.expr(place, depth, true);
      case 'promise':
        return this.awaitable(place, true, depth);
      case 'call':
        return this.calleeCall(place, ['async']) ?? { kind: 'undefined' };
      case 'task':
        return { kind: 'var', name: this.rng.pick(tasks) };
      case 'combine':
        return this.combinator(place);
    }
  }

  /**
   * A promise or thenable. `eager` allows promises that are rejected as they
   * are made; the caller awaits them at once (or hands them to a combinator).
   */
  private awaitable(place: Place, eager: boolean, depth = 2, leafOnly = false): Expr {
    const how = this.rng.weighted<PromiseHow>({
      resolved: 2,
      rejected: eager ? 1 : 0,
      later: 2.5,
      laterRejected: eager ? 0.7 : 0,
      thenable: 1.5,
      rejectingThenable: 0.6,
      throwingThenable: 0.25,
    });
    const rejects = how === 'rejected' || how === 'laterRejected' || how === 'rejectingThenable' || how === 'throwingThenable';
    // Sometimes a thenable or promise that resolves to another one: adopting it takes jobs of its own.
    // (The inner one never rejects: `Promise.resolve(rejecting(e))` rejects at once, awaited or not.)
    if (!rejects && !leafOnly && depth < 3 && this.rng.chance(0.12)) {
      const ticks = how === 'later' ? this.rng.int(0, 3) : how === 'thenable' ? this.rng.int(0, 2) : 0;
      const innerHow = this.rng.weighted<'resolved' | 'later' | 'thenable'>({ resolved: 1, later: 1, thenable: 1 });
      const inner: Expr = { kind: 'promise', how: innerHow, value: this.leaf(place), ticks: innerHow === 'resolved' ? 0 : this.rng.int(0, 2) };
      return { kind: 'promise', how, value: inner, ticks };
    }
    const value = leafOnly
      ? rejects && this.rng.chance(0.75)
        ? { kind: 'newError' as const, message: `boom${this.names.fresh('')}` }
        : this.leaf(place)
      : rejects
        ? this.thrown(place)
        : this.expr(place, Math.max(depth, 2), true);
    const ticks = how === 'later' ? this.rng.int(0, 3) : how === 'laterRejected' || how === 'thenable' ? this.rng.int(0, 2) : 0;
    return { kind: 'promise', how, value, ticks };
  }

  /**
   * `Promise.all([...])` and siblings. The elements are calls with leaf
   * arguments, awaitables of leaves and leaves: none can throw while the list
   * is built, which would leave the promises already made without a handler.
   */
  private combinator(place: Place): Expr {
    const how = this.rng.weighted<CombinatorName>({ all: 3, allSettled: 1, race: 1, any: 1 });
    const elements: Expr[] = [];
    const count = this.rng.int(1, 3);
    for (let index = 0; index < count; index++) {
      const kind = this.rng.weighted({ call: this.hasCallee(place, ['async']) ? 2 : 0, promise: 2, leaf: 1 });
      if (kind === 'call') elements.push(this.calleeCall(place, ['async'], true) ?? this.leaf(place));
      else if (kind === 'promise') elements.push(this.awaitable(place, true, 3, true));
      else elements.push(this.leaf(place));
    }
    return { kind: 'combine', how, elements };
  }

  /** An element of an array literal or an argument: sometimes `...iterable`. */
  private listItem(place: Place, depth: number, suspends: boolean, spreadChance: number): Expr {
    return this.rng.chance(spreadChance) ? { kind: 'spread', source: this.iterable(place, suspends) } : this.expr(place, depth, suspends);
  }

  private assignment(place: Place, suspends: boolean, depth = 0): Expr {
    const op = this.rng.pick<AssignOperator>(['=', '=', '+=', '+=', '-=', '*=', '??=', '||=']);
    const name = this.rng.pick(this.assignable(place));
    const value = this.namedValue(place, depth + 1, suspends);
    // `s += s` in a loop doubles a string each time round, until the engine refuses its length (a RangeError).
    const doubles = op === '+=' && value.kind === 'var' && value.name === name;
    return { kind: 'assign', op: doubles ? '=' : op, name, value };
  }

  /**
   * A value where NamedEvaluation names an anonymous function: in an async
   * program sometimes one (a sync program's draws stay as they were).
   */
  private namedValue(place: Place, depth: number, suspends: boolean): Expr {
    if (this.asyncProgram && this.rng.chance(0.15)) return { kind: 'anonymousFunction', form: this.rng.pick(['arrow', 'function', 'class'] as const) };
    return this.expr(place, depth, suspends);
  }

  /**
   * An object literal. A sync program's has `a: v` properties only, drawn as
   * before async programs existed; an async program's mixes every kind of
   * element (ast.ts), suspension points among them, at most one `__proto__`.
   */
  private objectLiteral(place: Place, depth = 1, suspends = true): Expr {
    if (!this.asyncProgram) {
      const keys = ['a', 'b', 'c'].filter(() => this.rng.chance(0.6));
      return { kind: 'object', props: keys.map((key) => ({ kind: 'init', key, value: this.expr(place, depth + 1, suspends) })) };
    }
    const props: ObjectMember[] = [];
    const count = this.rng.int(0, 5);
    for (let index = 0; index < count; index++) props.push(this.objectMember(place, depth, suspends, props.some(isProtoSetter)));
    return { kind: 'object', props };
  }

  private objectMember(place: Place, depth: number, suspends: boolean, hasProto: boolean): ObjectMember {
    const names = this.visible(place);
    const key = this.rng.pick(['a', 'b', 'c']);
    const kind = this.rng.weighted({
      init: 3,
      proto: hasProto ? 0 : 0.3,
      shorthand: names.length > 0 ? 2 : 0,
      computed: 1.2,
      objectSpread: 1,
      method: 0.6,
      getter: 0.6,
      setter: 0.4,
    });
    switch (kind) {
      case 'init':
        return { kind, key, value: this.memberValue(place, depth, suspends) };
      case 'proto':
        return { kind: 'init', key: '__proto__', value: this.memberValue(place, depth, suspends) };
      case 'shorthand':
        return { kind, name: this.rng.pick(names) };
      case 'computed':
        return { kind, key: this.memberValue(place, depth, suspends), value: this.memberValue(place, depth, suspends) };
      case 'objectSpread':
        return { kind, value: this.memberValue(place, depth, suspends) };
      case 'method':
      case 'getter':
        return { kind, key, value: this.methodBody(place, depth + 1) };
      case 'setter':
        return { kind, key };
    }
  }

  /** A key or value of an object literal: often a suspension point, so that the other elements stand around one. */
  private memberValue(place: Place, depth: number, suspends: boolean): Expr {
    return suspends && this.rng.chance(0.3) ? this.suspension(place) : this.namedValue(place, depth + 1, suspends);
  }

  /** What an object literal's method or getter returns: a function of its own never suspends, and its `this` is the literal. */
  private methodBody(place: Place, depth: number): Expr {
    const thisBound = this.thisBound;
    const strict = this.strict;
    this.thisBound = false;
    // Its function may stand in a class body (a loop's class or class declaration): strict code there.
    this.strict = true;
    const value = this.expr(place, depth, false);
    this.thisBound = thisBound;
    this.strict = strict;
    return value;
  }

  private condition(place: Place): Expr {
    const names = this.visible(place);
    if (names.length > 0 && this.rng.chance(0.55)) {
      return {
        kind: 'binary',
        op: this.rng.pick<BinaryOperator>(['===', '<', '===']),
        left: { kind: 'var', name: this.rng.pick(names) },
        right: { kind: 'num', value: this.rng.int(0, 3) },
      };
    }
    return this.expr(place, 1, true);
  }

  /** What a `throw` throws (or a promise rejects with): mostly errors, sometimes a plain value (possibly one sent in). */
  private thrown(place: Place): Expr {
    if (this.rng.chance(0.75)) return { kind: 'newError', message: `boom${this.names.fresh('')}` };
    return this.expr(place, 2, true);
  }

  /**
   * What a `return` returns; async code may return a promise or thenable (an
   * async function takes more jobs to settle then). An async generator awaits
   * the value at once; an async function only when it completes, and a
   * `finally` that throws or jumps drops the return: a promise rejected as it
   * was made would stay unhandled, so an async function returns it `handled`.
   */
  private returnValue(place: Place): Expr {
    if (this.canAwait && this.rng.chance(0.3)) {
      const value = this.awaitable(place, true, 1);
      const eager = value.kind === 'promise' && (value.how === 'rejected' || value.how === 'laterRejected');
      return eager && this.flavor === 'async' ? { kind: 'handled', arg: value } : value;
    }
    return this.expr(place, 1, true);
  }

  private closureBody(place: Place): Expr {
    const names = this.visible(place);
    if (this.assignable(place).length > 0 && this.rng.chance(0.3)) return this.assignment(place, false, 1);
    if (names.length > 0 && this.rng.chance(0.8)) {
      return { kind: 'pair', args: [{ kind: 'var', name: this.rng.pick(names) }, this.expr(place, 1, false)] };
    }
    return this.expr(place, 1, false);
  }

  /** Functions of these flavors the code at `place` may call: top-level ones declared before the current one, local ones in scope. */
  private callees(place: Place, flavors: readonly FunctionFlavor[]): { name: string; params: number }[] {
    const index = this.current === null ? this.functions.length : this.functions.indexOf(this.current);
    const callees = this.functions
      .slice(0, index === -1 ? this.functions.length : index)
      .filter((decl) => flavors.includes(decl.flavor))
      .map((decl) => ({ name: decl.name, params: decl.params.length }));
    for (const [name, binding] of place.scope.visible()) {
      if (binding.callee !== undefined && flavors.includes(binding.callee.flavor)) callees.push({ name, params: binding.callee.params });
    }
    return callees;
  }

  private hasCallee(place: Place, flavors: readonly FunctionFlavor[]): boolean {
    return this.callees(place, flavors).length > 0;
  }

  /** A call of a function of one of `flavors` the code may call, if any; `leafArguments` keeps its arguments from throwing. */
  private calleeCall(place: Place, flavors: readonly FunctionFlavor[], leafArguments = false): Expr | null {
    const callees = this.callees(place, flavors);
    if (callees.length === 0) return null;
    const callee = this.rng.pick(callees);
    const args: Expr[] = [];
    for (let param = 0; param < callee.params; param++) args.push(leafArguments ? this.leaf(place) : this.expr(place, 2, false));
    return { kind: 'genCall', callee: callee.name, args };
  }

  /**
   * A sync iterable: a generator call, a string or an array; in async code
   * sometimes one that is awaited first (`for (const x of await later([1, 2], 1))`).
   */
  private iterable(place: Place, suspends = true): Expr {
    if (suspends && this.canAwait && this.rng.chance(0.15)) {
      const how = this.rng.weighted<'resolved' | 'later' | 'thenable'>({ resolved: 1, later: 2, thenable: 1 });
      const ticks = how === 'resolved' ? 0 : this.rng.int(0, 2);
      return { kind: 'await', arg: { kind: 'promise', how, value: this.plainIterable(place, suspends), ticks } };
    }
    return this.plainIterable(place, suspends);
  }

  private plainIterable(place: Place, suspends: boolean): Expr {
    const call = this.rng.chance(0.5) ? this.calleeCall(place, ['generator']) : null;
    if (call !== null) return call;
    if (this.rng.chance(0.3)) return { kind: 'str', value: this.rng.pick(['ab', 'xyz', '']) };
    const elements: Expr[] = [];
    const count = this.rng.int(0, 3);
    for (let index = 0; index < count; index++) elements.push(this.expr(place, 2, suspends));
    return { kind: 'array', elements };
  }

  /**
   * What `for await` iterates, and what `yield*` delegates to in an async
   * generator: an async generator call, a sync generator call (through an
   * async-from-sync iterator), or (`for await` only) an array of values and
   * awaitables that never reject eagerly: an element after a rejected one
   * may never be awaited, its rejection would stay unhandled.
   *
   * Two behaviours of the async-from-sync iterator changed in ES2025 (ecma262
   * #2600) and Node 20 still has the old ones, while coro follows the new
   * (fixtures marked `nativeDiffers`): `throw()` forwarded to a sync iterator
   * without a `throw` method, and closing the sync iterator when a value it
   * produced rejects. So the fuzzer never makes either observable: `yield*`
   * in an async generator never delegates to an array or a string (it could
   * forward a `throw()`), and sync generators never yield a promise or
   * thenable (promises only stand where they are awaited; tasks are not
   * values, see {@link visible}). An array iterator has no `return`, so
   * closing it when an element rejects is invisible.
   */
  private asyncIterable(place: Place, delegated = false): Expr {
    const kind = this.rng.weighted({
      asyncGenerator: this.hasCallee(place, ['asyncGenerator']) ? 3 : 0,
      generator: this.hasCallee(place, ['generator']) ? 1 : 0,
      array: delegated ? 0 : 2,
      string: delegated ? 0 : 0.3,
    });
    switch (kind) {
      case 'asyncGenerator':
      case 'generator':
        return this.calleeCall(place, [kind]) ?? { kind: 'array', elements: [] };
      case 'string':
        return { kind: 'str', value: this.rng.pick(['ab', 'xyz', '']) };
      case 'array': {
        const elements: Expr[] = [];
        const count = this.rng.int(0, 3);
        for (let index = 0; index < count; index++) {
          elements.push(this.rng.chance(0.5) ? this.awaitable(place, false) : this.expr(place, 2, true));
        }
        return { kind: 'array', elements };
      }
    }
  }

  private yieldStar(place: Place): Expr {
    return { kind: 'yieldStar', source: this.flavor === 'asyncGenerator' ? this.asyncIterable(place, true) : this.iterable(place) };
  }
}

/** The binding of the innermost loop around `place` (its counter or element), if the innermost jump target is a loop. */
function innermostLoop(place: Place): string | null {
  const innermost = place.targets[place.targets.length - 1];
  return innermost?.kind === 'loop' && innermost.binding !== undefined ? innermost.binding : null;
}

function isProtoSetter(member: ObjectMember): boolean {
  return member.kind === 'init' && member.key === '__proto__';
}

function isJump(statement: Stmt): boolean {
  return statement.kind === 'break' || statement.kind === 'continue' || statement.kind === 'return' || statement.kind === 'throw';
}
