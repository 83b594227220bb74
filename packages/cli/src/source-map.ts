/**
 * Source maps as the CLI handles them: the JSON shape of a version 3 map,
 * and its `mappings` string decoded into segments and encoded back.
 *
 * Example:
 *   decodeMappings('AAAA,IAAI;AACA')
 *   // → [[[0, 0, 0, 0], [4, 0, 0, 4]], [[0, 0, 1, 4]]]
 *   //    line 1: column 0 ← source 0 1:0, column 4 ← 1:4; line 2: column 0 ← 2:4 (0-based in the arrays)
 *   encodeMappings(decodeMappings(m)) === m   // for any well-formed m
 *
 * Implementation:
 *   A segment is `[column]` (generated code that maps to nothing) or
 *   `[column, source, line, column]`, optionally with a name index, all
 *   0-based and absolute once decoded; the text form stores Base64 VLQ
 *   deltas (the column relative to the previous segment of the same line,
 *   the rest relative to the previous segment anywhere). The decoded form is
 *   what composing two maps needs (./compose-source-maps.ts). Written here,
 *   about sixty lines, because the CLI's dependencies are fixed and the
 *   format is small and frozen.
 *
 * References:
 *   https://tc39.es/ecma426/ (Source Map, "Mappings structure")
 *   https://github.com/jridgewell/sourcemap-codec (the same decoded form)
 */

export interface RawSourceMap {
  readonly version: 3;
  readonly file?: string;
  readonly sourceRoot?: string;
  readonly sources: readonly string[];
  readonly sourcesContent?: readonly (string | null)[];
  readonly names: readonly string[];
  readonly mappings: string;
}

export type Segment =
  | readonly [generatedColumn: number]
  | readonly [generatedColumn: number, source: number, line: number, column: number]
  | readonly [generatedColumn: number, source: number, line: number, column: number, name: number];

/** One array of segments per generated line, each sorted by generated column. */
export type DecodedMappings = readonly (readonly Segment[])[];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((character, value) => [character, value]));
const CONTINUATION = 0b100000;
const DIGIT = 0b011111;

export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  const previous = [0, 0, 0, 0, 0];
  for (const lineText of mappings.split(';')) {
    const line: Segment[] = [];
    previous[0] = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = decodeVlqs(segmentText);
      for (let k = 0; k < fields.length; k++) previous[k] += fields[k];
      line.push(previous.slice(0, fields.length >= 4 ? fields.length : 1) as unknown as Segment);
    }
    line.sort((a, b) => a[0] - b[0]);
    lines.push(line);
  }
  return lines;
}

export function encodeMappings(lines: DecodedMappings): string {
  const previous = [0, 0, 0, 0, 0];
  return lines
    .map((line) => {
      previous[0] = 0;
      return line
        .map((segment) => {
          let text = '';
          for (let k = 0; k < segment.length; k++) {
            text += encodeVlq(segment[k] - previous[k]);
            previous[k] = segment[k];
          }
          return text;
        })
        .join(',');
    })
    .join(';');
}

function decodeVlqs(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const character of text) {
    const digit = BASE64_VALUE.get(character);
    if (digit === undefined) throw new Error(`invalid character '${character}' in source map mappings`);
    value += (digit & DIGIT) * 2 ** shift;
    if (digit & CONTINUATION) {
      shift += 5;
      continue;
    }
    values.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}

function encodeVlq(value: number): string {
  let rest = value < 0 ? -value * 2 + 1 : value * 2;
  let text = '';
  do {
    let digit = rest & DIGIT;
    rest = Math.floor(rest / 32);
    if (rest > 0) digit |= CONTINUATION;
    text += BASE64[digit];
  } while (rest > 0);
  return text;
}
