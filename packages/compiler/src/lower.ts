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
  /**
   * Static blocks for the start of the class body of a method: the link of
   * the method to its prototype, and the step function when it must stay
   * inside the class to reach private names.
   */
  readonly classMember?: string;
  /** For a method of an object literal: text around the literal that links the method once the object exists. */
  readonly objectLink?: { readonly before: string; readonly after: string };
  /** For an expression whose helpers are hoisted (an async arrow): where `helpers` and `setup` go. */
  readonly hoistSite?: HoistSite;
}

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
  const body = fn.body!;
  // An arrow's expression body has no directive prologue.
  const bodyStatements = ts.isBlock(body) ? body.statements : ts.factory.createNodeArray<ts.Statement>();
  const strictBody = hasUseStrict(bodyStatements);
  const prelude: Code[] = [];
  let layout: FrameLayout | undefined;
  let superVariable: Variable | undefined;

  const reserved = [...(outer?.reserved ?? []), ...Object.values(names), ...Object.values(helper)];
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
      const site = findHoistSite(node);
      const splitByThis = site.container === body || builder.suspends(site.container);
      if (splitByThis && !site.wrap) {
        prelude.push([deferred(() => joinLines([get().setup, get().helpers], indent + '  '))]);
        insertInto(edits, linkInsertions(node, get, sf));
      } else {
        insertInto(edits, helperInsertions(site, node, nestedForm, get, sf));
      }
      return [deferred(() => get().replacement)];
    },
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
  if (kind === 'async') {
    const isArrow = ts.isArrowFunction(fn);
    let newFrame = `${directives.join('')}${notConstructor}return ${rt.ref('startAsync')}(${construct});`;
    let parameterList: string | undefined;
    const linkArguments: string[] = [];
    if (fn.parameters.some((p) => p.initializer || !ts.isIdentifier(p.name))) {
      // An error binding the parameters rejects the promise: they are bound by an arrow the runtime calls
      // inside its try, and the wrapper keeps only the `length` (EvaluateAsyncFunctionBody step 2).
      const bind = `(${renderedParameters(fn, outer, sf)}) => ${construct}`;
      parameterList = isArrow ? '...$arguments' : '';
      newFrame = `${directives.join('')}${notConstructor}return ${rt.ref('startAsyncWith')}(${bind}, ${isArrow ? '$arguments' : 'arguments'});`;
      linkArguments.push(isArrow && explicitName !== undefined ? JSON.stringify(explicitName) : 'undefined', String(expectedArgumentCount(fn)));
    } else if (isArrow && explicitName) {
      linkArguments.push(JSON.stringify(explicitName));
    }
    const wrapper = wrapperText(fn, newFrame, outer, sf, isArrow ? undefined : explicitName, parameterList);
    const link = (target: string) => `${rt.ref('linkAsyncFunction')}(${[target, helper.frame, ...linkArguments].join(', ')})`;
    if (hoistSite) return { replacement: link(wrapper), helpers, setup: emitted.tables, hoistSite };
    return placeLowered(fn, form, { wrapper, helpers, tables: emitted.tables, emitted, helper, rt, link, linkMethods: 'linkAsyncMethods', linkBeforeMethod: '' }, inner, indent, name);
  }
  // The function's current `prototype` decides the object's, when it has been replaced since linking.
  const linked = form !== 'method' || (staticKey(fn) !== undefined && !ts.isPrivateIdentifier(fn.name!));
  const isAsync = kind === 'asyncGenerator';
  const adopt = isAsync ? 'adoptAsyncGeneratorPrototype' : 'adoptPrototype';
  const create = linked
    ? `${helper.frame}.prototype === ${helper.frame}.$function.prototype ? ${construct} : ${rt.ref(adopt)}(${construct}, ${helper.frame}.$function)`
    : construct;
  const newFrame = `${directives.join('')}${notConstructor}return ${create};`;
  // `export default function* () {}` is linked by a name of its own, and keeps the name "default".
  const anonymousDeclaration = form === 'declaration' && !name ? file.helperNames.fresh(base + '$default') : undefined;
  const wrapper = wrapperText(fn, newFrame, outer, sf, anonymousDeclaration ?? explicitName);
  const generatorLink = isAsync ? 'linkAsyncGenerator' : 'linkGenerator';
  const link = (target: string) =>
    anonymousDeclaration && target === 'null'
      ? `${rt.ref(generatorLink)}(${anonymousDeclaration}, ${helper.frame}, "default")`
      : `${rt.ref(generatorLink)}(${target}, ${helper.frame})`;
  const linkMethods = isAsync ? 'linkAsyncGeneratorMethods' : 'linkMethods';
  return placeLowered(fn, form, { wrapper, helpers, tables: emitted.tables, emitted, helper, rt, link, linkMethods, linkBeforeMethod: `${link('null')};` }, inner, indent, name);
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
  /** The runtime function that links methods once their class or object exists. */
  readonly linkMethods: RuntimeExport;
  /** What must be linked before a method's function exists (a generator's frame prototype). */
  readonly linkBeforeMethod: string;
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
      const key = staticKey(fn);
      const isStatic = (ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
      const classLink =
        key && ts.isClassLike(fn.parent) ? `static { ${rt.ref(parts.linkMethods)}(${isStatic ? 'this' : 'this.prototype'}, ${key}, ${helper.frame}); }` : '';
      const objectLink =
        key && ts.isObjectLiteralExpression(fn.parent) ? { before: `${rt.ref(parts.linkMethods)}(`, after: `, ${key}, ${helper.frame})` } : undefined;
      if (!usesPrivateNames(fn)) return { replacement: wrapper, helpers, setup, classMember: classLink, objectLink };
      // Private names are only visible inside the class body: the step function is made by a static block there.
      return {
        replacement: wrapper,
        helpers: joinLines([`var ${helper.step};`, emitted.frameConstructor], indent),
        setup,
        classMember: `static { ${helper.step} = ${emitted.step}; }${classLink ? ' ' + classLink : ''}`,
        objectLink,
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
 * Where a declaration's or method's helpers, setup and links go, given its
 * hoist site: the same for a top-level function (magic-string edits) and for
 * one nested in code an enclosing machine renders (render edits).
 */
export function helperInsertions(
  site: HoistSite,
  node: ts.Node,
  form: FunctionForm,
  get: () => LoweredFunction,
  sf: ts.SourceFile,
): Insertion[] {
  const anchorStart = site.anchor.getStart(sf);
  const indent = indentOf(site.anchor, sf);
  const both = () => joinLines([get().setup, get().helpers], indent);
  const placed: Insertion[] = [];
  if (site.wrap === 'arrowBody') {
    placed.push({ at: anchorStart, text: () => '{ ' + both() + ' return ' }, { at: site.anchor.end, text: () => '; }' });
  } else if (site.wrap === 'statement') {
    placed.push({ at: anchorStart, text: () => '{ ' + both() + '\n' + indent }, { at: site.anchor.end, text: () => ' }', closesStatement: true });
  } else if (form === 'declaration') {
    placed.push(
      { at: topOfStatementList(site.container, sf), text: () => get().setup + '\n' + indent },
      { at: node.end, text: () => '\n' + indent + get().helpers },
    );
  } else {
    placed.push({ at: anchorStart, text: () => both() + '\n' + indent });
  }
  return [...placed, ...linkInsertions(node, get, sf)];
}

/** A method's link to its class (a static block) or object (a call around the literal). */
function linkInsertions(node: ts.Node, get: () => LoweredFunction, sf: ts.SourceFile): Insertion[] {
  const holder = node.parent;
  if (ts.isClassLike(holder)) return [{ at: holder.members.pos, text: () => (get().classMember ? ' ' + get().classMember : '') }];
  if (ts.isObjectLiteralExpression(holder)) {
    return [
      { at: holder.getStart(sf), text: () => get().objectLink?.before ?? '' },
      { at: holder.end, text: () => get().objectLink?.after ?? '' },
    ];
  }
  return [];
}

function insertInto(edits: Edit[], insertions: readonly Insertion[]): void {
  for (const { at, text, closesStatement } of insertions) edits.push({ start: at, end: at, parts: [deferred(text)], closesStatement });
}

/** The property key of a method as a string literal, when it is known without running code. */
function staticKey(fn: ts.FunctionLikeDeclaration): string | undefined {
  const name = fn.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
    return JSON.stringify(name.text);
  }
  return undefined;
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
  parameterList?: string,
): string {
  const text = sf.text;
  const body = fn.body!;
  const renderOuter = (node: ts.Node) => (outer ? outer.render(node) : text.slice(node.getStart(sf), node.end));
  // The wrapper is a plain function of the same form: `async` and `*` go, a computed name is rendered.
  const replaced: { start: number; end: number; text: string }[] = [];
  const asyncModifier = ts.canHaveModifiers(fn) ? ts.getModifiers(fn)?.find((m) => m.kind === ts.SyntaxKind.AsyncKeyword) : undefined;
  for (const token of [asyncModifier, fn.asteriskToken]) {
    if (token) replaced.push({ start: token.getStart(sf), end: token.end, text: '' });
  }
  if (fn.name && ts.isComputedPropertyName(fn.name) && outer) {
    replaced.push({ start: fn.name.getStart(sf), end: fn.name.end, text: renderOuter(fn.name) });
  }
  replaced.sort((x, y) => x.start - y.start);
  let head = '';
  let pos = fn.getStart(sf);
  for (const piece of replaced) {
    head += text.slice(pos, piece.start) + piece.text;
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
  return `${head}${params}${text.slice(fn.parameters.end, body.getStart(sf))}{ ${newFrame} }`;
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
