/**
 * Diagnostics: what `transform` reports instead of output it cannot stand by.
 *
 * ## Example
 * `with (o) { yield x; }` inside a generator gives
 * `{ category: 'error', code: 1035, message: "a 'with' statement whose body ...", file, line: 3, column: 5 }`.
 *
 * ## Implementation
 * TypeScript's parse errors are `CORO1001`; the early errors the parser leaves
 * to its checker are found by early-errors/ (`CORO1009`–`CORO1020`).
 * Lowering code throws `UnsupportedError` at the node it cannot lower; the
 * transform turns it into a diagnostic with a 1-based line and column.
 *
 * ## References
 * TypeScript's `Diagnostic` shape (`file:line:col - error TS1234: message`).
 */
import ts from 'typescript';

export interface Diagnostic {
  readonly message: string;
  readonly category: 'error' | 'warning';
  /** Stable number, printed as `CORO<code>`. */
  readonly code: number;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Offsets into the source text, for code frames. */
  readonly start: number;
  readonly length: number;
}

export const DiagnosticCode = {
  SyntaxError: 1001,
  Unsupported: 1002,
  DirectEval: 1003,
  WithStatement: 1004,
  InvalidOptions: 1005,
  TopLevelAwait: 1006,
  /** The input nests deeper than the compiler's stack allows. */
  TooDeeplyNested: 1007,
  /** The lowered code does not parse: a compiler bug, reported instead of the code. */
  InvalidOutput: 1008,
  /**
   * Early errors (ECMAScript's static semantics) that TypeScript's parser leaves to its checker,
   * found by early-errors/: an engine refuses the file with a SyntaxError before running any of it.
   */
  /** `yield`, `await`, `let` or a strict mode reserved word where it cannot be an identifier. */
  ReservedWord: 1009,
  /** A `yield` or `await` expression (or `for await`) where the function it is in cannot suspend there. */
  MisplacedSuspension: 1010,
  /** A name declared twice where one scope allows it once (lexical declarations, parameters, `__proto__`). */
  Redeclaration: 1011,
  /** `"use strict"` in a function whose parameters are not simple. */
  UseStrictWithNonSimpleParameters: 1012,
  /** A `break` or `continue` without a target, or a label used twice. */
  InvalidJumpTarget: 1013,
  /** A declaration where only a single statement may stand (the body of an `if`, a loop, a label). */
  DeclarationNotAllowedHere: 1014,
  /** A for-in, for-of or `for await` head the grammar refuses. */
  InvalidForHead: 1015,
  /** `super`, `new.target` or `arguments` where the code around it has none. */
  MisplacedSuperOrMeta: 1016,
  /** What strict mode code forbids: `delete name`, `with`, assigning `eval` or `arguments`. */
  StrictModeViolation: 1017,
  /** A class element the grammar refuses: a special constructor, `static prototype`, a private name twice. */
  InvalidClassElement: 1018,
  /** A line break before an arrow's `=>`. */
  LineTerminatorBeforeArrow: 1019,
  /** `{ a = 1 }` outside a destructuring pattern. */
  ShorthandInitializer: 1020,
  /** `"use coroutine"` where it cannot apply (coroutine-directive.ts). */
  CoroutineDirective: 1021,
  /** A `using` or `await using` declaration the grammar refuses: no initializer, a pattern, a case clause, a for-in head. */
  InvalidUsingDeclaration: 1022,
  /** `import.meta` in a module an integration converts to CommonJS, which has none (@coro/host). */
  ImportMetaInCommonJs: 1023,
  /** A `with` statement whose body holds a `yield` or `await`: its object environment cannot span the machine's states. */
  WithBodySuspends: 1035,
  /** The input's bytes are not UTF-8: reported by the integrations that read files. */
  InvalidEncoding: 2001,
} as const;

/**
 * Whether an engine reports what the diagnostic says as a SyntaxError when it
 * parses the file: TypeScript's parse errors and the early errors.
 */
export function isSyntaxErrorCode(code: number): boolean {
  return (
    code === DiagnosticCode.SyntaxError ||
    (code >= DiagnosticCode.ReservedWord && code <= DiagnosticCode.ShorthandInitializer) ||
    code === DiagnosticCode.InvalidUsingDeclaration
  );
}

export class UnsupportedError extends Error {
  constructor(
    readonly node: ts.Node,
    message: string,
    readonly code: number = DiagnosticCode.Unsupported,
  ) {
    super(message);
  }
}

export function diagnosticAt(
  sourceFile: ts.SourceFile,
  file: string,
  start: number,
  length: number,
  message: string,
  code: number,
  category: Diagnostic['category'] = 'error',
): Diagnostic {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  // A byte order mark is no column an editor shows.
  const bom = line === 0 && start > 0 && sourceFile.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { message, category, code, file, line: line + 1, column: character + 1 - bom, start, length };
}

export function diagnosticOfNode(sourceFile: ts.SourceFile, file: string, error: UnsupportedError): Diagnostic {
  const start = error.node.getStart(sourceFile);
  return diagnosticAt(sourceFile, file, start, Math.max(0, error.node.end - start), error.message, error.code);
}
