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
 * are a known class of their own. An `await` or `yield` inside a function is
 * not reported on its own: in valid code its function is a suspend function
 * and is reported already, and TypeScript reads some sloppy-mode uses of the
 * identifiers `yield` and `await` as expressions.
 *
 * ## References
 *
 * ECMAScript 2025, 15.5 (generators), 15.8 (async functions), 14.7.5.1
 * (`for await`), 16.1.1 (top-level `await`).
 */
import * as ts from 'typescript';

export function findLeftoverSuspension(code: string, sourceType: 'script' | 'module'): string | undefined {
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
