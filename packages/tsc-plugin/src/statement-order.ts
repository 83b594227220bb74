/**
 * The order of statements that a transformer running before coro gave the
 * source tree in place, kept in the lowered file.
 *
 * ## Example
 * ts-jest's `hoist-jest` runs before any `astTransformers` and sorts the
 * statement list of the source file itself, in place:
 * ```ts
 * import { load } from './store';        │ jest.mock('./store');              (tree order)
 * jest.mock('./store');                   │ import { load } from './store';
 * test('reads', async () => { … });       │ test('reads', async () => { … });
 * ```
 * coro lowers the text, which still has the import first; the lowered
 * statements are put back in the tree's order, so the mock still comes
 * before the `require` the import turns into.
 *
 * ## Implementation
 * Each lowered top-level statement that stands for a source statement
 * (reused or rewritten) anchors a group; the new statements coro wrote
 * between it and the previous anchor (a method's helpers go before its
 * class) belong to its group, those after the last anchor to the last
 * group, and those before the first anchor (the runtime binding, the links
 * coro hoists to the top) stay first. Groups are ordered by where their
 * anchor now stands in the source's statement list.
 * A statement list inside a statement coro rewrote cannot be reordered the
 * same way (its statements may have moved into a state machine), so a
 * source whose lists there are out of text order is refused
 * (`SourceReorderedError`) rather than lowered into the old order.
 *
 * ## References
 * ts-jest `dist/transformers/hoist-jest.js` (sorts `statements` in place)
 */
import type * as ts from 'typescript';
import type { TypeScript } from './host-typescript';

export class SourceReorderedError extends Error {
  constructor(readonly node: ts.Node) {
    super('statements of this file were reordered by a transformer that ran before coro, inside code coro rewrites');
    this.name = 'SourceReorderedError';
  }
}

export function isInTextOrder(nodes: readonly ts.Node[]): boolean {
  for (let i = 1; i < nodes.length; i++) if (nodes[i].pos < nodes[i - 1].pos) return false;
  return true;
}

/** Throws `SourceReorderedError` when a list of `node`'s children is out of text order. */
export function assertChildListsInTextOrder(typescript: TypeScript, node: ts.Node): void {
  const reordered = typescript.forEachChild(
    node,
    () => undefined,
    (children) => !isInTextOrder(children) || undefined,
  );
  if (reordered === true) throw new SourceReorderedError(node);
}

/**
 * `statements` (the lowered file's, in text order) in the order of `sourceStatements`;
 * `anchors[i]` is the source statement `statements[i]` stands for, if any.
 */
export function inSourceTreeOrder<T>(statements: readonly T[], anchors: readonly (ts.Node | undefined)[], sourceStatements: readonly ts.Node[]): T[] {
  const rankOf = new Map(sourceStatements.map((statement, rank) => [statement, rank]));
  const lead: T[] = [];
  const groups: { rank: number; members: T[] }[] = [];
  let pending: T[] = lead;
  statements.forEach((statement, i) => {
    const anchor = anchors[i];
    if (anchor === undefined) {
      pending.push(statement);
      return;
    }
    const members = pending === lead ? [statement] : [...pending, statement];
    groups.push({ rank: rankOf.get(anchor) ?? -1, members });
    pending = [];
  });
  if (groups.length > 0 && pending !== lead) groups[groups.length - 1].members.push(...pending);
  groups.sort((a, b) => a.rank - b.rank);
  return [...lead, ...groups.flatMap((group) => group.members)];
}
