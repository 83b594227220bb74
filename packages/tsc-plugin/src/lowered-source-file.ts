/**
 * Brings coro's output for a file back into the host's syntax tree: the
 * SourceFile that tsc's own transformers then strip, rewrite and print.
 *
 * ## Example
 * ```ts
 * const { code, map } = transform(sourceFile.text, { filename: sourceFile.fileName, runtime: 'import' });
 * const lowered = spliceLowered(ts, context, sourceFile, { code, map });
 * // lowered.statements: the source's own import and class nodes where coro left them alone,
 * // new nodes for the runtime import and the state machines
 * ```
 *
 * ## Implementation
 * The output is parsed with the host's TypeScript and compared with the
 * source (./correspondence.ts). The result is built bottom-up with the
 * transformation context's factory:
 * - a node coro left untouched is the source's node itself, so the checker
 *   still knows it (import elision, const enums, decorators, namespaces);
 * - every other node is turned into a synthesized node (no position, no
 *   parent but for a rebuilt constructor's parameters, which tsc's class
 *   fields transform asks for theirs, flagged `Synthesized`), the form tsc's transformers expect of
 *   nodes a transformer made: the printer then prints it from its own data
 *   instead of reading the source text at a position that belongs to coro's
 *   output, and the checker is never asked about a node it did not bind;
 * - a rewritten node that takes a source declaration's place (the wrapper of
 *   a lowered `function*`, a class whose method was lowered) is linked to it
 *   (`setOriginalNode`), so `export { f }` under CommonJS and a namespace's
 *   exports still find it, and keeps its comments (`setCommentRange`);
 * - a new identifier that reads a binding declared in the source is linked
 *   to that declaration's name, and a new `E.m` to a source `E.m` of the
 *   same binding (./reference-links.ts), so the module transforms rewrite
 *   them as they rewrite the source's own uses (`fs_1.readFile`,
 *   `exports.count`, `N.x`) and const enum members are inlined;
 * - every new node gets a source map range in the source, read from the
 *   compiler's map (./original-positions.ts): tsc's emitted map then sends a
 *   lowered function back into the function it came from, and follows any
 *   finer map the compiler makes.
 * - the statements keep the order the source tree has, which a transformer
 *   before coro may have changed in place (./statement-order.ts), and the
 *   list keeps the source's range, from which tsc emits a licence header.
 * The compiler's output must parse; if it does not, that is a coro bug and
 * `spliceLowered` throws.
 *
 * ## References
 * TypeScript 6.0 `factory.ts` (`setOriginalNode`, synthesized nodes), `emitter.ts` (`getSourceMapRange`, `getCommentRange`)
 * https://github.com/microsoft/TypeScript/wiki/Using-the-Compiler-API
 */
import type * as ts from 'typescript';
import { correspond } from './correspondence';
import type { TypeScript } from './host-typescript';
import { OriginalPositions, type MappingsSource } from './original-positions';
import { linkToSource } from './reference-links';
import { assertChildListsInTextOrder, inSourceTreeOrder, isInTextOrder } from './statement-order';

export interface LoweredText {
  readonly code: string;
  readonly map: MappingsSource;
}

const SYNTHESIZED: ts.TextRange = { pos: -1, end: -1 };

export function spliceLowered(
  typescript: TypeScript,
  context: ts.TransformationContext,
  original: ts.SourceFile,
  lowered: LoweredText,
): ts.SourceFile {
  const output = typescript.createSourceFile(
    original.fileName,
    lowered.code,
    { languageVersion: original.languageVersion, impliedNodeFormat: original.impliedNodeFormat },
    /* setParentNodes */ true,
    scriptKindOf(typescript, original.fileName),
  );
  assertParses(typescript, output);

  const positions = new OriginalPositions(lowered.map, lowered.code, original.text);
  const correspondence = correspond(typescript, original, output, positions);
  for (const counterpart of correspondence.replaced.values()) assertChildListsInTextOrder(typescript, counterpart);
  const links = linkToSource(typescript, original, output, positions, correspondence);
  const linkedKinds = new Set([
    typescript.SyntaxKind.FunctionDeclaration,
    typescript.SyntaxKind.ClassDeclaration,
    typescript.SyntaxKind.ClassExpression,
    typescript.SyntaxKind.VariableDeclaration,
    typescript.SyntaxKind.ModuleDeclaration,
    typescript.SyntaxKind.EnumDeclaration,
  ]);

  const detachArrays = (node: ts.Node): void => {
    typescript.forEachChild(
      node,
      () => undefined,
      (array) => {
        if (array.pos >= 0) typescript.setTextRange(array, SYNTHESIZED);
        return undefined;
      },
    );
  };

  const build = (node: ts.Node): ts.Node => {
    const same = correspondence.reused.get(node);
    if (same !== undefined) return same;
    const counterpart = correspondence.replaced.get(node);
    const from = counterpart === undefined ? positions.nearest(node.getStart(output)) : -1;

    const visited = typescript.visitEachChild(node, build, context);
    let result: ts.Node;
    if (visited === node) {
      const mutable = node as { flags: ts.NodeFlags; parent: ts.Node | undefined };
      mutable.flags |= typescript.NodeFlags.Synthesized;
      mutable.parent = undefined;
      result = typescript.setTextRange(node, SYNTHESIZED);
    } else {
      // The factory linked the update to the parsed node, which no checker knows.
      result = typescript.setOriginalNode(typescript.setTextRange(visited, SYNTHESIZED), undefined);
    }
    detachArrays(result);
    // tsc's class fields transform finds a parameter property's constructor through the parameter's `parent`
    // (`isParameterPropertyDeclaration(original, original.parent)`): a rebuilt parameter is given its own.
    if (typescript.isConstructorDeclaration(result)) {
      for (const parameter of result.parameters) if (parameter.parent === undefined) (parameter as { parent: ts.Node }).parent = result;
    }

    if (counterpart !== undefined) {
      typescript.setSourceMapRange(result, counterpart);
      typescript.setCommentRange(result, counterpart);
      if (linkedKinds.has(counterpart.kind) && !namesAnonymousDeclaration(result, counterpart)) typescript.setOriginalNode(result, counterpart);
    } else if (from !== -1) {
      typescript.setSourceMapRange(result, { pos: from, end: -1 });
    }
    const source = links.get(node);
    if (source !== undefined) typescript.setOriginalNode(result, source);
    return result;
  };

  const built = output.statements.map((statement) => build(statement) as ts.Statement);
  const statements = isInTextOrder(original.statements)
    ? built
    : inSourceTreeOrder(
        built,
        output.statements.map((statement) => correspondence.reused.get(statement) ?? correspondence.replaced.get(statement)),
        original.statements,
      );
  return context.factory.updateSourceFile(original, typescript.setTextRange(context.factory.createNodeArray(statements), original.statements));
}

/**
 * Whether a rewritten declaration has a name where the source's had none
 * (`export default function* () {}`, whose wrapper coro names to link it):
 * tsc's module transforms name a declaration linked to a nameless one by a
 * name they make up for it (`exports.default = default_1`), which nothing
 * declares, so that one stays unlinked and is exported by its own name.
 */
function namesAnonymousDeclaration(result: ts.Node, counterpart: ts.Node): boolean {
  return (counterpart as ts.FunctionDeclaration).name === undefined && (result as ts.FunctionDeclaration).name !== undefined;
}

function assertParses(typescript: TypeScript, output: ts.SourceFile): void {
  const problems = (output as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  if (problems.length === 0) return;
  const first = problems[0];
  const { line, character } = output.getLineAndCharacterOfPosition(first.start);
  const message = typescript.flattenDiagnosticMessageText(first.messageText, '\n');
  throw new Error(`the lowered code does not parse (line ${line + 1}, column ${character + 1} of coro's output): ${message}`);
}

function scriptKindOf(typescript: TypeScript, fileName: string): ts.ScriptKind {
  if (/\.tsx$/i.test(fileName)) return typescript.ScriptKind.TSX;
  if (/\.jsx$/i.test(fileName)) return typescript.ScriptKind.JSX;
  if (/\.[cm]?js$/i.test(fileName)) return typescript.ScriptKind.JS;
  return typescript.ScriptKind.TS;
}
