/**
 * Lowering of one suspend function: scope → build → liveness → layout →
 * emit, then the wrapper (wrapper.ts) and its placement (placement.ts).
 *
 * ## Example
 * ```js
 * const f = function* (a) { yield a; };
 * ```
 * becomes a wrapper that keeps the name, the parameters (evaluated at call
 * time, as native) and the `length`, and makes a frame:
 * ```js
 * const f = $coro.linkGenerator(function f(a) { return new f$Frame(a); }, f$Frame);
 * ```
 * plus the helpers `f$Frame` and `f$step` placed where they see what `f` sees.
 *
 * ## Implementation
 * `FunctionLowering` runs the steps in order: `build` (scope analysis and
 * the IR), `layOut` (liveness, frame layout), `emit` (the helpers' text),
 * `wrap` (the wrapper, and where each piece goes, by placement.ts).
 * Suspend functions nested in this one are lowered when this one is
 * emitted (`Deferred` parts), because their bodies name this one's frame
 * fields. Their helpers go into this step function when they would sit in a
 * statement list that this machine splits, or into the rendered code when
 * they sit in a statement list that stays as it is.
 *
 * ## References
 * ECMAScript 2025, 15.5.3 EvaluateGeneratorBody (parameters are bound before
 * the generator object exists); 10.2.9 SetFunctionName.
 */
import ts from 'typescript';
import { SyntaxKind } from './syntax-kind';
import { MachineBuilder } from './build/statements';
import { analyzeScopes, type ScopeInfo } from './scope';
import { isFunctionLike } from './function-like';
import { analyzeLiveness } from './liveness';
import { layoutFrame, type BindingStorage, type FrameLayout } from './layout';
import { emitMachine, type EmittedMachine } from './emit';
import { formatIR } from './format-ir';
import { machineNames, NameAllocator, type MachineNames } from './names';
import { UnsupportedError } from './diagnostics';
import { refuseDynamicScope } from './dynamic-scope';
import { parametersSharedWithClosures } from './parameter-closures';
import { isDerivedConstructor } from './derived-constructor-this';
import { isLexicallyWithin, lexicalOwnerOf, ownsLexicalValues } from './lexical-owner';
import { suspendKindOf, type SuspendKind } from './suspend-kind';
import { awaitsAtMostOnce } from './single-await';
import { valueParameters } from './this-parameter';
import { directiveCount, hasUseStrict, isStrictAt } from './directives';
import {
  deferred,
  evaluatedAround,
  expressionHoistSite,
  findHoistSite,
  isStatementList,
  seesOnlyFileScope,
  formOf,
  helperInsertions,
  indentOf,
  insertInto,
  joinLines,
  lineIndentAt,
  linkInsertions,
  methodLinkage,
  nameKeyInsertions,
  placeLowered,
  SharedSites,
  nearestClassBelowSite,
  seesClassScope,
  siteOf,
  type MethodLinkage,
  describeStatement,
  type AwaitDescription,
  type LoweredParts,
} from './placement';
import { renderOutsideMachines } from './parameter-list';
import { wrapperName } from './named-evaluation';
import { expectedArgumentCount, helperBaseName, irTitle, isHoistableAsMethod, ownNameUse, renderedParameters, startAfterDecorators, wrapperText } from './wrapper';
import type { FileContext, FunctionForm, HoistSite, LexicalOrigin, LoweredFunction, OuterMachine } from './lowered-function';
import type { Code, IndentMap, MachineIR, Part, Variable } from './ir';
import { isCalleeRef, isDeferred, isExitPart, isLabel, isLineBreak, isVariable, plainText, UNDEFINED } from './ir';
import { endsByInsertedSemicolon, type Edit } from './render';
import { namedPositionMark, positionMark, unmappedMark } from './source-map';
import { mappedFrameNameOf, traceNameOf } from './trace-name';
import { refuseLetReadAsDeclaration } from './let-as-name';

export function lowerFunction(
  fn: ts.FunctionLikeDeclaration,
  file: FileContext,
  outer: OuterMachine | undefined,
  form: FunctionForm,
  indent: string,
): LoweredFunction {
  // TypeScript parses `static async constructor() {}` as a constructor, which has no name the wrapper could write.
  if (ts.isConstructorDeclaration(fn)) throw new UnsupportedError(fn, "a static generator or async method named 'constructor' is not supported");
  refuseLetReadAsDeclaration(fn);
  const lowering = new FunctionLowering(fn, file, outer, form, indent);
  const ir = lowering.build();
  const layout = lowering.layOut(ir);
  const emitted = lowering.emit(ir, layout);
  return lowering.wrap(layout, emitted);
}

/** The names of one function's helpers, unique in the file. */
interface HelperNames {
  readonly frame: string;
  readonly step: string;
  readonly handlers: string;
  readonly finalizers: string;
  /** An async function's rejection reactions, when it awaits once (`describeAwaitOnce`). */
  readonly rejections: string;
}

/**
 * One function on its way through the passes. The steps run in order, each
 * on what the one before made: `build` (the IR), `layOut` (liveness, then
 * the frame), `emit` (helpers' text), `wrap` (the wrapper and where it all
 * goes). A suspend function nested in this one is lowered from `build`'s
 * hooks, its text deferred until this one's layout exists.
 */
class FunctionLowering {
  private readonly sf: ts.SourceFile;
  private readonly kind: SuspendKind;
  /** An async arrow's helpers go to the statement list around it (see below); none otherwise. */
  private readonly hoistSite: HoistSite | undefined;
  /** An async expression or method whose helpers are made once, among the file's helpers (see below). */
  private readonly atTop: boolean;
  /** A method whose step function is made inside its class, where it sees what only the class body sees. */
  private readonly madeInClass: boolean;
  private readonly indent: string;
  private readonly scopes: ScopeInfo;
  private readonly allocator: NameAllocator;
  private readonly names: MachineNames;
  private readonly helper: HelperNames;
  private readonly linkage: MethodLinkage | undefined;
  /** A computed method key is kept as the method defines it, for the link to find the method by once the holder exists. */
  private readonly keyTemp: string | undefined;
  private readonly bodyStatements: ts.NodeArray<ts.Statement>;
  private readonly strictBody: boolean;
  /** Direct `eval` or `with` resolves names at run time (dynamic-scope.ts): the bindings stay real variables. */
  private readonly storage: BindingStorage;
  /** Names nested machines must not take. */
  private readonly reserved: string[];
  /** Declarations of nested functions' helpers that go at the top of this step function. */
  private readonly prelude: Code[] = [];
  /** Per class this machine renders: the helpers of its methods whose step functions it makes. */
  private readonly classHelpers = new Map<ts.ClassLikeDeclaration, ((indent: string) => string)[]>();
  /** What the nested functions placed by one rendering share. */
  private readonly sharedSites = new WeakMap<Edit[], SharedSites>();
  /** An object literal that suspends is assembled by normalize, property by property: it asks for its link itself. */
  private readonly assembledLinks: SharedSites;
  private readonly builder: MachineBuilder;
  private superVariable: Variable | undefined;
  private superCallVariable: Variable | undefined;
  /** The per-iteration environments of the enclosing machine this method reads, by their alias there. */
  private readonly environmentVariables = new Map<string, Variable>();
  /** An arrow whose `this` is a derived class constructor's, which `super(…)` initializes. */
  private readonly derivedConstructorThis: boolean;
  /**
   * Parameters whose frame fields are the wrapper's own bindings: those the engine's mapped `arguments`
   * reaches (sloppy, simple parameters), or those a closure in the parameter list shares with the body.
   */
  private mappedParameters: { name: string; variable: Variable }[] = [];
  /** Known once `layOut` ran; nested functions read it when their deferred text is asked for. */
  private layout: FrameLayout | undefined;
  /** An async function that awaits at most once per call (see single-await.ts): known once `layOut` ran. */
  private awaitsOnce = false;
  /** The binding of an anonymous default-exported generator, named once it is asked for. */
  private anonymousName: string | undefined;

  constructor(
    private readonly fn: ts.FunctionLikeDeclaration,
    private readonly file: FileContext,
    private readonly outer: OuterMachine | undefined,
    private readonly form: FunctionForm,
    indent: string,
  ) {
    const sf = (this.sf = file.sourceFile);
    const kind = (this.kind = suspendKindOf(fn)!);
    this.madeInClass = form === 'method' && seesClassScope(fn, outer);

    this.allocator = new NameAllocator(file.identifiers, outer?.reserved);
    this.names = machineNames(this.allocator, file.runtime);
    const base = helperBaseName(fn, kind);
    this.helper = {
      frame: file.helperNames.fresh(base + '$Frame'),
      step: file.helperNames.fresh(base + '$step'),
      handlers: file.helperNames.fresh(base + '$handlers'),
      finalizers: file.helperNames.fresh(base + '$finalizers'),
      rejections: file.helperNames.fresh(base + '$rejected'),
    };
    this.linkage = form === 'method' ? methodLinkage(fn as ts.MethodDeclaration) : undefined;
    this.keyTemp = this.linkage === 'computed' ? file.helperNames.fresh(base + '$key') : undefined;
    // An arrow's expression body has no directive prologue.
    const body = fn.body!;
    this.bodyStatements = ts.isBlock(body) ? body.statements : ts.factory.createNodeArray<ts.Statement>();
    this.strictBody = hasUseStrict(this.bodyStatements);
    this.scopes = analyzeScopes(fn, this.strict);
    const dynamicScope = this.scopes.dynamicScope;
    if (dynamicScope && this.coroutine) throw refuseDynamicScope(dynamicScope, kind, 'coroutine');
    if (dynamicScope && file.evalAndWith === 'refuse') throw refuseDynamicScope(dynamicScope, kind, 'option');
    this.storage = dynamicScope ? 'scope' : 'frame';
    // An async arrow's helpers are made once per enclosing statement list, not at each evaluation (an
    // IIFE would give every arrow a cold step function). Nested in another machine, its step reads
    // that machine's frame, so it stays where it stands.
    const hoistSite = !outer && form === 'expression' && kind === 'async' && ts.isArrowFunction(fn) ? expressionHoistSite(fn) : undefined;
    // An async function needs no prototype of its own: an expression's or a method's helpers that see
    // only the file's bindings are made once, at the top of the file, whatever makes the function
    // (an evaluation, a call of the function around it, a resumption of the machine around it), unless
    // the file's statement list holds them already. A named expression whose body reads its name reads
    // the binding its IIFE makes.
    this.atTop =
      kind === 'async' &&
      !this.coroutine &&
      this.storage === 'frame' &&
      (form === 'expression' || (form === 'method' && !this.madeInClass)) &&
      !(hoistSite ? ts.isSourceFile(hoistSite.container) : form === 'method' && !outer && ts.isSourceFile(siteOf(fn))) &&
      !(ts.isFunctionExpression(fn) && fn.name && ownNameUse(fn) !== undefined) &&
      seesOnlyFileScope(fn, this.scopes.free);
    this.hoistSite = this.atTop ? undefined : hoistSite;
    this.indent = this.atTop ? '' : this.hoistSite ? indentOf(this.hoistSite.anchor, sf) : indent;
    this.derivedConstructorThis = ts.isArrowFunction(fn) && isDerivedConstructor(lexicalOwnerOf(fn));
    this.reserved = [...(outer?.reserved ?? []), ...Object.values(this.names), ...Object.values(this.helper), ...(this.keyTemp ? [this.keyTemp] : [])];
    this.assembledLinks = new SharedSites(file.runtime);
    this.builder = new MachineBuilder({
      fn,
      kind,
      sourceFile: sf,
      scopes: this.scopes,
      names: this.names,
      outerIdentifier: (node) => this.outerIdentifier(node),
      outerWriteRule: (node) => outer?.writeRule(node),
      freshName: (preferred) => this.allocator.fresh(preferred),
      strict: this.strict,
      variableText: (v) => this.layout!.access(v),
      budget: file.coroutineBudget !== undefined && this.coroutine ? budgetCheckpoint(file, file.coroutineBudget) : undefined,
      isCancellation: this.coroutine ? file.coroutineRuntime.ref('isCancellation') : undefined,
      superAccessor: () => this.superAccessor(),
      derivedConstructorThis: this.derivedConstructorThis,
      superCall: () => this.superCall(),
      nestedSuspendFunction: (node, edits, asExpression) => this.nestedSuspendFunction(node, edits, asExpression),
      aroundClass: (node, inArrow) => this.aroundClass(node, inArrow),
      linkedObject: (node, code) => this.assembledLinks.linked(node, code),
    });
  }

  /** A `"use coroutine"` async function, or async generator (a flow): its `await` suspends to coro's scheduler (coroutines.md). */
  private get coroutine(): boolean {
    return (this.kind === 'async' || this.kind === 'asyncGenerator') && this.file.isCoroutine(this.fn);
  }

  private get strict(): boolean {
    return this.strictBody || isStrictAt(this.fn.parent, this.file.module);
  }

  /** Step 1: the IR, and the variables the layout must know of beyond it. */
  build(): MachineIR {
    const { builder, fn, scopes } = this;
    const ir = builder.build(directiveCount(this.bodyStatements));
    this.file.irListing?.push(formatIR(ir, irTitle(fn, this.kind, this.sf)));
    // Bindings that nested suspend functions read get their variable before the layout is made.
    for (const binding of scopes.resolved.values()) if (binding.captured) builder.variableOf(binding);
    // The per-call scope declares every binding, also one the text never reads or writes: `eval`'s code may name it.
    if (this.storage === 'scope') for (const scope of scopes.scopes.values()) for (const binding of scope.bindings.values()) builder.variableOf(binding);
    // A sloppy function with simple parameters maps `arguments` to them (CreateMappedArgumentsObject):
    // the frame then reaches each parameter through the wrapper's own binding, which the engine maps.
    // In the per-call scope the parameters are the wrapper's own: the engine maps them itself.
    if (this.storage === 'frame' && !this.strict && builder.usesArguments && hasMappableParameters(fn)) this.mappedParameters = parameterVariables(fn, scopes, builder);
    // A closure the wrapper made while binding the parameters shares them with the body the same way.
    else if (this.storage === 'frame') this.mappedParameters = sharedParameterVariables(fn, scopes, builder);
    for (const parameter of this.mappedParameters) parameter.variable.captured = true;
    return ir;
  }

  /** Step 2: what lives across a suspension, and the frame fields and locals it takes. */
  layOut(ir: MachineIR): FrameLayout {
    const liveness = analyzeLiveness(ir);
    const takenNames = new Set([...this.scopes.free, ...this.scopes.blockFunctionNames]);
    this.layout = layoutFrame(this.builder.variables, liveness, this.allocator, takenNames, this.names.frame, this.storage);
    this.awaitsOnce = this.kind === 'async' && !this.coroutine && awaitsAtMostOnce(ir, liveness.successors);
    return this.layout;
  }

  /** Expressions keep their helpers in place (same strictness); methods' helpers may leave a class body. */
  private get inPlace(): boolean {
    return this.form === 'expression' && !this.hoistSite && !this.atTop;
  }

  /**
   * An async function whose step is made more than once per file (at each evaluation, or with the
   * statement list of a function around it) still shares one frame constructor, so all
   * its frames have one shape (a constructor made anew makes objects of a new shape): the
   * constructor goes to the top of the file and takes the step as an argument.
   */
  private get sharedFrame(): boolean {
    if (this.atTop || this.kind !== 'async') return false;
    // A coroutine arrow's frame is linked as a task at each evaluation, to its step there.
    if (this.inPlace && ts.isArrowFunction(this.fn)) return true;
    // A declaration whose frame makes its tables (it may be called before they are) stays beside them.
    if (this.coroutine || this.storage !== 'frame' || this.madeInClass || this.setupOnFirstCall()) return false;
    return this.inPlace || !ts.isSourceFile(siteOf(this.fn));
  }

  private get innerIndent(): string {
    return this.inPlace ? this.indent + '  ' : this.indent;
  }

  /** Step 3: the frame constructor, the step function and the tables, as text. */
  emit(ir: MachineIR, layout: FrameLayout): EmittedMachine {
    const { fn, file, kind, form } = this;
    const strict = this.atTop
      ? this.strict && !isStrictAt(this.sf, file.module)
      : this.inPlace
        ? this.strictBody && !isStrictAt(fn.parent, file.module)
        : this.strict && !isStrictAt(siteOf(fn), file.module);
    return emitMachine(ir, layout, this.names, {
      frameName: this.helper.frame,
      stepName: this.helper.step,
      handlersName: this.helper.handlers,
      finalizersName: this.helper.finalizers,
      strict,
      kind,
      awaitsOnce: this.awaitsOnce,
      onceRejections: this.describesAwaits ? this.helper.rejections : undefined,
      coroutineAwait: this.coroutine
        ? { callee: file.coroutineRuntime.ref('awaitInline'), suspend: file.coroutineRuntime.ref('SUSPEND'), ready: file.coroutineRuntime.ref('READY') }
        : undefined,
      marks: file.marks,
      traceName: mappedFrameNameOf(this.fn, this.sf),
      stepParameter: this.sharedFrame || this.storage === 'scope' ? this.allocator.fresh('$step') : undefined,
      stepInScope: this.storage === 'scope',
      // A shared frame's step is made per evaluation, a scope's per call, and a method made in its class (seesClassScope) gets it there later.
      stepOnPrototype: this.coroutine && !this.sharedFrame && this.storage !== 'scope' && !this.madeInClass,
      // A generator's object inherits its function's current `prototype`, replaced or not, once it is linked.
      // A flow's frames inherit the flow prototype, whatever the function's `prototype` (flow.ts).
      adoptPrototype:
        kind === 'async' || this.coroutine || (form === 'method' && this.linkage === undefined) ? undefined : kind === 'asyncGenerator' ? 'adoptAsyncGeneratorPrototype' : 'adoptPrototype',
      setupOnFirstCall: this.setupOnFirstCall(),
      prelude: this.prelude,
      indent: this.innerIndent,
      sourceIndentAt: (pos) => lineIndentAt(this.sf.text, pos),
    });
  }

  /**
   * Whether the step gets the positions of its awaits, for the `at async` lines the runtime writes
   * when an await rejects: an async function's or async generator's, but not a coroutine's (its
   * task link gives them) nor a step made per call (a dynamic scope's), which has no name to hang on.
   */
  private get describesAwaits(): boolean {
    return !this.coroutine && this.kind !== 'generator' && this.storage !== 'scope';
  }

  /**
   * `$coro.describeAwaits(f$step, "f", $file, "1 3:11 …")`; for a function that awaits once,
   * `f$rejected = $coro.describeAwaitOnce(…)`, whose rejection reactions its `awaitOnce` takes.
   */
  private awaitDescription(emitted: EmittedMachine): AwaitDescription | undefined {
    if (!this.describesAwaits) return undefined;
    const { sf, helper } = this;
    const table = awaitEntries(emitted, sf)
      .map(([state, at]) => `${state} ${at}`)
      .join(' ');
    // A function that awaits once names its variable in its awaits, table or not.
    if (table === '' && !this.awaitsOnce) return undefined;
    const name = JSON.stringify(traceNameOf(this.fn, sf)?.name ?? '');
    const callee = this.file.runtime.ref(this.awaitsOnce ? 'describeAwaitOnce' : 'describeAwaits');
    const call = `${callee}(${helper.step}, ${name}, ${this.file.fileNameBinding()}, ${JSON.stringify(table)})`;
    return { variable: this.awaitsOnce ? helper.rejections : undefined, call };
  }

  /** `export default function* () {}` (or `async function`) is linked by a name of its own, and keeps the name "default". */
  private get anonymousDeclaration(): string | undefined {
    if (this.form !== 'declaration' || this.fn.name) return undefined;
    return (this.anonymousName ??= this.file.helperNames.fresh(helperBaseName(this.fn, this.kind) + '$default'));
  }

  /** The call that links a generator declaration, as its scope's first statements make it. */
  private declarationLink(linker: string): string {
    const anonymous = this.anonymousDeclaration;
    return anonymous
      ? `${this.file.runtime.ref('nameFunction')}(${linker}(${anonymous}, ${this.helper.frame}), "default")`
      : `${linker}(${(this.fn.name as ts.Identifier).text}, ${this.helper.frame})`;
  }

  /**
   * A declaration may be called before the statements at the top of its statement list have run:
   * at a module's top level when an import cycle reaches it first, and in a `switch` case from any
   * other case (its binding is the whole case block's, its statements its own clause's). Then its
   * frame makes the tables and the link those statements make.
   */
  private setupOnFirstCall(): { link: string | undefined } | undefined {
    const { fn, kind, file } = this;
    // Made at the top of a module, where an import cycle may call the function before they are.
    if (this.atTop) return file.module ? { link: undefined } : undefined;
    if (this.form !== 'declaration' || this.coroutine) return undefined;
    const calledEarly = (file.module && ts.isSourceFile(fn.parent)) || ts.isCaseClause(fn.parent) || ts.isDefaultClause(fn.parent);
    if (!calledEarly) return undefined;
    return { link: kind === 'async' ? undefined : this.declarationLink(file.runtime.ref(kind === 'asyncGenerator' ? 'linkAsyncGenerator' : 'linkGenerator')) };
  }

  /** Step 4: the wrapper that takes the function's place, and where it and the helpers go. */
  wrap(layout: FrameLayout, emitted: EmittedMachine): LoweredFunction {
    const { fn, file, form, kind, helper, outer, sf } = this;
    const rt = file.runtime;
    // A link whose function needs a name or `length` its text cannot carry is wrapped in `nameFunction`.
    const named = (linkCall: string, naming: readonly string[]) => (naming.length ? `${rt.ref('nameFunction')}(${linkCall}, ${naming.join(', ')})` : linkCall);
    const inner = this.innerIndent;
    const stepInScope = this.storage === 'scope';
    // Parameters that can throw are bound apart (`startAsyncWith`): their error rejects the promise.
    const bindsParametersApart = kind === 'async' && fn.parameters.some((p) => p.initializer || !ts.isIdentifier(p.name));
    // An async function's wrapper calls the step itself (./async-function.ts in the runtime): a step made per call is named first.
    const callsStep = kind === 'async' && !this.coroutine && !bindsParametersApart;
    const stepVariable = callsStep && stepInScope ? this.allocator.fresh('$step') : undefined;
    const construct = this.frameConstruction(layout, stepInScope ? (stepVariable ?? emitted.step) : helper.step);
    if (this.sharedFrame) file.fileHelpers.push(emitted.frameConstructor.split('\n' + inner).join('\n'));
    const helpers = this.atTop ? '' : joinLines([...(this.sharedFrame ? [] : [emitted.frameConstructor]), ...(stepInScope ? [] : [emitted.step])], inner);
    // The per-call scope of a function with a dynamic scope: its bindings, declared where the step is made.
    const scope = layout.scoped.length ? `var ${layout.scoped.join(', ')}; ` : '';
    const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
    // The wrapper's body is one line: a directive written without `;` gets it.
    const directives = this.bodyStatements
      .slice(0, directiveCount(this.bodyStatements))
      .map((d) => d.getText(sf) + (endsByInsertedSemicolon(d, sf) ? '; ' : ' '))
      .join('');
    // Neither kind is a constructor, nor owns `arguments` or `caller`: the wrapper is a method (`{ f() {…} }.f`),
    // as methods and arrows already are, but for a declaration that must stay a hoisted plain function, which says so.
    // A function with direct eval keeps the plain form: eval's code, run in the step inside the wrapper, may hold
    // `super`, a SyntaxError unless it runs in a method; and it may name the function in text that no walk sees.
    const evalSeesForm = this.storage === 'scope';
    const hoistedAsMethod = form === 'declaration' && !evalSeesForm && isHoistableAsMethod(fn, file.module);
    // A method binds no name of its own: a named expression whose body reads its name gets it from a binding
    // beside it; one whose parameters (evaluated by the wrapper) use it keeps the plain form, whose name is immutable.
    const ownName = ts.isFunctionExpression(fn) && fn.name ? ownNameUse(fn) : undefined;
    const keepsPlainForm = ownName === 'parameters' || (ts.isFunctionExpression(fn) && evalSeesForm);
    const asMethod = (form === 'expression' && !ts.isArrowFunction(fn) && !keepsPlainForm) || hoistedAsMethod;
    const unlessConstructed = form === 'method' || asMethod || ts.isArrowFunction(fn) ? '' : `new.target ? ${rt.ref('notAConstructor')}() : `;
    const ownBinding = asMethod && ownName === 'body' ? (fn.name as ts.Identifier).text : undefined;
    const { written: writtenName, linked: linkedName, nameKey } = form === 'expression' ? wrapperName(fn, file, outer, helperBaseName(fn, kind), asMethod) : {};
    // The wrapper evaluates the parameters: an enclosing machine renders them, or else only the suspend functions in them change.
    const renderParameter = (p: ts.ParameterDeclaration, start?: number, end?: number) =>
      outer ? outer.renderParameter(p, start, end) : renderOutsideMachines(p, file, lowerFunction, start, end);
    // The arrow that binds an async function's parameters (`inArrow`) declares no `this` and takes no decorators: they stay on the method.
    const parameters = (inArrow = false) =>
      this.markedParameters(renderedParameters(fn, (p) => renderParameter(p, inArrow ? startAfterDecorators(p, sf) : undefined), sf, !inArrow), !inArrow);
    const keepKey = this.keyTemp ? { before: `${this.keyTemp} = ${rt.ref('toPropertyKey')}(`, after: ')' } : undefined;
    // What links a method once its class or object exists, and a generator's function too (a flow's frame as a flow's and a task's).
    const methodLinker =
      kind === 'async' ? rt.ref('linkAsyncFunction') : this.coroutine ? file.coroutineRuntime.ref('linkFlow') : rt.ref(kind === 'asyncGenerator' ? 'linkAsyncGenerator' : 'linkGenerator');
    // A decorated method is linked by a decorator of its own, the first to run, before the user's see it.
    const linkDecorator = this.linkage === 'decorator' ? `@(${rt.ref('linkDecoratedMethod')}(${helper.frame}, ${methodLinker}))` : undefined;
    const described = this.awaitDescription(emitted);
    // A step made in its class exists once a static block has run: it is described there.
    const describedInClass = this.madeInClass ? described : undefined;
    let ownTables = described && !describedInClass ? joinLines([emitted.tables, describeStatement(described, 'var ')], inner) : emitted.tables;
    if (this.atTop) {
      // After the file's name binding: describing the awaits has declared it among the file's helpers by now.
      file.fileHelpers.push(joinLines([emitted.frameConstructor, emitted.step, ownTables], ''));
      ownTables = '';
    }
    // Every field written out in one literal, once per lowering: spreading the shared ones into a larger object (and the
    // result again, to add `nameKey`) was about 4% of a pass on suspend-dense files (BENCHMARKS.md), the time on those lines.
    type WrapperParts = Pick<LoweredParts, 'tables' | 'wrapper' | 'link' | 'linker' | 'linkBeforeMethod' | 'holes'>;
    const placed = (own: WrapperParts): LoweredFunction => {
      const parts: LoweredParts = {
        helpers,
        describedInClass,
        emitted,
        helper,
        rt,
        linkage: this.linkage,
        keyTemp: this.keyTemp,
        ownBinding,
        hoistedAsMethod,
        madeInClass: this.madeInClass,
        tables: own.tables,
        wrapper: own.wrapper,
        link: own.link,
        linker: own.linker,
        linkBeforeMethod: own.linkBeforeMethod,
        holes: own.holes,
      };
      const lowered = placeLowered(fn, form, parts, inner, this.indent, name);
      return nameKey ? { ...lowered, nameKey } : lowered;
    };
    // The wrapper's own frame is one native code does not have: its call into the runtime maps to nothing, so
    // that frame is not one more at the declaration's line (the body's frames map to where they stand).
    const runtimeCall = file.marks ? unmappedMark() : '';
    if (kind === 'async') {
      const isArrow = ts.isArrowFunction(fn);
      const co = file.coroutineRuntime;
      let newFrame: string;
      let parameterList: string | undefined;
      const anonymousDeclaration = this.anonymousDeclaration;
      // What `nameFunction` is given around the link: the name, then the `length`.
      const naming: string[] = [];
      const givenName = linkedName ?? (anonymousDeclaration ? '"default"' : undefined);
      if (bindsParametersApart) {
        // An error binding the parameters rejects the promise: they are bound by an arrow the runtime calls
        // inside its try, and the wrapper keeps only the `length` (EvaluateAsyncFunctionBody step 2).
        const bind = `(${parameters(true)}) => ${scope ? `{ ${scope}return ${construct}; }` : construct}`;
        const startWith = this.coroutine ? co.ref('startCoroutineWith') : rt.ref('startAsyncWith');
        // The arrow binding the parameters is the function's frame natively: it takes the function's name.
        const trace = mappedFrameNameOf(fn, sf);
        const named = file.marks && trace ? namedPositionMark(fn.parameters[0].getStart(sf), trace.name) : '';
        newFrame = `${directives}${runtimeCall}return ${unlessConstructed}${startWith}(${named}${bind}, ${isArrow ? '$arguments' : 'arguments'});`;
        if (form === 'method') {
          // A method is linked by key once its holder exists, with nothing more to say: its wrapper has the `length` itself.
          // TypeScript reads a decorated method's parameter list (`__param` for their decorators, `design:paramtypes` for
          // their types): there the wrapper lists each parameter with its decorators and type, and nothing to evaluate.
          const count = expectedArgumentCount(fn);
          const values = valueParameters(fn);
          const decorated = this.linkage === 'decorator' || values.some((p) => ts.getDecorators(p)?.length);
          parameterList = (decorated ? values : values.slice(0, count))
            .map((p, i) => {
              const name = ts.isIdentifier(p.name) ? p.name.text : this.allocator.fresh('$parameter');
              if (!decorated) return name;
              const type = sf.text.slice(p.name.end, (p.type ?? p.questionToken ?? p.name).end);
              // A default that cannot throw keeps the `length` where the first default or rest ends it.
              return renderParameter(p, p.getStart(sf), p.name.getStart(sf)) + name + type + (i === count && !p.dotDotDotToken ? ' = void 0' : '');
            })
            .join(', ');
        } else {
          parameterList = isArrow ? '...$arguments' : '';
          naming.push(givenName ?? 'void 0', String(expectedArgumentCount(fn)));
        }
      } else {
        // An async function's step runs in the wrapper's `try`, not called by the runtime: a recursion takes one frame
        // fewer per level. Constructing is a TypeError thrown at the call, not a rejection: it is tested before the `try`.
        // The step gets all four of its arguments: called with three, an async fib(20) counted about 9% more instructions.
        newFrame = callsStep
          ? `${directives}${scope}${stepVariable ? `var ${stepVariable} = ${emitted.step}; ` : ''}${runtimeCall}${unlessConstructed ? `if (new.target) ${rt.ref('notAConstructor')}(); ` : ''}` +
            `try { return ${rt.ref('asyncStarted')}(${stepVariable ?? helper.step}(${construct}, 0, 0, void 0)); } catch ($error) { return ${rt.ref('rejectedPromise')}($error); }`
          : `${directives}${scope}${runtimeCall}return ${unlessConstructed}${co.ref('startCoroutine')}(${construct});`;
        if (givenName !== undefined) naming.push(givenName);
      }
      const { text: wrapper, holes } = wrapperText(fn, newFrame, outer, sf, anonymousDeclaration ?? writtenName, parameterList ?? parameters(), keepKey, asMethod, linkDecorator);
      const linker = this.coroutine ? co.ref('linkCoroutine') : rt.ref('linkAsyncFunction');
      const link = (target: string) => named(`${linker}(${anonymousDeclaration && target === 'null' ? anonymousDeclaration : target}, ${helper.frame})`, naming);
      const tables = this.coroutine ? joinLines([emitted.tables, taskFrameLink(fn, kind, helper, emitted, file)], inner) : ownTables;
      if (this.hoistSite) return { replacement: link(wrapper), helpers, setup: tables, hoistSite: this.hoistSite, nameKey };
      if (this.atTop && form === 'expression') return { replacement: link(wrapper), helpers: '', setup: '', nameKey };
      return placed({ tables, wrapper, link, linker: methodLinker, linkBeforeMethod: '', holes });
    }
    const newFrame = `${directives}${scope}${runtimeCall}return ${unlessConstructed}${construct};`;
    const anonymousDeclaration = this.anonymousDeclaration;
    const { text: wrapper, holes } = wrapperText(fn, newFrame, outer, sf, anonymousDeclaration ?? writtenName, parameters(), keepKey, asMethod, linkDecorator);
    const link = (target: string) =>
      anonymousDeclaration && target === 'null'
        ? this.declarationLink(methodLinker)
        : named(`${methodLinker}(${target}, ${helper.frame})`, linkedName !== undefined ? [linkedName] : []);
    const tables = this.coroutine ? joinLines([emitted.tables, taskFrameLink(fn, kind, helper, emitted, file)], inner) : ownTables;
    return placed({ tables, wrapper, link, linker: methodLinker, linkBeforeMethod: `${link('null')};`, holes });
  }

  /**
   * The parameter list as the wrapper writes it, marked as a copy of the
   * source where it is one (no suspend function in it was lowered): each of
   * its tokens then maps to itself, so an initializer's error stands where
   * native code reports it, not at the declaration.
   */
  private markedParameters(rendered: string, withThis: boolean): string {
    const dropped = !withThis && valueParameters(this.fn) !== this.fn.parameters;
    const at = dropped ? (valueParameters(this.fn)[0]?.getStart(this.sf) ?? this.fn.parameters.end) : this.fn.parameters.pos;
    if (!this.file.marks || rendered !== this.sf.text.slice(at, this.fn.parameters.end)) return rendered;
    const lead = rendered.length - rendered.trimStart().length;
    return rendered.slice(0, lead) + positionMark(at + lead, rendered.length - lead) + rendered.slice(lead);
  }

  /** `new f$Frame(…)` with what the frame takes at call time, through `mapParameters` for the parameters it shares with the wrapper. */
  private frameConstruction(layout: FrameLayout, step: string): string {
    const args = layout.inputs.map((v) => this.inputValue(v));
    const stepArgument = this.sharedFrame || this.storage === 'scope' ? [step] : [];
    const newFrame = `new ${this.helper.frame}(${[...stepArgument, ...args].join(', ')})`;
    if (!this.mappedParameters.length) return newFrame;
    const setterValue = this.allocator.fresh('$v');
    const accessors = this.mappedParameters.map(
      ({ name, variable }) => `${JSON.stringify(layout.fieldOf(variable))}, function () { return ${name}; }, function (${setterValue}) { ${name} = ${setterValue}; }`,
    );
    return `${this.file.runtime.ref('mapParameters')}(${newFrame}, ${accessors.join(', ')})`;
  }

  /** What the wrapper hands the frame for one input; an arrow nested in another machine finds its lexical values in that machine's frame. */
  private inputValue(v: Variable): string {
    const fromOuter = ts.isArrowFunction(this.fn) ? this.outer?.lexical : undefined;
    switch (v.origin) {
      case 'this':
        if (fromOuter) return fromOuter('this');
        // Read at each use: the arrow may run before `super(…)` has initialized it.
        return this.derivedConstructorThis ? '() => this' : 'this';
      case 'arguments':
        return fromOuter ? fromOuter('arguments') : 'arguments';
      case 'newTarget':
        return fromOuter ? fromOuter('newTarget') : 'new.target';
      case 'super':
        if (fromOuter) return fromOuter('super');
        return '(key, value, write) => (write ? (super[key] = value) : super[key])';
      case 'superCall':
        return fromOuter ? fromOuter('superCall') : '(...args) => super(...args)';
      // A parameter, or a per-iteration environment of the enclosing machine by its alias there.
      default:
        return v.name;
    }
  }

  private superAccessor(): Variable | undefined {
    // An arrow's `super` is its method's: the arrow wrapper reaches it lexically.
    if (!ts.isMethodDeclaration(this.fn) && !ts.isArrowFunction(this.fn)) return undefined;
    if (!this.superVariable) {
      this.superVariable = this.builder.newVariable('$super', 'super', { input: true });
      // Arrows may read it after the frame moved on: it keeps a field of its own.
      this.superVariable.captured = true;
    }
    return this.superVariable;
  }

  /**
   * A name of the enclosing machine. A method's helpers stand outside the closure that hands
   * the method this iteration's environments: its wrapper hands them to the frame instead.
   */
  private outerIdentifier(node: ts.Identifier): Code | undefined {
    const { outer } = this;
    if (!outer) return undefined;
    const environment = this.form === 'method' ? outer.environmentReference(node) : undefined;
    if (environment) return environment.write([this.environmentVariable(environment.alias)]);
    const text = outer.identifier(node);
    return text === undefined ? undefined : [text];
  }

  private environmentVariable(alias: string): Variable {
    let v = this.environmentVariables.get(alias);
    if (!v) {
      // Its name is the alias: the wrapper hands in what the alias names where the method stands.
      v = this.builder.newVariable(alias, 'environment', { input: true });
      v.captured = true;
      this.environmentVariables.set(alias, v);
    }
    return v;
  }

  private superCall(): Variable | undefined {
    if (!this.derivedConstructorThis) return undefined;
    if (!this.superCallVariable) {
      this.superCallVariable = this.builder.newVariable('$superCall', 'superCall', { input: true });
      this.superCallVariable.captured = true;
    }
    return this.superCallVariable;
  }

  /** A suspend function nested in this one: lowered when its text is asked for, once this one's layout exists. */
  private nestedSuspendFunction(node: ts.FunctionLikeDeclaration, edits: Edit[], asExpression: boolean): Code | undefined {
    const { builder, file, sf } = this;
    if (!file.isSuspendFunction(node)) return undefined;
    const nestedForm: FunctionForm = asExpression ? 'expression' : formOf(node);
    // An arrow that only arrows separate from this function takes `this` and friends from this
    // machine: they get their variables before the layout. One inside a plain function or a class
    // nested here reads that function's, which stay the engine's own where the arrow stands.
    const lexicalFromHere = ts.isArrowFunction(node) && isLexicallyWithin(node, this.fn);
    const lexicalCode = new Map<LexicalOrigin, Code>();
    if (lexicalFromHere) {
      for (const origin of lexicalUses(node)) lexicalCode.set(origin, this.lexicalValue(origin));
    }
    const self: OuterMachine = {
      identifier: (id) => {
        const code = builder.identifierCode(id);
        return code && renderCode(code, this.layout!);
      },
      environmentReference: (id) => builder.environmentReference(id),
      writeRule: (id) => builder.writeRule(id),
      bindsAsExpression: (declaration) => this.bindsAsExpression(declaration),
      renderParameter: (p, start, end) => renderCode(builder.renderParameter(p, start, end), this.layout!),
      lexical: lexicalFromHere ? (origin) => renderCode(lexicalCode.get(origin)!, this.layout!) : undefined,
      suspends: (n) => builder.suspends(n),
      keptKey: (key) => renderCode(builder.overrides.get(key)!, this.layout!),
      // The closure around a nested machine binds this machine's environment aliases.
      reserved: [...this.reserved, ...builder.environmentAliases()],
    };
    let lowered: LoweredFunction | undefined;
    // Its lines stand where its source line is moved to, if the first to ask for it knows where that is.
    const get = (indentAt?: IndentMap) => (lowered ??= lowerFunction(node, file, self, nestedForm, (indentAt ?? sameIndent)(indentOf(node, sf))));
    if (nestedForm === 'expression') {
      insertInto(edits, nameKeyInsertions(node, get, sf));
      return [deferred((indentAt) => get(indentAt).replacement)];
    }
    // Decorators and a computed key are evaluated here, as this machine's code: its liveness must see what they read.
    const around = evaluatedAround(node);
    const holes = () => get().holes ?? [];
    const piece = (i: number) => deferred(() => get().replacement.slice(i === 0 ? 0 : holes()[i - 1], holes()[i]));
    const replacement: Part[] = [];
    around.forEach((expression, i) => replacement.push(piece(i), ...builder.render(expression)));
    replacement.push(piece(around.length));
    const site = findHoistSite(node);
    const splitByThis = this.splits(site.container);
    // The body of a `for (let …)` that this machine builds from its parts is no statement to wrap:
    // its closures take the iteration's bindings from environment objects, not from a scope around them.
    const wrapped = site.wrap !== undefined && !(site.wrap === 'statement' && !ts.isWithStatement(site.container) && this.buildsFromParts(site.anchor as ts.Statement));
    let shared = this.sharedSites.get(edits);
    if (!shared) this.sharedSites.set(edits, (shared = new SharedSites(file.runtime)));
    // A step made inside a class this machine takes apart is that evaluation's: so are its helpers.
    const home = splitByThis && !wrapped && nestedForm === 'method' && seesClassScope(node, self) ? nearestClassBelowSite(node) : undefined;
    if (home) {
      this.helpersAround(home).push((indent) => joinLines([get().setup, get().helpers], indent));
    } else if (splitByThis && !wrapped) {
      this.prelude.push([deferred(() => joinLines([get().setup, get().helpers], this.indent + '  '))]);
    } else {
      insertInto(edits, helperInsertions(site, node, nestedForm, get, sf, shared));
    }
    if (ts.isObjectLiteralExpression(node.parent) && builder.suspends(node.parent)) this.assembledLinks.add(node, get);
    else insertInto(edits, linkInsertions(node, get, sf, shared, this.bindsAsExpression(node.parent)));
    return replacement;
  }

  private helpersAround(node: ts.ClassLikeDeclaration): ((indent: string) => string)[] {
    let helpers = this.classHelpers.get(node);
    if (!helpers) this.classHelpers.set(node, (helpers = []));
    return helpers;
  }

  /**
   * A class this machine renders, with the helpers of its methods made before it each time it is
   * evaluated, when it has some: in an arrow that returns it, or in the one it already stands in.
   */
  private aroundClass(node: ts.ClassLikeDeclaration, inArrow: boolean): { before: Part; after: Part } {
    const helpers = () => this.classHelpers.get(node);
    return {
      before: deferred((indentAt) => {
        const made = helpers();
        if (!made) return '';
        const indent = (indentAt ?? sameIndent)(indentOf(node, this.sf)) + '  ';
        const lines = made.map((h) => h(indent)).join('\n' + indent);
        return inArrow ? `\n${indent}${lines}\n${indent}` : `(() => {\n${indent}${lines}\n${indent}return `;
      }),
      after: deferred(() => (helpers() && !inArrow ? '; })()' : '')),
    };
  }

  /**
   * Whether this machine takes a statement list apart at its suspension points.
   * The clauses of a switch it takes apart are, each statement built on its own,
   * even a clause that does not suspend.
   */
  private splits(statementList: ts.Node): boolean {
    if (ts.isCaseOrDefaultClause(statementList)) return this.builder.suspends(statementList.parent.parent);
    return statementList === this.fn.body || this.builder.suspends(statementList);
  }

  /**
   * Whether this machine builds a statement from its parts (in a statement
   * list or a loop it takes apart) rather than rendering it whole: one that
   * suspends, and a `return` or a `var` statement, whose values it writes itself
   * (build/statements.ts, `buildStatementHere`).
   */
  private buildsFromParts(statement: ts.Statement): boolean {
    return this.builder.suspends(statement) || ts.isReturnStatement(statement) || ts.isVariableStatement(statement);
  }

  /** A class declaration of a statement list this machine splits is bound as a class expression (`$frame.C$ = class C { … }`). */
  private bindsAsExpression(node: ts.Node): boolean {
    return ts.isClassDeclaration(node) && isStatementList(node.parent) && this.splits(node.parent);
  }

  /** `this`, `arguments`, `new.target` or `super` of this function, as a nested arrow reads it. */
  private lexicalValue(origin: LexicalOrigin): Code {
    const captured = (v: Variable | undefined): Code => {
      if (!v) throw new Error(`'${origin}' in a nested arrow has no value in its enclosing function`);
      v.captured = true;
      return [v];
    };
    switch (origin) {
      case 'this':
        return captured(this.builder.thisValue());
      case 'arguments':
        return captured(this.builder.argumentsValue());
      case 'newTarget':
        return ts.isArrowFunction(this.fn) ? captured(this.builder.newTargetValue()) : UNDEFINED;
      case 'super':
        return captured(this.builder.context.superAccessor());
      case 'superCall':
        return captured(this.superCall());
    }
  }
}

/**
 * `$coroutines.linkTaskFrame(f$Frame, f$step, "f", "src/f.ts", [1, "3:11", …], function clearSlots() { this.x$ = undefined; })`:
 * the frame inherits `Task`, each resume state after an `await` gets that `await`'s original
 * `line:col` (for `dump()` and `at async` stack lines), and the slots no closure reads are let go of
 * when the body of a task that suspended ends (a finished task holds nothing of its locals). A method is linked by `linkMethods` as an async function
 * is; this call is what makes its frame a task.
 */
function taskFrameLink(fn: ts.FunctionLikeDeclaration, kind: SuspendKind, helper: HelperNames, emitted: EmittedMachine, file: FileContext): string {
  const sf = file.sourceFile;
  const name = JSON.stringify(helperBaseName(fn, kind).replace(/^\$async$/, 'anonymous'));
  const table = awaitEntries(emitted, sf).flatMap(([state, at]) => [String(state), JSON.stringify(at)]);
  const slots = emitted.clearableSlots;
  const clear = slots.length ? `, function clearSlots() { ${slots.map((field) => `this.${field} = void 0;`).join(' ')} }` : '';
  return `${file.coroutineRuntime.ref('linkTaskFrame')}(${helper.frame}, ${helper.step}, ${name}, ${JSON.stringify(sf.fileName)}, [${table.join(', ')}]${clear});`;
}

/** Each resume state after an `await`, with that `await`'s original `line:col`. */
function awaitEntries(emitted: EmittedMachine, sf: ts.SourceFile): [number, string][] {
  return emitted.awaitPositions.flatMap(({ state, pos }): [number, string][] => {
    if (pos === undefined) return [];
    const { line, character } = sf.getLineAndCharacterOfPosition(pos);
    return [[state, `${line + 1}:${character + 1}`]];
  });
}

/** The starvation budget's check and yield (coroutines.md): a shared counter, a call only every `iterations`. */
function budgetCheckpoint(file: FileContext, iterations: number): { check: string; yieldCall: string } {
  const co = file.coroutineRuntime;
  return { check: `++${co.ref('budget')}.spent < ${iterations}`, yieldCall: `${co.ref('spendBudget')}()` };
}

const sameIndent: IndentMap = (indent) => indent;

export function renderCode(code: Code, layout: FrameLayout): string {
  let out = '';
  for (const part of code) {
    const text = plainText(part);
    if (text !== undefined) out += text;
    else if (isVariable(part)) out += layout.access(part);
    else if (isDeferred(part)) out += part.text();
    else if (isCalleeRef(part)) out += layout.callee(part.callee);
    // Outside a step function, code stands where it stood: its line breaks as they were.
    else if (isLineBreak(part)) out += '\n' + part.lineBreak;
    else if (isLabel(part) || isExitPart(part)) throw new Error('a state label outside a step function');
  }
  return out;
}

/** Plain identifiers, no defaults, no rest, no name twice: the parameter lists whose `arguments` is mapped. */
function hasMappableParameters(fn: ts.FunctionLikeDeclaration): boolean {
  if (ts.isArrowFunction(fn)) return false;
  const names = new Set<string>();
  for (const p of valueParameters(fn)) {
    if (!ts.isIdentifier(p.name) || p.initializer || p.dotDotDotToken || names.has(p.name.text)) return false;
    names.add(p.name.text);
  }
  return names.size > 0;
}

function sharedParameterVariables(fn: ts.FunctionLikeDeclaration, scopes: ScopeInfo, builder: MachineBuilder): { name: string; variable: Variable }[] {
  return parametersSharedWithClosures(fn, scopes).flatMap((binding) => {
    const variable = builder.variableOf(binding);
    return variable ? [{ name: binding.name, variable }] : [];
  });
}

function parameterVariables(fn: ts.FunctionLikeDeclaration, scopes: ScopeInfo, builder: MachineBuilder): { name: string; variable: Variable }[] {
  return valueParameters(fn).flatMap((p) => {
    const name = (p.name as ts.Identifier).text;
    const binding = scopes.functionScope.bindings.get(name);
    const variable = binding && builder.variableOf(binding);
    return variable ? [{ name, variable }] : [];
  });
}

/** Which of `this`, `arguments`, `new.target`, `super` and `super(…)` an arrow takes from around it. */
function lexicalUses(arrow: ts.ArrowFunction): Set<LexicalOrigin> {
  const uses = new Set<LexicalOrigin>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === SyntaxKind.SuperKeyword) {
      uses.add('superCall');
      node.arguments.forEach(visit);
      return;
    }
    if (node.kind === SyntaxKind.ThisKeyword) uses.add('this');
    // `super.m()` calls with `this` as receiver.
    else if (node.kind === SyntaxKind.SuperKeyword) uses.add('super').add('this');
    else if (ts.isMetaProperty(node) && node.keywordToken === SyntaxKind.NewKeyword) uses.add('newTarget');
    else if (ts.isIdentifier(node) && node.text === 'arguments') uses.add('arguments');
    ts.forEachChild(node, (child) => {
      if (!ownsLexicalValues(node, child)) visit(child);
    });
  };
  ts.forEachChild(arrow, visit);
  return uses;
}
