/**
 * Source maps as the integrations handle them: the JSON shape of a version 3
 * map, and its `mappings` string decoded into segments and encoded back.
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
 *   what composing two maps needs (./compose-source-maps.ts). The codec is
 *   @jridgewell/sourcemap-codec's (magic-string's own); it reads any text, so
 *   a mappings string with a character outside its alphabet is refused here.
 *
 * References:
 *   https://tc39.es/ecma426/ (Source Map, "Mappings structure")
 *   https://github.com/jridgewell/sourcemap-codec
 */

import { decode, encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';

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

/** The text of a `mappings` field: Base64 digits, `,` between segments, `;` between lines. */
const MAPPINGS_TEXT = /^[A-Za-z0-9+/,;]*$/;

export function decodeMappings(mappings: string): Segment[][] {
  // The codec reads any text; a map that is not one must fail here, not come out wrong.
  if (!MAPPINGS_TEXT.test(mappings)) {
    const at = mappings.search(/[^A-Za-z0-9+/,;]/);
    throw new Error(`invalid character '${mappings[at]}' in source map mappings`);
  }
  const lines = decode(mappings) as Segment[][];
  for (const line of lines) line.sort((a, b) => a[0] - b[0]);
  return lines;
}

export function encodeMappings(lines: DecodedMappings): string {
  return encode(lines as SourceMapSegment[][]);
}
