/**
 * Where a position of coro's output came from in the source, read from the
 * source map the compiler returned with it.
 *
 * ## Example
 * ```ts
 * const { code, map } = transform('let x = 1;\nfunction* g() { yield x; }\n', { filename: 'a.ts' });
 * const positions = new OriginalPositions(map, code, source);
 * positions.exact(code.indexOf('let x'))    // → 0: this character is the source's own, untouched
 * positions.exact(code.indexOf('g$Frame'))  // → -1: written by coro
 * positions.nearest(code.indexOf('g$Frame')) // → the start of `function* g`: the code it was lowered from
 * ```
 *
 * ## Implementation
 * Offsets are turned into line and column the way magic-string (which makes
 * the compiler's map) counts them: a line ends at `\n` only, and columns are
 * UTF-16 code units, as TypeScript's positions are. A lone `\r`, U+2028 or
 * U+2029 therefore does not start a line here, although TypeScript's own
 * line map would say it does.
 * `exact` answers only where the map has a segment at that very column:
 * the compiler maps each character it left untouched, so an exact answer
 * means "this text is the source's". `nearest` takes the last segment at or
 * before the position, on its line or an earlier one: the code the compiler
 * wrote there was made from the source at that segment. Today that is the
 * start of the lowered function; when the compiler maps finer (per
 * statement, per expression), `nearest` follows without a change here.
 *
 * ## References
 * Source Map Revision 3 Proposal ("Proposed Format"): https://sourcemaps.info/spec.html
 * magic-string `generateMap({ hires: true })`: https://github.com/Rich-Harris/magic-string#sgeneratemapoptions
 */
import { decodeMappings, type DecodedMappings } from './vlq-mappings';

export interface MappingsSource {
  readonly mappings: string;
}

export class OriginalPositions {
  private readonly segments: DecodedMappings;
  private readonly generatedLineStarts: Int32Array;
  private readonly originalLineStarts: Int32Array;

  constructor(map: MappingsSource, generatedText: string, private readonly originalText: string) {
    this.segments = decodeMappings(map.mappings);
    this.generatedLineStarts = lineStartsOf(generatedText);
    this.originalLineStarts = lineStartsOf(originalText);
  }

  /** The source offset of the character at `offset`, or -1 when the compiler wrote that character itself. */
  exact(offset: number): number {
    const { line, column } = this.locate(offset);
    const { lineStart, generatedColumn } = this.segments;
    if (line >= lineStart.length - 1) return -1;
    const segment = lastAtOrBefore(generatedColumn, lineStart[line], lineStart[line + 1], column);
    return segment !== -1 && generatedColumn[segment] === column ? this.originalOffsetOf(segment) : -1;
  }

  /** The source offset the code at `offset` was made from, or -1 when nothing before it is mapped. */
  nearest(offset: number): number {
    const { line, column } = this.locate(offset);
    const { lineStart, generatedColumn } = this.segments;
    const lines = lineStart.length - 1;
    if (line >= lines) return generatedColumn.length > 0 ? this.originalOffsetOf(generatedColumn.length - 1) : -1;
    const onLine = lastAtOrBefore(generatedColumn, lineStart[line], lineStart[line + 1], column);
    // Segments are stored line after line, so the one just before this line's first is the last of all earlier lines.
    const segment = onLine !== -1 ? onLine : lineStart[line] - 1;
    return segment >= 0 ? this.originalOffsetOf(segment) : -1;
  }

  private locate(offset: number): { line: number; column: number } {
    const line = lastAtOrBefore(this.generatedLineStarts, 0, this.generatedLineStarts.length, offset);
    return { line, column: offset - this.generatedLineStarts[line] };
  }

  private originalOffsetOf(segment: number): number {
    const { source, originalLine, originalColumn } = this.segments;
    if (source[segment] !== 0) return -1;
    const line = originalLine[segment];
    if (line >= this.originalLineStarts.length) return -1;
    return Math.min(this.originalLineStarts[line] + originalColumn[segment], this.originalText.length);
  }
}

function lineStartsOf(text: string): Int32Array {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  const starts = new Int32Array(lines);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  return starts;
}

/** The last index in `[from, to)` whose value is at most `value` (the values ascend), or -1. */
function lastAtOrBefore(values: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low === from ? -1 : low - 1;
}
