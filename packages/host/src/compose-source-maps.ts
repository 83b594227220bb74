/**
 * Chains two source maps: output → middle and middle → original become
 * output → original.
 *
 * Example:
 *   main.ts ──coro──▶ lowered TypeScript ──strip types──▶ main.js
 *   composeSourceMaps(stripMap, coroMap)   // main.js → lowered, lowered → main.ts
 *   // → a map from main.js straight to main.ts, with coroMap's sources and contents
 *
 * Implementation:
 *   Every segment of the outer map names a position in the middle text; it
 *   is looked up in the inner map and replaced by the original position
 *   found there. The lookup is Node's and V8's (`SourceMap#findEntry`): the
 *   last inner segment at or before the position, on an earlier line if its
 *   own line has none. `@jridgewell/remapping` looks at the same line only,
 *   but coro may leave lines of the machine it writes without a segment of
 *   their own (code with no single original position): such a line belongs
 *   to the code mapped before it, as Node sees it when it reads coro's map
 *   directly, and must keep doing so through the type-stripping step. A
 *   segment that is explicitly unmapped in the inner map stays unmapped.
 *
 * References:
 *   https://tc39.es/ecma426/ (Source Map)
 *   https://github.com/jridgewell/remapping (the same composition)
 */

import { decodeMappings, encodeMappings, type RawSourceMap, type Segment } from './source-map';

export function composeSourceMaps(outer: RawSourceMap, inner: RawSourceMap): RawSourceMap {
  const innerLines = decodeMappings(inner.mappings);
  const lastBeforeLine = lastSegmentsBeforeEachLine(innerLines);
  const composed = decodeMappings(outer.mappings).map((line) =>
    line.map((segment): Segment => {
      if (segment.length === 1) return segment;
      const traced = lastSegmentAtOrBefore(innerLines[segment[2]] ?? [], segment[3]) ?? lastBeforeLine[Math.min(segment[2], innerLines.length)];
      if (traced === undefined || traced.length === 1) return [segment[0]];
      return traced.length === 5 ? [segment[0], traced[1], traced[2], traced[3], traced[4]] : [segment[0], traced[1], traced[2], traced[3]];
    }),
  );
  return {
    version: 3,
    file: outer.file,
    sources: inner.sources,
    sourcesContent: inner.sourcesContent,
    names: inner.names,
    mappings: encodeMappings(composed),
  };
}

/** For each line index, the last segment of the lines before it (one entry past the end, for lines beyond the map). */
function lastSegmentsBeforeEachLine(lines: readonly (readonly Segment[])[]): (Segment | undefined)[] {
  const before: (Segment | undefined)[] = [undefined];
  for (const line of lines) before.push(line.length > 0 ? line[line.length - 1] : before[before.length - 1]);
  return before;
}

function lastSegmentAtOrBefore(line: readonly Segment[], column: number): Segment | undefined {
  let low = 0;
  let high = line.length - 1;
  let found: Segment | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (line[middle][0] <= column) {
      found = line[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
