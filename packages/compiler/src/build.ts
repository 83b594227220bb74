/**
 * Statements of a suspend function → state-machine IR.
 *
 * ## Example
 * ```js
 * while (i < 3) { yield i; i++; }
 * ```
 * becomes
 * ```
 * label L1
 * branch i < 3, L3
 * yield i → L2
 * label L2
 * statement i++;
 * jump L1
 * label L3
 * ```
 *
 * ## Implementation
 * Statements that hold no suspension point are rendered as they are
 * (`render.ts`); only statements that hold one are taken apart into labels
 * and jumps. Declarations of bindings that the machine manages become
 * assignments, function declarations are hoisted to the entry of their
 * scope. `break`, `continue` and `return` that leave a `try` with a
 * `finally` set that finally's pending completion and go through it
 * (`Finally`). Expressions are split by `normalize.ts`.
 *
 * ## References
 * ECMAScript 2025, 14 ECMAScript Language: Statements and Declarations;
 * 14.7.5.6 ForIn/OfHeadEvaluation and 14.7.5.7 ForIn/OfBodyEvaluation (iterator
 * close); 14.15.3 try evaluation; 14.12.4 CaseBlockEvaluation.
 */
import ts from 'typescript';
import {
  CompletionKind,
  type Code,
  type Finally,
  type Instruction,
  type Label,
  type MachineIR,
  type Part,
  type Region,
  type Variable,
  type VariableOrigin,
} from './ir';
import type { Binding, Scope, ScopeInfo } from './scope';
import { isFunctionLike } from './scope';
import { renderNode, type Edit, type RenderHooks } from './render';
import { Normalizer } from './normalize';
import { Destructurer } from './destructure';
import type { MachineNames } from './names';
import { UnsupportedError } from './diagnostics';
import type { SuspendKind } from './suspend-kind';

interface JumpTarget {
  readonly kind: 'loop' | 'switch' | 'label';
  readonly labels: readonly string[];
  readonly breakLabel: Label;
  readonly continueLabel: Label | undefined;
  /** How many finallys enclose the target: a jump leaves the ones above this depth. */
  readonly breakDepth: number;
  readonly continueDepth: number;
}

export interface BuildContext {
  readonly fn: ts.FunctionLikeDeclaration;
  readonly kind: SuspendKind;
  readonly sourceFile: ts.SourceFile;
  readonly scopes: ScopeInfo;
  readonly names: MachineNames;
  /** Substitutes identifiers that belong to an enclosing suspend function. */
  readonly outerIdentifier: (node: ts.Identifier) => Part | undefined;
  /** Lowers a suspend function nested in this one; returns its text, and records its helpers. */
  readonly nestedSuspendFunction: (node: ts.FunctionLikeDeclaration, edits: Edit[], asExpression: boolean) => Code | undefined;
  /** An object literal normalize assembled from its properties, with the suspend methods among them linked. */
  readonly linkedObject: (node: ts.ObjectLiteralExpression, code: Code) => Code;
  /** Super property access (methods only). */
  readonly superAccessor: () => Variable | undefined;
  /** A name no user code and no other machine uses. */
  readonly freshName: (preferred: string) => string;
  /** Whether the function's code is strict. */
  readonly strict: boolean;
}

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

export class MachineBuilder {
  readonly instructions: Instruction[] = [];
  readonly variables: Variable[] = [];
  private labelCount = 0;
  private regionCount = 0;
  private readonly root: Region = { id: 0, parent: undefined, handler: undefined, finalizer: undefined };
  private region: Region = this.root;
  /** The source offset instructions pushed now come from. */
  private position: number | undefined;
  private hasRegions = false;
  /** The finallies enclosing the code being built, innermost last. */
  readonly finallies: Finally[] = [];
  private readonly targets: JumpTarget[] = [];
  private readonly suspending = new Set<ts.Node>();
  private readonly splitScopes = new Set<Scope>();
  private readonly bindingVariables = new Map<Binding, Variable>();
  private readonly environments = new Map<Scope, Environment>();
  /** let/const/class bindings that some read may reach before their declaration runs. */
  private readonly deadZone = new Set<Binding>();
  private readonly environmentOf = new Map<Binding, Environment>();
  private readonly hoistedDeclarations = new Set<ts.Node>();
  /** Nodes whose code was computed ahead of rendering (class keys evaluated before a suspension). */
  readonly overrides = new Map<ts.Node, Code>();
  private thisVariable: Variable | undefined;
  private newTargetVariable: Variable | undefined;
  private argumentsVariable: Variable | undefined;
  private pendingExits: Label[] | undefined;
  readonly normalizer: Normalizer;
  private readonly destructurer: Destructurer;
  readonly hooks: RenderHooks;
  readonly entry: Label;

  constructor(readonly context: BuildContext) {
    this.markSuspending(context.fn);
    for (const [node, scope] of context.scopes.scopes) {
      if (scope.owner !== context.fn) continue;
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
    this.normalizer = new Normalizer(this);
    this.destructurer = new Destructurer(this);
    this.hooks = this.makeHooks();
    this.entry = this.newLabel();
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
      if (!this.splitScopes.has(binding.scope)) continue;
      const declaration = declarationOf(id);
      if (declaration) declarationEnd.set(binding, declaration);
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

  /** For a write to a `const` binding the machine manages, the code that throws instead. */
  constantWrite(target: ts.Identifier): Code | undefined {
    const binding = this.context.scopes.resolved.get(target);
    if (!binding || declarationOf(target)) return undefined;
    const fn = this.context.fn;
    // A named function expression's own name is immutable: the write is ignored, or throws in strict code.
    const ownName = ts.isFunctionExpression(fn) && fn.name?.text === binding.name && binding.kind === 'function' &&
      binding.scope === this.context.scopes.functionScope;
    if (binding.kind !== 'const' && !ownName) return undefined;
    if (!this.variableOf(binding) && !this.environmentOf.has(binding)) return undefined;
    if (ownName && !this.context.strict) return ['void 0'];
    return [this.context.names.runtime, '.throwConstantAssignment(', JSON.stringify(binding.name), ')'];
  }

  /** Whether a scope can be entered more than once per call: it sits in a loop of this function. */
  private isReentered(node: ts.Node): boolean {
    for (let n: ts.Node | undefined = node; n && n !== this.context.fn; n = n.parent) {
      if (ts.isIterationStatement(n, false)) return true;
    }
    return false;
  }

  /** Makes the environment of a scope as it is entered. */
  private enterScope(node: ts.Node): void {
    const scope = this.context.scopes.scopes.get(node);
    if (!scope) return;
    const rt = this.context.names.runtime;
    const initial = (b: Binding) => (this.deadZone.has(b) ? `${rt}.uninitialized` : 'void 0');
    const env = this.environments.get(scope);
    if (env) this.assign(env.variable, ['{ ', env.bindings.map((b) => `${propertyKey(b.name)}: ${initial(b)}`).join(', '), ' }']);
    for (const b of scope.bindings.values()) {
      if (!this.deadZone.has(b)) continue;
      const v = this.variableOf(b);
      if (v) this.assign(v, [`${rt}.uninitialized`]);
    }
  }

  /** CreatePerIterationEnvironment: the next iteration gets a copy of the loop head's bindings. */
  private copyEnvironment(node: ts.Node): void {
    const scope = this.context.scopes.scopes.get(node);
    const env = scope && this.environments.get(scope);
    if (!env) return;
    const parts: Part[] = ['{ '];
    env.bindings.forEach((b, i) => parts.push(...(i ? [', '] : []), `${propertyKey(b.name)}: `, env.variable, '.' + b.name));
    parts.push(' }');
    this.assign(env.variable, parts);
  }

  /** How an identifier of this function is written: a variable, an environment property, an outer name. */
  identifierCode(node: ts.Identifier): Code | undefined {
    const binding = this.context.scopes.resolved.get(node);
    if (!binding) {
      const outer = this.context.outerIdentifier(node);
      return outer === undefined ? undefined : [outer];
    }
    const env = this.environmentOf.get(binding);
    const v = env ? undefined : this.variableOf(binding);
    let code: Code | undefined;
    if (env) code = isInsideClosure(node, this.context.fn) ? [`${env.alias}.${binding.name}`] : [env.variable, '.' + binding.name];
    else if (v) code = [v];
    if (code && this.deadZone.has(binding) && !isWritten(node)) {
      return ['(', this.context.names.runtime, '.checkInitialized(', ...code, ', ', JSON.stringify(binding.name), '))'];
    }
    return code;
  }

  private closureEnvironments(node: ts.Node, isRoot: boolean): { aliases: string[]; environments: Code[] } | undefined {
    const used = new Set<Environment>();
    const visit = (n: ts.Node) => {
      if (ts.isIdentifier(n)) {
        const binding = this.context.scopes.resolved.get(n);
        const env = binding && this.environmentOf.get(binding);
        if (env) used.add(env);
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    if (used.size === 0) return undefined;
    if (!isRoot && (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node))) {
      throw new UnsupportedError(node, 'a declaration in a nested block that captures a per-iteration binding across a yield is not supported');
    }
    const envs = [...used];
    return { aliases: envs.map((e) => e.alias), environments: envs.map((e) => [e.variable]) };
  }

  // ---- variables and labels -------------------------------------------------

  newLabel(): Label {
    return { id: this.labelCount++ };
  }

  newVariable(name: string, origin: VariableOrigin, extra: Partial<Pick<Variable, 'binding' | 'input'>> = {}): Variable {
    const v: Variable = {
      id: this.variables.length,
      name,
      origin,
      binding: extra.binding,
      input: extra.input ?? false,
      captured: extra.binding?.captured ?? false,
    };
    this.variables.push(v);
    return v;
  }

  newTemp(name = 't'): Variable {
    return this.newVariable(name, 'temp');
  }

  /** The machine variable of a binding, if the binding belongs to a scope that is split into states. */
  variableOf(binding: Binding): Variable | undefined {
    if (!this.splitScopes.has(binding.scope) || this.environmentOf.has(binding)) return undefined;
    let v = this.bindingVariables.get(binding);
    if (!v) {
      const fn = this.context.fn;
      const ownName = ts.isFunctionExpression(fn) && fn.name?.text === binding.name && binding.kind === 'function';
      const input = binding.scope === this.context.scopes.functionScope && (binding.kind === 'param' || ownName);
      v = this.newVariable(binding.name, 'binding', { binding, input });
      this.bindingVariables.set(binding, v);
    }
    return v;
  }

  thisValue(): Variable {
    return (this.thisVariable ??= this.newVariable('$this', 'this', { input: true }));
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

  get usesArguments(): boolean {
    return this.argumentsVariable !== undefined;
  }

  suspends(node: ts.Node): boolean {
    return this.suspending.has(node);
  }

  private markSuspending(fn: ts.Node): void {
    const visit = (node: ts.Node): boolean => {
      if (node !== fn && (isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node))) {
        // A method's computed name is evaluated where the method is defined, not in its body.
        const name = (node as ts.FunctionLikeDeclaration).name;
        if (name && ts.isComputedPropertyName(name) && visit(name)) {
          this.suspending.add(node);
          return true;
        }
        return false;
      }
      let found =
        ts.isYieldExpression(node) ||
        ts.isAwaitExpression(node) ||
        (ts.isForOfStatement(node) && node.awaitModifier !== undefined) ||
        // An async generator awaits what it returns.
        (ts.isReturnStatement(node) && node.expression !== undefined && this.context.kind === 'asyncGenerator');
      ts.forEachChild(node, (child) => {
        if (visit(child)) found = true;
      });
      if (found) this.suspending.add(node);
      return found;
    };
    visit(fn);
  }

  // ---- emitting ---------------------------------------------------------------

  push(instruction: Instruction): void {
    if (this.position !== undefined && instruction.op !== 'label') instruction.pos = this.position;
    this.instructions.push(instruction);
  }

  /** Builds with the instructions made meanwhile mapped to `node` (source maps). */
  at<T>(node: ts.Node, build: () => T): T {
    const saved = this.position;
    this.position = node.getStart(this.context.sourceFile);
    try {
      return build();
    } finally {
      this.position = saved;
    }
  }

  mark(label: Label): void {
    this.push({ op: 'label', label, region: this.region });
  }

  statement(code: Code): void {
    if (code.length === 0) return;
    this.push({ op: 'statement', code, region: this.region });
  }

  /** An expression evaluated for its effects, parenthesized where a statement could not start with it. */
  expressionStatement(code: Code): void {
    const first = code[0];
    const ambiguous = typeof first === 'string' && /^\s*(?:\{|function\b|class\b|let\s*\[|async\s+function\b)/.test(first);
    this.statement(ambiguous ? ['(', ...code, ');'] : [...code, ';']);
  }

  assign(target: Variable, value: Code): void {
    this.push({ op: 'assign', target, value, region: this.region });
  }

  jump(target: Label): void {
    this.push({ op: 'jump', target, region: this.region });
  }

  /** Jumps to `whenFalse` unless `condition` is truthy. */
  branch(condition: Code, whenFalse: Label): void {
    this.push({ op: 'branch', condition, whenFalse, region: this.region });
  }

  suspend(value: Code | undefined, delegate: boolean): Label {
    const resume = this.newLabel();
    if (delegate) this.push({ op: 'delegate', iterable: value ?? ['void 0'], resume, region: this.region });
    else this.push({ op: 'yield', value, resume, region: this.region });
    this.mark(resume);
    return resume;
  }

  /**
   * `yield*` in an async generator, as a loop of this machine: each value the
   * inner iterator gives is yielded as it is (no await), and what the caller
   * sends back (`next`, `throw`, `return`) is forwarded by the handler and
   * finalizer of the one state that yields. Returns the variable holding the
   * expression's value.
   */
  delegateAsync(iterable: Code): Variable {
    const names = this.context.names;
    const runtime = names.runtime;
    const iterator = this.newVariable('$iterator', 'iterator');
    const next = this.newVariable('$next', 'iterator');
    const receivedMode = this.newTemp('$receivedMode');
    const received = this.newTemp('$received');
    const call = this.newTemp('$innerCall');
    const inner = this.newTemp('$innerResult');
    const result = this.newTemp('$delegated');
    const [loop, notDone, onThrow, onReturn, missing, missingReturn, closed, after] = Array.from({ length: 8 }, () => this.newLabel());
    this.assign(iterator, [runtime, '.getAsyncIterator(', ...iterable, ')']);
    this.assign(next, [iterator, '.next']);
    this.assign(receivedMode, ['0']);
    this.assign(received, ['void 0']);
    this.mark(loop);
    this.assign(call, [runtime, '.callDelegate(', iterator, ', ', next, ', ', receivedMode, ', ', received, ')']);
    this.branch([call, ' !== ', runtime, '.NOTHING_TO_AWAIT'], missing);
    this.awaitValue([call]);
    this.assign(inner, [runtime, '.requireIteratorResult(', names.value, ')']);
    this.branch([inner, '.done'], notDone);
    this.assign(result, [inner, '.value']);
    this.branch([receivedMode, ' === 2'], after);
    // The inner iterator ended a return(): so does this generator, with that value as it is
    // (ecma262 #2819 dropped the await here: the value was awaited when return() reached the yield).
    this.returnWith([result]);
    this.mark(notDone);
    this.assign(result, [inner, '.value']);
    this.withRegion(this.newRegion(onThrow, onReturn), () => {
      this.mark(this.newLabel());
      this.suspend([result], false);
    });
    this.mark(this.newLabel());
    this.assign(receivedMode, ['0']);
    this.assign(received, [names.value]);
    this.jump(loop);
    this.mark(onThrow);
    this.assign(receivedMode, ['1']);
    this.assign(received, [names.value]);
    this.jump(loop);
    this.mark(onReturn);
    this.assign(receivedMode, ['2']);
    this.assign(received, [names.value]);
    this.jump(loop);
    this.mark(missing);
    this.branch([receivedMode, ' === 1'], missingReturn);
    // No `throw`: the inner iterator is closed (its `return` awaited) and the protocol violation thrown.
    const closing = this.newTemp('$closing');
    this.assign(closing, [runtime, '.startAsyncIteratorClose(', iterator, ', false)']);
    this.branch([closing, ' !== ', runtime, '.NOTHING_TO_AWAIT'], closed);
    this.awaitValue([closing]);
    this.statement([runtime, '.requireIteratorResult(', names.value, ');']);
    this.mark(closed);
    this.statement(["throw new TypeError(\"The iterator does not provide a 'throw' method\");"]);
    this.mark(missingReturn);
    // No `return`: this generator returns the received value, awaited.
    this.awaitValue([received]);
    this.returnWith([names.value]);
    this.mark(after);
    return result;
  }

  /** `await value`: resumes with the settled value in `$value`, or with its reason thrown there. */
  awaitValue(value: Code): Label {
    const resume = this.newLabel();
    this.push({ op: 'await', value, resume, region: this.region });
    this.mark(resume);
    return resume;
  }

  /** Renders code that holds no suspension point; jumps it makes out of itself become CFG edges. */
  render(node: ts.Node): Code {
    return renderNode(node, this.hooks);
  }

  private renderStatement(node: ts.Node): void {
    const exits: Label[] = [];
    const saved = this.pendingExits;
    this.pendingExits = exits;
    const code = this.render(node);
    this.pendingExits = saved;
    this.push({ op: 'statement', code, exits, region: this.region });
  }

  withRegion<T>(region: Region, body: () => T): T {
    const saved = this.region;
    this.region = region;
    try {
      return body();
    } finally {
      this.region = saved;
    }
  }

  newRegion(handler: Label | undefined, finalizer: Label | undefined): Region {
    this.hasRegions = true;
    return { id: ++this.regionCount, parent: this.region, handler, finalizer };
  }

  // ---- completions --------------------------------------------------------------

  newFinally(after: Label): { fin: Finally; throwEntry: Label; returnEntry: Label } {
    const fin: Finally = {
      kind: this.newTemp('$completion'),
      value: this.newTemp('$result'),
      body: this.newLabel(),
      returnEntry: this.newLabel(),
      throwEntry: this.newLabel(),
      after,
      outer: this.finallies[this.finallies.length - 1],
      jumpTargets: new Set(),
      jumpsThroughOuter: new Set(),
    };
    return { fin, throwEntry: fin.throwEntry, returnEntry: fin.returnEntry };
  }

  /** Code for `return value` at the current position: through the innermost finally, or completing. */
  returnCode(value: Code | undefined): { code: Code; exit: Label | undefined } {
    const fin = this.finallies[this.finallies.length - 1];
    if (!fin) {
      return { code: [this.context.names.frame, '.$state = -2; return', ...(value ? [' ', ...value] : []), ';'], exit: undefined };
    }
    const entry = fin.returnEntry;
    return {
      code: [this.context.names.value, ' = ', ...(value ?? ['void 0']), '; ', ...this.gotoCode(entry)],
      exit: entry,
    };
  }

  private gotoCode(label: Label): Code {
    return [this.context.names.state, ' = ', label, '; continue ', this.context.names.loop, ';'];
  }

  returnWith(value: Code | undefined): void {
    const fin = this.finallies[this.finallies.length - 1];
    if (!fin) {
      this.push({ op: 'complete', value, region: this.region });
      return;
    }
    this.statement([this.context.names.value, ' = ', ...(value ?? ['void 0']), ';']);
    this.jump(fin.returnEntry);
  }

  /** A jump to `target`, which is enclosed by `depth` finallys, running the finallys it leaves. */
  private jumpCode(target: Label, depth: number): { code: Code; exit: Label } {
    if (this.finallies.length === depth) return { code: this.gotoCode(target), exit: target };
    for (let k = this.finallies.length - 1; k >= depth; k--) {
      const fin = this.finallies[k];
      fin.jumpTargets.add(target);
      if (k - 1 >= depth) fin.jumpsThroughOuter.add(target);
    }
    const fin = this.finallies[this.finallies.length - 1];
    return {
      code: [fin.kind, ' = ', String(CompletionKind.Jump), '; ', fin.value, ' = ', target, '; ', ...this.gotoCode(fin.body)],
      exit: fin.body,
    };
  }

  private jumpTo(target: Label, depth: number): void {
    if (this.finallies.length === depth) {
      this.jump(target);
      return;
    }
    const { code, exit } = this.jumpCode(target, depth);
    this.push({ op: 'statement', code, exits: [exit], region: this.region });
  }

  private findTarget(node: ts.BreakOrContinueStatement): { label: Label; depth: number } {
    const isBreak = ts.isBreakStatement(node);
    for (let i = this.targets.length - 1; i >= 0; i--) {
      const t = this.targets[i];
      if (node.label) {
        if (!t.labels.includes(node.label.text)) continue;
      } else if (isBreak ? t.kind === 'label' : t.kind !== 'loop') {
        continue;
      }
      if (isBreak) return { label: t.breakLabel, depth: t.breakDepth };
      if (t.continueLabel) return { label: t.continueLabel, depth: t.continueDepth };
    }
    throw new UnsupportedError(node, 'the target of this jump was not found');
  }

  // ---- hooks for rendering --------------------------------------------------------

  private makeHooks(): RenderHooks {
    const builder = this;
    return {
      sourceFile: this.context.sourceFile,
      identifier: (node) => builder.identifierCode(node),
      closureEnvironments: (node, isRoot) => this.closureEnvironments(node, isRoot),
      override: (node) => this.overrides.get(node),
      constantWrite: (target) => this.constantWrite(target),
      // Read by an arrow that may run after the frame moved on: a field of its own.
      thisValue: (inClosure) => markCaptured(this.thisValue(), inClosure),
      argumentsValue: (inClosure) => markCaptured(this.argumentsValue(), inClosure),
      newTargetValue: (inClosure) =>
        ts.isArrowFunction(this.context.fn) ? [markCaptured(this.newTargetValue(), inClosure)] : ['(void 0)'],
      superProperty: (node, render) => {
        const accessor = this.context.superAccessor();
        if (!accessor) return undefined;
        if (isAssignmentTarget(node) && !isPlainAssignmentTarget(node)) {
          throw new UnsupportedError(node, 'compound assignment to a super property inside a generator is not supported');
        }
        const key: Code = ts.isPropertyAccessExpression(node)
          ? [JSON.stringify(node.name.text)]
          : render((node as ts.ElementAccessExpression).argumentExpression);
        return [accessor, '(', ...key, ')'];
      },
      nestedSuspendFunction: (node, edits) =>
        this.context.nestedSuspendFunction(node, edits, this.hoistedDeclarations.has(node)),
      escapingJump: (node) => {
        const { label, depth } = this.findTarget(node);
        const { code, exit } = this.jumpCode(label, depth);
        this.pendingExits?.push(exit);
        return ['{ ', ...code, ' }'];
      },
      returnStatement: (value) => {
        const { code, exit } = this.returnCode(value);
        if (exit) this.pendingExits?.push(exit);
        return ['{ ', ...code, ' }'];
      },
      variableDeclarationList: (list, render) => this.renderVarListInChunk(list, render),
    };
  }

  /**
   * A `var` declaration inside rendered code that declares machine variables
   * becomes assignments: the binding lives in the frame or the step function.
   */
  private renderVarListInChunk(list: ts.VariableDeclarationList, render: (n: ts.Node) => Code): Code | undefined {
    if (list.flags & ts.NodeFlags.BlockScoped) return undefined;
    const managed = list.declarations.some((d) => this.bindingTargets(d.name).some((b) => this.variableOf(b)));
    if (!managed) return undefined;
    const parts: Part[] = [];
    const inForHead =
      (ts.isForInStatement(list.parent) || ts.isForOfStatement(list.parent)) && list.parent.initializer === list;
    for (const d of list.declarations) {
      if (!d.initializer && !inForHead) continue;
      if (parts.length) parts.push(', ');
      const target = this.bindingTarget(d.name, render);
      if (inForHead) parts.push(...target);
      else parts.push(...(ts.isIdentifier(d.name) ? target : ['(', ...target, ')']), ' = ', ...render(d.initializer!));
    }
    if (ts.isVariableStatement(list.parent)) return parts.length ? [...parts, ';'] : [';'];
    return parts.length ? parts : ['void 0'];
  }

  private bindingTargets(name: ts.BindingName): Binding[] {
    if (ts.isIdentifier(name)) {
      const b = this.context.scopes.resolved.get(name);
      return b ? [b] : [];
    }
    const result: Binding[] = [];
    for (const e of name.elements) if (ts.isBindingElement(e)) result.push(...this.bindingTargets(e.name));
    return result;
  }

  /** A binding pattern written as an assignment target (`{a, b: [c]}` → `{a: $frame.a, b: [c]}`). */
  bindingTarget(name: ts.BindingName, render: (n: ts.Node) => Code = (n) => this.render(n)): Code {
    if (ts.isIdentifier(name)) return render(name);
    const parts: Part[] = [];
    if (ts.isObjectBindingPattern(name)) {
      parts.push('{');
      name.elements.forEach((e, i) => {
        if (i) parts.push(', ');
        if (e.dotDotDotToken) {
          parts.push('...', ...this.bindingTarget(e.name, render));
          return;
        }
        const key = e.propertyName ?? e.name;
        if (ts.isComputedPropertyName(key)) parts.push('[', ...render(key.expression), ']');
        else parts.push(key.getText(this.context.sourceFile));
        parts.push(': ', ...this.bindingTarget(e.name, render));
        if (e.initializer) parts.push(' = ', ...render(e.initializer));
      });
      parts.push('}');
    } else {
      parts.push('[');
      name.elements.forEach((e, i) => {
        if (i) parts.push(', ');
        if (ts.isOmittedExpression(e)) return;
        if (e.dotDotDotToken) parts.push('...');
        parts.push(...this.bindingTarget(e.name, render));
        if (e.initializer) parts.push(' = ', ...render(e.initializer));
      });
      if (name.elements.length && ts.isOmittedExpression(name.elements[name.elements.length - 1])) parts.push(',');
      parts.push(']');
    }
    return parts;
  }

  /** Binds a declaration's name to a value: one assignment, or a destructuring assignment. */
  bind(name: ts.BindingName, value: Code): void {
    if (ts.isIdentifier(name)) {
      const binding = this.context.scopes.resolved.get(name);
      const v = binding && this.variableOf(binding);
      if (v) this.assign(v, value);
      else this.statement([...(this.identifierCode(name) ?? [name.text]), ' = ', ...value, ';']);
      return;
    }
    if (this.suspends(name)) return this.destructure(name, value);
    this.statement(['(', ...this.bindingTarget(name), ' = ', ...value, ');']);
  }

  /** Destructuring whose pattern holds a suspension point: see destructure.ts. */
  destructure(target: ts.BindingName | ts.Expression, value: Code): void {
    this.destructurer.destructure(target, value);
  }

  // ---- statements ---------------------------------------------------------------------

  /** Builds the body; its first `directives` statements are the directive prologue. */
  build(directives: number): MachineIR {
    const fn = this.context.fn;
    this.mark(this.entry);
    this.enterScope(fn);
    const body = fn.body!;
    if (ts.isBlock(body)) {
      const statements = body.statements.slice(directives);
      this.hoistFunctions(statements);
      for (const s of statements) this.buildStatement(s);
    } else {
      this.returnWith(this.normalizer.expression(body));
    }
    this.push({ op: 'complete', value: undefined, region: this.region });
    return { instructions: this.instructions, variables: this.variables, entry: this.entry, hasRegions: this.hasRegions };
  }

  /** Function declarations of a split scope are created when the scope is entered. */
  private hoistFunctions(statements: readonly ts.Statement[]): void {
    for (const s of statements) {
      if (ts.isFunctionDeclaration(s) && s.name && s.body) {
        this.hoistedDeclarations.add(s);
        this.bind(s.name, this.render(s));
      }
    }
  }

  private buildStatements(statements: readonly ts.Statement[]): void {
    this.hoistFunctions(statements);
    for (const s of statements) this.buildStatement(s);
  }

  buildStatement(node: ts.Statement): void {
    this.at(node, () => this.buildStatementHere(node));
  }

  private buildStatementHere(node: ts.Statement): void {
    if (ts.isFunctionDeclaration(node)) {
      if (!node.body || this.hoistedDeclarations.has(node)) return;
    }
    if (ts.isVariableStatement(node)) return this.buildVariableList(node.declarationList);
    if (ts.isClassDeclaration(node) && node.name) {
      return this.bind(node.name, this.normalizer.classExpression(node));
    }
    if (ts.isReturnStatement(node)) {
      if (!node.expression) return this.returnWith(undefined);
      const value = this.normalizer.expression(node.expression);
      if (this.context.kind !== 'asyncGenerator') return this.returnWith(value);
      this.awaitValue(value);
      return this.returnWith([this.context.names.value]);
    }
    if (ts.isBreakStatement(node) || ts.isContinueStatement(node)) {
      const { label, depth } = this.findTarget(node);
      return this.jumpTo(label, depth);
    }
    if (!this.suspends(node)) {
      if (ts.isEmptyStatement(node)) return;
      if (isTypeOnlyStatement(node)) return;
      return this.renderStatement(node);
    }
    switch (node.kind) {
      case ts.SyntaxKind.ExpressionStatement:
        return this.buildExpressionStatement((node as ts.ExpressionStatement).expression);
      case ts.SyntaxKind.Block:
        this.enterScope(node);
        return this.buildStatements((node as ts.Block).statements);
      case ts.SyntaxKind.IfStatement:
        return this.buildIf(node as ts.IfStatement);
      case ts.SyntaxKind.ThrowStatement:
        return this.statement(['throw ', ...this.normalizer.expression((node as ts.ThrowStatement).expression), ';']);
      case ts.SyntaxKind.WhileStatement:
        return this.buildWhile(node as ts.WhileStatement, []);
      case ts.SyntaxKind.DoStatement:
        return this.buildDo(node as ts.DoStatement, []);
      case ts.SyntaxKind.ForStatement:
        return this.buildFor(node as ts.ForStatement, []);
      case ts.SyntaxKind.ForOfStatement:
        return this.buildForOf(node as ts.ForOfStatement, []);
      case ts.SyntaxKind.ForInStatement:
        return this.buildForIn(node as ts.ForInStatement, []);
      case ts.SyntaxKind.LabeledStatement:
        return this.buildLabeled(node as ts.LabeledStatement);
      case ts.SyntaxKind.SwitchStatement:
        return this.buildSwitch(node as ts.SwitchStatement, []);
      case ts.SyntaxKind.TryStatement:
        return this.buildTry(node as ts.TryStatement);
      default:
        throw new UnsupportedError(node, `${ts.SyntaxKind[node.kind]} holding a suspension point is not supported`);
    }
  }

  private buildExpressionStatement(expression: ts.Expression): void {
    const code = this.normalizer.expression(expression, true);
    if (code.length && !isInert(code)) this.expressionStatement(code);
  }

  private buildVariableList(list: ts.VariableDeclarationList): void {
    const blockScoped = (list.flags & ts.NodeFlags.BlockScoped) !== 0;
    for (const d of list.declarations) {
      if (d.initializer) {
        this.bind(d.name, this.normalizer.expression(d.initializer));
      } else if (blockScoped) {
        // `let x;` re-initialises x each time it is evaluated (a loop body entered again).
        this.bind(d.name, ['void 0']);
      }
    }
  }

  private buildIf(node: ts.IfStatement): void {
    const condition = this.normalizer.expression(node.expression);
    const otherwise = this.newLabel();
    const end = node.elseStatement ? this.newLabel() : otherwise;
    this.branch(condition, otherwise);
    this.buildStatement(node.thenStatement);
    if (node.elseStatement) {
      this.jump(end);
      this.mark(otherwise);
      this.buildStatement(node.elseStatement);
    }
    this.mark(end);
  }

  private loop<T>(labels: readonly string[], breakLabel: Label, continueLabel: Label, body: () => T, continueDepth = this.finallies.length, breakDepth = this.finallies.length): T {
    this.targets.push({ kind: 'loop', labels, breakLabel, continueLabel, breakDepth, continueDepth });
    try {
      return body();
    } finally {
      this.targets.pop();
    }
  }

  private buildWhile(node: ts.WhileStatement, labels: readonly string[]): void {
    const head = this.newLabel();
    const exit = this.newLabel();
    this.mark(head);
    this.branch(this.normalizer.expression(node.expression), exit);
    this.loop(labels, exit, head, () => this.buildStatement(node.statement));
    this.jump(head);
    this.mark(exit);
  }

  private buildDo(node: ts.DoStatement, labels: readonly string[]): void {
    const body = this.newLabel();
    const test = this.newLabel();
    const exit = this.newLabel();
    this.mark(body);
    this.loop(labels, exit, test, () => this.buildStatement(node.statement));
    this.mark(test);
    const condition = this.normalizer.expression(node.expression);
    this.branch(['!', ...paren(condition)], body);
    this.mark(exit);
  }

  private buildFor(node: ts.ForStatement, labels: readonly string[]): void {
    const head = this.newLabel();
    const update = this.newLabel();
    const exit = this.newLabel();
    const init = node.initializer;
    this.enterScope(node);
    if (init) {
      if (ts.isVariableDeclarationList(init)) this.buildVariableList(init);
      else this.buildExpressionStatement(init);
    }
    this.copyEnvironment(node);
    this.mark(head);
    if (node.condition) this.branch(this.normalizer.expression(node.condition), exit);
    this.loop(labels, exit, update, () => this.buildStatement(node.statement));
    this.mark(update);
    this.copyEnvironment(node);
    if (node.incrementor) this.buildExpressionStatement(node.incrementor);
    this.jump(head);
    this.mark(exit);
  }

  /** Binds the head of a for-in/for-of to the value of one iteration. */
  private bindForHead(initializer: ts.ForInitializer, value: Code): void {
    if (ts.isVariableDeclarationList(initializer)) {
      this.enterScope(initializer.parent);
      this.bind(initializer.declarations[0].name, value);
    } else {
      this.normalizer.assignTo(initializer, value);
    }
  }

  /** `for (… of …)` and `for await (… of …)`: the same loop, over a sync or an async iterator. */
  private buildForOf(node: ts.ForOfStatement, labels: readonly string[]): void {
    const names = this.context.names;
    const isAsync = node.awaitModifier !== undefined;
    // The head's expression runs where the head's bindings exist but are not initialized yet.
    if (ts.isVariableDeclarationList(node.initializer)) this.enterScope(node);
    const iterable = this.normalizer.expression(node.expression);
    const iterator = this.newVariable('$iterator', 'iterator');
    const next = this.newVariable('$next', 'iterator');
    this.assign(iterator, [names.runtime, isAsync ? '.getAsyncIterator(' : '.getIterator(', ...iterable, ')']);
    this.assign(next, [iterator, '.next']);
    const head = this.newLabel();
    const exit = this.newLabel();
    const { fin, throwEntry, returnEntry } = this.newFinally(exit);
    const breakDepth = this.finallies.length;
    this.mark(head);
    const step = this.newTemp('$step');
    if (isAsync) {
      this.awaitValue([names.runtime, '.callNext(', iterator, ', ', next, ')']);
      this.assign(step, [names.runtime, '.requireIteratorResult(', names.value, ')']);
    } else {
      this.assign(step, [names.runtime, '.iteratorNext(', iterator, ', ', next, ')']);
    }
    this.branch(['!', step, '.done'], exit);
    // IteratorValue failing does not close the iterator; binding the value does.
    const value = this.newTemp('$item');
    this.assign(value, [step, '.value']);
    const bodyRegion = this.newRegion(throwEntry, returnEntry);
    this.withRegion(bodyRegion, () => {
      this.mark(this.newLabel());
      this.finallies.push(fin);
      try {
        this.bindForHead(node.initializer, [value]);
        this.loop(labels, exit, head, () => this.buildStatement(node.statement), this.finallies.length, breakDepth);
      } finally {
        this.finallies.pop();
      }
      this.jump(head);
    });
    if (isAsync) this.closeAsyncOnAbruptExit(fin, iterator);
    else this.closeOnAbruptExit(fin, iterator, undefined);
    this.mark(exit);
  }

  /**
   * The finally of a `for await` loop: AsyncIteratorClose, which awaits what
   * `return()` gives. Leaving by a throw, the loop's error wins over anything
   * the close does; otherwise a failing or non-object result is thrown.
   */
  private closeAsyncOnAbruptExit(fin: Finally, iterator: Variable): void {
    const names = this.context.names;
    const runtime = names.runtime;
    this.enterFinallyBody(fin);
    const leavingByThrow: Code = ['(', fin.kind, ' === ', String(CompletionKind.Throw), ')'];
    const closing = this.newTemp('$closing');
    const finish = this.newLabel();
    const rejected = this.newLabel();
    this.assign(closing, [runtime, '.startAsyncIteratorClose(', iterator, ', ', ...leavingByThrow, ')']);
    this.branch([closing, ' !== ', runtime, '.NOTHING_TO_AWAIT'], finish);
    this.withRegion(this.newRegion(rejected, undefined), () => {
      this.mark(this.newLabel());
      this.awaitValue([closing]);
    });
    this.mark(this.newLabel());
    this.statement(['if (!', ...leavingByThrow, ') ', runtime, '.requireIteratorResult(', names.value, ');']);
    this.jump(finish);
    this.mark(rejected);
    this.statement(['if (!', ...leavingByThrow, ') throw ', names.value, ';']);
    this.mark(finish);
    this.push({ op: 'endFinally', finally: fin, region: this.region });
  }

  /**
   * The finally of a loop or pattern over an iterator: a throw closes it
   * ignoring what `return` does, a return or jump closes it checking the
   * result (IteratorClose). With `done`, an exhausted iterator is left alone.
   */
  closeOnAbruptExit(fin: Finally, iterator: Variable, done: Variable | undefined): void {
    const names = this.context.names;
    this.enterFinallyBody(fin);
    const close: Code = [
      'if (', fin.kind, ' === ', String(CompletionKind.Throw), ') ', names.runtime, '.closeIteratorOnThrow(', iterator, '); else ',
      names.runtime, '.closeIterator(', iterator, ');',
    ];
    this.statement(done ? ['if (!', done, ') { ', ...close, ' }'] : close);
    this.push({ op: 'endFinally', finally: fin, region: this.region });
  }

  /** The throw and return entries of a finally that closes an iterator, then the start of its body. */
  private enterFinallyBody(fin: Finally): void {
    const names = this.context.names;
    this.mark(fin.throwEntry);
    this.assign(fin.kind, [String(CompletionKind.Throw)]);
    this.assign(fin.value, [names.value]);
    this.jump(fin.body);
    this.mark(fin.returnEntry);
    this.assign(fin.kind, [String(CompletionKind.Return)]);
    this.assign(fin.value, [names.value]);
    this.mark(fin.body);
  }

  private buildForIn(node: ts.ForInStatement, labels: readonly string[]): void {
    const object = this.newTemp('$object');
    const keys = this.newTemp('$keys');
    const index = this.newTemp('$index');
    const key = this.newTemp('$key');
    if (ts.isVariableDeclarationList(node.initializer)) this.enterScope(node);
    // Object() boxes a primitive (a string's indices) so that `in` can test it below.
    this.assign(object, ['Object(', ...this.normalizer.expression(node.expression), ')']);
    this.assign(keys, ['[]']);
    // The native loop enumerates exactly the keys the spec's EnumerateObjectProperties yields.
    this.statement(['for (', key, ' in ', object, ') ', keys, '.push(', key, ');']);
    this.assign(index, ['0']);
    const head = this.newLabel();
    const exit = this.newLabel();
    this.mark(head);
    this.branch([index, ' < ', keys, '.length'], exit);
    this.assign(key, [keys, '[', index, '++]']);
    // A property deleted before it is visited is not visited.
    this.branch([key, ' in ', object], head);
    this.bindForHead(node.initializer, [key]);
    this.loop(labels, exit, head, () => this.buildStatement(node.statement));
    this.jump(head);
    this.mark(exit);
  }

  private buildLabeled(node: ts.LabeledStatement): void {
    const labels: string[] = [node.label.text];
    let body: ts.Statement = node.statement;
    while (ts.isLabeledStatement(body)) {
      labels.push(body.label.text);
      body = body.statement;
    }
    switch (body.kind) {
      case ts.SyntaxKind.WhileStatement:
        return this.buildWhile(body as ts.WhileStatement, labels);
      case ts.SyntaxKind.DoStatement:
        return this.buildDo(body as ts.DoStatement, labels);
      case ts.SyntaxKind.ForStatement:
        return this.buildFor(body as ts.ForStatement, labels);
      case ts.SyntaxKind.ForOfStatement:
        return this.buildForOf(body as ts.ForOfStatement, labels);
      case ts.SyntaxKind.ForInStatement:
        return this.buildForIn(body as ts.ForInStatement, labels);
      case ts.SyntaxKind.SwitchStatement:
        return this.buildSwitch(body as ts.SwitchStatement, labels);
    }
    const exit = this.newLabel();
    const depth = this.finallies.length;
    this.targets.push({ kind: 'label', labels, breakLabel: exit, continueLabel: undefined, breakDepth: depth, continueDepth: depth });
    try {
      this.buildStatement(body);
    } finally {
      this.targets.pop();
    }
    this.mark(exit);
  }

  private buildSwitch(node: ts.SwitchStatement, labels: readonly string[]): void {
    const discriminant = this.newTemp('$discriminant');
    this.assign(discriminant, this.normalizer.expression(node.expression));
    this.enterScope(node.caseBlock);
    // Function declarations of any clause exist before the first test runs.
    this.hoistFunctions(node.caseBlock.clauses.flatMap((c) => [...c.statements]));
    const exit = this.newLabel();
    const clauses = node.caseBlock.clauses;
    const entries = clauses.map(() => this.newLabel());
    let defaultEntry: Label | undefined;
    clauses.forEach((clause, i) => {
      if (ts.isDefaultClause(clause)) {
        defaultEntry = entries[i];
        return;
      }
      const test = this.normalizer.expression(clause.expression);
      this.branch([discriminant, ' !== ', ...paren(test)], entries[i]);
    });
    this.jump(defaultEntry ?? exit);
    const depth = this.finallies.length;
    this.targets.push({ kind: 'switch', labels, breakLabel: exit, continueLabel: undefined, breakDepth: depth, continueDepth: depth });
    try {
      clauses.forEach((clause, i) => {
        this.mark(entries[i]);
        for (const s of clause.statements) this.buildStatement(s);
      });
    } finally {
      this.targets.pop();
    }
    this.mark(exit);
  }

  private buildTry(node: ts.TryStatement): void {
    const names = this.context.names;
    const after = this.newLabel();
    const catchEntry = node.catchClause ? this.newLabel() : undefined;
    const withFinally = node.finallyBlock ? this.newFinally(after) : undefined;
    const fin = withFinally?.fin;

    const tryRegion = this.newRegion(catchEntry ?? withFinally!.throwEntry, withFinally?.returnEntry);
    const leaveProtected = () => {
      if (fin) {
        this.assign(fin.kind, [String(CompletionKind.Normal)]);
        this.jump(fin.body);
      } else {
        this.jump(after);
      }
    };

    if (fin) this.finallies.push(fin);
    try {
      this.withRegion(tryRegion, () => {
        this.mark(this.newLabel());
        this.buildStatement(node.tryBlock);
        leaveProtected();
      });
      if (node.catchClause && catchEntry) {
        const catchRegion = this.newRegion(withFinally?.throwEntry, withFinally?.returnEntry);
        this.withRegion(catchRegion, () => {
          this.mark(catchEntry);
          const declaration = node.catchClause!.variableDeclaration;
          this.enterScope(node.catchClause!);
          if (declaration) this.bind(declaration.name, [names.value]);
          this.buildStatement(node.catchClause!.block);
          leaveProtected();
        });
      }
    } finally {
      if (fin) this.finallies.pop();
    }

    if (fin && withFinally) {
      this.mark(withFinally.throwEntry);
      this.assign(fin.kind, [String(CompletionKind.Throw)]);
      this.assign(fin.value, [names.value]);
      this.jump(fin.body);
      this.mark(withFinally.returnEntry);
      this.assign(fin.kind, [String(CompletionKind.Return)]);
      this.assign(fin.value, [names.value]);
      this.mark(fin.body);
      this.buildStatement(node.finallyBlock!);
      this.push({ op: 'endFinally', finally: fin, region: this.region });
    }
    this.mark(after);
  }
}

/** The declaration a binding identifier names (its end is where the binding is initialized). */
function declarationOf(id: ts.Identifier): ts.Node | undefined {
  let n: ts.Node = id;
  while (ts.isBindingElement(n.parent) || ts.isObjectBindingPattern(n.parent) || ts.isArrayBindingPattern(n.parent)) n = n.parent;
  const parent = n.parent;
  if (ts.isVariableDeclaration(parent) && parent.name === n) return parent;
  if (ts.isClassDeclaration(parent) && parent.name === id) return parent;
  return undefined;
}

function clauseOf(node: ts.Node): ts.Node | undefined {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (ts.isCaseClause(n) || ts.isDefaultClause(n)) return n;
  return undefined;
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** Whether an identifier is written (an assignment or update target), not read. */
function isWritten(node: ts.Identifier): boolean {
  let n: ts.Node = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const parent = n.parent;
  if (ts.isBinaryExpression(parent) && parent.left === n) {
    const op = parent.operatorToken.kind;
    return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
  }
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  if ((ts.isForInStatement(parent) || ts.isForOfStatement(parent)) && parent.initializer === n) return true;
  if (ts.isShorthandPropertyAssignment(parent) || ts.isArrayLiteralExpression(parent) || ts.isPropertyAssignment(parent)) {
    return ts.isBinaryExpression(parent.parent) || ts.isArrayLiteralExpression(parent.parent) || ts.isObjectLiteralExpression(parent.parent)
      ? isPatternTarget(parent)
      : false;
  }
  return declarationOf(node) !== undefined;
}

/** Whether an object or array literal element is part of a destructuring assignment's target. */
function isPatternTarget(node: ts.Node): boolean {
  let n = node.parent;
  while (ts.isObjectLiteralExpression(n) || ts.isArrayLiteralExpression(n) || ts.isPropertyAssignment(n) || ts.isParenthesizedExpression(n)) {
    const parent = n.parent;
    if (ts.isBinaryExpression(parent) && parent.left === n && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return true;
    if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === n) return true;
    n = parent;
  }
  return false;
}

function markCaptured(v: Variable, captured: boolean | undefined): Variable {
  if (captured) v.captured = true;
  return v;
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** Whether `node` sits in a function or class nested in `fn`. */
function isInsideClosure(node: ts.Node, fn: ts.Node): boolean {
  for (let n = node.parent; n && n !== fn; n = n.parent) {
    if (isFunctionLike(n) || ts.isClassLike(n)) return true;
  }
  return false;
}

export function paren(code: Code): Code {
  if (isAtomic(code)) return code;
  return ['(', ...code, ')'];
}

export function isAtomic(code: Code): boolean {
  if (code.length !== 1) return false;
  const part = code[0];
  if (typeof part !== 'string') return true;
  return /^(?:[\w$]+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')$/.test(part);
}

/** Code with no effect when evaluated on its own (a variable, a literal). */
export function isInert(code: Code): boolean {
  return code.length === 1 && (typeof code[0] !== 'string' || /^(?:[\w$]+|void 0)$/.test(code[0]));
}

function isAssignmentTarget(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && parent.left === node) {
    return parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  }
  if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) &&
      (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)) {
    return true;
  }
  return false;
}

function isPlainAssignmentTarget(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

function isTypeOnlyStatement(node: ts.Statement): boolean {
  return (
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    (ts.isModuleDeclaration(node) && (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Ambient) !== 0) ||
    ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) &&
      (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Ambient) !== 0)
  );
}
