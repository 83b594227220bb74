/**
 * A statement that ends with a parenthesized expression on a line of its
 * own before a block: `let a = ({})⏎{ … }`, code written without semicolons.
 *
 * ## Example
 * ```js
 * function* g() {
 *   let options = (defaults)
 *   {
 *     yield options;
 *   }
 * }
 * ```
 * An engine reads `let options = (defaults);` and then a block. TypeScript's
 * parser takes `(defaults) {` for an arrow function whose `=>` is missing
 * and reports "'=>' expected.", so coro would refuse a valid file.
 *
 * ## Implementation
 * Nothing can continue an expression with `{` after `)`, so automatic
 * semicolon insertion ends the statement at the line break, and the block
 * is the next statement. Where the parser reports a missing `=>` at a `{`
 * that stands after a line break following a `)`, the file is read again
 * with a `;` written just after that `)`, until no such report is left; the
 * tree is then the engine's. Only the columns after that `)` on its line
 * move (a comment or nothing stands there), as for the `let` of
 * ./let-as-name.ts. A `)` then `{` on one line is a syntax error for an
 * engine too, and stays TypeScript's.
 *
 * ## References
 * ECMAScript 2025, 12.10 (automatic semicolon insertion), 15.3 (an arrow
 * function's `=>` stands on the line of its parameters).
 */
import ts from 'typescript';

/** TypeScript's "'{0}' expected." */
const TOKEN_EXPECTED = 1005;

/** The most passes made: each ends at least one statement, and a file holds few such. */
const MOST_PASSES = 64;

/** The file read again with `;` after each such `)` (by `parse`); undefined when it has none. */
export function endStatementsBeforeBlocks(sourceFile: ts.SourceFile, parse: (text: string) => ts.SourceFile): ts.SourceFile | undefined {
  let corrected: ts.SourceFile | undefined;
  for (let pass = 0; pass < MOST_PASSES; pass++) {
    const file = corrected ?? sourceFile;
    const ends = missingArrowsBeforeBlocks(file);
    if (ends.length === 0) break;
    let text = '';
    let from = 0;
    for (const end of ends) {
      text += file.text.slice(from, end) + ';';
      from = end;
    }
    corrected = parse(text + file.text.slice(from));
  }
  return corrected;
}

/** Where a `;` ends the statement before each `{` reported as a missing `=>` after a line break, in order. */
function missingArrowsBeforeBlocks(file: ts.SourceFile): number[] {
  const parseDiagnostics = (file as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const reported = new Set<number>();
  for (const diagnostic of parseDiagnostics) {
    if (diagnostic.code === TOKEN_EXPECTED && ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n') === "'=>' expected.") reported.add(diagnostic.start);
  }
  if (reported.size === 0) return [];
  const ends: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isArrowFunction(node) && reported.has(node.body.getStart(file))) {
      const close = node.getChildren(file).find((child) => child.kind === ts.SyntaxKind.CloseParenToken);
      if (close !== undefined && /[\n\r\u2028\u2029]/.test(file.text.slice(close.end, node.body.getStart(file)))) ends.push(close.end);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return ends.sort((a, b) => a - b);
}
