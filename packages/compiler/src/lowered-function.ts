/**
 * The contracts of lowering one suspend function: what the file offers it
 * (`FileContext`), what an enclosing machine offers a nested one
 * (`OuterMachine`), and what a lowering hands back to be placed
 * (`LoweredFunction`).
 *
 * ## Example
 * Lowering `const f = function* () {}` gives a `LoweredFunction` whose
 * `replacement` is the wrapper, whose `helpers` are `f$Frame` and `f$step`,
 * and whose `setup` links them; placement.ts says where each goes.
 *
 * ## Implementation
 * Types only, so that lower.ts, placement.ts and wrapper.ts share them
 * without importing one another in a circle.
 *
 * ## References
 * docs/architecture.md, "The passes".
 */
import type ts from 'typescript';
import type { NameAllocator } from './names';
import type { RuntimeReferences } from './runtime-binding';
import type { CoroutineReferences } from './coroutine-binding';
import type { EvalAndWith } from './dynamic-scope';
import type { Code } from './ir';
import type { WriteRule } from './scope';

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
  /** A variable holding the file's name, declared among the file helpers the first time it is asked for. */
  fileNameBinding(): string;
  /** With the `dumpIR` option: the printed IR of each function lowered so far. */
  readonly irListing: string[] | undefined;
  isSuspendFunction(node: ts.Node): node is ts.FunctionLikeDeclaration;
  /** How the output reaches `@coro/runtime/coroutines`. */
  readonly coroutineRuntime: CoroutineReferences;
  /** An async function that is a coroutine (coroutine-directive.ts). */
  isCoroutine(node: ts.Node): boolean;
  /** The `coroutineBudget` option: loop iterations between two turns given to the other tasks. */
  readonly coroutineBudget: number | undefined;
  /** The `evalAndWith` option: whether a function with direct `eval` or `with` is lowered or refused (dynamic-scope.ts). */
  readonly evalAndWith: EvalAndWith;
}

/** What an enclosing machine offers to a suspend function nested in it. */
export interface OuterMachine {
  identifier(node: ts.Identifier): string | undefined;
  /** A parameter of the nested function (or its text from `start` to `end`), rendered as this machine's code inside that function. */
  renderParameter(parameter: ts.ParameterDeclaration, start?: number, end?: number): string;
  /**
   * What `this`, `arguments`, `new.target`, `super` or `super(…)` is where a nested arrow stands;
   * absent where they are not the enclosing machine's (the arrow is inside a plain function or
   * class nested in it).
   */
  readonly lexical?: (origin: LexicalOrigin) => string;
  /**
   * A binding of the enclosing machine kept in a per-iteration environment,
   * read by a nested method: the name the closure around the method has for
   * the environment, which the method's wrapper hands its frame (its step
   * function stands outside that closure), and the identifier written
   * through what reaches the environment.
   */
  environmentReference(node: ts.Identifier): { alias: string; write(environment: Code): Code } | undefined;
  /** What a nested function's write to a binding of the enclosing machine checks. */
  writeRule(node: ts.Identifier): WriteRule | undefined;
  /** Whether the enclosing machine binds a class declaration as a class expression, whose name then has no binding outside the class. */
  bindsAsExpression(declaration: ts.ClassDeclaration): boolean;
  /** Whether code of the enclosing machine holds a suspension point, and is so taken apart. */
  suspends(node: ts.Node): boolean;
  /** The temporary holding a computed key's value in an object literal the enclosing machine takes apart. */
  keptKey(key: ts.Expression): string;
  readonly reserved: readonly string[];
}

export type LexicalOrigin = 'this' | 'arguments' | 'newTarget' | 'super' | 'superCall';

export interface LoweredFunction {
  /** Text that replaces the function node. */
  readonly replacement: string;
  /** Declarations of the frame constructor and step function. */
  readonly helpers: string;
  /** Statements that must run before the function is first called (tables, prototype linkage). */
  readonly setup: string;
  /** A static block for the start of the class body where a method's step function is made (`seesClassScope`), and that class. */
  readonly classMember?: string;
  /** How a method is linked once its class or object exists; none for one a later member redefines, or an instance private one. */
  readonly methodLink?: MethodLink;
  /** For a method nested in another machine: where in `replacement` that machine puts the code of its decorators and computed key (`evaluatedAround`). */
  readonly holes?: readonly number[];
  /** For an expression whose helpers are hoisted (an async arrow): where `helpers` and `setup` go. */
  readonly hoistSite?: HoistSite;
  /** For an expression named after a computed key: the text that keeps the key for the name. */
  readonly nameKey?: NameKey;
}

/**
 * The text around a computed key's expression that keeps the key in a
 * temporary as it is evaluated; for a class field, also the class element
 * that keeps it from there for the class it was evaluated for
 * (named-evaluation.ts `wrapperName`).
 */
export interface NameKey {
  readonly before: string;
  readonly after: string;
  readonly classElement?: string;
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

/** Where a function's helpers go (placement.ts finds it). */
export interface HoistSite {
  /** The statement list container (Block, SourceFile, CaseClause, ModuleBlock). */
  readonly container: ts.Node;
  /** The statement of the container that holds the function; helpers go before it. */
  readonly anchor: ts.Node;
  /** When set, `anchor` must be wrapped: `{ helpers anchor }` or `{ helpers return anchor; }`. */
  readonly wrap?: 'statement' | 'arrowBody';
}
