/**
 * Which async functions of a file are coroutines: the `"use coroutine"`
 * directive, in a function's prologue or the file's, or the `coroutines`
 * option of `transform` for a whole file; and the diagnostics for the
 * directive where it means nothing.
 *
 * ## Example
 * ```js
 * async function load(id) { "use coroutine"; return await get(id); }  // a coroutine
 * async function plain() { await x; }                                    // an async function
 * function* g() { "use coroutine"; }   // error: only an async function can be a coroutine
 * ```
 *
 * ## Implementation
 * One walk over the file. A function is a coroutine when it is async, not a
 * generator, and the directive stands in its own prologue, the file's, or
 * the prologue of a coroutine it is nested in (a callback written inside a
 * coroutine, such as a scope's body, is one too, as `"use strict"` is
 * inherited), or when the option covers the file. The directive anywhere
 * else (a generator, a plain function, an expression statement that is not
 * in a prologue) is an error. An async generator that is a coroutine is a
 * flow (docs/coroutines.md, "Flows"), a function or a method.
 *
 * ## References
 * - ECMAScript 2025, 11.2.1 Directive Prologues
 * - docs/coroutines.md, "Opting in"
 */
import ts from 'typescript';
import { diagnosticAt, DiagnosticCode, type Diagnostic } from './diagnostics';
import { directiveCount } from './directives';
import { isFunctionLike } from './function-like';
import { suspendKindOf } from './suspend-kind';

export const COROUTINE_DIRECTIVE = 'use coroutine';

export interface CoroutineFunctions {
  readonly coroutines: ReadonlySet<ts.Node>;
  readonly diagnostics: Diagnostic[];
}

/** `wholeFile`: the `coroutines` option of `transform`. */
export function findCoroutines(sourceFile: ts.SourceFile, filename: string, wholeFile: boolean): CoroutineFunctions {
  const coroutines = new Set<ts.Node>();
  const diagnostics: Diagnostic[] = [];
  const report = (node: ts.Node, message: string) => {
    const start = node.getStart(sourceFile);
    diagnostics.push(diagnosticAt(sourceFile, filename, start, node.end - start, message, DiagnosticCode.CoroutineDirective));
  };
  // The directive is written without escapes (as "use strict" is): a file that does not hold its text has none.
  if (!wholeFile && !sourceFile.text.includes(COROUTINE_DIRECTIVE)) return { coroutines, diagnostics };
  const inPrologue = new Set<ts.Node>();
  const fileDirective = prologueDirective(sourceFile.statements, inPrologue);
  const visit = (node: ts.Node, inherited: boolean): Visit[] => {
    let inside = inherited;
    if (isFunctionLike(node)) {
      const fn = node as ts.FunctionLikeDeclaration;
      const body = fn.body && ts.isBlock(fn.body) ? fn.body.statements : undefined;
      const directive = body ? prologueDirective(body, inPrologue) : undefined;
      const kind = suspendKindOf(fn);
      if (directive && kind !== 'async' && kind !== 'asyncGenerator') {
        report(directive, `"use coroutine" applies to async functions only: this is ${kind === 'generator' ? 'a generator' : 'not an async function'}`);
      }
      const wanted = inherited || directive !== undefined;
      if (wanted && (kind === 'async' || kind === 'asyncGenerator')) coroutines.add(fn);
      inside = wanted;
    }
    if (ts.isExpressionStatement(node) && ts.isStringLiteral(node.expression) && node.expression.text === COROUTINE_DIRECTIVE && !inPrologue.has(node)) {
      report(node, `"use coroutine" is a directive: it must stand at the start of an async function's body or of the file`);
    }
    const children: Visit[] = [];
    ts.forEachChild(node, (child) => {
      children.push([child, inside]);
    });
    return children;
  };
  // In document order, with a stack of its own: a long chain of `a + b + …` is deeper than the call stack.
  const pending: Visit[] = [];
  ts.forEachChild(sourceFile, (child) => {
    pending.push([child, wholeFile || fileDirective !== undefined]);
  });
  pending.reverse();
  while (pending.length) {
    const [node, inherited] = pending.pop()!;
    const children = visit(node, inherited);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return { coroutines, diagnostics };
}

/** A node to look at, and whether an async function there is a coroutine by inheritance. */
type Visit = [node: ts.Node, inherited: boolean];

/** The `"use coroutine"` directive of a prologue, if any; every directive of it goes into `seen`. */
function prologueDirective(statements: readonly ts.Statement[], seen: Set<ts.Node>): ts.Statement | undefined {
  let found: ts.Statement | undefined;
  for (let i = 0; i < directiveCount(statements); i++) {
    const statement = statements[i] as ts.ExpressionStatement;
    seen.add(statement);
    if ((statement.expression as ts.StringLiteral).text === COROUTINE_DIRECTIVE) found = statement;
  }
  return found;
}
