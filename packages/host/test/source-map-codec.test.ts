/**
 * The source map pieces the CLI writes itself, against Node's own reader
 * (`module.SourceMap`): the VLQ codec, the chaining of two maps, and the
 * identity map of a file left as it was.
 */

import { SourceMap } from 'node:module';
import { composeSourceMaps } from '../src/compose-source-maps';
import { identitySourceMap } from '../src/identity-source-map';
import { decodeMappings, encodeMappings, type RawSourceMap } from '../src/source-map';

function map(mappings: string, sources = ['input.ts']): RawSourceMap {
  return { version: 3, sources, names: [], mappings };
}

/** Node's reading of a map at a 0-based generated position: [line, column] in the original, or undefined. */
function nodeLookup(raw: RawSourceMap, line: number, column: number): [number, number] | undefined {
  const entry = new SourceMap(raw as never).findEntry(line, column) as { originalLine?: number; originalColumn?: number };
  return entry.originalLine === undefined ? undefined : [entry.originalLine, entry.originalColumn as number];
}

describe('decodeMappings and encodeMappings', () => {
  test('decode to absolute 0-based positions, line by line; only the generated column restarts on each line', () => {
    expect(decodeMappings('AAAA,IAAI;AACA;;EAAE')).toEqual([[[0, 0, 0, 0], [4, 0, 0, 4]], [[0, 0, 1, 4]], [], [[2, 0, 1, 6]]]);
  });

  test('negative deltas, large values, a segment with a name and an unmapped segment', () => {
    const lines = [[[3, 0, 10, 40], [900, 1, 2, 0, 0], [950]], [[0, 0, 0, 0]]] as const;
    const encoded = encodeMappings(lines);
    expect(decodeMappings(encoded)).toEqual(lines);
    const node = new SourceMap({ ...map(encoded, ['a.ts', 'b.ts']), names: ['x'] } as never);
    expect(node.findEntry(0, 900)).toEqual(expect.objectContaining({ originalSource: expect.stringMatching(/b\.ts$/), originalLine: 2, name: 'x' }));
  });

  test('what TypeScript writes decodes and encodes back to the same text', () => {
    const typescript = 'AAAA,MAAM,CAAC,GAAW,CAAC,CAAC;AACpB,SAAS,CAAC,CAAC,CAAS,IAAI,OAAO,CAAC,CAAC,CAAC,CAAC';
    expect(encodeMappings(decodeMappings(typescript))).toBe(typescript);
  });

  test('a character outside Base64 is an error, not a wrong map', () => {
    expect(() => decodeMappings('AA!A')).toThrow(/invalid character '!'/);
  });
});

describe('composeSourceMaps', () => {
  // input.ts:  "let a: number = 1;"            middle: "let a = 1;"   output: "  let a = 1;"
  const inner = map(encodeMappings([[[0, 0, 0, 0], [4, 0, 0, 4], [8, 0, 0, 16]]]));
  const outer = map(encodeMappings([[[2, 0, 0, 0], [6, 0, 0, 4], [10, 0, 0, 8]]]), ['middle.ts']);

  test('an output position leads to the original through the middle, with the inner sources and content', () => {
    const composed = composeSourceMaps(outer, { ...inner, sourcesContent: ['let a: number = 1;'] });
    expect(composed.sources).toEqual(['input.ts']);
    expect(composed.sourcesContent).toEqual(['let a: number = 1;']);
    expect(nodeLookup(composed, 0, 6)).toEqual([0, 4]);
    expect(nodeLookup(composed, 0, 10)).toEqual([0, 16]);
  });

  test('a middle line without segments of its own takes the last segment before it, as Node reads the inner map', () => {
    const innerWithGap = map(encodeMappings([[[0, 0, 4, 0]], [], []]));
    const outerOnGap = map(encodeMappings([[[0, 0, 2, 7]]]), ['middle.ts']);
    expect(nodeLookup(innerWithGap, 2, 7)).toEqual([4, 0]);
    expect(nodeLookup(composeSourceMaps(outerOnGap, innerWithGap), 0, 0)).toEqual([4, 0]);
  });

  test('an explicitly unmapped inner segment stays unmapped', () => {
    const innerUnmapped = map(encodeMappings([[[0, 0, 0, 0], [5]]]));
    const outerOnIt = map(encodeMappings([[[0, 0, 0, 0], [3, 0, 0, 6]]]), ['middle.ts']);
    expect(decodeMappings(composeSourceMaps(outerOnIt, innerUnmapped).mappings)).toEqual([[[0, 0, 0, 0], [3]]]);
  });
});

describe('identitySourceMap', () => {
  test('every token start maps to itself, on every kind of line break', () => {
    const text = 'const answer = 42;\r\nf(answer)\u2028\n  return;';
    const identity = identitySourceMap(text, 'a.js');
    expect(identity.sourcesContent).toEqual([text]);
    for (const [line, column] of [[0, 0], [0, 6], [0, 13], [0, 15], [0, 17], [1, 2], [3, 2], [3, 8]]) {
      expect(nodeLookup(identity, line, column)).toEqual([line, column]);
    }
    expect(nodeLookup(identity, 0, 9)).toEqual([0, 6]);
  });
});
