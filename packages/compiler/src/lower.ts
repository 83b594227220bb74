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
import { machineNames, NameAllocator } from './names';
import { DiagnosticCode, UnsupportedError } from './diagnostics';
import { suspendKindOf, type SuspendKind } from './suspend-kind';
import { awaitsAtMostOnce } from './single-await';
import { directiveCount, hasUseStrict, isStrictAt } from './directives';
import {
  deferred,
  dynamicKeyOf,
  expressionHoistSite,
  findHoistSite,
  formOf,
  helperInsertions,
  indentOf,
  insertInto,
  joinLines,
  linkInsertions,
  methodLinkage,
  nameKeyInsertions,
  placeLowered,
  SharedSites,
  siteOf,
} from './placement';
import { renderOutsideMachines } from './parameter-list';
import { wrapperName } from './named-evaluation';
import { expectedArgumentCount, helperBaseName, irTitle, renderedParameters, wrapperText } from './wrapper';
import type { FileContext, FunctionForm, LexicalOrigin, LoweredFunction, OuterMachine } from './lowered-function';
import type { Code, Variable } from './ir';
import { isCalleeRef, isDeferred, isExitPart, isLabel, isVariable } from './ir';
import { endsByInsertedSemicolon, type Edit } from './render';

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
    variableText: (v) => layout!.access(v),
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
        suspends: (n) => builder.suspends(n),
        reserved,
      };
      let lowered: LoweredFunction | undefined;
      const get = () => (lowered ??= lowerFunction(node, file, self, nestedForm, indentOf(node, sf)));
      if (nestedForm === 'expression') {
        insertInto(edits, nameKeyInsertions(node, get, sf));
        return [deferred(() => get().replacement)];
      }
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
  const { written: writtenName, linked: linkedName, nameKey } = form === 'expression' ? wrapperName(fn, file, outer, base) : {};
  // The wrapper evaluates the parameters: an enclosing machine renders them, or else only the suspend functions in them change.
  const parameters = () => renderedParameters(fn, (p) => (outer ? outer.render(p) : renderOutsideMachines(p, file, lowerFunction)), sf);
  const keepKey = keyTemp ? { before: `${keyTemp} = ${rt.ref('toPropertyKey')}(`, after: ')' } : undefined;
  if (kind === 'async') {
    const isArrow = ts.isArrowFunction(fn);
    let newFrame = `${directives.join('')}${notConstructor}return ${rt.ref('startAsync')}(${construct});`;
    let parameterList: string | undefined;
    const linkArguments: string[] = [];
    if (fn.parameters.some((p) => p.initializer || !ts.isIdentifier(p.name))) {
      // An error binding the parameters rejects the promise: they are bound by an arrow the runtime calls
      // inside its try, and the wrapper keeps only the `length` (EvaluateAsyncFunctionBody step 2).
      const bind = `(${parameters()}) => ${construct}`;
      newFrame = `${directives.join('')}${notConstructor}return ${rt.ref('startAsyncWith')}(${bind}, ${isArrow ? '$arguments' : 'arguments'});`;
      if (form === 'method') {
        // A method is linked by key once its holder exists, with nothing more to say: its wrapper has the `length` itself.
        parameterList = fn.parameters
          .slice(0, expectedArgumentCount(fn))
          .map((p) => (ts.isIdentifier(p.name) ? p.name.text : allocator.fresh('$parameter')))
          .join(', ');
      } else {
        parameterList = isArrow ? '...$arguments' : '';
        linkArguments.push(linkedName ?? 'undefined', String(expectedArgumentCount(fn)));
      }
    } else if (linkedName !== undefined) {
      linkArguments.push(linkedName);
    }
    const { text: wrapper, keyAt } = wrapperText(fn, newFrame, outer, sf, writtenName, parameterList ?? parameters(), keepKey);
    const link = (target: string) => `${rt.ref('linkAsyncFunction')}(${[target, helper.frame, ...linkArguments].join(', ')})`;
    if (hoistSite) return { replacement: link(wrapper), helpers, setup: emitted.tables, hoistSite, nameKey };
    return { ...placeLowered(fn, form, { wrapper, helpers, tables: emitted.tables, emitted, helper, rt, link, linker: 'linkAsyncFunction', linkBeforeMethod: '', linkage, keyTemp, keyAt }, inner, indent, name), nameKey };
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
  const { text: wrapper, keyAt } = wrapperText(fn, newFrame, outer, sf, anonymousDeclaration ?? writtenName, parameters(), keepKey);
  const generatorLink = isAsync ? 'linkAsyncGenerator' : 'linkGenerator';
  const link = (target: string) =>
    anonymousDeclaration && target === 'null'
      ? `${rt.ref(generatorLink)}(${anonymousDeclaration}, ${helper.frame}, "default")`
      : `${rt.ref(generatorLink)}(${[target, helper.frame, ...(linkedName !== undefined ? [linkedName] : [])].join(', ')})`;
  return { ...placeLowered(fn, form, { wrapper, helpers, tables: emitted.tables, emitted, helper, rt, link, linker: generatorLink, linkBeforeMethod: `${link('null')};`, linkage, keyTemp, keyAt }, inner, indent, name), nameKey };
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
