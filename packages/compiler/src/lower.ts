/**
 * Lowering of one suspend function: scope → build → liveness → layout →
 * emit, and the wrapper that replaces the function itself.
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
import { MachineBuilder } from './build/statements';
import { analyzeScopes, isFunctionLike, type ScopeInfo } from './scope';
import { analyzeLiveness } from './liveness';
import { layoutFrame, type FrameLayout } from './layout';
import { emitMachine } from './emit';
import { formatIR } from './format-ir';
import type { RuntimeExport, RuntimeReferences } from './runtime-binding';
import { machineNames, NameAllocator } from './names';
import { DiagnosticCode, UnsupportedError } from './diagnostics';
import { suspendKindOf, type SuspendKind } from './suspend-kind';
import { awaitsAtMostOnce } from './single-await';
import { directiveCount, expressionHoistSite, findHoistSite, hasUseStrict, isStrictAt, topOfStatementList, isStatementList, usesPrivateNames, type HoistSite } from './hoist';
import type { Code, Deferred, Variable } from './ir';
import { isCalleeRef, isDeferred, isExitPart, isLabel, isVariable } from './ir';
import { endsByInsertedSemicolon, type Edit } from './render';

export type FunctionForm = 'declaration' | 'expression' | 'method';

export interface FileContext {
  readonly sourceFile: ts.SourceFile;
  readonly module: boolean;
  /** How the output reaches `@coro/runtime`. */
  readonly runtime: RuntimeReferences;
  /** Every identifier text of the file. */
  readonly identifiers: ReadonlySet<string>;
  /** Names of helpers, unique in the whole file. */
  readonly helperNames: NameAllocator;
  /** Whether emitted code carries source position marks (see source-map.ts). */
  readonly marks: boolean;
  /** Declarations that depend on no scope (shared frame constructors): they go at the top of the file. */
  readonly fileHelpers: string[];
  /** With the `dumpIR` option: the printed IR of each function lowered so far. */
  readonly irListing: string[] | undefined;
  isSuspendFunction(node: ts.Node): node is ts.FunctionLikeDeclaration;
}

/** What an enclosing machine offers to a suspend function nested in it. */
export interface OuterMachine {
  identifier(node: ts.Identifier): string | undefined;
  render(node: ts.Node): string;
  /** What `this`, `arguments`, `new.target` or `super` is where a nested arrow stands. */
  lexical(origin: LexicalOrigin): string;
  readonly reserved: readonly string[];
}

type LexicalOrigin = 'this' | 'arguments' | 'newTarget' | 'super';

export interface LoweredFunction {
  /** Text that replaces the function node. */
  readonly replacement: string;
  /** Declarations of the frame constructor and step function. */
  readonly helpers: string;
  /** Statements that must run before the function is first called (tables, prototype linkage). */
  readonly setup: string;
  /** A static block for the start of the class body of a method that uses private names: it makes the step function there. */
  readonly classMember?: string;
  /** How a method is linked once its class or object exists; none for one a later member redefines, or an instance private one. */
  readonly methodLink?: MethodLink;
  /** For a method with a computed key nested in another machine: where in `replacement` that machine puts the key's code. */
  readonly keyAt?: number;
  /** For an expression whose helpers are hoisted (an async arrow): where `helpers` and `setup` go. */
  readonly hoistSite?: HoistSite;
}

/**
 * An entry `key, Frame, link` of the `linkMethods` call that links the
 * methods of one class or object literal (see {@link SharedSites}): on the
 * literal itself, or in a class static block on `this.prototype` or `this`.
 * A static private method is linked by a call of its own there.
 */
export type MethodLink =
  | { readonly on: 'object' | 'this.prototype' | 'this'; readonly entry: string }
  | { readonly on: 'private'; readonly call: string };

export function formOf(node: ts.Node): FunctionForm {
  if (ts.isFunctionDeclaration(node)) return 'declaration';
  if (ts.isMethodDeclaration(node)) return 'method';
  return 'expression';
}

export function indentOf(node: ts.Node, sourceFile: ts.SourceFile): string {
  const text = sourceFile.text;
  const start = node.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart, start));
  return match ? match[0] : '';
}

export function lowerFunction(
  fn: ts.FunctionLikeDeclaration,
  file: FileContext,
  outer: OuterMachine | undefined,
  form: FunctionForm,
  indent: string,
): LoweredFunction {
  const sf = file.sourceFile;
  const kind = suspendKindOf(fn)!;
  // An async arrow needs no per-evaluation prototype: its helpers are made once per enclosing
  // statement list, not at each evaluation (an IIFE would give every arrow a cold step function).
  // Nested in another machine, its step reads that machine's frame, so it stays where it stands.
  const hoistSite = !outer && form === 'expression' && kind === 'async' && ts.isArrowFunction(fn) ? expressionHoistSite(fn) : undefined;
  if (hoistSite) indent = indentOf(hoistSite.anchor, sf);
  const scopes = analyzeScopes(fn);
  rejectUnlowerable(fn, scopes.resolved, kind);

  const allocator = new NameAllocator(file.identifiers, outer?.reserved);
  const names = machineNames(allocator, file.runtime);
  const base = helperBaseName(fn, kind);
  const helper = {
    frame: file.helperNames.fresh(base + '$Frame'),
    step: file.helperNames.fresh(base + '$step'),
    handlers: file.helperNames.fresh(base + '$handlers'),
    finalizers: file.helperNames.fresh(base + '$finalizers'),
  };
  const linkage = form === 'method' ? methodLinkage(fn as ts.MethodDeclaration) : undefined;
  // A computed key is kept as the method defines it, for the link to find the method by once the holder exists.
  const keyTemp = linkage === 'computed' ? file.helperNames.fresh(base + '$key') : undefined;
  const body = fn.body!;
  // An arrow's expression body has no directive prologue.
  const bodyStatements = ts.isBlock(body) ? body.statements : ts.factory.createNodeArray<ts.Statement>();
  const strictBody = hasUseStrict(bodyStatements);
  const prelude: Code[] = [];
  let layout: FrameLayout | undefined;
  let superVariable: Variable | undefined;

  const reserved = [...(outer?.reserved ?? []), ...Object.values(names), ...Object.values(helper), ...(keyTemp ? [keyTemp] : [])];
  // What the nested functions placed by one rendering share.
  const sharedSites = new WeakMap<Edit[], SharedSites>();
  // An object literal that suspends is assembled by normalize, property by property: it asks for its link itself.
  const assembledLinks = new SharedSites(file.runtime);
  const builder: MachineBuilder = new MachineBuilder({
    fn,
    kind,
    sourceFile: sf,
    scopes,
    names,
    outerIdentifier: (node) => outer?.identifier(node),
    freshName: (preferred) => allocator.fresh(preferred),
    strict: strictBody || isStrictAt(fn.parent, file.module),
    superAccessor: () => {
      // An arrow's `super` is its method's: the arrow wrapper reaches it lexically.
      if (!ts.isMethodDeclaration(fn) && !ts.isArrowFunction(fn)) return undefined;
      if (!superVariable) {
        superVariable = builder.newVariable('$super', 'super', { input: true });
        // Arrows may read it after the frame moved on: it keeps a field of its own.
        superVariable.captured = true;
      }
      return superVariable;
    },
    nestedSuspendFunction: (node, edits, asExpression) => {
      if (!file.isSuspendFunction(node)) return undefined;
      const nestedForm: FunctionForm = asExpression ? 'expression' : formOf(node);
      // A nested arrow's `this` and friends are this machine's: they get their variables before the layout.
      const lexicalCode = new Map<LexicalOrigin, Code>();
      if (ts.isArrowFunction(node)) {
        for (const origin of lexicalUses(node)) lexicalCode.set(origin, lexicalValue(origin));
      }
      const self: OuterMachine = {
        identifier: (id) => {
          // Hoisted helpers stand outside the wrapper that hands a closure the environments of its iteration.
          if (nestedForm === 'method' && builder.inEnvironment(id)) {
            throw new UnsupportedError(node, `a generator or async method that reads a per-iteration binding ('${id.text}') of the function around it is not supported`);
          }
          const code = builder.identifierCode(id);
          return code && renderCode(code, layout!);
        },
        render: (n) => renderCode(builder.render(n), layout!),
        lexical: (origin) => renderCode(lexicalCode.get(origin)!, layout!),
        reserved,
      };
      let lowered: LoweredFunction | undefined;
      const get = () => (lowered ??= lowerFunction(node, file, self, nestedForm, indentOf(node, sf)));
      if (nestedForm === 'expression') return [deferred(() => get().replacement)];
      // A computed key is evaluated here, as this machine's code: its liveness must see what the key reads.
      const key = dynamicKeyOf(node);
      const replacement: Code = key
        ? [deferred(() => get().replacement.slice(0, get().keyAt)), ...builder.render(key), deferred(() => get().replacement.slice(get().keyAt))]
        : [deferred(() => get().replacement)];
      const site = findHoistSite(node);
      const splitByThis = site.container === body || builder.suspends(site.container);
      let shared = sharedSites.get(edits);
      if (!shared) sharedSites.set(edits, (shared = new SharedSites(file.runtime)));
      if (splitByThis && !site.wrap) {
        prelude.push([deferred(() => joinLines([get().setup, get().helpers], indent + '  '))]);
      } else {
        insertInto(edits, helperInsertions(site, node, nestedForm, get, sf, shared));
      }
      if (ts.isObjectLiteralExpression(node.parent) && builder.suspends(node.parent)) assembledLinks.add(node, get);
      else insertInto(edits, linkInsertions(node, get, sf, shared));
      return replacement;
    },
    linkedObject: (node, code) => assembledLinks.linked(node, code),
  });
  function lexicalValue(origin: LexicalOrigin): Code {
    const captured = (v: Variable | undefined): Code => {
      if (!v) throw new Error(`'${origin}' in a nested arrow has no value in its enclosing function`);
      v.captured = true;
      return [v];
    };
    switch (origin) {
      case 'this':
        return captured(builder.thisValue());
      case 'arguments':
        return captured(builder.argumentsValue());
      case 'newTarget':
        return ts.isArrowFunction(fn) ? captured(builder.newTargetValue()) : ['void 0'];
      case 'super':
        return captured(builder.context.superAccessor());
    }
  }

  const ir = builder.build(directiveCount(bodyStatements));
  file.irListing?.push(formatIR(ir, irTitle(fn, kind, sf)));
  // Bindings that nested suspend functions read get their variable before the layout is made.
  for (const binding of scopes.resolved.values()) if (binding.captured) builder.variableOf(binding);
  // A sloppy function with simple parameters maps `arguments` to them (CreateMappedArgumentsObject):
  // the frame then reaches each parameter through the wrapper's own binding, which the engine maps.
  const sloppy = !(strictBody || isStrictAt(fn.parent, file.module));
  const mappedParameters = sloppy && builder.usesArguments && hasMappableParameters(fn) ? parameterVariables(fn, scopes, builder) : [];
  for (const parameter of mappedParameters) parameter.variable.captured = true;

  const liveness = analyzeLiveness(ir);
  layout = layoutFrame(builder.variables, liveness, allocator, scopes.free, names.frame);
  // Expressions keep their helpers in place (same strictness); methods' helpers may leave a class body.
  const inPlace = form === 'expression' && !hoistSite;
  // An async arrow made anew at each evaluation inside another machine still shares one frame
  // constructor, so all its frames have one shape: the constructor goes to the top of the file.
  const sharedFrame = inPlace && kind === 'async' && ts.isArrowFunction(fn);
  const strict = inPlace
    ? strictBody && !isStrictAt(fn.parent, file.module)
    : (strictBody || isStrictAt(fn.parent, file.module)) && !isStrictAt(siteOf(fn), file.module);
  const inner = inPlace ? indent + '  ' : indent;
  const emitted = emitMachine(ir, layout, names, {
    frameName: helper.frame,
    stepName: helper.step,
    handlersName: helper.handlers,
    finalizersName: helper.finalizers,
    strict,
    usesDelegate: ir.instructions.some((i) => i.op === 'delegate'),
    kind,
    awaitsOnce: kind === 'async' && awaitsAtMostOnce(ir, liveness.successors),
    marks: file.marks,
    stepParameter: sharedFrame ? allocator.fresh('$step') : undefined,
    prelude,
    indent: inner,
  });

  // An arrow nested in another machine finds its lexical values in that machine's frame.
  const lexicalFromOuter = outer && ts.isArrowFunction(fn) ? outer : undefined;
  const args = layout.inputs.map((v) => {
    switch (v.origin) {
      case 'this':
        return lexicalFromOuter ? lexicalFromOuter.lexical('this') : 'this';
      case 'arguments':
        return lexicalFromOuter ? lexicalFromOuter.lexical('arguments') : 'arguments';
      case 'newTarget':
        return lexicalFromOuter ? lexicalFromOuter.lexical('newTarget') : 'new.target';
      case 'super':
        if (lexicalFromOuter) return lexicalFromOuter.lexical('super');
        return '(key, value, write) => (write ? (super[key] = value) : super[key])';
      default:
        return v.name;
    }
  });
  // The wrapper's body is one line: a directive written without `;` gets it.
  const directives = bodyStatements.slice(0, directiveCount(bodyStatements)).map((d) => d.getText(sf) + (endsByInsertedSemicolon(d, sf) ? '; ' : ' '));
  const setterValue = allocator.fresh('$v');
  const parameterAccessors = mappedParameters.map(
    ({ name, variable }) => `${JSON.stringify(layout!.fieldOf(variable))}, function () { return ${name}; }, function (${setterValue}) { ${name} = ${setterValue}; }`,
  );
  const newFrameOnly = `new ${helper.frame}(${[...(sharedFrame ? [helper.step] : []), ...args].join(', ')})`;
  const construct = parameterAccessors.length ? `${file.runtime.ref('mapParameters')}(${newFrameOnly}, ${parameterAccessors.join(', ')})` : newFrameOnly;
  const rt = file.runtime;
  if (sharedFrame) file.fileHelpers.push(emitted.frameConstructor.split('\n' + inner).join('\n'));
  const helpers = joinLines(sharedFrame ? [emitted.step] : [emitted.frameConstructor, emitted.step], inner);
  const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
  // Neither kind is a constructor; methods and arrows already are not, plain functions say so.
  const notConstructor =
    form === 'method' || ts.isArrowFunction(fn) ? '' : `if (this instanceof ${helper.frame}) throw new TypeError("not a constructor"); `;
  const explicitName = form === 'expression' ? inferredName(fn) : undefined;
  const keepKey = keyTemp ? { before: `${keyTemp} = ${rt.ref('toPropertyKey')}(`, after: ')' } : undefined;
  if (kind === 'async') {
    const isArrow = ts.isArrowFunction(fn);
    let newFrame = `${directives.join('')}${notConstructor}return ${rt.ref('startAsync')}(${construct});`;
    let parameterList: string | undefined;
    const linkArguments: string[] = [];
    if (fn.parameters.some((p) => p.initializer || !ts.isIdentifier(p.name))) {
      // An error binding the parameters rejects the promise: they are bound by an arrow the runtime calls
      // inside its try, and the wrapper keeps only the `length` (EvaluateAsyncFunctionBody step 2).
      const bind = `(${renderedParameters(fn, outer, sf)}) => ${construct}`;
      newFrame = `${directives.join('')}${notConstructor}return ${rt.ref('startAsyncWith')}(${bind}, ${isArrow ? '$arguments' : 'arguments'});`;
      if (form === 'method') {
        // A method is linked by key once its holder exists, with nothing more to say: its wrapper has the `length` itself.
        parameterList = fn.parameters
          .slice(0, expectedArgumentCount(fn))
          .map((p) => (ts.isIdentifier(p.name) ? p.name.text : allocator.fresh('$parameter')))
          .join(', ');
      } else {
        parameterList = isArrow ? '...$arguments' : '';
        linkArguments.push(isArrow && explicitName !== undefined ? JSON.stringify(explicitName) : 'undefined', String(expectedArgumentCount(fn)));
      }
    } else if (isArrow && explicitName) {
      linkArguments.push(JSON.stringify(explicitName));
    }
    const { text: wrapper, keyAt } = wrapperText(fn, newFrame, outer, sf, isArrow ? undefined : explicitName, parameterList, keepKey);
    const link = (target: string) => `${rt.ref('linkAsyncFunction')}(${[target, helper.frame, ...linkArguments].join(', ')})`;
    if (hoistSite) return { replacement: link(wrapper), helpers, setup: emitted.tables, hoistSite };
    return placeLowered(fn, form, { wrapper, helpers, tables: emitted.tables, emitted, helper, rt, link, linker: 'linkAsyncFunction', linkBeforeMethod: '', linkage, keyTemp, keyAt }, inner, indent, name);
  }
  // The function's current `prototype` decides the object's, when it has been replaced since linking.
  const linked = form !== 'method' || linkage !== undefined;
  const isAsync = kind === 'asyncGenerator';
  const adopt = isAsync ? 'adoptAsyncGeneratorPrototype' : 'adoptPrototype';
  const create = linked
    ? `${helper.frame}.prototype === ${helper.frame}.$function.prototype ? ${construct} : ${rt.ref(adopt)}(${construct}, ${helper.frame}.$function)`
    : construct;
  const newFrame = `${directives.join('')}${notConstructor}return ${create};`;
  // `export default function* () {}` is linked by a name of its own, and keeps the name "default".
  const anonymousDeclaration = form === 'declaration' && !name ? file.helperNames.fresh(base + '$default') : undefined;
  const { text: wrapper, keyAt } = wrapperText(fn, newFrame, outer, sf, anonymousDeclaration ?? explicitName, undefined, keepKey);
  const generatorLink = isAsync ? 'linkAsyncGenerator' : 'linkGenerator';
  const link = (target: string) =>
    anonymousDeclaration && target === 'null'
      ? `${rt.ref(generatorLink)}(${anonymousDeclaration}, ${helper.frame}, "default")`
      : `${rt.ref(generatorLink)}(${target}, ${helper.frame})`;
  return placeLowered(fn, form, { wrapper, helpers, tables: emitted.tables, emitted, helper, rt, link, linker: generatorLink, linkBeforeMethod: `${link('null')};`, linkage, keyTemp, keyAt }, inner, indent, name);
}

interface LoweredParts {
  readonly wrapper: string;
  readonly helpers: string;
  readonly tables: string;
  readonly emitted: { readonly frameConstructor: string; readonly step: string };
  readonly helper: { readonly frame: string; readonly step: string };
  readonly rt: RuntimeReferences;
  /** The runtime call that links a function object (`null` for a method not yet made) to its frame constructor. */
  readonly link: (target: string) => string;
  /** The runtime function that links a method of this kind once its class or object exists. */
  readonly linker: RuntimeExport;
  /** What must be linked before a method's function exists (a generator's frame prototype). */
  readonly linkBeforeMethod: string;
  /** For a method: how it is found once its class or object exists. */
  readonly linkage: MethodLinkage | undefined;
  /** The variable that keeps a method's computed key. */
  readonly keyTemp: string | undefined;
  /** Where in `wrapper` an enclosing machine puts the code of the computed key. */
  readonly keyAt: number | undefined;
}

/** Where the wrapper, the helpers and the linking of one lowered function go, by form. */
function placeLowered(
  fn: ts.FunctionLikeDeclaration,
  form: FunctionForm,
  parts: LoweredParts,
  inner: string,
  indent: string,
  name: string | undefined,
): LoweredFunction {
  const { wrapper, helpers, tables, emitted, helper, rt, link } = parts;
  switch (form) {
    case 'declaration':
      return { replacement: wrapper, helpers, setup: joinLines([tables, `${link(name ?? 'null')};`], indent) };
    case 'method': {
      const setup = joinLines([tables, parts.linkBeforeMethod], indent);
      // The method function exists only once its class or object does: it is linked then.
      const { linkage, keyTemp } = parts;
      let methodLink: MethodLink | undefined;
      if (linkage === 'private') {
        methodLink = { on: 'private', call: `${link(`this.${(fn.name as ts.PrivateIdentifier).text}`)};` };
      } else if (linkage) {
        const on = ts.isObjectLiteralExpression(fn.parent) ? 'object' : hasStaticModifier(fn) ? 'this' : 'this.prototype';
        const key = linkage === 'computed' ? keyTemp! : JSON.stringify(linkage.key);
        methodLink = { on, entry: `${key}, ${helper.frame}, ${rt.ref(parts.linker)}` };
      }
      const keyAt = parts.keyAt;
      if (!usesPrivateNames(fn)) return { replacement: wrapper, keyAt, helpers: joinLines([keyTemp ? `var ${keyTemp};` : '', helpers], indent), setup, methodLink };
      // Private names are only visible inside the class body: the step function is made by a static block there.
      return {
        replacement: wrapper,
        helpers: joinLines([`var ${[...(keyTemp ? [keyTemp] : []), helper.step].join(', ')};`, emitted.frameConstructor], indent),
        setup,
        classMember: `static { ${helper.step} = ${emitted.step}; }`,
        methodLink,
        keyAt,
      };
    }
    case 'expression': {
      // Made where the expression stands, each time it is evaluated: the step sees exactly the
      // bindings the function sees, and each function object gets its own prototype.
      const body = joinLines([tables, helpers, `return ${link(wrapper)};`], inner);
      // An arrow's `this`, `arguments`, `super` and `new.target` are the ones around it: so are its helpers'.
      const scope = ts.isArrowFunction(fn) ? '() =>' : 'function ()';
      return { replacement: `(${scope} {\n${inner}${body}\n${indent}})()`, helpers: '', setup: '' };
    }
  }
}

/** The statement list position the helpers of `fn` will occupy (for strictness). */
function siteOf(fn: ts.Node): ts.Node {
  for (let n = fn.parent; n; n = n.parent) if (isStatementList(n)) return n;
  return fn;
}

function deferred(text: () => string): Deferred {
  let cached: string | undefined;
  return { text: () => (cached ??= text()) };
}

function joinLines(pieces: readonly string[], indent: string): string {
  return pieces.filter((p) => p.length > 0).join('\n' + indent);
}

export function renderCode(code: Code, layout: FrameLayout): string {
  let out = '';
  for (const part of code) {
    if (typeof part === 'string') out += part;
    else if (isVariable(part)) out += layout.access(part);
    else if (isDeferred(part)) out += part.text();
    else if (isCalleeRef(part)) out += layout.callee(part.callee);
    else if (isLabel(part) || isExitPart(part)) throw new Error('a state label outside a step function');
  }
  return out;
}

/** Text to insert at a position of the original source (nothing is replaced). */
export interface Insertion {
  readonly at: number;
  readonly text: () => string;
  /** Closes braces put around the whole statement that ends at `at`: it comes after that statement's `;`. */
  readonly closesStatement?: boolean;
}

/**
 * Where a declaration's or method's helpers and setup go, given its
 * hoist site: the same for a top-level function (magic-string edits) and for
 * one nested in code an enclosing machine renders (render edits).
 */
export function helperInsertions(
  site: HoistSite,
  node: ts.Node,
  form: FunctionForm,
  get: () => LoweredFunction,
  sf: ts.SourceFile,
  shared: SharedSites,
): Insertion[] {
  const anchorStart = site.anchor.getStart(sf);
  const indent = indentOf(site.anchor, sf);
  const both = () => joinLines([get().setup, get().helpers], indent);
  const placed: Insertion[] = [];
  if (site.wrap) {
    placed.push(...shared.wrap(site, both, sf));
  } else if (form === 'declaration') {
    placed.push(
      { at: topOfStatementList(site.container, sf), text: () => get().setup + '\n' + indent },
      { at: node.end, text: () => '\n' + indent + get().helpers },
    );
  } else {
    placed.push({ at: anchorStart, text: () => both() + '\n' + indent });
  }
  return placed;
}

/** A method's link to its class or object (see {@link SharedSites}), and the static block that makes its step function inside its class. */
export function linkInsertions(node: ts.Node, get: () => LoweredFunction, sf: ts.SourceFile, shared: SharedSites): Insertion[] {
  if (!ts.isMethodDeclaration(node)) return [];
  const insertions = shared.link(node, get, sf);
  const holder = node.parent;
  if (ts.isClassLike(holder)) insertions.push({ at: holder.members.pos, text: () => (get().classMember ? ' ' + get().classMember : '') });
  return insertions;
}

/**
 * Where functions lowered in one piece of code meet. A statement or an
 * arrow's expression body wrapped in braces to host helpers gets one pair of
 * braces, whatever number of functions' helpers it hosts. A class or object
 * literal holding several of their methods is linked once, whatever kinds
 * the methods are: `linkMethods({ … }, key1, Frame1, link1, …)` around an
 * object literal, and one static block at the top of a class body that links
 * its prototype's methods, its static ones and its static private ones.
 */
export class SharedSites {
  private readonly hosted = new Map<ts.Node, (() => string)[]>();
  private readonly methods = new Map<ts.Node, { readonly method: ts.Node; readonly get: () => LoweredFunction }[]>();

  constructor(private readonly runtime: RuntimeReferences) {}

  /** Adds the helpers of a function to a wrapped site; the first brings the braces, which hold them all. */
  wrap(site: HoistSite, helpers: () => string, sf: ts.SourceFile): Insertion[] {
    const anchor = site.anchor;
    const hosted = this.hosted.get(anchor);
    if (hosted) {
      hosted.push(helpers);
      return [];
    }
    const all = [helpers];
    this.hosted.set(anchor, all);
    const indent = indentOf(anchor, sf);
    const text = () => joinLines(all.map((h) => h()), indent);
    const start = anchor.getStart(sf);
    if (site.wrap === 'arrowBody') return [{ at: start, text: () => '{ ' + text() + ' return ' }, { at: anchor.end, text: () => '; }' }];
    return [{ at: start, text: () => '{ ' + text() + '\n' + indent }, { at: anchor.end, text: () => ' }', closesStatement: true }];
  }

  /** Adds a method; the first of its class or object brings the insertions that link them all. */
  link(method: ts.MethodDeclaration, get: () => LoweredFunction, sf: ts.SourceFile): Insertion[] {
    const holder = method.parent;
    if (!this.add(method, get)) return [];
    if (ts.isClassLike(holder)) return [{ at: holder.members.pos, text: () => this.classBlock(holder) }];
    return [
      { at: holder.getStart(sf), text: () => this.call(holder).before },
      { at: holder.end, text: () => this.call(holder).after },
    ];
  }

  /** Adds a method; true for the first of its class or object. */
  add(method: ts.Node, get: () => LoweredFunction): boolean {
    const methods = this.methods.get(method.parent);
    if (methods) methods.push({ method, get });
    else this.methods.set(method.parent, [{ method, get }]);
    return !methods;
  }

  /** The code of an object literal normalize assembled, with its methods linked. */
  linked(holder: ts.ObjectLiteralExpression, code: Code): Code {
    return [deferred(() => this.call(holder).before), ...code, deferred(() => this.call(holder).after)];
  }

  /** In the order the methods are defined: of two entries with one key at run time, the later wins. */
  private entries(holder: ts.Node, on: MethodLink['on']): string[] {
    const methods = [...(this.methods.get(holder) ?? [])].sort((a, b) => a.method.pos - b.method.pos);
    return methods.flatMap(({ get }) => {
      const link = get().methodLink;
      return link?.on !== on ? [] : link.on === 'private' ? [link.call] : [link.entry];
    });
  }

  private call(holder: ts.Node): { before: string; after: string } {
    const entries = this.entries(holder, 'object');
    return entries.length ? { before: `${this.runtime.ref('linkMethods')}(`, after: `, ${entries.join(', ')})` } : { before: '', after: '' };
  }

  private classBlock(holder: ts.Node): string {
    const statements: string[] = [];
    for (const on of ['this.prototype', 'this'] as const) {
      const entries = this.entries(holder, on);
      if (entries.length) statements.push(`${this.runtime.ref('linkMethods')}(${on}, ${entries.join(', ')});`);
    }
    statements.push(...this.entries(holder, 'private'));
    return statements.length ? ` static { ${statements.join(' ')} }` : '';
  }
}

function insertInto(edits: Edit[], insertions: readonly Insertion[]): void {
  for (const { at, text, closesStatement } of insertions) edits.push({ start: at, end: at, parts: [deferred(text)], closesStatement });
}

/** How a method is found once its class or object exists (see {@link methodLinkage}). */
type MethodLinkage = { readonly key: string } | 'computed' | 'private';

/**
 * By its key, known now or kept when its computed key is evaluated; a static
 * private method by its name. None when a later member of the same class or
 * object defines the same key on the same object (the method's function is
 * then unreachable, and the key names another function), and none for an
 * instance private method, which only an instance reaches.
 */
function methodLinkage(fn: ts.MethodDeclaration): MethodLinkage | undefined {
  if (ts.isPrivateIdentifier(fn.name)) return hasStaticModifier(fn) ? 'private' : undefined;
  const key = propertyKeyOf(fn.name);
  if (key === undefined) return 'computed';
  return isRedefinedLater(fn, key) ? undefined : { key };
}

/** The computed key of a method whose value is only known once it runs. */
function dynamicKeyOf(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const name = fn.name;
  return name && ts.isComputedPropertyName(name) && propertyKeyOf(name) === undefined ? name.expression : undefined;
}

function isRedefinedLater(fn: ts.MethodDeclaration, key: string): boolean {
  const holder = fn.parent;
  const members: readonly ts.Node[] = ts.isClassLike(holder) ? holder.members : (holder as ts.ObjectLiteralExpression).properties;
  const isStatic = hasStaticModifier(fn);
  for (const member of members.slice(members.indexOf(fn) + 1)) {
    if (ts.isClassLike(holder)) {
      // Fields are defined after the static block that links the methods has run, or on instances.
      if (!(ts.isMethodDeclaration(member) || ts.isAccessor(member)) || hasStaticModifier(member) !== isStatic) continue;
    } else if (ts.isPropertyAssignment(member) && !ts.isComputedPropertyName(member.name) && propertyKeyOf(member.name) === '__proto__') {
      // `__proto__: value` sets the object's prototype and defines no property (B.3.1).
      continue;
    }
    const name = (member as ts.ObjectLiteralElement | ts.ClassElement).name;
    if (name && propertyKeyOf(name) === key) return true;
  }
  return false;
}

/** The property key a name defines, when it is known without running code. */
function propertyKeyOf(name: ts.PropertyName): string | undefined {
  const key = ts.isComputedPropertyName(name) ? name.expression : name;
  // TypeScript spells a numeric literal's text as ToString of its value.
  if (ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) {
    return key === name || !ts.isIdentifier(key) ? key.text : undefined;
  }
  if (ts.isBigIntLiteral(key)) return BigInt(key.text.slice(0, -1)).toString();
  return undefined;
}

function hasStaticModifier(node: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
}

/** `generator g (3:1)`: the heading of a function's printed IR. */
function irTitle(fn: ts.FunctionLikeDeclaration, kind: SuspendKind, sf: ts.SourceFile): string {
  const { line, character } = sf.getLineAndCharacterOfPosition(fn.getStart(sf));
  const name = fn.name ?? inferredNameNode(fn);
  return `${kind} ${name ? name.getText(sf) : '(anonymous)'} (${line + 1}:${character + 1})`;
}

function helperBaseName(fn: ts.FunctionLikeDeclaration, kind: SuspendKind): string {
  const name = fn.name ?? inferredNameNode(fn);
  if (name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name))) return name.text.replace(/^#/, '');
  if (name && (ts.isStringLiteral(name) || ts.isNumericLiteral(name))) {
    const cleaned = name.text.replace(/[^\w$]/g, '_');
    if (/^[A-Za-z_$]/.test(cleaned)) return cleaned;
  }
  return kind === 'generator' ? '$generator' : kind === 'async' ? '$async' : '$asyncGenerator';
}

function inferredNameNode(fn: ts.Node): ts.Node | undefined {
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === fn) return parent.name;
  if (ts.isPropertyAssignment(parent) && parent.initializer === fn) return parent.name;
  if (ts.isPropertyDeclaration(parent) && parent.initializer === fn) return parent.name;
  if (ts.isParameter(parent) && parent.initializer === fn) return parent.name;
  if (ts.isBindingElement(parent) && parent.initializer === fn) return parent.name;
  if (ts.isBinaryExpression(parent) && parent.right === fn && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return parent.left;
  }
  return undefined;
}

/** The name an anonymous function expression would get from where it stands (SetFunctionName). */
function inferredName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name || !(ts.isFunctionExpression(fn) || ts.isArrowFunction(fn))) return undefined;
  const node = inferredNameNode(fn);
  if (node && ts.isIdentifier(node)) return node.text;
  return undefined;
}

function wrapperText(
  fn: ts.FunctionLikeDeclaration,
  newFrame: string,
  outer: OuterMachine | undefined,
  sf: ts.SourceFile,
  explicitName: string | undefined,
  parameterList: string | undefined,
  keepKey: { readonly before: string; readonly after: string } | undefined,
): { text: string; keyAt: number | undefined } {
  const text = sf.text;
  const body = fn.body!;
  // The wrapper is a plain function of the same form: `async` and `*` go, a computed name keeps its key.
  const replaced: { start: number; end: number; text: string; hole?: number }[] = [];
  const asyncModifier = ts.canHaveModifiers(fn) ? ts.getModifiers(fn)?.find((m) => m.kind === ts.SyntaxKind.AsyncKeyword) : undefined;
  for (const token of [asyncModifier, fn.asteriskToken]) {
    if (token) replaced.push({ start: token.getStart(sf), end: token.end, text: '' });
  }
  if (fn.name && ts.isComputedPropertyName(fn.name) && keepKey) {
    // Inside a machine the key is a hole the machine fills with its own code, so what the key reads is live there.
    const key = outer ? '' : text.slice(fn.name.expression.getStart(sf), fn.name.expression.end);
    replaced.push({ start: fn.name.getStart(sf), end: fn.name.end, text: `[${keepKey.before}${key}${keepKey.after}]`, hole: 1 + keepKey.before.length });
  }
  replaced.sort((x, y) => x.start - y.start);
  let head = '';
  let pos = fn.getStart(sf);
  let keyAt: number | undefined;
  for (const piece of replaced) {
    head += text.slice(pos, piece.start);
    if (piece.hole !== undefined) keyAt = head.length + piece.hole;
    head += piece.text;
    pos = piece.end;
    if (piece.text !== '') continue;
    // `function*g` must not become `functiong`, nor `async function` ` function`.
    const next = text[pos];
    if ((head === '' || /[ \t]$/.test(head)) && (next === ' ' || next === '\t')) pos = skipBlanks(text, pos);
    else if (/[\w$]$/.test(head) && /^[\w$]/.test(next)) head += ' ';
  }
  if (explicitName !== undefined) {
    // Named as the original would have been named where it stands: the name comes before the type
    // parameters, whose `<` (or else the parameters' `(`) ends just before the list's position.
    const nameAt = (fn.typeParameters ?? fn.parameters).pos - 1;
    head = (head + text.slice(pos, nameAt)).trimEnd() + ' ' + explicitName;
    pos = nameAt;
  }
  head += text.slice(pos, fn.parameters.pos);
  let params = parameterList ?? renderedParameters(fn, outer, sf);
  // `async x => …` lost `async`: the space that followed it would lead the wrapper.
  if (head === '' || /\s$/.test(head)) params = params.replace(/^[ \t]+/, '');
  return { text: `${head}${params}${text.slice(fn.parameters.end, body.getStart(sf))}{ ${newFrame} }`, keyAt };
}

/** The parameter list's text without its parentheses, with what an enclosing machine renders replaced. */
function renderedParameters(fn: ts.FunctionLikeDeclaration, outer: OuterMachine | undefined, sf: ts.SourceFile): string {
  const text = sf.text;
  let params = '';
  let pos = fn.parameters.pos;
  for (const p of fn.parameters) {
    params += text.slice(pos, p.getStart(sf)) + (outer ? outer.render(p) : text.slice(p.getStart(sf), p.end));
    pos = p.end;
  }
  return params + text.slice(pos, fn.parameters.end);
}

/** ExpectedArgumentCount: the parameters before the first with a default or the rest. */
function expectedArgumentCount(fn: ts.FunctionLikeDeclaration): number {
  const first = fn.parameters.findIndex((p) => p.initializer !== undefined || p.dotDotDotToken !== undefined);
  return first < 0 ? fn.parameters.length : first;
}

function skipBlanks(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  return pos;
}

/** Plain identifiers, no defaults, no rest, no name twice: the parameter lists whose `arguments` is mapped. */
function hasMappableParameters(fn: ts.FunctionLikeDeclaration): boolean {
  if (ts.isArrowFunction(fn)) return false;
  const names = new Set<string>();
  for (const p of fn.parameters) {
    if (!ts.isIdentifier(p.name) || p.initializer || p.dotDotDotToken || names.has(p.name.text)) return false;
    names.add(p.name.text);
  }
  return names.size > 0;
}

function parameterVariables(fn: ts.FunctionLikeDeclaration, scopes: ScopeInfo, builder: MachineBuilder): { name: string; variable: Variable }[] {
  return fn.parameters.flatMap((p) => {
    const name = (p.name as ts.Identifier).text;
    const binding = scopes.functionScope.bindings.get(name);
    const variable = binding && builder.variableOf(binding);
    return variable ? [{ name, variable }] : [];
  });
}

/** Which of `this`, `arguments`, `new.target` and `super` an arrow takes from around it. */
function lexicalUses(arrow: ts.ArrowFunction): Set<LexicalOrigin> {
  const uses = new Set<LexicalOrigin>();
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.ThisKeyword) uses.add('this');
    // `super.m()` calls with `this` as receiver.
    else if (node.kind === ts.SyntaxKind.SuperKeyword) uses.add('super').add('this');
    else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.NewKeyword) uses.add('newTarget');
    else if (ts.isIdentifier(node) && node.text === 'arguments') uses.add('arguments');
    // Functions other than arrows, and class bodies, have their own.
    if (isFunctionLike(node) && !ts.isArrowFunction(node)) return;
    if (ts.isClassLike(node)) return;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(arrow, visit);
  return uses;
}

/** Direct `eval` and `with` make names dynamic; a frame cannot honour them. */
function rejectUnlowerable(fn: ts.Node, resolved: Map<ts.Identifier, unknown>, kind: SuspendKind): void {
  const where = kind === 'generator' ? 'a generator' : kind === 'async' ? 'an async function' : 'an async generator';
  const visit = (node: ts.Node) => {
    if (ts.isWithStatement(node)) {
      throw new UnsupportedError(node, `'with' statements cannot be lowered inside ${where}`, DiagnosticCode.WithStatement);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'eval' && !resolved.has(node.expression)) {
      throw new UnsupportedError(node, `direct eval cannot be lowered inside ${where}: its code could name any local`, DiagnosticCode.DirectEval);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
}
