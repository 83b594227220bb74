/**
 * The source map of a file written out exactly as it was read: every token
 * maps to itself.
 *
 * Example:
 *   identitySourceMap('const a = 1;\nf(a);\n', 'src/a.js')
 *   // → { sources: ['src/a.js'], sourcesContent: [the text],
 *   //     mappings: 'AAAA,MAAM,EAAE,EAAE,CAAC;AACX,CAAC,CAAC,CAAC,CAAC;' }   (const a = 1 ; / f ( a ) ;)
 *
 * Implementation:
 *   The compiler returns no map for a file without suspend functions (its
 *   text is the output), but every output asked for a map gets one (the
 *   CLI's `--source-maps`, Jest's coverage), so that a debugger and a
 *   bundler treat all files alike. One segment at the
 *   start of each token (a run of identifier characters, or any other
 *   non-space character) is what a debugger can stop at, as magic-string's
 *   `hires: 'boundary'` does, without one segment per character. Lines are
 *   split at every ECMAScript line terminator, as engines count them.
 *
 * References:
 *   https://tc39.es/ecma426/ (Source Map)
 *   ECMAScript 2025, 12.3 Line Terminators
 *   https://github.com/Rich-Harris/magic-string#sgeneratemap-options- (hires: 'boundary')
 */

import { encodeMappings, type RawSourceMap, type Segment } from './source-map';

const LINE_TERMINATOR = /\r\n|[\n\r\u2028\u2029]/;
const TOKEN_START = /[\p{ID_Continue}$\u200c\u200d]+|\S/gu;

export function identitySourceMap(text: string, source: string): RawSourceMap {
  const lines = text.split(LINE_TERMINATOR).map((line, lineIndex) =>
    [...line.matchAll(TOKEN_START)].map((match): Segment => [match.index, 0, lineIndex, match.index]),
  );
  return { version: 3, sources: [source], sourcesContent: [text], names: [], mappings: encodeMappings(lines) };
}
