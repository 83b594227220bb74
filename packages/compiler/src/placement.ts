/**
 * Placement, the one answer to "where do the helpers go": a lowered
 * function's helpers (frame constructor, step function, tables) go to the
 * nearest statement list that sees exactly the bindings the function sees,
 * its linkage before its first call, and the methods of one class or object
 * literal are linked by one call once it exists (`SharedSites`).
 *
 * ## Example
 * ```js
 * for (let i of xs) fns.push(function* () { yield i; });
 * ```
 * has no statement list inside the loop, so the body is wrapped in a block
 * that holds the helpers, and each iteration's step function sees its own `i`:
 * ```js
 * for (let i of xs) { function $generator$step(…) {…} … fns.push(…); }
 * ```
 *
 * ## Implementation
 * Walk up from the function. A block, a case clause or the file is a
 * statement list: the helpers go right before the statement that holds the
 * function. On the way, a `for` head with `let`/`const` or an arrow's
 * expression body is a scope without a statement list: the statement or the
 * expression is wrapped in braces, as is a `with` body that is no block. Parameter lists and class bodies that use
 * private names cannot host helpers: that is reported. `placeLowered` puts
 * each part by the function's form: a declaration's helpers beside it and
 * its link at the top of its statement list, an expression's in an IIFE in
 * place, a method's before its holder's statement with the holder's one
 * `linkMethods` call or static block. Insertions are text at positions of the
 * original source, for magic-string at the top level and for render edits
 * inside another machine.
 *
 * ## References
 * ECMAScript 2025, 14.7.4.2 ForLoopEvaluation (per-iteration bindings);
 * 15.3 arrow function concise bodies.
 */
import ts from 'typescript';
import { isValueIdentifier } from './scope';
import { isFunctionLike } from './function-like';
import { computedNameKey, namedEvaluationName } from './named-evaluation';
import { UnsupportedError } from './diagnostics';
import { evalCallee } from './dynamic-scope';
import { isDeclaredName } from './declared-names';
import { isAssignmentTarget } from './early-errors/assignment-targets';
import type { Code, Deferred, IndentMap } from './ir';
import type { Edit } from './render';
import type { RuntimeReferences } from './runtime-binding';
import type { FunctionForm, HoistSite, LoweredFunction, MethodLink, OuterMachine } from './lowered-function';

export function isStatementList(node: ts.Node): boolean {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isModuleBlock(node);
}

function declaresBlockScoped(node: ts.ForStatement | ts.ForInStatement | ts.ForOfStatement): boolean {
  const init = node.initializer;
  return init !== undefined && ts.isVariableDeclarationList(init) && (init.flags & ts.NodeFlags.BlockScoped) !== 0;
}

export function findHoistSite(fn: ts.Node): HoistSite {
  let child: ts.Node = fn;
  for (let node = fn.parent; node; child = node, node = node.parent) {
    if (isStatementList(node)) return { container: node, anchor: child };
    if (isFunctionLike(node)) {
      if (ts.isArrowFunction(node) && node.body === child) return { container: node, anchor: child, wrap: 'arrowBody' };
      throw new UnsupportedError(fn, 'a generator inside a parameter list is not supported');
    }
    // The helpers of a function in a `with` body see the object's bindings, as the function does.
    if (ts.isWithStatement(node) && node.statement === child) return { container: node, anchor: child, wrap: 'statement' };
    if ((ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) && declaresBlockScoped(node)) {
      if (node.statement === child) return { container: node, anchor: child, wrap: 'statement' };
      throw new UnsupportedError(fn, 'a generator inside a for-loop head is not supported');
    }
  }
  throw new UnsupportedError(fn, 'no statement list encloses this generator');
}

/**
 * Where an expression's helpers can go instead of an IIFE around it: the
 * site `findHoistSite` finds, unless the way there leaves a class body (a
 * field initializer's `this` and private names) or needs a site that does
 * not exist (a parameter list, a `for` head).
 */
export function expressionHoistSite(fn: ts.Node): HoistSite | undefined {
  for (let node = fn.parent; node && !isStatementList(node); node = node.parent) {
    if (ts.isClassLike(node)) return undefined;
  }
  try {
    return findHoistSite(fn);
  } catch (error) {
    if (error instanceof UnsupportedError) return undefined;
    throw error;
  }
}

/**
 * Whether a function's helpers can be made once, among the file's own helpers at its top, instead
 * of where it stands (each evaluation, or each call of the function around it): every name the
 * function reads and does not declare is the file's or a global one, so a step function made at
 * the top sees the bindings one made in place would. Names are compared, not bindings: a name
 * declared anywhere inside the file's statement that holds the function, other than by that
 * statement for the file (`function f`, `const g = …`), keeps the helpers where they are, as do a
 * direct `eval` there, a `with` or a namespace around the function (names resolved at run time,
 * or rewritten by TypeScript), a private name (only its class body sees it) and JSX (its factory
 * is a name the text does not show).
 */
export function seesOnlyFileScope(fn: ts.Node, free: ReadonlySet<string>): boolean {
  let top = fn;
  for (let n = fn.parent; !ts.isSourceFile(n); n = n.parent) {
    if (ts.isModuleBlock(n) || ts.isWithStatement(n)) return false;
    top = n;
  }
  if (readsClassOrJsxNames(fn)) return false;
  const declared = namesDeclaredUnder(top);
  if (declared === 'any') return false;
  for (const name of free) if (declared.has(name)) return false;
  return true;
}

function readsClassOrJsxNames(node: ts.Node): boolean {
  return ts.forEachChild(node, (child) => ts.isPrivateIdentifier(child) || ts.isJsxElement(child) || ts.isJsxSelfClosingElement(child) || ts.isJsxFragment(child) || readsClassOrJsxNames(child)) === true;
}

const declaredNames = new WeakMap<ts.Node, Set<string> | 'any'>();

/**
 * The names declared in a statement of the file, but for those it declares for the file itself
 * (a class's is kept: its body sees an immutable binding of its own); `'any'` where a direct eval
 * may declare any name.
 */
function namesDeclaredUnder(statement: ts.Node): Set<string> | 'any' {
  let declared = declaredNames.get(statement);
  if (declared) return declared;
  const ofFile = new Set<ts.Node>();
  if ((ts.isFunctionDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) ofFile.add(statement.name);
  const bindingNames = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) ofFile.add(name);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindingNames(element.name);
  };
  if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) bindingNames(d.name);
  const names = new Set<string>();
  let any = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const ownName = (ts.isFunctionExpression(parent) || ts.isClassExpression(parent)) && parent.name === node;
      if ((ownName || isDeclaredName(node)) && !ofFile.has(node)) names.add(node.text);
    } else if (evalCallee(node)) {
      any = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  declared = any ? 'any' : names;
  declaredNames.set(statement, declared);
  return declared;
}

/**
 * Whether a method's step function must be made inside the nearest class
 * between the method and the statement list its helpers go to: its body
 * reads what only a class body there sees (a private name, or the own name
 * of such a class where that name may differ from the binding outside:
 * `class Tree { *walk() { … Tree … } }` written as an expression, or a
 * declaration whose outer binding may not hold the class while a method
 * runs). The step is then made by a static block there.
 */
export function seesClassScope(fn: ts.Node, outer: OuterMachine | undefined): boolean {
  const nearest = nearestClassBelowSite(fn);
  if (!nearest) return false;
  // The innermost class of each name; whether its name may differ is asked only once the body reads it.
  const classes = new Map<string, ts.ClassLikeDeclaration>();
  const site = siteOf(fn);
  for (let n: ts.Node = nearest; n !== site; n = n.parent) if (ts.isClassLike(n) && n.name && !classes.has(n.name.text)) classes.set(n.name.text, n);
  let found = false;
  const visit = (node: ts.Node) => {
    if (found) return;
    if (ts.isPrivateIdentifier(node)) found = true;
    else if (ts.isIdentifier(node)) found = classes.has(node.text) && isValueIdentifier(node) && innerNameMayDiffer(classes.get(node.text)!, outer);
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

/** The nearest class around a function that its helpers' statement list stands outside of. */
export function nearestClassBelowSite(fn: ts.Node): ts.ClassLikeDeclaration | undefined {
  const site = siteOf(fn);
  for (let n = fn.parent; n !== site; n = n.parent) if (ts.isClassLike(n)) return n;
  return undefined;
}

/**
 * Whether a class's own name, the immutable binding its body sees, may hold
 * something else than the name outside while one of its methods runs. A
 * class expression's name has no binding outside, nor has a declaration
 * that an enclosing machine binds as an expression. A declaration's outer
 * binding is set once the definition is complete, so it differs while the
 * class's own static code runs (which may call its methods), when a
 * decorator replaces the class, and when anything in its scope writes it
 * (where the method itself must throw instead).
 */
function innerNameMayDiffer(holder: ts.ClassLikeDeclaration, outer: OuterMachine | undefined): boolean {
  if (!ts.isClassDeclaration(holder) || outer?.bindsAsExpression(holder) || runsCodeOfItsOwn(holder)) return true;
  const written = namesWrittenIn(bindingScopeOf(holder));
  return written === 'any' || written.has(holder.name!.text);
}

/** The node whose lexical environment binds a declaration: its block, case block, module block or file. */
function bindingScopeOf(declaration: ts.Node): ts.Node {
  let scope = declaration.parent;
  while (!(ts.isBlock(scope) || ts.isCaseBlock(scope) || ts.isModuleBlock(scope) || ts.isSourceFile(scope))) scope = scope.parent;
  return scope;
}

const writtenNames = new WeakMap<ts.Node, Set<string> | 'any'>();

/** The identifiers written anywhere under `scope` (shadowed or not); `'any'` where a direct eval may write any name. */
function namesWrittenIn(scope: ts.Node): Set<string> | 'any' {
  let written = writtenNames.get(scope);
  if (written) return written;
  const names = new Set<string>();
  let any = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      if (isAssignmentTarget(node)) names.add(node.text);
    } else if (evalCallee(node)) {
      any = true;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  written = any ? 'any' : names;
  writtenNames.set(scope, written);
  return written;
}

/** Position where setup statements of a statement list go: after directives and imports. */
export function topOfStatementList(container: ts.Node, sourceFile: ts.SourceFile): number {
  const statements: readonly ts.Statement[] =
    ts.isSourceFile(container) || ts.isBlock(container) || ts.isModuleBlock(container) || ts.isCaseClause(container) || ts.isDefaultClause(container)
      ? (container as ts.Block).statements
      : [];
  let position: number | undefined;
  for (const s of statements) {
    if (ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression) && position === undefined) continue;
    if (ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s)) {
      position = undefined;
      continue;
    }
    return s.getStart(sourceFile);
  }
  if (statements.length) return statements[statements.length - 1].end;
  if (ts.isBlock(container) || ts.isModuleBlock(container)) return container.getStart(sourceFile) + 1;
  return container.end;
}

export function formOf(node: ts.Node): FunctionForm {
  if (ts.isFunctionDeclaration(node)) return 'declaration';
  if (ts.isMethodDeclaration(node)) return 'method';
  return 'expression';
}

export function indentOf(node: ts.Node, sourceFile: ts.SourceFile): string {
  return lineIndentAt(sourceFile.text, node.getStart(sourceFile));
}

/** The blanks that begin the line `pos` stands on. */
export function lineIndentAt(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  let end = lineStart;
  while (end < pos && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

export interface LoweredParts {
  readonly wrapper: string;
  readonly helpers: string;
  readonly tables: string;
  readonly emitted: { readonly frameConstructor: string; readonly step: string };
  readonly helper: { readonly frame: string; readonly step: string };
  readonly rt: RuntimeReferences;
  /** The runtime call that links a function object (`null` for a method not yet made) to its frame constructor. */
  readonly link: (target: string) => string;
  /** The reference to the runtime function that links a method of this kind once its class or object exists. */
  readonly linker: string;
  /** What must be linked before a method's function exists (a generator's frame prototype). */
  readonly linkBeforeMethod: string;
  /** For a method: how it is found once its class or object exists. */
  readonly linkage: MethodLinkage | undefined;
  /** The variable that keeps a method's computed key. */
  readonly keyTemp: string | undefined;
  /** Where in `wrapper` an enclosing machine puts the code of each of `evaluatedAround`'s expressions. */
  readonly holes: readonly number[];
  /** For a named expression whose method wrapper binds no name: the binding that holds it, as the name binds it natively. */
  readonly ownBinding: string | undefined;
  /** For a declaration: its wrapper is a method its `var` binds at the top of its scope (wrapper.ts, `isHoistableAsMethod`). */
  readonly hoistedAsMethod: boolean;
  /** For a method: its step function is made inside a class around it (`seesClassScope`). */
  readonly madeInClass: boolean;
  /** For such a method: the description of its awaits, made once its step is. */
  readonly describedInClass: AwaitDescription | undefined;
}

/** Where the wrapper, the helpers and the linking of one lowered function go, by form. */
export function placeLowered(
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
      if (parts.hoistedAsMethod) return { replacement: '', helpers, setup: joinLines([tables, `var ${name} = ${link(wrapper)};`], indent) };
      return { replacement: wrapper, helpers, setup: joinLines([tables, `${link(name ?? 'null')};`], indent) };
    case 'method': {
      const setup = joinLines([tables, parts.linkBeforeMethod], indent);
      // The method function exists only once its class or object does: it is linked then.
      const { linkage, keyTemp } = parts;
      let methodLink: MethodLink | undefined;
      if (linkage === 'private') {
        methodLink = { on: 'private', call: `${link(`this.${(fn.name as ts.PrivateIdentifier).text}`)};` };
      } else if (linkage && linkage !== 'decorator') {
        const on = ts.isObjectLiteralExpression(fn.parent) ? 'object' : hasStaticModifier(fn) ? 'this' : 'this.prototype';
        const key = linkage === 'computed' ? keyTemp! : JSON.stringify(linkage.key);
        methodLink = { on, entry: `${key}, ${helper.frame}, ${parts.linker}` };
      }
      const holes = parts.holes;
      if (!parts.madeInClass) return { replacement: wrapper, holes, helpers: joinLines([keyTemp ? `var ${keyTemp};` : '', helpers], indent), setup, methodLink };
      // What only the class body sees is seen by a step function a static block makes there. That
      // step is the class's own: a class made in a loop gets one per iteration, held by a block binding
      // declared before the setup that names it.
      const described = parts.describedInClass;
      const variable = described?.variable ? `, ${described.variable}` : '';
      return {
        replacement: wrapper,
        helpers: joinLines([keyTemp ? `var ${keyTemp};` : '', emitted.frameConstructor], indent),
        setup: joinLines([`let ${helper.step}${variable};`, setup], indent),
        classMember: `static { ${helper.step} = ${emitted.step};${described ? ' ' + describeStatement(described, '') : ''} }`,
        methodLink,
        holes,
      };
    }
    case 'expression': {
      // Made where the expression stands, each time it is evaluated: the step sees exactly the
      // bindings the function sees, and each function object gets its own prototype.
      const { ownBinding } = parts;
      const made = ownBinding ? [`var ${ownBinding} = ${wrapper};`, `return ${link(ownBinding)};`] : [`return ${link(wrapper)};`];
      const body = joinLines([tables, helpers, ...made], inner);
      // An arrow's `this`, `arguments`, `super` and `new.target` are the ones around it: so are its helpers'.
      const scope = ts.isArrowFunction(fn) ? '() =>' : 'function ()';
      return { replacement: `(${scope} {\n${inner}${body}\n${indent}})()`, helpers: '', setup: '' };
    }
  }
}

export interface AwaitDescription {
  /** Where a function that awaits once keeps what the call returns. */
  readonly variable: string | undefined;
  readonly call: string;
}

/** The description as a statement; `declare` (`var `) declares its variable, else it is assigned. */
export function describeStatement({ variable, call }: AwaitDescription, declare: string): string {
  return variable ? `${declare}${variable} = ${call};` : `${call};`;
}

/** The statement list position the helpers of `fn` will occupy (for strictness). */
export function siteOf(fn: ts.Node): ts.Node {
  for (let n = fn.parent; n; n = n.parent) if (isStatementList(n)) return n;
  return fn;
}

/** Text made once, when it is first written (and, if emit moves it, indented where it is first written). */
export function deferred(text: (indentAt?: IndentMap) => string): Deferred {
  let cached: string | undefined;
  return { text: (indentAt) => (cached ??= text(indentAt)) };
}

export function joinLines(pieces: readonly string[], indent: string): string {
  return pieces.filter((p) => p.length > 0).join('\n' + indent);
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
    // A method whose helpers are made at the top of the file may leave none here.
    placed.push({ at: anchorStart, text: () => (both() ? both() + '\n' + indent : '') });
  }
  return placed;
}

/** A method's link to its class or object (see {@link SharedSites}), and the static block that makes its step function inside its class. */
export function linkInsertions(node: ts.Node, get: () => LoweredFunction, sf: ts.SourceFile, shared: SharedSites, classWrittenAsExpression = false): Insertion[] {
  if (!ts.isMethodDeclaration(node)) return [];
  const insertions = shared.link(node, get, sf, classWrittenAsExpression);
  const holder = node.parent;
  // Where `seesClassScope` would make the step, if it does: known before the method is lowered.
  const home = nearestClassBelowSite(node);
  if (home) insertions.push({ at: home.members.pos, text: () => (get().classMember ? ' ' + get().classMember : '') });
  return insertions;
}

/**
 * For an expression under a computed key of an object literal or a class
 * field: the text around the key's expression that keeps the key for the
 * function's name, and for a field the static element at the top of the
 * class body that keeps it for the class (`LoweredFunction.nameKey`).
 */
export function nameKeyInsertions(node: ts.Node, get: () => LoweredFunction, sf: ts.SourceFile): Insertion[] {
  const key = computedNameKey(node);
  if (!key) return [];
  const insertions: Insertion[] = [
    { at: key.getStart(sf), text: () => get().nameKey?.before ?? '' },
    { at: key.end, text: () => get().nameKey?.after ?? '' },
  ];
  const holder = key.parent.parent.parent;
  if (ts.isClassLike(holder)) insertions.push({ at: holder.members.pos, text: () => (get().nameKey?.classElement ? ' ' + get().nameKey!.classElement : '') });
  return insertions;
}

/**
 * Where functions lowered in one piece of code meet. A statement or an
 * arrow's expression body wrapped in braces to host helpers gets one pair of
 * braces, whatever number of functions' helpers it hosts. A class or object
 * literal holding several of their methods is linked once, whatever kinds
 * the methods are: `linkMethods({ … }, key1, Frame1, link1, …)` around an
 * object literal; after a class declaration, `linkMethods(C.prototype, …)`
 * and `linkMethods(C, …)`; `linkClass(class { … }, name, […], […])` around a
 * class expression; one static block at the top of a class body that links
 * its prototype's methods, its static ones and its static private ones where
 * only the inside of the class can (see `link`).
 */
export class SharedSites {
  private readonly hosted = new Map<ts.Node, (() => string)[]>();
  /** By where it ends, the closing texts of links that go inside an arrow body's `; }` (see `link`). */
  private readonly insideArrowBodyEnd = new Map<number, (() => string)[]>();
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
    if (site.wrap === 'arrowBody') {
      const inside: (() => string)[] = [];
      this.insideArrowBodyEnd.set(anchor.end, inside);
      return [{ at: start, text: () => '{ ' + text() + ' return ' }, { at: anchor.end, text: () => inside.map((t) => t()).join('') + '; }' }];
    }
    return [{ at: start, text: () => '{ ' + text() + '\n' + indent }, { at: anchor.end, text: () => ' }', closesStatement: true }];
  }

  /**
   * Adds a method; the first of its class or object brings the insertions
   * that link them all. A class declaration kept as one is linked by
   * statements after it, in the ES5 the machine is written in, and a class
   * written as an expression (or `classWrittenAsExpression`: a machine binds a
   * declaration of its own statement list as `$frame.C$ = class C { … }`) by
   * a `linkClass` call around it; a static block links the methods of a class
   * that needs one anyway: one linked from inside for its static private
   * methods, one whose own static fields or blocks may call its methods while
   * it is defined, a decorated one, and one named by a computed key (its
   * name is known only once the key has run).
   */
  link(method: ts.MethodDeclaration, get: () => LoweredFunction, sf: ts.SourceFile, classWrittenAsExpression: boolean): Insertion[] {
    const holder = method.parent;
    if (!this.add(method, get)) return [];
    if (ts.isClassLike(holder)) {
      const privateLinks = () => this.entries(holder, 'private').length > 0;
      if (!classWrittenAsExpression && isLinkableAfter(holder)) {
        const indent = indentOf(holder, sf);
        return [
          { at: holder.members.pos, text: () => (privateLinks() ? this.classBlock(holder) : '') },
          { at: holder.end, text: () => (privateLinks() ? '' : this.linksAfter(holder, holder.name.text, indent)) },
        ];
      }
      const call = (ts.isClassExpression(holder) || classWrittenAsExpression) && !runsCodeOfItsOwn(holder) ? nameGivenByPlace(holder) : undefined;
      if (!call) return [{ at: holder.members.pos, text: () => this.classBlock(holder) }];
      // `new class { … }()` constructs what the call gives: parenthesized, or `new` would take `linkClass` for the class.
      const constructed = ts.isNewExpression(holder.parent) && holder.parent.expression === holder;
      const linkArguments = () => (privateLinks() ? '' : this.linkClassArguments(holder, call.name) + (constructed ? ')' : ''));
      const opening: Insertion[] = [
        { at: holder.getStart(sf), text: () => (privateLinks() ? '' : `${constructed ? '(' : ''}${this.runtime.ref('linkClass')}(`) },
        { at: holder.members.pos, text: () => (privateLinks() ? this.classBlock(holder) : '') },
      ];
      // A class that is an arrow's whole body (`(B) => class extends B { async m() {} }`) ends where
      // the braces hosting helpers there close: its call closes inside them, whichever came first.
      const inside = this.insideArrowBodyEnd.get(holder.end);
      if (inside) {
        inside.push(linkArguments);
        return opening;
      }
      return [...opening, { at: holder.end, text: linkArguments }];
    }
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

  /** `linkMethods(C.prototype, …); linkMethods(C, …);` on the lines after the declaration of `C`. */
  private linksAfter(holder: ts.Node, name: string, indent: string): string {
    const targets = [['this.prototype', `${name}.prototype`], ['this', name]] as const;
    const statements = targets.flatMap(([on, target]) => {
      const entries = this.entries(holder, on);
      return entries.length ? [`${this.runtime.ref('linkMethods')}(${target}, ${entries.join(', ')});`] : [];
    });
    return statements.map((statement) => '\n' + indent + statement).join('');
  }

  /** The rest of `linkClass(C, name, prototypeLinks, staticLinks)` after `C`. */
  private linkClassArguments(holder: ts.Node, name: string | undefined): string {
    const list = (on: MethodLink['on']) => `[${this.entries(holder, on).join(', ')}]`;
    return `, ${name === undefined ? 'void 0' : JSON.stringify(name)}, ${list('this.prototype')}, ${list('this')})`;
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

/**
 * A named class declaration whose definition runs none of its own code
 * (static fields and blocks, decorators): linking its methods right after
 * it is the same as linking them inside, before anything could call them.
 */
function isLinkableAfter(holder: ts.ClassLikeDeclaration): holder is ts.ClassDeclaration & { readonly name: ts.Identifier } {
  return ts.isClassDeclaration(holder) && holder.name !== undefined && !runsCodeOfItsOwn(holder);
}

/** A class whose definition runs code of its own, which may call its methods: static fields and blocks, decorators. */
function runsCodeOfItsOwn(holder: ts.ClassLikeDeclaration): boolean {
  if (hasDecorators(holder)) return true;
  return holder.members.some((member) => ts.isClassStaticBlockDeclaration(member) || (ts.isPropertyDeclaration(member) && hasStaticModifier(member)) || hasDecorators(member));
}

/**
 * For a class linked by the call `linkClass(class … { … }, name, …)` around
 * it: the name its place would have given it (NamedEvaluation), which the
 * call takes away; `name` is undefined when the class has its own or its
 * place gives none. Undefined when the name is a computed key's, known only
 * once it has run: such a class is linked from inside, by a static block.
 */
function nameGivenByPlace(holder: ts.ClassLikeDeclaration): { readonly name: string | undefined } | undefined {
  const source = namedEvaluationName(holder);
  if (!source) return { name: undefined };
  return source.kind === 'computed' ? undefined : { name: source.name };
}

function hasDecorators(node: ts.Node): boolean {
  return ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
}

export function insertInto(edits: Edit[], insertions: readonly Insertion[]): void {
  for (const { at, text, closesStatement } of insertions) edits.push({ start: at, end: at, parts: [deferred(text)], closesStatement });
}

/** How a method is found once its class or object exists (see {@link methodLinkage}). */
export type MethodLinkage = { readonly key: string } | 'computed' | 'private' | 'decorator';

/**
 * By its key, known now or kept when its computed key is evaluated; a static
 * private method by its name. None when a later member of the same class or
 * object defines the same key on the same object (the method's function is
 * then unreachable, and the key names another function), and none for an
 * instance private method, which only an instance reaches. A decorated
 * method is linked by a decorator written next to it: the user's decorators
 * see it linked, and may replace it with a function that is no lowered one.
 */
export function methodLinkage(fn: ts.MethodDeclaration): MethodLinkage | undefined {
  if (hasDecorators(fn)) return 'decorator';
  if (ts.isPrivateIdentifier(fn.name)) return hasStaticModifier(fn) ? 'private' : undefined;
  const key = propertyKeyOf(fn.name);
  if (key === undefined) return 'computed';
  return isRedefinedLater(fn, key) ? undefined : { key };
}

/**
 * What the code around a method evaluates when its class or object is made,
 * in that order: its decorators, then its computed key if only known then.
 */
export function evaluatedAround(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  const decorators = ts.canHaveDecorators(fn) ? (ts.getDecorators(fn) ?? []) : [];
  const key = dynamicKeyOf(fn);
  return [...decorators.map((d) => d.expression), ...(key ? [key] : [])];
}

/** The computed key of a method whose value is only known once it runs. */
export function dynamicKeyOf(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
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
