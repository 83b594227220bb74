/**
 * Random programs that exercise synchronous generators.
 *
 * ## Example
 * `generateProgram(seed)` always returns the same tree for the same seed;
 * printed, a program looks like
 * ```js
 * function* g0(p) {
 *   let a = p;
 *   L0: for (let i0 = 0; i0 < 2; i0++) {
 *     try {
 *       a += yield pair(i0, a);
 *       if (a === 3) {
 *         continue L0;
 *       }
 *     } finally {
 *       log('g0.1', yield 'f');
 *     }
 *     fns.push(() => pair(i0, a));
 *   }
 *   return a;
 * }
 * try {
 *   const it0 = g0(1);
 *   step('c0 it0', it0, 'next', undefined);
 *   step('c0 it0', it0, 'return', 7);
 *   drain('c0 it0', it0);
 * } catch (e) {
 *   caught('c0', e);
 * }
 * callFns('end');
 * ```
 *
 * ## Implementation
 * A recursive generator over the tree of `ast.ts`, with a statement budget per
 * generator function so programs stay at tens of lines. It keeps a model of
 * what is in scope so that every program is valid and free of engine errors
 * by construction:
 * - a name is referenced only after its declaration; a block that shadows an
 *   outer name declares it first, and a declaration's initializer never sees a
 *   name still in its temporal dead zone (nor does a `for-of` head see its own
 *   binding);
 * - `const` bindings, loop counters and catch parameters are never assigned;
 * - a catch parameter is only described or rethrown, never used as a value:
 *   `'' + e` would print the engine's message text, which V8 and the runtime
 *   word differently for the same TypeError;
 * - `break`/`continue` only name targets that enclose them; switch cases
 *   never shadow (their scope is the whole switch, case tests included);
 * - a generator only calls generators declared before it, and local
 *   generators (`const h0 = function* ...`) declared before the call and
 *   outside their own body, so `yield*` and `for-of` over generators cannot
 *   recurse.
 * well-formed.ts checks the same rules independently, on every generated
 * program in the tests. Termination needs no care here: it is built into the
 * node kinds (see ast.ts).
 *
 * ## References
 * ECMA-262 14.7.5.6 (ForIn/OfHeadEvaluation, TDZ of the head), 14.12 (switch
 * case blocks share one scope), 27.5 (Generator objects).
 */
import type {
  AssignOperator,
  BinaryOperator,
  Consumer,
  DriveAction,
  Expr,
  GeneratorDecl,
  IteratorMethod,
  Program,
  Stmt,
  SwitchCase,
} from './ast';
import { Random } from './random';

export { Random } from './random';

/** Names that blocks declare (and so shadow); never parameter or catch names. */
const LOCAL_NAMES = ['a', 'b', 'c'];
const PARAM_NAMES = ['p', 'q'];
const LOCAL_GENERATOR_PARAMS = ['r', 's'];
const STRINGS = ['a', 'b', 'xy', ''];

interface Binding {
  assignable: boolean;
  /**
   * A caught exception: only described (`describe(e)`) or rethrown, never
   * used as a value, since `'' + e` would print the engine's message text,
   * which differs between V8 and the runtime for the same TypeError.
   */
  opaque: boolean;
  /** For a local generator (`const h0 = function* ...`): how many parameters it takes. */
  generatorParams?: number;
}

class Scope {
  private readonly bindings = new Map<string, Binding>();

  constructor(readonly parent: Scope | null) {}

  declare(name: string, assignable: boolean, opaque = false, generatorParams?: number): void {
    this.bindings.set(name, { assignable, opaque, generatorParams });
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

/** Per-program counters for fresh names and tags, so every program is readable and names never clash. */
class Names {
  private readonly counts = new Map<string, number>();

  fresh(prefix: string): string {
    const count = this.counts.get(prefix) ?? 0;
    this.counts.set(prefix, count + 1);
    return `${prefix}${count}`;
  }
}

export interface GenerateOptions {
  /** Upper bound on generator functions per program (default 3). */
  maxGenerators?: number;
  /** Upper bound on statements per generator function (default 10). */
  maxStatements?: number;
}

export function generateProgram(seed: number, options: GenerateOptions = {}): Program {
  return new ProgramGenerator(seed, options).program();
}

class ProgramGenerator {
  private readonly rng: Random;
  private readonly names = new Names();
  private readonly generators: GeneratorDecl[] = [];
  /** Statements the current generator function may still add. */
  private budget = 0;
  private current: GeneratorDecl | null = null;
  private logCount = 0;
  /** Log tags start with this: the generator's name, and the local generator's inside one. */
  private tagPrefix = 'g';
  private inLocalGenerator = false;

  constructor(
    private readonly seed: number,
    private readonly options: GenerateOptions,
  ) {
    this.rng = new Random(seed);
  }

  program(): Program {
    const count = this.rng.int(1, this.options.maxGenerators ?? 3);
    for (let index = 0; index < count; index++) this.generators.push(this.generatorDecl(index));
    const consumers: Consumer[] = [];
    const consumerCount = this.rng.int(1, 4);
    for (let index = 0; index < consumerCount; index++) consumers.push(this.consumer(`c${index}`));
    return { seed: this.seed, generators: this.generators, consumers };
  }

  // ---- generator functions ----

  private generatorDecl(index: number): GeneratorDecl {
    const params = PARAM_NAMES.slice(0, this.rng.int(0, 2));
    const decl: GeneratorDecl = { name: `g${index}`, params, body: [] };
    this.current = decl;
    this.tagPrefix = decl.name;
    this.logCount = 0;
    this.budget = this.rng.int(3, this.options.maxStatements ?? 10);
    const scope = new Scope(null);
    for (const param of params) scope.declare(param, true);
    const place: Place = { scope, targets: [], depth: 0, hidden: new Set(), mayShadow: true };
    decl.body = this.block(place, this.budget);
    if (this.rng.chance(0.4)) decl.body.push({ kind: 'return', value: this.expr(place, 1, true) });
    this.current = null;
    return decl;
  }

  /** A statement list in a new scope: shadowing declarations first, then up to `length` statements. */
  private block(outer: Place, length: number, scope = new Scope(outer.scope)): Stmt[] {
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
    return statements;
  }

  /** `let a = ...; const b = ...;` at the top of a block, each initializer blind to the names still in TDZ. */
  private declarations(place: Place): Stmt[] {
    const names = LOCAL_NAMES.filter(() => this.rng.chance(0.5));
    const hidden = new Set([...place.hidden, ...names]);
    const statements: Stmt[] = [];
    for (const name of names) {
      const init = this.expr({ ...place, hidden }, 1, true);
      const constant = this.rng.chance(0.25);
      statements.push({ kind: 'let', constant, name, init });
      hidden.delete(name);
      place.scope.declare(name, !constant);
    }
    return statements;
  }

  private statement(place: Place): Stmt {
    const nested = place.depth < 3;
    const loopTargets = place.targets.filter((target) => target.kind === 'loop');
    const kind = this.rng.weighted({
      log: 3,
      yield: 4,
      yieldStar: 1.2,
      assign: this.assignable(place).length > 0 ? 2 : 0,
      temp: 1,
      destructure: 0.6,
      closure: 1,
      localGenerator: place.depth < 2 && !this.inLocalGenerator ? 0.5 : 0,
      if: nested ? 2 : 0,
      for: nested ? 1.4 : 0,
      while: nested ? 0.8 : 0,
      doWhile: nested ? 0.8 : 0,
      forOf: nested ? 1.4 : 0,
      forIn: nested ? 0.6 : 0,
      labeledBlock: nested ? 0.4 : 0,
      switch: nested ? 1 : 0,
      try: nested ? 2.2 : 0,
      throw: 0.6,
      return: 0.5,
      break: place.targets.length > 0 ? 1.2 : 0,
      continue: loopTargets.length > 0 ? 1 : 0,
    });
    switch (kind) {
      case 'log':
        return this.log(place);
      case 'yield':
        return { kind: 'expr', expr: { kind: 'yield', arg: this.rng.chance(0.9) ? this.expr(place, 1, true) : null } };
      case 'yieldStar':
        return { kind: 'expr', expr: this.yieldStar(place) };
      case 'assign':
        return { kind: 'expr', expr: this.assignment(place, true) };
      case 'temp': {
        const name = this.names.fresh('t');
        const init = this.expr(place, 0, true);
        place.scope.declare(name, true);
        return { kind: 'let', constant: false, name, init };
      }
      case 'destructure':
        return this.destructuring(place);
      case 'closure':
        return { kind: 'pushClosure', body: this.closureBody(place) };
      case 'localGenerator':
        return this.localGenerator(place);
      case 'if':
        return {
          kind: 'if',
          test: this.condition(place),
          then: this.block(this.inner(place), 3),
          else: this.rng.chance(0.4) ? this.block(this.inner(place), 2) : null,
        };
      case 'for': {
        const label = this.maybeLabel();
        const counter = this.names.fresh('i');
        const scope = new Scope(place.scope);
        scope.declare(counter, false);
        const body = this.block(this.inner(place, { kind: 'loop', label }), 3, scope);
        return { kind: 'for', label, counter, limit: this.limit(place), body };
      }
      case 'while':
      case 'doWhile': {
        const label = this.maybeLabel();
        const counter = this.names.fresh(kind === 'while' ? 'w' : 'd');
        // The counter is declared beside the loop (ast.ts prints `let w0 = 0;` before it).
        place.scope.declare(counter, false);
        const body = this.block(this.inner(place, { kind: 'loop', label }), 3);
        return { kind, label, counter, limit: this.limit(place), body };
      }
      case 'forOf': {
        const label = this.maybeLabel();
        const name = this.rng.pick(['x', 'y']);
        const iterable = this.iterable({ ...place, hidden: new Set([...place.hidden, name]) });
        const constant = this.rng.chance(0.6);
        const scope = new Scope(place.scope);
        scope.declare(name, !constant);
        const body = this.block(this.inner(place, { kind: 'loop', label }), 3, scope);
        return { kind: 'forOf', label, constant, name, iterable, body };
      }
      case 'forIn': {
        const label = this.maybeLabel();
        const object = this.objectLiteral({ ...place, hidden: new Set([...place.hidden, 'k']) });
        const scope = new Scope(place.scope);
        scope.declare('k', false);
        const body = this.block(this.inner(place, { kind: 'loop', label }), 3, scope);
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
        return this.conditionally(place, { kind: 'return', value: this.rng.chance(0.8) ? this.expr(place, 1, true) : null });
      case 'break':
        return this.conditionally(place, { kind: 'break', label: this.breakLabel(place) });
      case 'continue':
        return this.conditionally(place, { kind: 'continue', label: this.continueLabel(place) });
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
   * pattern declares (they would be in their temporal dead zone, or not).
   */
  private destructuring(place: Place): Stmt {
    const pattern = this.rng.chance(0.6) ? 'array' : 'object';
    const names = Array.from({ length: this.rng.int(1, 3) }, () => this.names.fresh('t'));
    const hidden = { ...place, hidden: new Set([...place.hidden, ...names]) };
    const elements = names.map((name, index) => ({
      key: ['a', 'b', 'c'][index],
      name,
      default: this.rng.chance(0.4) ? this.expr(hidden, 1, true) : null,
    }));
    const init = pattern === 'array' ? this.iterable(hidden) : this.objectLiteral(hidden);
    const constant = this.rng.chance(0.4);
    for (const name of names) place.scope.declare(name, !constant);
    return { kind: 'destructure', constant, pattern, elements, init };
  }

  /**
   * A generator nested in this one. It sees the bindings declared before it
   * (not itself: no recursion), starts a new function (no jump targets cross
   * it), and can be called, delegated to and iterated after its declaration.
   */
  private localGenerator(place: Place): Stmt {
    const name = this.names.fresh('h');
    const params = LOCAL_GENERATOR_PARAMS.slice(0, this.rng.int(0, 2));
    const scope = new Scope(place.scope);
    for (const param of params) scope.declare(param, true);
    const outerPrefix = this.tagPrefix;
    this.tagPrefix = `${outerPrefix}.${name}`;
    this.inLocalGenerator = true;
    const body = this.block({ scope, targets: [], depth: place.depth + 1, hidden: place.hidden, mayShadow: true }, 3);
    this.inLocalGenerator = false;
    this.tagPrefix = outerPrefix;
    place.scope.declare(name, false, true, params.length);
    return { kind: 'localGenerator', name, params, body };
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
    const discriminant: Expr =
      names.length > 0 && this.rng.chance(0.5)
        ? { kind: 'var', name: this.rng.pick(names) }
        : this.rng.chance(0.5)
          ? { kind: 'yield', arg: this.leaf(place) }
          : this.expr(place, 1, true);
    const caseScope = new Scope(place.scope);
    const cases: SwitchCase[] = [];
    const count = this.rng.int(1, 4);
    const defaultAt = this.rng.chance(0.5) ? this.rng.int(0, count - 1) : -1;
    for (let index = 0; index < count; index++) {
      let test: Expr | null = null;
      if (index !== defaultAt) {
        test = this.rng.chance(0.15)
          ? { kind: 'yield', arg: this.leaf(place) }
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
    const block = this.block(inner, 3);
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
      finalizer = this.block(inner, 2);
      // A yield in a finally block suspends an early return()/throw(); a return there overrides them.
      if (this.rng.chance(0.3)) finalizer.push({ kind: 'expr', expr: { kind: 'yield', arg: this.leaf(place) } });
      if (this.rng.chance(0.12)) finalizer.push(this.conditionally(place, { kind: 'return', value: this.leaf(place) }));
    }
    return { kind: 'try', block, handler, finalizer };
  }

  // ---- expressions ----

  private visible(place: Place): string[] {
    return [...place.scope.visible()].filter(([name, binding]) => !binding.opaque && !place.hidden.has(name)).map(([name]) => name);
  }

  private assignable(place: Place): string[] {
    return [...place.scope.visible()].filter(([name, binding]) => binding.assignable && !place.hidden.has(name)).map(([name]) => name);
  }

  private leaf(place: Place): Expr {
    const names = this.visible(place);
    const kind = this.rng.weighted({ num: 3, var: names.length > 0 ? 4 : 0, str: 1, undefined: 0.3 });
    switch (kind) {
      case 'num':
        return { kind: 'num', value: this.smallNumber() };
      case 'var':
        return { kind: 'var', name: this.rng.pick(names) };
      case 'str':
        return { kind: 'str', value: this.rng.pick(STRINGS) };
      case 'undefined':
        return { kind: 'undefined' };
    }
  }

  /** An expression of nesting `depth` (0 = outermost); `yields` says whether it may suspend. */
  expr(place: Place, depth: number, yields: boolean): Expr {
    if (depth >= 3) return this.leaf(place);
    const kind = this.rng.weighted({
      leaf: 3 + depth * 2,
      binary: 2,
      logical: 0.8,
      cond: 0.8,
      yield: yields ? 2 : 0,
      yieldStar: yields ? 0.3 : 0,
      assign: this.assignable(place).length > 0 ? 0.6 : 0,
      pair: 0.6,
      array: 0.4,
      object: 0.4,
      template: 0.4,
      sequence: 0.2,
      argumentsLength: 0.1,
    });
    switch (kind) {
      case 'leaf':
        return this.leaf(place);
      case 'binary': {
        const op = this.rng.pick<BinaryOperator>(['+', '+', '-', '*', '<', '===', '%']);
        return { kind: 'binary', op, left: this.expr(place, depth + 1, yields), right: this.expr(place, depth + 1, yields) };
      }
      case 'logical':
        return {
          kind: 'logical',
          op: this.rng.pick(['&&', '||', '??'] as const),
          left: this.expr(place, depth + 1, yields),
          right: this.expr(place, depth + 1, yields),
        };
      case 'cond':
        return {
          kind: 'cond',
          test: this.expr(place, depth + 1, yields),
          then: this.expr(place, depth + 1, yields),
          else: this.expr(place, depth + 1, yields),
        };
      case 'yield':
        return { kind: 'yield', arg: this.rng.chance(0.85) ? this.expr(place, depth + 1, yields) : null };
      case 'yieldStar':
        return this.yieldStar(place);
      case 'assign':
        return this.assignment(place, yields, depth + 1);
      case 'pair':
        return { kind: 'pair', args: [this.listItem(place, depth + 1, yields, 0.1), this.expr(place, depth + 1, yields)] };
      case 'array': {
        const elements: Expr[] = [];
        const count = this.rng.int(0, 3);
        for (let index = 0; index < count; index++) elements.push(this.listItem(place, depth + 1, yields, 0.2));
        return { kind: 'array', elements };
      }
      case 'sequence':
        return { kind: 'sequence', exprs: [this.expr(place, depth + 1, yields), this.expr(place, depth + 1, yields)] };
      case 'object':
        return this.objectLiteral(place, depth + 1, yields);
      case 'template': {
        const spans: { expr: Expr; tail: string }[] = [];
        const count = this.rng.int(1, 2);
        for (let index = 0; index < count; index++) spans.push({ expr: this.expr(place, depth + 1, yields), tail: this.rng.pick(['', '-', '|']) });
        return { kind: 'template', head: this.rng.pick(['', 't:']), spans };
      }
      case 'argumentsLength':
        return { kind: 'argumentsLength' };
    }
  }

  /** An element of an array literal or an argument: sometimes `...iterable`. */
  private listItem(place: Place, depth: number, yields: boolean, spreadChance: number): Expr {
    return this.rng.chance(spreadChance) ? { kind: 'spread', source: this.iterable(place, yields) } : this.expr(place, depth, yields);
  }

  private assignment(place: Place, yields: boolean, depth = 0): Expr {
    const op = this.rng.pick<AssignOperator>(['=', '=', '+=', '+=', '-=', '*=', '??=', '||=']);
    return { kind: 'assign', op, name: this.rng.pick(this.assignable(place)), value: this.expr(place, depth + 1, yields) };
  }

  private objectLiteral(place: Place, depth = 1, yields = true): Expr {
    const keys = ['a', 'b', 'c'].filter(() => this.rng.chance(0.6));
    return { kind: 'object', props: keys.map((key) => ({ key, value: this.expr(place, depth + 1, yields) })) };
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

  /** What a `throw` throws: mostly errors, sometimes a plain value (possibly one sent in). */
  private thrown(place: Place): Expr {
    if (this.rng.chance(0.75)) return { kind: 'newError', message: `boom${this.names.fresh('')}` };
    return this.expr(place, 2, true);
  }

  private closureBody(place: Place): Expr {
    const names = this.visible(place);
    if (this.assignable(place).length > 0 && this.rng.chance(0.3)) return this.assignment(place, false, 1);
    if (names.length > 0 && this.rng.chance(0.8)) {
      return { kind: 'pair', args: [{ kind: 'var', name: this.rng.pick(names) }, this.expr(place, 1, false)] };
    }
    return this.expr(place, 1, false);
  }

  /** A call of a generator declared before the current one, or of a local generator in scope, if any. */
  private calleeCall(place: Place): Expr | null {
    const index = this.current === null ? this.generators.length : this.generators.indexOf(this.current);
    const callees = this.generators
      .slice(0, index === -1 ? this.generators.length : index)
      .map((decl) => ({ name: decl.name, params: decl.params.length }));
    for (const [name, binding] of place.scope.visible()) {
      if (binding.generatorParams !== undefined) callees.push({ name, params: binding.generatorParams });
    }
    if (callees.length === 0) return null;
    const callee = this.rng.pick(callees);
    const args: Expr[] = [];
    for (let param = 0; param < callee.params; param++) args.push(this.expr(place, 2, false));
    return { kind: 'genCall', callee: callee.name, args };
  }

  private iterable(place: Place, yields = true): Expr {
    const call = this.rng.chance(0.5) ? this.calleeCall(place) : null;
    if (call !== null) return call;
    if (this.rng.chance(0.3)) return { kind: 'str', value: this.rng.pick(['ab', 'xyz', '']) };
    const elements: Expr[] = [];
    const count = this.rng.int(0, 3);
    for (let index = 0; index < count; index++) elements.push(this.expr(place, 2, yields));
    return { kind: 'array', elements };
  }

  private yieldStar(place: Place): Expr {
    return { kind: 'yieldStar', source: this.iterable(place) };
  }

  // ---- consumers ----

  /** Mostly 0..3, the range of counters and case tests, so comparisons are sometimes true. */
  private smallNumber(): number {
    return this.rng.chance(0.7) ? this.rng.int(0, 3) : this.rng.int(4, 9);
  }

  private constant(): Expr {
    return this.rng.chance(0.75) ? { kind: 'num', value: this.smallNumber() } : { kind: 'str', value: this.rng.pick(STRINGS) };
  }

  private topLevelCall(): Expr {
    // Usually the last generator: it may delegate to the others, so it is the richest.
    const callee = this.rng.chance(0.6) ? this.generators[this.generators.length - 1] : this.rng.pick(this.generators);
    return { kind: 'genCall', callee: callee.name, args: callee.params.map(() => this.constant()) };
  }

  private consumer(tag: string): Consumer {
    const kind = this.rng.weighted({ drive: 5, spread: 1.5, forOf: 1.5, destructure: 1 });
    switch (kind) {
      case 'drive': {
        const iterators = [{ name: 'it0', call: this.topLevelCall() }];
        if (this.rng.chance(0.2)) iterators.push({ name: 'it1', call: this.topLevelCall() });
        const actions: DriveAction[] = [];
        const count = this.rng.int(1, 8);
        for (let index = 0; index < count; index++) {
          actions.push(this.driveAction(iterators.map((iterator) => iterator.name), index === 0));
        }
        return { kind: 'drive', tag, iterators, actions, drain: this.rng.chance(0.8) };
      }
      case 'spread':
        return { kind: 'spread', tag, call: this.topLevelCall(), viaArrayFrom: this.rng.chance(0.3) };
      case 'forOf':
        return { kind: 'forOf', tag, call: this.topLevelCall(), breakAfter: this.rng.chance(0.6) ? this.rng.int(1, 4) : null };
      case 'destructure':
        return { kind: 'destructure', tag, call: this.topLevelCall(), count: this.rng.int(1, 3) };
    }
  }

  private driveAction(iterators: string[], first: boolean): DriveAction {
    // throw()/return() before the first next() only complete the generator; keep that, but rarely.
    const method = first && this.rng.chance(0.85) ? 'next' : this.rng.weighted({ next: 6, throw: 1.2, return: 1.2, callFns: 0.8 });
    if (method === 'callFns') return { kind: 'callFns' };
    let value: Expr;
    if (method === 'throw') {
      value = this.rng.chance(0.8) ? { kind: 'newError', message: `thrown${this.names.fresh('')}` } : this.constant();
    } else {
      value = this.rng.chance(0.3) ? { kind: 'undefined' } : this.constant();
    }
    return { kind: 'resume', iterator: this.rng.pick(iterators), method: method as IteratorMethod, value };
  }
}

function isJump(statement: Stmt): boolean {
  return statement.kind === 'break' || statement.kind === 'continue' || statement.kind === 'return' || statement.kind === 'throw';
}
