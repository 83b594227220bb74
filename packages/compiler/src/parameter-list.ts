/**
 * The parameter list of a suspend function that no other machine encloses:
 * its wrapper evaluates it natively, so it stays as written, except for the
 * suspend functions nested in it, which are lowered like any others.
 *
 * ## Example
 * ```js
 * async function* f([g = function* () {}]) {}
 * ```
 * keeps `[g = …]` in the wrapper's parameters, where the generator
 * expression becomes the IIFE that makes and links its lowered function:
 * ```js
 * function f([g = (function () { … return $coro.linkGenerator(function g() { … }, g$Frame); })()]) { … }
 * ```
 *
 * ## Implementation
 * The file's walk (transform.ts) only lowers the outermost suspend
 * functions; what is nested in one is left to that one's lowering. Inside an
 * enclosing machine, that machine renders the parameters (`OuterMachine`);
 * outside every machine, this renders them with hooks that change nothing but
 * nested suspend functions: no binding of the list belongs to a machine, and
 * `this`, `arguments` and `new.target` are the wrapper's own, as they are the
 * function's. Each nested function is placed as a top-level one would be: an
 * expression in place, a declaration or a method (in a plain function or an
 * arrow body inside the list) at its hoist site, with its links.
 *
 * ## References
 * ECMAScript 2025, 10.2.11 FunctionDeclarationInstantiation (parameters are
 * evaluated in the function's own environment, before its body).
 */
import ts from 'typescript';
import { findHoistSite, formOf, helperInsertions, indentOf, insertInto, linkInsertions, nameKeyInsertions, SharedSites } from './placement';
import { renderRange, type RenderHooks } from './render';
import type { FileContext, FunctionForm, LoweredFunction, OuterMachine } from './lowered-function';
import { isDeferred, isLineBreak, isSourcePosition, plainText, type Code } from './ir';

/** lower.ts's `lowerFunction`, handed in so that this file does not import its importer. */
export type LowerFunction = (
  fn: ts.FunctionLikeDeclaration,
  file: FileContext,
  outer: OuterMachine | undefined,
  form: FunctionForm,
  indent: string,
) => LoweredFunction;

/** A parameter outside every machine (or its text from `start` to `end`), with the suspend functions in it lowered. */
export function renderOutsideMachines(
  parameter: ts.ParameterDeclaration,
  file: FileContext,
  lower: LowerFunction,
  start = parameter.getStart(file.sourceFile),
  end = parameter.end,
): string {
  const sf = file.sourceFile;
  const shared = new SharedSites(file.runtime);
  const unreachable = (): never => {
    throw new Error('a jump or return in a parameter list, outside any function in it');
  };
  const hooks: RenderHooks = {
    sourceFile: sf,
    identifier: () => undefined,
    metadataTypeName: () => undefined,
    declaredInside: () => false,
    writtenAs: () => undefined,
    closureEnvironments: () => undefined,
    thisValue: () => ['this'],
    argumentsValue: () => 'arguments',
    newTargetValue: () => ['new.target'],
    blockFunctionVarWrite: () => undefined,
    nestedSuspendFunction: (node, edits) => {
      if (!file.isSuspendFunction(node)) return undefined;
      const form = formOf(node);
      if (form === 'expression') {
        const lowered = lower(node, file, undefined, form, indentOf(node, sf));
        if (lowered.hoistSite) insertInto(edits, helperInsertions(lowered.hoistSite, node, form, () => lowered, sf, shared));
        insertInto(edits, nameKeyInsertions(node, () => lowered, sf));
        return [lowered.replacement];
      }
      const site = findHoistSite(node);
      const lowered = lower(node, file, undefined, form, indentOf(site.anchor, sf));
      insertInto(edits, [...helperInsertions(site, node, form, () => lowered, sf, shared), ...linkInsertions(node, () => lowered, sf, shared)]);
      return [lowered.replacement];
    },
    escapingJump: unreachable,
    returnStatement: unreachable,
    constantWrite: () => undefined,
    deadZoneWrite: () => undefined,
    override: () => undefined,
    variableDeclarationList: () => undefined,
  };
  return textOf(renderRange(parameter, start, end, hooks));
}

function textOf(code: Code): string {
  return code
    .map((part) => {
      const text = plainText(part);
      if (text !== undefined) return text;
      if (isDeferred(part)) return part.text();
      // The parameters stay where they stood: their line breaks as they were.
      if (isLineBreak(part)) return '\n' + part.lineBreak;
      // Outside every machine the text stays where it stood: magic-string maps it.
      if (isSourcePosition(part)) return '';
      throw new Error('machine code in a parameter list outside every machine');
    })
    .join('');
}
