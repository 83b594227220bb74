/**
 * Whether lowered code still holds a generator, an async function or an
 * `await`: a test that passes only because the engine ran the original
 * construct measures nothing.
 *
 * ## Example
 *
 * ```ts
 * findLeftoverSuspension('function g() { return 1; }', 'script')       // undefined
 * findLeftoverSuspension('var o = { *m() {} };', 'script')            // 'generator method at 1:11'
 * findLeftoverSuspension('export {}; await 1;', 'module')             // 'top-level await at 1:12'
 * findLeftoverSuspension('function f(g = function* () {}) {}', 'script')
 * // 'generator function in a parameter list at 1:16'
 * ```
 *
 * ## Implementation
 *
 * The output is parsed with TypeScript (the compiler's own parser, so both
 * agree on what the text is) and walked once. Reported: a function-like node
 * with an asterisk or an `async` modifier, and a `for await` loop or an
 * `await` outside every function (module top level, which coro keeps on
 * purpose, with a warning). A finding inside a parameter list says so: those
 * are a known class of their own.
 *
 * The runtime that `runtime: 'inline'` writes into every output is three
 * quarters of its text and the same few dozen texts over the whole suite:
 * a block that is exactly what `inlineRuntime` gives for the names it
 * returns is checked once per text on its own (a `var` statement parses the
 * same alone as in the file), and the file is then checked with that
 * block's lines left empty, so that what is found keeps its line and column. An `await` or `yield` inside a function is
 * not reported on its own: in valid code its function is a suspend function
 * and is reported already, and TypeScript reads some sloppy-mode uses of the
 * identifiers `yield` and `await` as expressions.
 *
 * ## References
 *
 * ECMAScript 2025, 15.5 (generators), 15.8 (async functions), 14.7.5.1
 * (`for await`), 16.1.1 (top-level `await`).
 */
import { inlineRuntime } from '@coro/runtime/inline';
import * as ts from 'typescript';

/** The start of the inline runtime's block: its binding, then the block's own directive. */
const INLINE_RUNTIME_START = /^var ([A-Za-z_$][\w$]*) = \(function \(\) \{\n"use strict";\n/m;
/** The end of the block: the object of the names it provides. */
const INLINE_RUNTIME_END = /\nreturn \{ ([\w$]+: [\w$]+(?:, [\w$]+: [\w$]+)*) \};\n\}\)\(\);\n/g;

interface CheckedRuntime {
  /** The text `inlineRuntime` gives for these names and binding; undefined when it refuses them. */
  readonly text: string | undefined;
  /** What the text holds on its own. */
  readonly found: string | undefined;
  /** As many line breaks as the text has. */
  readonly lines: string;
}

/** By binding and names: the inline runtimes seen so far, each checked once. */
const checkedRuntimes = new Map<string, CheckedRuntime>();

export function findLeftoverSuspension(code: string, sourceType: 'script' | 'module'): string | undefined {
  const runtime = findInlineRuntime(code);
  if (runtime === undefined) return findInText(code, sourceType);
  if (runtime.checked.found !== undefined) return `${runtime.checked.found} of the inline runtime`;
  return findInText(code.slice(0, runtime.start) + runtime.checked.lines + code.slice(runtime.end), sourceType);
}

/** Where the inline runtime's block is, when the code holds one that is exactly what `inlineRuntime` writes. */
function findInlineRuntime(code: string): { start: number; end: number; checked: CheckedRuntime } | undefined {
  const start = INLINE_RUNTIME_START.exec(code);
  if (start === null) return undefined;
  INLINE_RUNTIME_END.lastIndex = start.index;
  const end = INLINE_RUNTIME_END.exec(code);
  if (end === null) return undefined;
  const checked = checkRuntime(start[1], end[1]);
  const range = { start: start.index, end: end.index + end[0].length };
  if (checked.text === undefined || range.end - range.start !== checked.text.length || !code.startsWith(checked.text, range.start)) return undefined;
  return { ...range, checked };
}

function checkRuntime(binding: string, properties: string): CheckedRuntime {
  const key = `${binding} ${properties}`;
  let checked = checkedRuntimes.get(key);
  if (checked === undefined) {
    let text: string | undefined;
    try {
      text = inlineRuntime(properties.split(', ').map((pair) => pair.slice(0, pair.indexOf(':'))), binding);
    } catch {
      text = undefined;
    }
    checked = text === undefined ? { text, found: undefined, lines: '' } : { text, found: findInText(text, 'script'), lines: '\n'.repeat(text.split('\n').length - 1) };
    checkedRuntimes.set(key, checked);
  }
  return checked;
}

function findInText(code: string, sourceType: 'script' | 'module'): string | undefined {
  const file = ts.createSourceFile(
    sourceType === 'module' ? 'lowered.mjs' : 'lowered.js',
    code,
    {
      languageVersion: ts.ScriptTarget.Latest,
      setExternalModuleIndicator: markModule(sourceType),
      // Comments cannot hold a suspend function; skipping JSDoc makes the parse three times faster.
      jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
    },
    false,
    ts.ScriptKind.JS,
  );
  let found: string | undefined;
  const report = (what: string, node: ts.Node, where: Where): void => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found = `${what}${where.inParameters ? ' in a parameter list' : ''} at ${line + 1}:${character + 1}`;
  };
  const visit = (node: ts.Node, where: Where): void => {
    if (found !== undefined) return;
    if (ts.isFunctionLike(node)) {
      const what = suspendKind(node);
      if (what !== undefined) return report(what, node, where);
    } else if (ts.isForOfStatement(node) && node.awaitModifier !== undefined && !where.insideFunction) {
      return report('top-level for await', node, where);
    } else if (ts.isAwaitExpression(node) && !where.insideFunction) {
      return report('top-level await', node, where);
    }
    const inside: Where = {
      insideFunction: where.insideFunction || ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node),
      inParameters: where.inParameters || ts.isParameter(node),
    };
    ts.forEachChild(node, (child) => visit(child, inside));
  };
  visit(file, { insideFunction: false, inParameters: false });
  return found;
}

interface Where {
  readonly insideFunction: boolean;
  /** Within a parameter list (a default value, a pattern): a suspend function there is a known gap of its own. */
  readonly inParameters: boolean;
}

function suspendKind(node: ts.SignatureDeclaration): string | undefined {
  const generator = 'asteriskToken' in node && node.asteriskToken !== undefined;
  const isAsync = ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword);
  const shape = ts.isMethodDeclaration(node) ? 'method' : ts.isArrowFunction(node) ? 'arrow function' : 'function';
  if (generator) return `${isAsync ? 'async generator' : 'generator'} ${shape}`;
  if (isAsync) return `async ${shape}`;
  return undefined;
}

/** TypeScript decides by itself whether a `.js` file is a module; a test's mode decides here. */
function markModule(sourceType: 'script' | 'module'): (file: ts.SourceFile) => void {
  return (file) => {
    (file as { externalModuleIndicator?: unknown }).externalModuleIndicator = sourceType === 'module' ? file : undefined;
  };
}
