/**
 * A static check that a program only refers to what it declares.
 *
 * ## Example
 * ```ts
 * wellFormedProblems(program)   // [] for every generated program
 * // after deleting `function* g0` from a program that calls it in a `finally`
 * // that never runs: ["g1 calls g0, which is not declared before it"]
 * ```
 *
 * ## Implementation
 * The native run catches a bad reference only where the program runs. Code
 * that never runs natively can still run lowered, when the compiler is
 * wrong, and then a dangling reference shows up as a ReferenceError instead
 * of the bug: the shrinker must not produce such programs, and the generator
 * must never. So this walks every statement, reachable or not, with a model
 * of lexical scope:
 * - a variable is used after its declaration in its block or an enclosing
 *   one, a parameter, a loop binding, a catch parameter, or a loop counter;
 * - only `let` bindings and parameters are assigned;
 * - a function calls only functions declared before it (consumers: any),
 *   or local functions in scope;
 * - `yield` stands only in generator flavors and `await`/`for await` only in
 *   async ones (a SyntaxError otherwise, or in a script, `await` is a name),
 *   never in a closure; `arguments` never where only arrows enclose the code;
 * - two behaviours where Node 20 predates ES2025, which coro follows (see
 *   `asyncIterable` in program.ts), stay out of sight: `yield*` in an async
 *   generator only delegates to a call, and a task (`tk0`, a promise) is only
 *   ever awaited, never used as a value a sync generator could yield;
 * - a spread only stands in an array literal or an argument list;
 * - an object literal's methods and getters never suspend nor read `this.k`
 *   (their `this` is the literal), and it sets `__proto__` at most once;
 * - `break`/`continue` name an enclosing target of the right kind;
 * - a consumer resumes only iterators it created.
 *
 * ## References
 * ECMA-262 14.7 (iteration statements), 14.13 (labelled statements: early errors).
 */
import { memberExpressions, subExpressions, type Consumer, type Expr, type FunctionFlavor, type ObjectMember, type Program, type Stmt } from './ast';

interface Target {
  kind: 'loop' | 'switch' | 'block';
  label: string | null;
}

/** A lexical scope. Names declared later in it are `pending`: in their temporal dead zone, they hide outer ones. */
class Bindings {
  private readonly names = new Map<string, boolean>();
  private readonly pending = new Set<string>();
  private readonly constants = new Set<string>();

  constructor(private readonly parent: Bindings | null) {}

  expect(names: Iterable<string>): void {
    for (const name of names) this.pending.add(name);
  }

  declare(name: string, assignable: boolean, constant = false): void {
    this.pending.delete(name);
    this.names.set(name, assignable);
    if (constant) this.constants.add(name);
    else this.constants.delete(name);
  }

  /** `undefined` when not declared, `'tdz'` before its declaration; otherwise whether it may be assigned. */
  lookup(name: string): boolean | 'tdz' | undefined {
    if (this.names.has(name)) return this.names.get(name);
    if (this.pending.has(name)) return 'tdz';
    return this.parent?.lookup(name);
  }

  /** Whether `name` resolves here to a `const` binding past its dead zone. */
  isConstant(name: string): boolean {
    if (this.names.has(name)) return this.constants.has(name);
    if (this.pending.has(name)) return false;
    return this.parent?.isConstant(name) ?? false;
  }
}

/** What encloses the code being checked. */
interface FunctionContext {
  flavor: FunctionFlavor;
  /** False in an arrow with no non-arrow function around it. */
  argumentsBound: boolean;
  /** True in a method and the arrows inside it. */
  thisBound: boolean;
  /** True in a class body (its methods and what they hold): strict code. */
  strict: boolean;
}

/** Names a statement list declares at its own level (`let`/`const`, and the counters printed before while loops). */
function declaredNames(statements: Stmt[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    if (statement.kind === 'let') names.push(statement.name);
    if (statement.kind === 'destructure') names.push(...statement.elements.map((element) => element.name), ...(statement.rest === null ? [] : [statement.rest.name]));
    if (statement.kind === 'while' || statement.kind === 'doWhile') names.push(statement.counter);
    if (statement.kind === 'localFunction') names.push(statement.name);
  }
  return names;
}

export function wellFormedProblems(program: Program): string[] {
  return new WellFormedCheck(program).run();
}

class WellFormedCheck {
  private readonly problems: string[] = [];
  private where = '';
  /** Functions the code being checked may call. */
  private callable = new Set<string>();
  private context: FunctionContext = { flavor: 'generator', argumentsBound: true, thisBound: false, strict: false };

  constructor(private readonly program: Program) {}

  run(): string[] {
    const declared = new Set<string>();
    for (const decl of this.program.functions) {
      this.where = decl.name;
      this.callable = new Set(declared);
      this.context = {
        flavor: decl.flavor,
        argumentsBound: !(decl.flavor === 'async' && decl.arrow),
        thisBound: decl.holder !== null,
        strict: decl.holder !== null && decl.holder !== 'object',
      };
      if (decl.arrow && decl.flavor !== 'async') this.problem('an arrow that is not an async function');
      if (decl.arrow && decl.holder !== null) this.problem('an arrow that is a method');
      const scope = new Bindings(null);
      for (const param of decl.params) scope.declare(param, true);
      this.statements(decl.body, new Bindings(scope), []);
      declared.add(decl.name);
    }
    this.callable = declared;
    for (const consumer of this.program.consumers) {
      this.where = consumer.tag;
      this.consumer(consumer);
    }
    return this.problems;
  }

  private problem(text: string): void {
    this.problems.push(`${this.where}: ${text}`);
  }

  private statements(statements: Stmt[], scope: Bindings, targets: Target[]): void {
    scope.expect(declaredNames(statements));
    for (const statement of statements) this.statement(statement, scope, targets);
  }

  private statement(stmt: Stmt, scope: Bindings, targets: Target[]): void {
    switch (stmt.kind) {
      case 'expr':
        this.expr(stmt.expr, scope);
        return;
      case 'log':
        stmt.args.forEach((arg) => this.expr(arg, scope));
        return;
      case 'let':
        this.expr(stmt.init, scope);
        scope.declare(stmt.name, !stmt.constant, stmt.constant);
        return;
      case 'destructure':
        // Defaults run after the initializer, each before its own binding exists: all are checked in TDZ.
        this.expr(stmt.init, scope);
        for (const element of stmt.elements) if (element.default !== null) this.expr(element.default, scope);
        for (const element of stmt.elements) scope.declare(element.name, !stmt.constant, stmt.constant);
        if (stmt.rest !== null) scope.declare(stmt.rest.name, !stmt.constant, stmt.constant);
        return;
      case 'if':
        this.expr(stmt.test, scope);
        this.statements(stmt.then, new Bindings(scope), targets);
        if (stmt.else !== null) this.statements(stmt.else, new Bindings(scope), targets);
        return;
      case 'block':
        this.statements(stmt.body, new Bindings(scope), [...targets, { kind: 'block', label: stmt.label }]);
        return;
      case 'for': {
        // The initializer sees the counter in its dead zone; the test sees it bound.
        const headTdz = new Bindings(scope);
        headTdz.expect([stmt.counter]);
        if (stmt.start !== null) this.expr(stmt.start, headTdz);
        const head = new Bindings(scope);
        head.declare(stmt.counter, false);
        if (stmt.test !== null) this.expr(stmt.test, head);
        this.statements(stmt.body, new Bindings(head), [...targets, { kind: 'loop', label: stmt.label }]);
        return;
      }
      case 'while':
      case 'doWhile':
        scope.declare(stmt.counter, false);
        if (stmt.test !== null) this.expr(stmt.test, scope);
        this.statements(stmt.body, new Bindings(scope), [...targets, { kind: 'loop', label: stmt.label }]);
        return;
      case 'forOf':
      case 'forAwait':
      case 'forIn': {
        if (stmt.kind === 'forAwait' && this.context.flavor === 'generator') this.problem('for await outside async code');
        // The head expression sees the loop's own binding in its temporal dead zone.
        const headTdz = new Bindings(scope);
        headTdz.expect([stmt.name]);
        this.expr(stmt.kind === 'forIn' ? stmt.object : stmt.iterable, headTdz);
        const head = new Bindings(scope);
        head.declare(stmt.name, stmt.kind !== 'forIn' && !stmt.constant, stmt.kind === 'forIn' || stmt.constant);
        this.statements(stmt.body, new Bindings(head), [...targets, { kind: 'loop', label: stmt.label }]);
        return;
      }
      case 'switch': {
        this.expr(stmt.discriminant, scope);
        // One scope for the whole case block: a declaration in any case shadows the name in all of them.
        const inner = new Bindings(scope);
        inner.expect(stmt.cases.flatMap((switchCase) => declaredNames(switchCase.body)));
        const caseTargets: Target[] = [...targets, { kind: 'switch', label: null }];
        if (stmt.cases.filter((switchCase) => switchCase.test === null).length > 1) this.problem('a switch with two defaults');
        for (const switchCase of stmt.cases) {
          if (switchCase.test !== null) this.expr(switchCase.test, inner);
          // Each case body sees only its own declarations: a later case may be entered directly.
          this.statements(switchCase.body, new Bindings(inner), caseTargets);
        }
        return;
      }
      case 'try':
        this.statements(stmt.block, new Bindings(scope), targets);
        if (stmt.handler !== null) {
          const handlerScope = new Bindings(scope);
          if (stmt.handler.param !== null) handlerScope.declare(stmt.handler.param, false);
          this.statements(stmt.handler.body, new Bindings(handlerScope), targets);
        }
        if (stmt.finalizer !== null) this.statements(stmt.finalizer, new Bindings(scope), targets);
        if (stmt.handler === null && stmt.finalizer === null) this.problem('a try without catch or finally');
        return;
      case 'throw':
        this.expr(stmt.value, scope);
        return;
      case 'return':
        if (stmt.value !== null) this.expr(stmt.value, scope);
        return;
      case 'break':
        if (stmt.label === null ? !targets.some((target) => target.kind !== 'block') : !targets.some((target) => target.label === stmt.label)) {
          this.problem(`break ${stmt.label ?? ''} without a target`);
        }
        return;
      case 'continue':
        if (!targets.some((target) => target.kind === 'loop' && (stmt.label === null || target.label === stmt.label))) {
          this.problem(`continue ${stmt.label ?? ''} without a loop`);
        }
        return;
      case 'pushClosure':
        if (containsSuspension(stmt.body)) this.problem('a yield or await inside an arrow function');
        this.expr(stmt.body, scope);
        return;
      case 'localFunction': {
        const outer = this.context;
        if (stmt.arrow && stmt.flavor !== 'async') this.problem('an arrow that is not an async function');
        if (stmt.expressionBody !== null && !stmt.arrow) this.problem('an expression body on a function that is not an arrow');
        this.context = {
          flavor: stmt.flavor,
          argumentsBound: stmt.arrow ? outer.argumentsBound : true,
          thisBound: stmt.arrow && outer.thisBound,
          strict: outer.strict,
        };
        const params = new Bindings(scope);
        for (const param of stmt.params) params.declare(param, true);
        // A new function: no jump target outside it is reachable from its body.
        if (stmt.expressionBody !== null) this.expr(stmt.expressionBody, params);
        else this.statements(stmt.body, new Bindings(params), []);
        this.context = outer;
        scope.declare(stmt.name, false, true);
        return;
      }
      case 'ticker':
        return;
      case 'nestedThis':
        if (!stmt.settle && this.context.flavor === 'generator') this.problem('an await outside async code');
        return;
      case 'constWrite':
        if (!scope.isConstant(stmt.name)) this.problem(`${stmt.name} is written as a constant but is not a const binding here`);
        if (stmt.form === 'asyncArrow' && this.context.flavor === 'generator') this.problem('an await outside async code');
        if (containsSuspension(stmt.value)) this.problem('a yield or await in a write to a constant');
        this.expr(stmt.value, scope);
        return;
      case 'loopMethod':
      case 'blockDeclaration': {
        if (!targets.some((target) => target.kind === 'loop')) this.problem(`a ${stmt.kind} outside a loop`);
        if (containsSuspension(stmt.value)) this.problem(`a yield or await inside the function of a ${stmt.kind}`);
        // A function of its own: `this` there is not a holder's, `arguments` its own; in a class, strict code.
        const outer = this.context;
        const inClass = stmt.kind === 'loopMethod' ? stmt.holder === 'class' : stmt.form === 'class';
        this.context = { ...outer, argumentsBound: true, thisBound: false, strict: outer.strict || inClass };
        this.expr(stmt.value, scope);
        this.context = outer;
        this.expr(stmt.suspension, scope);
        return;
      }
    }
  }

  private expr(expr: Expr, scope: Bindings): void {
    switch (expr.kind) {
      case 'var':
        if (isTask(expr.name)) this.problem(`the task ${expr.name} is used as a value`);
        this.reference(expr.name, scope);
        return;
      case 'assign':
        if (scope.lookup(expr.name) !== true) this.problem(`${expr.name} is assigned but is not a let binding or parameter here`);
        this.expr(expr.value, scope);
        return;
      case 'genCall': {
        const local = scope.lookup(expr.callee);
        if (!this.callable.has(expr.callee) && (local === undefined || local === 'tdz')) {
          this.problem(`calls ${expr.callee}, which is not declared before it`);
        }
        expr.args.forEach((arg) => this.listItem(arg, scope));
        return;
      }
      case 'array':
        expr.elements.forEach((element) => this.listItem(element, scope));
        return;
      case 'optionalCall':
        expr.args.forEach((arg) => this.listItem(arg, scope));
        return;
      case 'pair':
        expr.args.forEach((arg) => this.listItem(arg, scope));
        return;
      case 'spread':
        this.problem('a spread outside an array literal or argument list');
        return;
      case 'sequence':
        if (expr.exprs.length === 0) this.problem('an empty comma sequence');
        expr.exprs.forEach((item) => this.expr(item, scope));
        return;
      case 'yield':
      case 'yieldStar':
        if (this.context.flavor === 'async') this.problem('a yield outside a generator');
        if (expr.kind === 'yieldStar' && this.context.flavor === 'asyncGenerator' && expr.source.kind !== 'genCall') {
          this.problem('yield* in an async generator over something else than a call');
        }
        for (const child of subExpressions(expr)) this.expr(child, scope);
        return;
      case 'await':
        if (this.context.flavor === 'generator') this.problem('an await outside async code');
        // The one place a task may stand.
        if (expr.arg.kind === 'var' && isTask(expr.arg.name)) this.reference(expr.arg.name, scope);
        else this.expr(expr.arg, scope);
        return;
      case 'object':
        this.objectLiteral(expr.props, scope);
        return;
      case 'argumentsLength':
        if (!this.context.argumentsBound) this.problem('arguments where only arrows enclose the code');
        return;
      case 'thisKey':
        if (!this.context.thisBound) this.problem('this.k outside a method');
        return;
      case 'deleteBinding':
        if (this.context.strict) this.problem('delete of a binding in strict code');
        if (isTask(expr.name)) this.problem(`the task ${expr.name} is deleted`);
        this.reference(expr.name, scope);
        return;
      case 'superCall':
        if (!this.context.thisBound) this.problem('super outside a method');
        expr.args.forEach((arg) => this.listItem(arg, scope));
        return;
      default:
        for (const child of subExpressions(expr)) this.expr(child, scope);
    }
  }

  private objectLiteral(members: readonly ObjectMember[], scope: Bindings): void {
    if (members.filter((member) => member.kind === 'init' && member.key === '__proto__').length > 1) {
      this.problem('__proto__ twice in one object literal');
    }
    for (const member of members) {
      if (member.kind === 'shorthand') {
        if (isTask(member.name)) this.problem(`the task ${member.name} is used as a value`);
        this.reference(member.name, scope);
      } else if (member.kind === 'method' || member.kind === 'getter') {
        if (containsSuspension(member.value)) this.problem('a yield or await inside a method of an object literal');
        // A function of its own: `this` there is the literal, not a holder's.
        const outer = this.context;
        this.context = { ...outer, thisBound: false };
        this.expr(member.value, scope);
        this.context = outer;
      } else {
        for (const child of memberExpressions(member)) this.expr(child, scope);
      }
    }
  }

  private reference(name: string, scope: Bindings): void {
    const binding = scope.lookup(name);
    if (binding === undefined) this.problem(`${name} is not declared here`);
    if (binding === 'tdz') this.problem(`${name} is used before its declaration`);
  }

  private listItem(expr: Expr, scope: Bindings): void {
    if (expr.kind === 'spread') this.expr(expr.source, scope);
    else this.expr(expr, scope);
  }

  private consumer(consumer: Consumer): void {
    const empty = new Bindings(null);
    // Consumer code is top-level code, or an async arrow at top level.
    this.context = { flavor: 'async', argumentsBound: false, thisBound: false, strict: false };
    switch (consumer.kind) {
      case 'settle':
        consumer.calls.forEach((call) => this.expr(call, empty));
        return;
      case 'asyncDrive':
      case 'drive': {
        const iterators = new Set(consumer.iterators.map((iterator) => iterator.name));
        consumer.iterators.forEach((iterator) => this.expr(iterator.call, empty));
        for (const action of consumer.actions) {
          if (action.kind !== 'callFns') {
            if (!iterators.has(action.iterator)) this.problem(`resumes ${action.iterator}, which it did not create`);
            this.expr(action.value, empty);
          }
        }
        return;
      }
      default:
        this.expr(consumer.call, empty);
    }
  }
}

/** Tasks (`const tk0 = handled(...)`) are named so by program.ts. */
function isTask(name: string): boolean {
  return /^tk\d+$/.test(name);
}

function containsSuspension(expr: Expr): boolean {
  return expr.kind === 'yield' || expr.kind === 'yieldStar' || expr.kind === 'await' || subExpressions(expr).some(containsSuspension);
}
