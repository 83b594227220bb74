/**
 * `transform(code, options)`: the one entry every integration calls.
 *
 * ## Example
 * ```js
 * transform('function* g() { yield 1; }', { runtime: 'require' }).code
 * // var $coro = require("@coro/runtime");
 * // $coro.linkGenerator(g, g$Frame);
 * // function g() { return new g$Frame(); }
 * // function g$Frame() { … }
 * // function g$step($frame, $state, $mode, $value) { … }
 * ```
 *
 * ## Implementation
 * Parse with TypeScript's own parser, find the outermost suspend functions
 * (the ones nested in them are lowered by their parent), lower each, and
 * splice the results into the original text with magic-string, so that code
 * without suspension points stays byte for byte and the source map is exact
 * there. A parse error or an early error (early-errors/) anywhere in the
 * file, or any other diagnostic of category error, means no code at all. The output
 * is parsed once more, in the input's language: code that does not parse is
 * a compiler bug, reported as an internal error (`CORO1008`) instead.
 *
 * ## References
 * ECMAScript 2025, 16.1 Scripts and 16.2 Modules (strictness, where
 * `import` may stand).
 */
import ts from 'typescript';
import MagicString, { SourceMap as SourceMapOf, type SourceMapSegment } from 'magic-string';
import { canMark, resolvePositionMarks } from './source-map';
import { diagnosticAt, diagnosticOfNode, DiagnosticCode, UnsupportedError, type Diagnostic } from './diagnostics';
import { directiveCount, isStrictAt } from './directives';
import { findHoistSite, formOf, helperInsertions, indentOf, linkInsertions, nameKeyInsertions, SharedSites, topOfStatementList, type Insertion } from './placement';
import { findEarlyErrors } from './early-errors/early-errors';
import { isLegacyOctalParseError } from './early-errors/legacy-octal';
import { lowerFunction } from './lower';
import { endLetStatements } from './let-as-name';
import { endStatementsBeforeBlocks } from './parenthesized-before-block';
import { CoroutineReferences, coroutinePreamble } from './coroutine-binding';
import { findCoroutines } from './coroutine-directive';
import type { FileContext } from './lowered-function';
import { endsByInsertedSemicolon } from './render';
import { NameAllocator } from './names';
import { isFunctionLike } from './function-like';
import { firstSyntaxError, PARSE_OPTIONS, type VerbatimBlock } from './output-parse';
import { RuntimeReferences, runtimePreamble, type RuntimeMode } from './runtime-binding';
import { suspendKindOf } from './suspend-kind';
import { isDeclaredName } from './declared-names';
import type { EvalAndWith } from './dynamic-scope';
import { callOnLargeStack } from './large-stack';
import * as path from 'path';

export interface TransformOptions {
  /** Used in diagnostics and the source map; its extension picks TypeScript or JavaScript parsing. */
  readonly filename?: string;
  /**
   * The file's name in the `at async` lines lowered code adds to stack traces. Default: `filename`.
   * Integrations pass the path from the project's root, so output holds no machine's absolute paths.
   */
  readonly traceFilename?: string;
  /** How emitted code reaches `@coro/runtime`. Default `'import'`. */
  readonly runtime?: RuntimeMode;
  /** Produce a source map. Default `true`. */
  readonly sourceMap?: boolean;
  /** Default `'module'`. */
  readonly sourceType?: 'module' | 'script';
  /** Also return the IR of every lowered function, printed (`TransformResult.ir`). Default `false`. */
  readonly dumpIR?: boolean;
  /** Every async function of the file is a coroutine, as if the file began with `"use coroutine"`. Default `false`. */
  readonly coroutines?: boolean;
  /**
   * The starvation budget: every loop of a coroutine counts its iterations on one shared counter,
   * and every this many the coroutine yields to the scheduler (`yieldNow`). Default: no counting.
   */
  readonly coroutineBudget?: number;
  /**
   * A suspend function containing direct `eval` or a `with` statement: `'lower'` keeps its bindings as
   * real variables that the evaluated code and the `with` object see, in a step function made per
   * call (only such functions pay for it); `'refuse'` reports it (`CORO1003`, `CORO1004`). Default `'lower'`.
   */
  readonly evalAndWith?: EvalAndWith;
}

export interface SourceMap {
  readonly version: number;
  readonly file?: string;
  readonly sources: string[];
  readonly sourcesContent?: (string | null)[];
  readonly names: string[];
  readonly mappings: string;
  toString(): string;
}

export interface TransformResult {
  /** The lowered code; the empty string when there are errors. */
  readonly code: string;
  readonly map: SourceMap | null;
  readonly diagnostics: Diagnostic[];
  /** With `dumpIR`: the IR of each lowered function in the order they were lowered (see format-ir.ts). */
  readonly ir?: string;
}

function scriptKindOf(filename: string): ts.ScriptKind {
  if (/\.tsx$/i.test(filename)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/i.test(filename)) return ts.ScriptKind.TS;
  if (/\.jsx$/i.test(filename)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

function isSuspendFunction(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return suspendKindOf(node) !== undefined;
}

export function transform(code: string, options: TransformOptions = {}): TransformResult {
  const result = transformWithinStack(code, options);
  if (result) return result;
  // TypeScript's parser and coro's passes recurse on the syntax tree: what nests deeper than the
  // main thread's stack allows is lowered again on a thread with a large one, unless no engine
  // could parse it (lowering code nested that deep also takes time quadratic in the depth).
  const deepest = deepestBracket(code);
  if (deepest.depth > ENGINE_BRACKET_DEPTH) return tooDeeplyNested(code, deepest.at, options);
  const reply = callOnLargeStack(path.join(__dirname, 'transform-thread.js'), { code, options }) as ThreadReply | undefined;
  if (reply && 'thrown' in reply) throw reply.thrown;
  if (reply?.result) return { ...reply.result, map: reply.result.map && withToString(reply.result.map) };
  return tooDeeplyNested(code, deepest.at, options);
}

/**
 * Brackets nested deeper than this no JavaScript engine parses: V8 (Node 20,
 * default stack) stops near 1,400 nested calls or objects, 1,600 parentheses,
 * 2,000 arrays and 2,800 blocks.
 */
const ENGINE_BRACKET_DEPTH = 5000;

type ThreadReply = { thrown: unknown } | { result: TransformResult | undefined };

/** The transform on this thread's stack; undefined when the stack ran out. */
export function transformWithinStack(code: string, options: TransformOptions): TransformResult | undefined {
  try {
    return transformFile(code, options);
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) return undefined;
    throw error;
  }
}

function withToString(map: Omit<SourceMap, 'toString'>): SourceMap {
  return { ...map, toString: () => JSON.stringify(map) };
}

/** `at`: where the brackets nest deepest, the place to show (there is no syntax tree to point into). */
function tooDeeplyNested(code: string, at: number, options: TransformOptions): TransformResult {
  const filename = options.filename ?? 'input.js';
  const before = code.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1 - (line === 1 && code.charCodeAt(0) === 0xfeff ? 1 : 0);
  const message = 'the code nests too deeply to be lowered: deeper than JavaScript engines parse, or than the compiler walks even on a large stack (split the deepest expression)';
  const diagnostic: Diagnostic = { message, category: 'error', code: DiagnosticCode.TooDeeplyNested, file: filename, line, column, start: at, length: 0 };
  return { code: '', map: null, diagnostics: [diagnostic] };
}

/**
 * The steps, each refusing the file with diagnostics or handing on: the
 * options, parsing (syntax and early errors, `let` read as an engine reads
 * it), finding the outermost suspend functions, lowering and splicing them,
 * the runtime preamble, and the output's source map and re-parse.
 */
function transformFile(code: string, options: TransformOptions): TransformResult {
  const filename = options.filename ?? 'input.js';
  const runtime: RuntimeMode = options.runtime ?? 'import';
  const sourceType = options.sourceType ?? 'module';
  // The text the lowering reads and copies from: the input, or the input as an engine reads its
  // statements ended by a line break before a block and its `let`s.
  let text = code;
  let sourceFile = parse(code, filename, sourceType);
  const endedBeforeBlocks = endStatementsBeforeBlocks(sourceFile, (corrected) => parse(corrected, filename, sourceType));
  if (endedBeforeBlocks !== undefined) {
    sourceFile = endedBeforeBlocks;
    text = sourceFile.text;
  }
  let report = new Report(sourceFile, filename);
  if (!checkOptions(options, runtime, report) || !checkSyntax(sourceFile, sourceType, report)) return report.failed();
  const letStatementsEnded = endLetStatements(sourceFile);
  if (letStatementsEnded !== undefined) {
    text = letStatementsEnded;
    sourceFile = parse(text, filename, sourceType);
    report = new Report(sourceFile, filename);
    if (!checkSyntax(sourceFile, sourceType, report)) return report.failed();
  }
  const { identifiers, declared, roots } = findRoots(sourceFile, sourceType, report);
  const coroutineFunctions = findCoroutines(sourceFile, filename, options.coroutines === true);
  report.diagnostics.push(...coroutineFunctions.diagnostics);
  if (report.hasErrors) return report.failed();
  if (roots.length === 0) return { code, map: null, diagnostics: report.diagnostics };

  const helperNames = new NameAllocator(identifiers);
  let fileName: string | undefined;
  const file: FileContext = {
    sourceFile,
    module: sourceType === 'module',
    runtime: new RuntimeReferences(helperNames.fresh('$coro')),
    identifiers,
    helperNames,
    isSuspendFunction,
    marks: canMark(text),
    fileHelpers: [],
    fileNameBinding: () => {
      if (fileName === undefined) file.fileHelpers.push(`var ${(fileName = helperNames.fresh('$file'))} = ${JSON.stringify(options.traceFilename ?? filename)};`);
      return fileName;
    },
    irListing: options.dumpIR ? [] : undefined,
    coroutineRuntime: new CoroutineReferences(helperNames.fresh('$coroutines')),
    isCoroutine: (node) => coroutineFunctions.coroutines.has(node),
    coroutineBudget: options.coroutineBudget,
    evalAndWith: options.evalAndWith ?? 'lower',
  };
  const s = new MagicString(text);
  spliceLowered(roots, file, s, report);
  if (report.hasErrors || !checkRuntimeMode(file, runtime, sourceType, report)) return report.failed();
  const preamble = writePreamble(file, runtime, declared, s);
  const output = finishOutput(text, s, options, report, runtime === 'inline' ? preamble : undefined);
  if (!output) return report.failed();
  return { ...output, diagnostics: report.diagnostics, ...(file.irListing && { ir: file.irListing.join('\n') }) };
}

/** The diagnostics of one file, each placed in it. */
class Report {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly sourceFile: ts.SourceFile,
    readonly filename: string,
  ) {}

  at(start: number, length: number, message: string, code: number, category?: 'warning'): void {
    this.diagnostics.push(diagnosticAt(this.sourceFile, this.filename, start, length, message, code, category));
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.category === 'error');
  }

  /** Any error means no code at all. */
  failed(): TransformResult {
    return { code: '', map: null, diagnostics: this.diagnostics };
  }
}

function parse(code: string, filename: string, sourceType: 'module' | 'script'): ts.SourceFile {
  // A module parses as one even without `import` or `export`: TypeScript then reads a top-level
  // `await` followed by `(`, `[` or a template as the operator, not as an identifier.
  const options = { ...PARSE_OPTIONS, ...(sourceType === 'module' && { setExternalModuleIndicator: markAsModule }) };
  return ts.createSourceFile(filename, code, options, true, scriptKindOf(filename));
}

function checkOptions(options: TransformOptions, runtime: RuntimeMode, report: Report): boolean {
  if (runtime !== 'import' && runtime !== 'require' && runtime !== 'inline') {
    report.at(0, 0, `unknown runtime option '${String(runtime)}': use 'import', 'require' or 'inline'`, DiagnosticCode.InvalidOptions);
    return false;
  }
  const budget = options.coroutineBudget;
  if (budget !== undefined && !(typeof budget === 'number' && Number.isInteger(budget) && budget > 0)) {
    report.at(0, 0, `coroutineBudget must be a positive whole number of loop iterations, not ${String(budget)}`, DiagnosticCode.InvalidOptions);
    return false;
  }
  const evalAndWith = options.evalAndWith;
  if (evalAndWith !== undefined && evalAndWith !== 'lower' && evalAndWith !== 'refuse') {
    report.at(0, 0, `unknown evalAndWith option '${String(evalAndWith)}': use 'lower' or 'refuse'`, DiagnosticCode.InvalidOptions);
    return false;
  }
  return true;
}

/** TypeScript's syntax errors, then the early errors its parser leaves to its checker (early-errors/). */
function checkSyntax(sourceFile: ts.SourceFile, sourceType: 'module' | 'script', report: Report): boolean {
  const parseDiagnostics = (sourceFile as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  for (const d of parseDiagnostics) {
    if (isLegacyOctalParseError(d, sourceFile)) continue;
    report.at(d.start, d.length, ts.flattenDiagnosticMessageText(d.messageText, '\n'), DiagnosticCode.SyntaxError);
  }
  if (report.diagnostics.length) return false;
  for (const { node, code, message } of findEarlyErrors(sourceFile, sourceType === 'module')) {
    const start = node.getStart(sourceFile);
    report.at(start, node.end - start, message, code);
  }
  return report.diagnostics.length === 0;
}

/**
 * The outermost suspend functions (the ones nested in them are lowered by
 * their parent), every identifier of the file (helper names avoid them), the
 * names it declares (an inline runtime reads no global of those names from
 * the file's scope), and the warning for a top-level `await`, which coro
 * leaves to the engine.
 */
function findRoots(sourceFile: ts.SourceFile, sourceType: 'module' | 'script', report: Report) {
  const identifiers = new Set<string>();
  const declared = new Set<string>();
  const roots: ts.FunctionLikeDeclaration[] = [];
  // In document order, with a stack of its own: a long chain of `a + b + …` is deeper than the call stack.
  const pending: Visit[] = [[sourceFile, false, undefined]];
  while (pending.length) {
    const [node, insideSuspend, fn] = pending.pop()!;
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) identifiers.add(node.text);
    if (ts.isIdentifier(node) && isDeclaredName(node)) declared.add(node.text);
    if (!fn && sourceType === 'module' && (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier))) {
      const start = node.getStart(sourceFile);
      // The module itself is not a function coro can lower; the engine must run it.
      report.at(start, node.end - start, "top-level 'await' is left as it is: the module needs an engine with top-level await", DiagnosticCode.TopLevelAwait, 'warning');
    }
    const suspend = isSuspendFunction(node);
    if (suspend && !insideSuspend) roots.push(node);
    const inner = isFunctionLike(node) ? node : fn;
    const name = isFunctionLike(node) ? (node as ts.FunctionLikeDeclaration).name : undefined;
    // The children go on the stack as they come, then are turned around in place, so that the first is taken first.
    const first = pending.length;
    ts.forEachChild(node, (child) => {
      // A computed method name is evaluated in the enclosing function.
      pending.push([child, insideSuspend || suspend, child === name ? fn : inner]);
    });
    for (let i = first, j = pending.length - 1; i < j; i++, j--) {
      const swapped = pending[i];
      pending[i] = pending[j];
      pending[j] = swapped;
    }
  }
  return { identifiers, declared, roots };
}

/**
 * Lowers each root and writes it over the function's text; the helpers and
 * links go in once every function is lowered, since braces that host
 * helpers, and the link of a class or object, serve several.
 */
function spliceLowered(roots: readonly ts.FunctionLikeDeclaration[], file: FileContext, s: MagicString, report: Report): void {
  const sourceFile = file.sourceFile;
  const insertions: Insertion[] = [];
  const shared = new SharedSites(file.runtime);
  for (const fn of roots) {
    try {
      const form = formOf(fn);
      if (form === 'expression') {
        const lowered = lowerFunction(fn, file, undefined, form, indentOf(fn, sourceFile));
        s.overwrite(fn.getStart(sourceFile), fn.end, lowered.replacement);
        insertions.push(...statementTerminator(fn, sourceFile));
        if (lowered.hoistSite) insertions.push(...helperInsertions(lowered.hoistSite, fn, form, () => lowered, sourceFile, shared));
        insertions.push(...nameKeyInsertions(fn, () => lowered, sourceFile));
        continue;
      }
      if (form === 'declaration' && isSloppyBlockDeclaration(fn as ts.FunctionDeclaration, file.module)) {
        // A plain function declared in a sloppy block would also get Annex B's function-scope
        // binding, which a generator declaration never has: a block-scoped `let` at the block's top keeps it.
        const block = fn.parent;
        const lowered = lowerFunction(fn, file, undefined, 'expression', indentOf(fn, sourceFile));
        s.overwrite(fn.getStart(sourceFile), fn.end, '');
        s.appendLeft(topOfStatementList(block, sourceFile), `let ${(fn.name as ts.Identifier).text} = ${lowered.replacement};\n${indentOf(fn, sourceFile)}`);
        continue;
      }
      const site = findHoistSite(fn);
      const lowered = lowerFunction(fn, file, undefined, form, indentOf(site.anchor, sourceFile));
      s.overwrite(fn.getStart(sourceFile), fn.end, lowered.replacement);
      insertions.push(
        ...statementTerminator(fn, sourceFile),
        ...helperInsertions(site, fn, form, () => lowered, sourceFile, shared),
        ...linkInsertions(fn, () => lowered, sourceFile, shared),
      );
    } catch (error) {
      if (!(error instanceof UnsupportedError)) throw error;
      report.diagnostics.push(diagnosticOfNode(sourceFile, report.filename, error));
    }
  }
  if (report.hasErrors) return;
  // At one position, what closes inside a statement comes before its `;`, braces put around it after.
  const ordered = [...insertions].sort((a, b) => Number(a.closesStatement ?? false) - Number(b.closesStatement ?? false));
  for (const { at, text } of ordered) s.appendLeft(at, text());
}

/** A way of reaching the runtime that the output could not run with. */
function checkRuntimeMode(file: FileContext, runtime: RuntimeMode, sourceType: 'module' | 'script', report: Report): boolean {
  if (runtime === 'import' && sourceType === 'script') {
    report.at(0, 0, "runtime 'import' needs sourceType 'module'; use runtime 'require' or 'inline' for scripts", DiagnosticCode.InvalidOptions);
    return false;
  }
  if (file.coroutineRuntime.isUsed && runtime === 'inline') {
    const message = "coroutines need the one scheduler of '@coro/runtime/coroutines': use runtime 'import' or 'require' for a file with coroutines";
    report.at(0, 0, message, DiagnosticCode.InvalidOptions);
    return false;
  }
  return true;
}

/**
 * The runtime bindings and the file-wide helpers, after the directive prologue, on its last line when a comment ends that line.
 * Returns the runtime's text and the input offset it is written at (after a `;` ending the last directive there).
 */
function writePreamble(file: FileContext, runtime: RuntimeMode, declared: ReadonlySet<string>, s: MagicString): VerbatimBlock {
  const sourceFile = file.sourceFile;
  const preambleAt = preambleOffset(sourceFile);
  const runtimeText = runtimePreamble(runtime, file.runtime.binding, file.runtime.exports, [...declared].sort());
  if (file.fileHelpers.length) s.prependLeft(preambleAt, file.fileHelpers.join('\n') + '\n');
  if (file.coroutineRuntime.isUsed && runtime !== 'inline') s.prependLeft(preambleAt, coroutinePreamble(runtime, file.coroutineRuntime.binding) + '\n');
  s.prependLeft(preambleAt, runtimeText + '\n');
  const directives = directiveCount(sourceFile.statements);
  const lastDirective = directives > 0 ? sourceFile.statements[directives - 1] : undefined;
  if (lastDirective && endsByInsertedSemicolon(lastDirective, sourceFile)) s.prependLeft(lastDirective.end, ';');
  return { start: preambleAt, text: runtimeText };
}

/**
 * The output's text (with the input's line endings) and source map, once it
 * is known to parse: a lowering coro got wrong is a diagnostic, never code
 * the engine refuses to load.
 */
function finishOutput(
  code: string,
  s: MagicString,
  options: TransformOptions,
  report: Report,
  inlineRuntime: VerbatimBlock | undefined,
): { code: string; map: SourceMap | null } | undefined {
  const { sourceFile, filename } = report;
  const outputFile = filename.replace(/\.[^./\\]+$/, '') + '.js';
  const decoded = s.generateDecodedMap({ source: filename, file: outputFile, includeContent: true, hires: true });
  const lineAndColumnOf = (offset: number) => sourceFile.getLineAndCharacterOfPosition(offset);
  const resolved = resolvePositionMarks(s.toString(), decoded.mappings as SourceMapSegment[][], decoded.names, code, lineAndColumnOf);
  // The input's own lines end in CR LF already; coro's end in LF alone.
  const crlf = usesOnlyCrlf(code);
  const withLineEndings = (text: string) => (crlf ? text.split('\r\n').join('\n').split('\n').join('\r\n') : text);
  const output = withLineEndings(resolved.code);
  // The parser that read the input reads the output (in the input's language), the inline runtime's body once per text.
  const syntaxError = firstSyntaxError(output, filename, scriptKindOf(filename), inlineRuntime && verbatimIn(output, inlineRuntime, withLineEndings));
  if (syntaxError) {
    const { line, character } = syntaxError;
    const message = `internal error: the lowered code does not parse (at ${line + 1}:${character + 1} of the output: ${syntaxError.message}); please report it with this input`;
    report.at(originalOffset(resolved.mappings, line, character, sourceFile), 0, message, DiagnosticCode.InvalidOutput);
    return undefined;
  }
  const map = options.sourceMap === false ? null : (new SourceMapOf({ ...decoded, mappings: resolved.mappings, names: resolved.names }) as unknown as SourceMap);
  return { code: output, map };
}

/**
 * Where the output holds the runtime written at `written.start` of the input:
 * there, or just after the `;` that ends the last directive, since the text
 * before it is the input's own.
 */
function verbatimIn(output: string, written: VerbatimBlock, withLineEndings: (text: string) => string): VerbatimBlock | undefined {
  const text = withLineEndings(written.text);
  const start = [written.start, written.start + 1].find((at) => output.startsWith(text, at));
  return start === undefined ? undefined : { start, text };
}

/**
 * The `;` that automatic semicolon insertion gave the statement (or class
 * field) that `fn` ends: the lowered replacement may end otherwise (an async
 * arrow's `}` becomes `)`), and a next line starting with `(`, `[` or a
 * template would then continue it.
 */
function statementTerminator(fn: ts.Node, sourceFile: ts.SourceFile): Insertion[] {
  const ended = statementEndedBy(fn, sourceFile);
  return ended ? [{ at: ended.end, text: () => ';' }] : [];
}

/** The statement or class field whose last token is `node`'s, when automatic semicolon insertion ended it. */
function statementEndedBy(node: ts.Node, sourceFile: ts.SourceFile): ts.Node | undefined {
  for (let n = node.parent; n && n.end === node.end; n = n.parent) {
    if (endsByInsertedSemicolon(n, sourceFile)) return n;
  }
  return undefined;
}

/** Where the lowered code at `line` and `column` (0-based) came from, by the source map: the nearest mapping at or before it. */
function originalOffset(mappings: readonly SourceMapSegment[][], line: number, column: number, sourceFile: ts.SourceFile): number {
  for (let l = Math.min(line, mappings.length - 1); l >= 0; l--) {
    const segments = mappings[l];
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i];
      if (segment.length !== 1 && (l < line || segment[0] <= column)) return sourceFile.getPositionOfLineAndCharacter(segment[2], segment[3]);
    }
  }
  return 0;
}

/**
 * A file written with Windows line endings gets them in the lowered code too.
 * Safe for the program: the only place a raw line break changes meaning,
 * a template literal, reads CR LF as LF; lines and columns stay as mapped.
 */
function usesOnlyCrlf(code: string): boolean {
  return code.includes('\r\n') && !/(^|[^\r])\n/.test(code);
}

/** The first bracket at the greatest depth, and that depth, skipping strings and comments (roughly: no regex literals). */
function deepestBracket(text: string): { at: number; depth: number } {
  let depth = 0;
  let deepest = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > deepest) {
        deepest = depth;
        at = i;
      }
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
    }
  }
  return { at, depth: deepest };
}

/** A node to look at, whether it is inside a suspend function, and the function it is in. */
type Visit = [node: ts.Node, insideSuspend: boolean, fn: ts.Node | undefined];

function markAsModule(sourceFile: ts.SourceFile): void {
  (sourceFile as { externalModuleIndicator?: unknown }).externalModuleIndicator = true;
}

function isSloppyBlockDeclaration(fn: ts.FunctionDeclaration, module: boolean): boolean {
  const container = fn.parent;
  const inBlock = (ts.isBlock(container) && !isFunctionLike(container.parent)) || ts.isCaseClause(container) || ts.isDefaultClause(container);
  return inBlock && fn.name !== undefined && !isStrictAt(fn, module) && !namedByOtherCase(fn, fn.name.text);
}

/**
 * Whether another case of the switch names a declaration of a case clause: its binding is the whole
 * case block's from the start, which a `let` at the top of its own clause is not, so that one stays
 * a hoisted declaration (and gets Annex B's function-scope binding besides).
 */
function namedByOtherCase(fn: ts.FunctionDeclaration, name: string): boolean {
  const clause = fn.parent;
  if (!ts.isCaseClause(clause) && !ts.isDefaultClause(clause)) return false;
  let named = false;
  const visit = (node: ts.Node): void => {
    if (named) return;
    if (ts.isIdentifier(node) && node.text === name) named = true;
    else ts.forEachChild(node, visit);
  };
  for (const other of clause.parent.clauses) if (other !== clause) visit(other);
  return named;
}

/**
 * After a byte order mark, a shebang, the file's leading comments (pragmas
 * such as `@jsx` must stay first) and the directive prologue: where the
 * runtime binding goes.
 */
function preambleOffset(sourceFile: ts.SourceFile): number {
  const text = sourceFile.text;
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('#!', offset)) {
    const nl = text.indexOf('\n', offset);
    offset = nl === -1 ? text.length : nl + 1;
  }
  const comments = ts.getLeadingCommentRanges(text, offset) ?? [];
  if (comments.length) {
    offset = comments[comments.length - 1].end;
    if (text[offset] === '\n') offset++;
    else if (text.startsWith('\r\n', offset)) offset += 2;
  }
  for (const statement of sourceFile.statements) {
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) {
      offset = statement.end;
      if (text[offset] === '\n') offset++;
      else if (text.startsWith('\r\n', offset)) offset += 2;
      continue;
    }
    break;
  }
  return offset;
}
