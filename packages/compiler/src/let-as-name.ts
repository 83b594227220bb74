/**
 * Sloppy code's variable named `let` where TypeScript's parser reads a `let`
 * declaration: before a line break where a single statement stands
 * (`if (x) let⏎y = 2`), and in a for-in or for head (`for (let in o)`,
 * `for (let; …)`).
 *
 * ## Example
 * ```js
 * var let;
 * function* g(o) { for (let in o) yield let; }   // the loop assigns the variable let
 * function* h(x) { if (x) let
 *   y = 2; }                                     // `if (x) let; y = 2;`: y is the outer y
 * ```
 *
 * ## Implementation
 * Before a line break, the statement an engine reads is the identifier
 * `let`, ended by automatic semicolon insertion, and what follows is the
 * next statement. The file is read again with a `;` written after each such
 * `let`, so the tree is the engine's: lowered or not, that code means what it
 * meant, and what cannot follow (`let⏎{a} = b`) is the syntax error an
 * engine reports. Only the columns after that `let` on its line move (a
 * comment or nothing stands there). Strict code never gets here: `let` is a
 * reserved word there (early-errors/statement-positions.ts).
 *
 * A loop head has no such reading: the tree has no identifier for the
 * variable, so a suspend function holding one (nested functions included:
 * the scope analysis walks them) would lose its reads and writes. Such a
 * function is refused (CORO1002), with the way out: rename the variable.
 *
 * ## References
 * ECMAScript 2025, 12.10 (automatic semicolon insertion), 14.5 (an
 * ExpressionStatement never starts with `let [`), 14.7.5 (for-in heads:
 * only `let [` is excluded), 14.7.4 (for heads).
 */
import ts from 'typescript';
import { UnsupportedError } from './diagnostics';
import { isLetThenLineBreak, singleStatementBodies } from './early-errors/statement-positions';

/** `let`, then blanks, then a line break or a comment (which may hold one): the files worth a walk. */
const LET_BEFORE_LINE_BREAK = /\blet[^\S\n\r\u2028\u2029]*(?:[\n\r\u2028\u2029]|\/[/*])/;

/** The file's text with `;` after each `let` an engine reads as an identifier ending its statement; undefined when there is none. */
export function endLetStatements(sourceFile: ts.SourceFile): string | undefined {
  const text = sourceFile.text;
  if (!LET_BEFORE_LINE_BREAK.test(text)) return undefined;
  const ends: number[] = [];
  const visit = (node: ts.Node): void => {
    for (const [body] of singleStatementBodies(node)) {
      if (ts.isVariableStatement(body) && isLetThenLineBreak(body.declarationList)) ends.push(body.declarationList.getStart() + 'let'.length);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (ends.length === 0) return undefined;
  let corrected = '';
  let from = 0;
  for (const end of ends.sort((a, b) => a - b)) {
    corrected += text.slice(from, end) + ';';
    from = end;
  }
  return corrected + text.slice(from);
}

/** Refuses a suspend function with a loop head in which TypeScript reads the variable `let` as a declaration. */
export function refuseLetReadAsDeclaration(fn: ts.FunctionLikeDeclaration): void {
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && node.declarations.length === 0 && isLoopHead(node)) {
      throw new UnsupportedError(node, "a variable named 'let' in a loop head is not supported in a suspend function: rename the variable");
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
}

function isLoopHead(list: ts.VariableDeclarationList): boolean {
  const loop = list.parent;
  return (ts.isForStatement(loop) || ts.isForInStatement(loop) || ts.isForOfStatement(loop)) && loop.initializer === list;
}
