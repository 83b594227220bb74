/**
 * What an ES module cannot keep when the CLI or the Jest transformer
 * converts it to CommonJS: a top-level `await` and `import.meta`. Both are
 * syntax errors in CommonJS, and TypeScript's module transform leaves them
 * as they are (tsc itself reports TS1378 and TS1343), so a converted file
 * holding one is refused instead of written.
 *
 * ## Example
 * ```ts
 * topLevelAwaitInCommonJs(coroWarningAboutTopLevelAwait)   // the same diagnostic, now an error
 * importMetaInCommonJs('export const url = import.meta.url;', 'src/a.ts')
 * // { code: 1023, category: 'error', line: 1, column: 20, … }
 * ```
 *
 * ## Implementation
 * coro reports a top-level `await` as a warning (it keeps it as it is);
 * here that warning becomes the error. `import.meta` is found in the source's
 * tree, parsed only when its text holds both words.
 */
import ts from 'typescript';
import { DiagnosticCode, type Diagnostic } from '@coro/compiler';
import { scriptKindOf } from './source-type';

export function topLevelAwaitInCommonJs(diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.code !== DiagnosticCode.TopLevelAwait) return diagnostic;
  return {
    ...diagnostic,
    category: 'error',
    message: "top-level 'await' cannot be converted to CommonJS, where it is a syntax error: the output must stay an ES module (\"type\": \"module\", or .mjs/.mts)",
  };
}

/** The first `import.meta` of `text`, as an error; undefined when there is none. */
export function importMetaInCommonJs(text: string, filename: string): Diagnostic | undefined {
  if (!text.includes('import') || !text.includes('meta')) return undefined;
  const sourceFile = ts.createSourceFile(filename, text, ts.ScriptTarget.Latest, true, scriptKindOf(filename));
  const find = (node: ts.Node): ts.MetaProperty | undefined =>
    ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword ? node : ts.forEachChild(node, find);
  const found = find(sourceFile);
  if (found === undefined) return undefined;
  const start = found.getStart(sourceFile);
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  return {
    message: "'import.meta' cannot be converted to CommonJS, where it is a syntax error: the output must stay an ES module (\"type\": \"module\", or .mjs/.mts)",
    category: 'error',
    code: DiagnosticCode.ImportMetaInCommonJs,
    file: filename,
    line: line + 1,
    column: character + 1,
    start,
    length: found.end - start,
  };
}
