/**
 * The parse of the lowered output that proves it loads, reading the body of
 * an inline runtime once per distinct text instead of once per file.
 *
 * ## Example
 * ```ts
 * const output = 'var $coro = (function () {\n"use strict";\n…\n})();\nfunction g() { … }';
 * firstSyntaxError(output, 'a.js', ts.ScriptKind.JS, { start: 0, text: 'var $coro = (function () {…})();\n' })
 * // undefined: the runtime's body was parsed on its own (the first time this text came by),
 * // the file with that body left as empty lines
 * ```
 *
 * ## Implementation
 * With `runtime: 'inline'` the runtime is most of the output (8 to 15 kB
 * against a few kB of lowered code), and it is one of few texts: the same
 * helpers, binding and shadowed names give the same text. Its block is
 * `var $coro = (function (…) {<body>})(…);` at the top level of the file,
 * and a function body parses the same wherever its function stands (it
 * begins with its own `"use strict"`, and the parser's `yield` and `await`
 * contexts start afresh in a plain function). So the whole block is parsed
 * once, alone and in the same language, and remembered when it has no
 * error; a file holding it then has its body replaced by as many line
 * breaks, which keeps the line and column of everything after it, and the
 * rest of the file (the block's own head and tail included) is parsed as
 * before. The block is recognised only at the offset the preamble was
 * written at, with the exact text written. A block with an error, or a file
 * whose shortened parse finds one, is parsed whole, so a reported error is
 * placed as it always was.
 *
 * ## References
 * ./transform.ts (`finishOutput`), ./runtime-binding.ts (the inline form).
 */
import ts from 'typescript';

/** The runtime text the output holds verbatim, and where it starts in the output. */
export interface VerbatimBlock {
  readonly start: number;
  readonly text: string;
}

/**
 * No JSDoc comment is parsed: no pass reads one, and the parser keeps what
 * it finds in them out of `parseDiagnostics` (it truncates them back), so
 * the syntax errors are the same; by default it parses every doc comment of
 * a JavaScript file (and the output's, as long again) as types.
 */
export const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

/** Runtime blocks (by script kind and text) known to parse alone; a long-lived process (a dev server) keeps only the latest few. */
const parsedBlocks = new Set<string>();
const REMEMBERED_BLOCKS = 64;

export interface OutputSyntaxError {
  /** 0-based, in the output. */
  readonly line: number;
  readonly character: number;
  readonly message: string;
}

/** The output's first syntax error in the input's language, or undefined when it parses. */
export function firstSyntaxError(output: string, filename: string, kind: ts.ScriptKind, runtime: VerbatimBlock | undefined): OutputSyntaxError | undefined {
  const body = runtime && output.startsWith(runtime.text, runtime.start) ? bodyOf(runtime) : undefined;
  if (body !== undefined && blockParses(runtime!.text, filename, kind)) {
    const shortened = output.slice(0, body.start) + lineBreaksOf(output.slice(body.start, body.end)) + output.slice(body.end);
    if (syntaxErrorIn(shortened, filename, kind) === undefined) return undefined;
  }
  return syntaxErrorIn(output, filename, kind);
}

/** The body of the block's function, between its braces, in output offsets. */
function bodyOf(block: VerbatimBlock): { start: number; end: number } | undefined {
  const open = block.text.indexOf('{');
  const close = block.text.lastIndexOf('}');
  return open < 0 || close <= open ? undefined : { start: block.start + open + 1, end: block.start + close };
}

function blockParses(text: string, filename: string, kind: ts.ScriptKind): boolean {
  const key = `${kind} ${text}`;
  if (parsedBlocks.has(key)) return true;
  if (syntaxErrorIn(text, filename, kind) !== undefined) return false;
  if (parsedBlocks.size >= REMEMBERED_BLOCKS) parsedBlocks.delete(parsedBlocks.values().next().value!);
  parsedBlocks.add(key);
  return true;
}

function syntaxErrorIn(text: string, filename: string, kind: ts.ScriptKind): OutputSyntaxError | undefined {
  const file = ts.createSourceFile(filename, text, PARSE_OPTIONS, false, kind);
  const diagnostic = ((file as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [])[0];
  if (diagnostic !== undefined) return errorAt(file, diagnostic.start, ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  return SUSPENSION_WORD.test(text) ? suspensionOutsideItsFunction(file) : undefined;
}

function errorAt(file: ts.SourceFile, position: number, message: string): OutputSyntaxError {
  const { line, character } = file.getLineAndCharacterOfPosition(position);
  return { line, character, message };
}

const SUSPENSION_WORD = /\b(?:await|yield)\b/;

/**
 * A `yield` or `await` left in a function that is no generator or async
 * function: TypeScript's parser accepts `await x` there (its checker
 * reports it) and engines refuse the file. Every suspend function is
 * lowered, so a step function holding one is a lowering bug; a top-level
 * `await` is the module's own.
 */
function suspensionOutsideItsFunction(file: ts.SourceFile): OutputSyntaxError | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node, owner: ts.Node | undefined): void => {
    if (found) return;
    if (owner && (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier))) {
      if (!ts.isFunctionLike(owner) || !ts.getModifiers(owner as ts.FunctionLikeDeclaration)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) found = node;
    } else if (owner && ts.isYieldExpression(node)) {
      if (!ts.isFunctionLike(owner) || !(owner as ts.FunctionLikeDeclaration).asteriskToken) found = node;
    }
    const ownsSuspensions = ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node) || ts.isPropertyDeclaration(node);
    ts.forEachChild(node, (child) => visit(child, ownsSuspensions ? node : owner));
  };
  visit(file, undefined);
  if (!found) return undefined;
  return errorAt(file, found.getStart(file), ts.isYieldExpression(found) ? "'yield' outside a generator" : "'await' outside an async function");
}

/** The line terminators of `text` alone (CR LF kept as it is). */
function lineBreaksOf(text: string): string {
  return text.replace(/[^\r\n\u2028\u2029]+/g, '');
}
