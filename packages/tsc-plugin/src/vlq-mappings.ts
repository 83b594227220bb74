/**
 * Decodes the `mappings` field of a source map (version 3) into flat arrays
 * of segments.
 *
 * ## Example
 * ```ts
 * const m = decodeMappings(';AAAA,CAAC');
 * // m.lineStart         = [0, 0, 2]   line 0 has no segment, line 1 has segments 0 and 1
 * // m.generatedColumn   = [0, 1]
 * // m.source            = [0, 0]
 * // m.originalLine      = [0, 0]
 * // m.originalColumn    = [0, 1]
 * ```
 *
 * ## Implementation
 * Base64 VLQ as the specification defines it: each value is a run of 6-bit
 * digits, least significant first, the sixth bit saying "more digits follow",
 * and the lowest bit of the assembled number is the sign. Every field but the
 * generated column is relative to the same field of the previous segment of
 * the whole map; the generated column is relative within its line. A segment
 * of one field (a generated position explicitly mapped to nothing) gets
 * source -1.
 * The result is typed arrays, not an object per segment: the compiler maps
 * every unchanged character (magic-string's `hires`), so a large file has
 * millions of segments.
 * Written out here rather than taken from a package: it is short, and the
 * plugin has no dependency besides the compiler.
 *
 * ## References
 * Source Map Revision 3 Proposal, "Proposed Format" (mappings, Base64 VLQ):
 * https://sourcemaps.info/spec.html
 */

import { decode } from '@jridgewell/sourcemap-codec';

export interface DecodedMappings {
  /** Segments of generated line `l` are the indexes `lineStart[l]` up to `lineStart[l + 1]`. */
  readonly lineStart: Int32Array;
  readonly generatedColumn: Int32Array;
  /** -1 for a segment that maps its generated position to nothing. */
  readonly source: Int32Array;
  readonly originalLine: Int32Array;
  readonly originalColumn: Int32Array;
}

const MAPPINGS_TEXT = /^[A-Za-z0-9+/,;]*$/;

export function decodeMappings(mappings: string): DecodedMappings {
  // The codec reads any text; a map that is not one must fail here, not come out wrong.
  if (!MAPPINGS_TEXT.test(mappings)) {
    const at = mappings.search(/[^A-Za-z0-9+/,;]/);
    throw new Error(`invalid source map: unexpected '${mappings[at]}' at ${at} of mappings`);
  }
  const lines = decode(mappings);
  let count = 0;
  for (const line of lines) count += line.length;
  const lineStart = new Int32Array(lines.length + 1);
  const generatedColumn = new Int32Array(count);
  const source = new Int32Array(count);
  const originalLine = new Int32Array(count);
  const originalColumn = new Int32Array(count);
  let k = 0;
  lines.forEach((line, l) => {
    lineStart[l] = k;
    for (const segment of line) {
      generatedColumn[k] = segment[0];
      source[k] = segment.length === 1 ? -1 : segment[1];
      originalLine[k] = segment.length === 1 ? -1 : segment[2];
      originalColumn[k] = segment.length === 1 ? -1 : segment[3];
      k++;
    }
  });
  lineStart[lines.length] = k;
  return { lineStart, generatedColumn, source, originalLine, originalColumn };
}
