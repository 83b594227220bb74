/**
 * Which nodes of coro's output (parsed again) are the source's own nodes
 * untouched, which stand where a source node stood but were rewritten, and
 * which are new.
 *
 * ## Example
 * Source and output of one file:
 * ```ts
 * import { T } from './types';          │ import * as $coro from "@coro/runtime";       new
 *                                       │ import { T } from './types';                  reused: the source's node itself
 * export class C {                      │ export class C {                              replaced: stands for the source's class
 *   /** m *\/ m(): T { return 1; }      │   /** m *\/ m(): T { return 1; }              reused
 *   *g() { yield 1; }                   │   g() { return new g$Frame(this); }           new
 * }                                     │ }
 * ```
 *
 * ## Implementation
 * The compiler edits the source text with magic-string and maps every
 * character it leaves alone to itself (`hires`), so "untouched" can be read
 * off the map: the output node starts at a character mapped exactly to the
 * start of a source node of the same kind, ends at a character mapped
 * exactly to that node's last one, and has the same text. Candidates are
 * looked for only among the children of the node's parent's counterpart,
 * top-down from the source file, so a piece of text is matched only in the
 * place it came from: user code that the compiler copied into a state
 * machine (mapped or not) has a new parent and stays new.
 * A reused node goes into the output as the source's node itself: tsc's
 * checker knows it, so import elision, const enum inlining, decorators and
 * declaration emit treat it exactly as without coro. A replaced node is
 * rebuilt, and its children are matched in turn.
 *
 * ## References
 * docs/architecture.md, transform.ts (magic-string edits, untouched code byte for byte)
 * magic-string `generateMap({ hires: true })`: https://github.com/Rich-Harris/magic-string#sgeneratemapoptions
 */
import type * as ts from 'typescript';
import type { TypeScript } from './host-typescript';
import type { OriginalPositions } from './original-positions';

export interface Correspondence {
  /** Output node → the source node it is, character for character. */
  readonly reused: ReadonlyMap<ts.Node, ts.Node>;
  /** Output node → the source node whose place it takes, rewritten. */
  readonly replaced: ReadonlyMap<ts.Node, ts.Node>;
}

export function correspond(
  typescript: TypeScript,
  original: ts.SourceFile,
  output: ts.SourceFile,
  positions: OriginalPositions,
): Correspondence {
  const reused = new Map<ts.Node, ts.Node>();
  const replaced = new Map<ts.Node, ts.Node>();

  const isUntouched = (node: ts.Node, start: number, counterpart: ts.Node, counterpartStart: number): boolean => {
    const length = node.end - start;
    if (length !== counterpart.end - counterpartStart) return false;
    if (output.text.slice(start, node.end) !== original.text.slice(counterpartStart, counterpart.end)) return false;
    return length === 0 || positions.exact(node.end - 1) === counterpart.end - 1;
  };

  const matchChildren = (node: ts.Node, counterpart: ts.Node): void => {
    const candidates = new Map<number, ts.Node[]>();
    typescript.forEachChild(counterpart, (child) => {
      const start = child.getStart(original);
      const atStart = candidates.get(start);
      if (atStart === undefined) candidates.set(start, [child]);
      else atStart.push(child);
    });
    typescript.forEachChild(node, (child) => {
      const start = child.getStart(output);
      const from = positions.exact(start);
      if (from === -1) return;
      const match = candidates.get(from)?.find((candidate) => candidate.kind === child.kind);
      if (match === undefined) return;
      if (isUntouched(child, start, match, from)) {
        reused.set(child, match);
      } else if (typescript.forEachChild(child, () => true) === true) {
        // Only a node with children can be rewritten in place; a leaf whose text changed is another leaf.
        replaced.set(child, match);
        matchChildren(child, match);
      }
    });
  };

  matchChildren(output, original);
  return { reused, replaced };
}
