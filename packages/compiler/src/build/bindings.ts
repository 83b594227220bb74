/**
 * Binding analysis: which bindings of a suspend function the machine
 * manages, and how each reference to one is written.
 *
 * ## Example
 * ```js
 * function* g() { for (let i = 0; i < 2; i++) { fs.push(() => i); yield; } }
 * ```
 * The loop's scope is split into states and `i` is captured by a closure in
 * a loop: `i` lives in an environment object made per iteration
 * (`$frame.$env = { i$: … }`), the closure reads `$env.i$`.
 *
 * ## Implementation
 * A scope is *split* when a suspension point stands in it: its bindings
 * become machine variables (`variableOf`), or properties of a per-iteration
 * environment when a closure captures them in a scope entered more than once
 * (CreatePerIterationEnvironment). A lexical binding that some reference can
 * reach before its declaration runs is in the dead zone set: it starts
 * `uninitialized` and its reads are checked. Everything else stays as the
 * user wrote it. `this`, `arguments` and `new.target` become inputs of the
 * frame the first time a lowering asks for them.
 *
 * ## References
 * ECMAScript 2025, 9.1 Environment Records; 14.7.4.4
 * CreatePerIterationEnvironment; 14.3.1 let and const (the dead zone).
 */
import { UNDEFINED } from '../ir';
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import type { Code, Part, Variable } from '../ir';
import type { Binding, Scope, WriteRule } from '../scope';
import { isFunctionLike } from '../function-like';
import { IrWriter } from './ir-writer';
import { isUsing } from '../using-declarations';
import type { BuildContext } from './builder';
import type { DeadZoneWrite } from '../render';
import { isAssignmentTarget, isDestructuringTarget } from '../early-errors/assignment-targets';

/**
 * The bindings of one scope that closures capture and that exist once per
 * entry of the scope (a loop body, a `for (let …)` head, a catch clause in a
 * loop): they live in an object made at each entry, so each closure keeps the
 * bindings of its own iteration.
 */
interface Environment {
  readonly variable: Variable;
  readonly bindings: readonly Binding[];
  /** The name closures use for this environment. */
  readonly alias: string;
}

export class MachineBindings extends IrWriter {
  private readonly suspending = new Set<ts.Node>();
  private readonly splitScopes = new Set<Scope>();
  private readonly bindingVariables = new Map<Binding, Variable>();
  private readonly environments = new Map<Scope, Environment>();
  /** let/const/class bindings that some read may reach before their declaration runs. */
  private readonly deadZone = new Set<Binding>();
  private readonly environmentOf = new Map<Binding, Environment>();
  private thisVariable: Variable | undefined;
  private newTargetVariable: Variable | undefined;
  private argumentsVariable: Variable | undefined;

  constructor(readonly context: BuildContext) {
    super();
    this.markSuspending(context.fn);
    for (const [node, scope] of context.scopes.scopes) {
      // A class's own name stays the engine's: the class keeps its `class C` text, whose methods
      // read that binding even when a computed key or `extends` clause suspends.
      if (scope.owner !== context.fn || ts.isClassLike(node)) continue;
      if (node === context.fn || this.suspending.has(node)) this.splitScopes.add(scope);
      // A try or switch that suspends is taken apart whole, its catch clause and case block too.
      if (ts.isCatchClause(node) && this.suspending.has(node.parent)) this.splitScopes.add(scope);
      if (ts.isCaseBlock(node) && this.suspending.has(node.parent)) this.splitScopes.add(scope);
    }
    this.findDeadZoneReads();
    for (const scope of this.splitScopes) {
      const captured = [...scope.bindings.values()].filter((b) => b.captured);
      if (captured.length === 0 || !this.isReentered(scope.node)) continue;
      const env: Environment = {
        variable: this.newVariable('$env', 'temp'),
        bindings: captured,
        alias: context.freshName('$env'),
      };
      env.variable.captured = true;
      this.environments.set(scope, env);
      for (const b of captured) this.environmentOf.set(b, env);
    }
  }

  /**
   * A lexical binding needs its dead zone checked when a reference may run
   * before the declaration: it stands earlier in the text (a closure made
   * before, a loop body entered again), in a `for-in/of` head's expression, or
   * in another clause of the same switch.
   */
  private findDeadZoneReads(): void {
    const declarationEnd = new Map<Binding, ts.Node>();
    const references: [ts.Identifier, Binding][] = [];
    for (const [id, binding] of this.context.scopes.resolved) {
      if (binding.kind !== 'let' && binding.kind !== 'const' && binding.kind !== 'class') continue;
      // Metadata read before the class it names exists throws natively too; its annotation holds no check.
      if (this.context.scopes.metadataTypeNames.has(id)) continue;
      if (!this.splitScopes.has(binding.scope)) continue;
      const declaration = declarationOf(id);
      // An enum's later declarations fill the object its first one made.
      if (declaration && !declarationEnd.has(binding)) declarationEnd.set(binding, declaration);
      else references.push([id, binding]);
    }
    for (const [id, binding] of references) {
      const declaration = declarationEnd.get(binding);
      if (!declaration) continue;
      const scopeNode = binding.scope.node;
      const early = id.pos < declaration.end;
      const inHead = (ts.isForOfStatement(scopeNode) || ts.isForInStatement(scopeNode)) && isWithin(id, scopeNode.expression);
      const otherClause = ts.isCaseBlock(scopeNode) && clauseOf(id) !== clauseOf(declaration);
      if (early || inHead || otherClause) this.deadZone.add(binding);
    }
  }

  /**
   * What a write to a binding this machine or an enclosing one manages
   * checks, where the engine no longer can (the binding became a frame field
   * or an environment property): undefined for the binding's declaration and
   * for bindings left to the engine.
   */
  writeRule(target: ts.Identifier): WriteRule | undefined {
    const binding = this.context.scopes.resolved.get(target);
    if (!binding) return this.context.outerWriteRule(target);
    if (declarationOf(target) || (!this.variableOf(binding) && !this.environmentOf.has(binding))) return undefined;
    return { name: binding.name, immutable: this.immutability(binding), deadZone: this.deadZone.has(binding) };
  }

  private immutability(binding: Binding): WriteRule['immutable'] {
    if (binding.kind === 'const') return 'const';
    return binding === this.context.scopes.ownName ? 'ownName' : undefined;
  }

  /** For a write to an immutable binding a machine manages, the code that throws (or is ignored) instead. */
  constantWrite(target: ts.Identifier): Code | undefined {
    const rule = this.writeRule(target);
    if (!rule?.immutable) return undefined;
    // A named function expression's own name is immutable: the write is ignored, or throws in strict code.
    if (rule.immutable === 'ownName' && !this.context.strict) return UNDEFINED;
    const rt = this.context.names.runtime;
    const thrower: Code = [rt.ref('throwConstantAssignment'), '()'];
    if (!rule.deadZone) return thrower;
    // SetMutableBinding refuses an uninitialized binding (a ReferenceError) before an immutable one.
    return ['(', rt.ref('checkInitialized'), '(', ...this.identifierCode(target)!, ', ', JSON.stringify(rule.name), '), ', ...thrower, ')'];
  }

  /** Whether a scope can be entered more than once per call: it sits in a loop of this function. */
  private isReentered(node: ts.Node): boolean {
    for (let n: ts.Node | undefined = node; n && n !== this.context.fn; n = n.parent) {
      if (ts.isIterationStatement(n, false)) return true;
    }
    return false;
  }

  /** Makes the environment of a scope as it is entered. */
  protected enterScope(node: ts.Node): void {
    const scope = this.context.scopes.scopes.get(node);
    if (!scope) return;
    const rt = this.context.names.runtime;
    const initial = (b: Binding) => (this.deadZone.has(b) ? rt.ref('uninitialized') : 'void 0');
    const env = this.environments.get(scope);
    if (env) this.assign(env.variable, ['{ ', env.bindings.map((b) => `${environmentKey(b)}: ${initial(b)}`).join(', '), ' }']);
    for (const b of scope.bindings.values()) {
      if (!this.deadZone.has(b)) continue;
      const v = this.variableOf(b);
      if (v) this.assign(v, [rt.ref('uninitialized')]);
    }
  }

  /** CreatePerIterationEnvironment: the next iteration gets a copy of the loop head's bindings. */
  protected copyEnvironment(node: ts.Node): void {
    const scope = this.context.scopes.scopes.get(node);
    const env = scope && this.environments.get(scope);
    if (!env) return;
    const parts: Part[] = ['{ '];
    env.bindings.forEach((b, i) => parts.push(...(i ? [', '] : []), `${environmentKey(b)}: `, env.variable, '.' + environmentKey(b)));
    parts.push(' }');
    this.assign(env.variable, parts);
  }

  /** Whether an identifier names a binding kept in a per-iteration environment object. */
  inEnvironment(node: ts.Identifier): boolean {
    const binding = this.context.scopes.resolved.get(node);
    return binding !== undefined && this.environmentOf.has(binding);
  }

  /** How an identifier of this function is written: a variable, an environment property, an outer name. */
  identifierCode(node: ts.Identifier): Code | undefined {
    const binding = this.context.scopes.resolved.get(node);
    if (!binding) {
      // A member's name in an enum's initializer reads the enum object, the parameter enum-object.ts names after the enum.
      const enumDeclaration = this.context.scopes.enumMembers.get(node);
      return enumDeclaration ? [`${enumDeclaration.name.text}.${node.text}`] : this.context.outerIdentifier(node);
    }
    const env = this.environmentOf.get(binding);
    if (env) return this.checkedCode(node, binding, [isInsideClosure(node, this.context.fn) ? env.alias : env.variable, '.' + environmentKey(binding)]);
    const v = this.variableOf(binding);
    return v && this.checkedCode(node, binding, [v]);
  }

  /**
   * For an identifier naming a binding kept in a per-iteration environment:
   * the name a closure made in the iteration has for that environment, and
   * the identifier written through other code that reaches it (a nested
   * method's frame, whose step function stands outside that closure).
   */
  environmentReference(node: ts.Identifier): { alias: string; write(environment: Code): Code } | undefined {
    const binding = this.context.scopes.resolved.get(node);
    const env = binding && this.environmentOf.get(binding);
    if (!env) return undefined;
    return { alias: env.alias, write: (environment) => this.checkedCode(node, binding!, [...environment, '.' + environmentKey(binding!)]) };
  }

  /** `code`, how the binding `node` names is reached, with the checks of its dead zone. */
  private checkedCode(node: ts.Identifier, binding: Binding, code: Code): Code {
    // A type annotation holds a name, never a call.
    if (this.context.scopes.metadataTypeNames.has(node)) return code;
    if (this.deadZone.has(binding) && !isWritten(node)) {
      return ['(', this.context.names.runtime.ref('checkInitialized'), '(', ...code, ', ', JSON.stringify(binding.name), '))'];
    }
    const immutable = this.immutability(binding);
    if (!isDestructuringTarget(node) || (!immutable && !this.deadZone.has(binding))) return code;
    // A destructuring target has no value to wrap: it becomes a setter that checks what it stores.
    const value = this.context.freshName('$value');
    const rt = this.context.names.runtime;
    const name = JSON.stringify(binding.name);
    const setter = (body: Code): Code => ['({ set v(', value, ') { ', ...body, ' } }).v'];
    // SetMutableBinding refuses an uninitialized binding (a ReferenceError) before an immutable one.
    const initialized: Code = this.deadZone.has(binding) ? [rt.ref('checkInitialized'), '(', ...code, ', ', name, '); '] : [];
    if (immutable === 'const' || (immutable === 'ownName' && this.context.strict)) return setter([...initialized, rt.ref('throwConstantAssignment'), '();']);
    if (immutable === 'ownName') return setter([]);
    return setter([...code, ' = ', rt.ref('checkWritable'), '(', ...code, ', ', value, ', ', name, ');']);
  }

  /**
   * For a write to a binding that may still be in its dead zone (not its
   * declaration, not a `const`, which `constantWrite` throws for): the
   * checked read a compound assignment or update starts with, and what goes
   * around the value a plain assignment stores, to check it once computed.
   */
  deadZoneWrite(target: ts.Identifier): DeadZoneWrite | undefined {
    const rule = this.writeRule(target);
    if (!rule?.deadZone || rule.immutable === 'const') return undefined;
    const code = this.identifierCode(target);
    if (!code) return undefined;
    const rt = this.context.names.runtime;
    const name = JSON.stringify(rule.name);
    return {
      read: [rt.ref('checkInitialized'), '(', ...code, ', ', name, ')'],
      beforeValue: [rt.ref('checkWritable'), '(', ...code, ', '],
      afterValue: [', ', name, ')'],
    };
  }

  /**
   * Evaluating a sloppy block-level function declaration also sets the
   * function's `var` of its name (Annex B.3.2.1): the statement that does it,
   * when the declaration has such a `var`.
   */
  blockFunctionVarWrite(declaration: ts.FunctionDeclaration): Code | undefined {
    const binding = this.context.scopes.blockFunctionVars.get(declaration);
    if (!binding) return undefined;
    const env = this.environmentOf.get(binding);
    const target: Code = env ? [env.variable, '.' + environmentKey(binding)] : [this.variableOf(binding)!];
    const name = declaration.name!;
    return [...target, ' = ', ...(this.identifierCode(name) ?? [name.text]), ';'];
  }

  /**
   * The names closures give this machine's environments: a machine nested in such a closure
   * must not name anything of its own so, or it would hide the environment from the code inside.
   */
  environmentAliases(): string[] {
    return [...this.environments.values()].map((e) => e.alias);
  }

  protected closureEnvironments(node: ts.Node): { aliases: string[]; environments: Code[] } | undefined {
    const used = new Set<Environment>();
    const visit = (n: ts.Node) => {
      if (ts.isIdentifier(n)) {
        // A declaration's own name is bound where the declaration stands, not read by the closure.
        if (n === (node as ts.NamedDeclaration).name) return;
        const binding = this.context.scopes.resolved.get(n);
        const env = binding && this.environmentOf.get(binding);
        if (env) used.add(env);
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    if (used.size === 0) return undefined;
    const envs = [...used];
    return { aliases: envs.map((e) => e.alias), environments: envs.map((e) => [e.variable]) };
  }

  /** The machine variable of a binding, if the binding belongs to a scope that is split into states. */
  variableOf(binding: Binding): Variable | undefined {
    if (!this.splitScopes.has(binding.scope) || this.environmentOf.has(binding)) return undefined;
    let v = this.bindingVariables.get(binding);
    if (!v) {
      const ownName = binding === this.context.scopes.ownName;
      const input = binding.scope === this.context.scopes.functionScope && (binding.kind === 'param' || ownName || this.isArgumentsVar(binding));
      v = this.newVariable(binding.name, 'binding', { binding, input });
      this.bindingVariables.set(binding, v);
    }
    return v;
  }

  /**
   * A `var arguments` of a function that has an arguments object names that
   * object (FunctionDeclarationInstantiation binds `arguments` before the
   * `var`s, which add nothing to an existing binding): the wrapper hands in
   * its own. A function declaration of the name replaces it when the
   * function's declarations are instantiated; an arrow has no such object.
   */
  isArgumentsVar(binding: Binding): boolean {
    return binding.name === 'arguments' && binding.kind === 'var' && binding.scope === this.context.scopes.functionScope && !ts.isArrowFunction(this.context.fn);
  }

  thisValue(): Variable {
    return (this.thisVariable ??= this.newVariable('$this', 'this', { input: true }));
  }

  thisCode(): Code {
    return this.context.derivedConstructorThis ? [this.thisValue(), '()'] : [this.thisValue()];
  }

  argumentsValue(): Variable {
    return (this.argumentsVariable ??= this.newVariable('$arguments', 'arguments', { input: true }));
  }

  newTargetValue(): Variable {
    return (this.newTargetVariable ??= this.newVariable('$newTarget', 'newTarget', { input: true }));
  }

  get usesThis(): boolean {
    return this.thisVariable !== undefined;
  }

  /** Whether the machine reads the arguments object, by `arguments` or through a `var` of that name. */
  get usesArguments(): boolean {
    return this.argumentsVariable !== undefined || [...this.bindingVariables.keys()].some((b) => this.isArgumentsVar(b));
  }

  suspends(node: ts.Node): boolean {
    return this.suspending.has(node);
  }

  private markSuspending(fn: ts.Node): void {
    const visit = (node: ts.Node): boolean => {
      if (node !== fn && (isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node))) {
        // A method's decorators (its parameters' too) and computed name are evaluated where the method is defined, not in its body.
        let found = false;
        for (const part of evaluatedWhereDefined(node)) if (visit(part)) found = true;
        if (found) this.suspending.add(node);
        return found;
      }
      let found = this.suspendsHere(node);
      ts.forEachChild(node, (child) => {
        if (visit(child)) found = true;
      });
      if (found) this.suspending.add(node);
      return found;
    };
    visit(fn);
  }

  /** Whether `node` itself suspends, apart from its children; one switch on the kind, since every node of the body is asked. */
  private suspendsHere(node: ts.Node): boolean {
    // With the starvation budget every loop of a coroutine may yield at its back-edge.
    const budgeted = this.context.budget !== undefined;
    switch (node.kind) {
      case SyntaxKind.YieldExpression:
      case SyntaxKind.AwaitExpression:
        return true;
      case SyntaxKind.ForOfStatement:
        return (node as ts.ForOfStatement).awaitModifier !== undefined || budgeted;
      case SyntaxKind.ForStatement:
      case SyntaxKind.ForInStatement:
      case SyntaxKind.DoStatement:
      case SyntaxKind.WhileStatement:
        return budgeted;
      case SyntaxKind.VariableDeclarationList:
        // Disposal at the end of a `using` block runs in the machine's finally (disposal.ts).
        return isUsing(node as ts.VariableDeclarationList);
      case SyntaxKind.ReturnStatement:
        // An async generator awaits what it returns.
        return (node as ts.ReturnStatement).expression !== undefined && this.context.kind === 'asyncGenerator';
      default:
        return false;
    }
  }
}

/** The declaration a binding identifier names (its end is where the binding is initialized). */
function declarationOf(id: ts.Identifier): ts.Node | undefined {
  let n: ts.Node = id;
  while (ts.isBindingElement(n.parent) || ts.isObjectBindingPattern(n.parent) || ts.isArrayBindingPattern(n.parent)) n = n.parent;
  const parent = n.parent;
  if (ts.isVariableDeclaration(parent) && parent.name === n) return parent;
  if ((ts.isClassDeclaration(parent) || ts.isEnumDeclaration(parent)) && parent.name === id) return parent;
  return undefined;
}

function clauseOf(node: ts.Node): ts.Node | undefined {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (ts.isCaseClause(n) || ts.isDefaultClause(n)) return n;
  return undefined;
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** Whether an identifier is written (an assignment, update or destructuring target, or its declaration), not read. */
export function isWritten(node: ts.Identifier): boolean {
  return isAssignmentTarget(node) || declarationOf(node) !== undefined;
}

/**
 * The property of an environment object that holds a binding. Suffixed as
 * frame fields are (see layout.ts), so `__proto__` or `constructor` is an own
 * data property like any other name.
 */
function environmentKey(binding: Binding): string {
  return `${binding.name}$`;
}

/**
 * Whether `node` sits in a function or class nested in `fn`. What such a
 * declaration evaluates where it stands does not: its own name (bound in
 * the scope around it), a class's `extends` clause and decorators, a
 * member's computed key and decorators (its parameters' too). When the
 * class suspends, the machine evaluates those itself, outside the closure
 * that gives the class its environments.
 */
export function isInsideClosure(node: ts.Node, fn: ts.Node): boolean {
  let throughMember = false;
  for (let child: ts.Node = node, n = node.parent; n && n !== fn; child = n, n = n.parent) {
    const declaredName = (ts.isClassDeclaration(n) || ts.isFunctionDeclaration(n)) && n.name === child;
    const key = (n as ts.NamedDeclaration).name === child && ts.isComputedPropertyName(child);
    const outsideMember: boolean = key || ts.isDecorator(child) || (throughMember && ts.isParameter(child));
    const whereItStands = declaredName || outsideMember || (ts.isClassLike(n) && (ts.isHeritageClause(child) || throughMember));
    if ((isFunctionLike(n) || ts.isClassLike(n)) && !whereItStands) return true;
    throughMember = outsideMember;
  }
  return false;
}

/** The parts of a method (or accessor, constructor) that its class evaluates where it is defined: decorators, its parameters' decorators, a computed name. */
export function evaluatedWhereDefined(node: ts.Node): ts.Node[] {
  const parts: ts.Node[] = [...decoratorsOf(node)];
  const name = (node as ts.NamedDeclaration).name;
  if (name && ts.isComputedPropertyName(name)) parts.push(name);
  if (isFunctionLike(node)) for (const parameter of node.parameters) parts.push(...decoratorsOf(parameter));
  return parts;
}

export function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return (ts.canHaveDecorators(node) && ts.getDecorators(node)) || [];
}
