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

export interface DecodedMappings {
  /** Segments of generated line `l` are the indexes `lineStart[l]` up to `lineStart[l + 1]`. */
  readonly lineStart: Int32Array;
  readonly generatedColumn: Int32Array;
  /** -1 for a segment that maps its generated position to nothing. */
  readonly source: Int32Array;
  readonly originalLine: Int32Array;
  readonly originalColumn: Int32Array;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT_OF[BASE64.charCodeAt(i)] = i;

const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const CONTINUATION = 32;

export function decodeMappings(mappings: string): DecodedMappings {
  let lines = 1;
  let separators = 0;
  for (let i = 0; i < mappings.length; i++) {
    const char = mappings.charCodeAt(i);
    if (char === SEMICOLON) lines++;
    if (char === SEMICOLON || char === COMMA) separators++;
  }
  const capacity = separators + 1;
  const lineStart = new Int32Array(lines + 1);
  const generatedColumn = new Int32Array(capacity);
  const source = new Int32Array(capacity);
  const originalLine = new Int32Array(capacity);
  const originalColumn = new Int32Array(capacity);

  let count = 0;
  let line = 0;
  let column = 0;
  let sourceIndex = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let index = 0;
  const fields = [0, 0, 0, 0, 0];

  const readValue = (): number => {
    let value = 0;
    let shift = 0;
    let digit: number;
    do {
      const code = index < mappings.length ? mappings.charCodeAt(index) : -1;
      digit = code >= 0 && code < 128 ? DIGIT_OF[code] : -1;
      if (digit === -1) {
        throw new Error(`invalid source map: ${index < mappings.length ? `unexpected '${mappings[index]}'` : 'unexpected end'} at ${index} of mappings`);
      }
      index++;
      value += (digit & 31) * 2 ** shift;
      shift += 5;
    } while (digit & CONTINUATION);
    return value % 2 === 1 ? -(value - 1) / 2 : value / 2;
  };

  while (index < mappings.length) {
    const char = mappings.charCodeAt(index);
    if (char === SEMICOLON) {
      lineStart[++line] = count;
      column = 0;
      index++;
      continue;
    }
    if (char === COMMA) {
      index++;
      continue;
    }
    let fieldCount = 0;
    while (index < mappings.length && mappings.charCodeAt(index) !== COMMA && mappings.charCodeAt(index) !== SEMICOLON) {
      if (fieldCount === 5) throw new Error('invalid source map: a segment has more than 5 fields');
      fields[fieldCount++] = readValue();
    }
    if (fieldCount !== 1 && fieldCount !== 4 && fieldCount !== 5) {
      throw new Error(`invalid source map: a segment has ${fieldCount} fields`);
    }
    column += fields[0];
    generatedColumn[count] = column;
    if (fieldCount === 1) {
      source[count] = -1;
      originalLine[count] = -1;
      originalColumn[count] = -1;
    } else {
      sourceIndex += fields[1];
      sourceLine += fields[2];
      sourceColumn += fields[3];
      source[count] = sourceIndex;
      originalLine[count] = sourceLine;
      originalColumn[count] = sourceColumn;
    }
    count++;
  }
  while (line < lines) lineStart[++line] = count;
  return {
    lineStart,
    generatedColumn: generatedColumn.subarray(0, count),
    source: source.subarray(0, count),
    originalLine: originalLine.subarray(0, count),
    originalColumn: originalColumn.subarray(0, count),
  };
}
