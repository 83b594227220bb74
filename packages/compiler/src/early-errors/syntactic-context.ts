/**
 * The syntactic context of a place in the file: the grammar parameters
 * (`[Yield]`, `[Await]`), strictness, what `super`, `new.target`,
 * `arguments`, `break` and `continue` may refer to there, and the scope of
 * declarations. Every early-error rule reads it; the walk in early-errors.ts
 * makes the child's context from the parent's at each boundary.
 *
 * ## Example
 * In `async function* f(a = x) { let b = () => { var await; }; }` the
 * parameter `a` has `yield: true`, `await: 'expression'`,
 * `parameters: true`; the arrow's body has `yield: false`,
 * `await: 'identifier'` (in a script), so `var await` is valid there.
 *
 * ## Implementation
 * Contexts are immutable and shared: a child gets its parent's object unless
 * it crosses a boundary (a function, a class, a field initializer, a static
 * block, a loop, a switch, a label, a scope). Arrows keep `super`,
 * `new.target`, `arguments` and the class-field restriction of the code
 * around them, as their bodies do at run time; they reset labels and the
 * grammar parameters of their body (`ConciseBody` is `[~Yield, ~Await]`
 * unless async).
 *
 * ## References
 * ECMAScript 2025, 5.1.5 Grammar Notation (parameters); 11.2.2 Strict Mode
 * Code; 15.2–15.8 (function, arrow, method, generator and async
 * definitions); 15.7 Class Definitions (field initializers, static blocks).
 */
import ts from 'typescript';
import { SyntaxKind } from '../syntax-kind';
import { hasUseStrict } from '../directives';
import type { DeclarationScope } from './declared-names';

/** A label in force, and whether a `continue` may name it (it labels a loop). */
export interface LabelInForce {
  readonly name: string;
  readonly loop: boolean;
  readonly outer: LabelInForce | undefined;
}

export interface SyntacticContext {
  readonly module: boolean;
  readonly strict: boolean;
  /** `[Yield]`: `yield` is an operator here, never an identifier. */
  readonly yield: boolean;
  /**
   * `'expression'`: `[Await]` (async code, a module's top level); `'reserved'`: `await` is no
   * identifier but no operator either (a class static block); `'identifier'`: neither.
   */
  readonly await: 'expression' | 'reserved' | 'identifier';
  /** Inside the formal parameters of the nearest function: no suspension may stand here. */
  readonly parameters: boolean;
  readonly newTarget: boolean;
  readonly superProperty: boolean;
  readonly superCall: boolean;
  /** In a class field initializer or static block, where `arguments` is an early error. */
  readonly classField: boolean;
  readonly labels: LabelInForce | undefined;
  /** `break` without a label has a target (a loop or a switch). */
  readonly breakable: boolean;
  /** `continue` without a label has a target (a loop). */
  readonly continuable: boolean;
  readonly scope: DeclarationScope;
  /**
   * In a method's or constructor's parameters: what TypeScript's parameter decorators there see,
   * the code around the class (they are evaluated with the class's other decorators).
   */
  readonly parameterDecorators?: SyntacticContext;
}

export function fileContext(sourceFile: ts.SourceFile, module: boolean, scope: DeclarationScope): SyntacticContext {
  return {
    module,
    strict: module || hasUseStrict(sourceFile.statements),
    yield: false,
    await: module ? 'expression' : 'identifier',
    parameters: false,
    newTarget: false,
    superProperty: false,
    superCall: false,
    classField: false,
    labels: undefined,
    breakable: false,
    continuable: false,
    scope,
  };
}

export type FunctionPart = 'name' | 'parameters' | 'body';

/** A function-like with a body or signature: what each part of it sees. */
export function functionContext(fn: ts.SignatureDeclaration, part: FunctionPart, outer: SyntacticContext, scope: DeclarationScope): SyntacticContext {
  const body = (fn as { body?: ts.Node }).body;
  const strict = outer.strict || (body !== undefined && ts.isBlock(body) && hasUseStrict(body.statements));
  const isAsync = ts.canHaveModifiers(fn) && (ts.getModifiers(fn) ?? []).some((m) => m.kind === SyntaxKind.AsyncKeyword);
  const isGenerator = (fn as ts.FunctionLikeDeclaration).asteriskToken !== undefined;
  if (part === 'name' && !ts.isFunctionExpression(fn)) {
    // A declaration's name is bound in the code around it (BindingIdentifier[?Yield, ?Await]).
    return { ...outer, strict };
  }
  if (ts.isArrowFunction(fn)) {
    if (part === 'parameters') {
      return { ...outer, strict, parameters: true, await: isAsync ? 'expression' : outer.await, scope };
    }
    return {
      ...outer,
      strict,
      yield: false,
      await: isAsync ? 'expression' : 'identifier',
      parameters: false,
      labels: undefined,
      breakable: false,
      continuable: false,
      scope,
    };
  }
  const method = ts.isMethodDeclaration(fn) || ts.isAccessor(fn) || ts.isConstructorDeclaration(fn);
  const derivedConstructor = ts.isConstructorDeclaration(fn) && ts.isClassLike(fn.parent) && extendsSomething(fn.parent);
  return {
    module: outer.module,
    strict,
    yield: isGenerator,
    await: isAsync ? 'expression' : 'identifier',
    parameters: part === 'parameters',
    newTarget: true,
    superProperty: method,
    superCall: derivedConstructor,
    classField: false,
    labels: undefined,
    breakable: false,
    continuable: false,
    scope,
  };
}

/** Everything inside a class is strict mode code (11.2.2). */
export function classContext(outer: SyntacticContext): SyntacticContext {
  return outer.strict ? outer : { ...outer, strict: true };
}

/**
 * A field initializer or a static block: evaluated as a method of the class
 * would be, with `arguments` forbidden and, in a static block, `await`
 * reserved (15.7.1).
 */
export function classElementContext(element: ts.PropertyDeclaration | ts.ClassStaticBlockDeclaration, outer: SyntacticContext, scope: DeclarationScope): SyntacticContext {
  return {
    module: outer.module,
    strict: true,
    yield: false,
    await: ts.isClassStaticBlockDeclaration(element) ? 'reserved' : 'identifier',
    parameters: false,
    newTarget: true,
    superProperty: true,
    superCall: false,
    classField: true,
    labels: undefined,
    breakable: false,
    continuable: false,
    scope,
  };
}

export function extendsSomething(cls: ts.ClassLikeDeclaration): boolean {
  return (cls.heritageClauses ?? []).some((clause) => clause.token === SyntaxKind.ExtendsKeyword);
}

export function isIterationStatement(node: ts.Node): boolean {
  return (
    ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)
  );
}
