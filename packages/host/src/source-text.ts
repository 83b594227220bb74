/**
 * Decodes a source file's bytes as UTF-8, or says where they stop being
 * UTF-8.
 *
 * Example:
 *   sourceText(Buffer.from('yield "café";', 'utf8'), 'a.js')
 *   // → { text: 'yield "café";' }
 *   sourceText(Buffer.from('yield "café";', 'latin1'), 'a.js')
 *   // → { problem: { line: 1, column: 11, start: 10, length: 1, code: 2001,
 *   //      message: 'this file is not valid UTF-8 (byte 0xE9) …' }, text: 'yield "caf\uFFFD";' }
 *   findInvalidUtf8(Buffer.from('yield "café";', 'latin1'))
 *   // → { offset: 10, byte: 0xe9, line: 1, column: 11 }
 *
 * Implementation:
 *   Node and tsc read sources as UTF-8 and replace what does not decode with
 *   U+FFFD; a string literal in Latin-1 would then silently become a
 *   different string in the output. Refusing the file keeps the rule that
 *   bad input never yields wrong output. The position is that of the first
 *   byte that does not decode, in UTF-16 code units of the text before it,
 *   like every other diagnostic; the lossy decoding is kept for the code
 *   frame. A byte order mark is kept in the text (the compiler puts the
 *   runtime binding after it, and the output keeps it), but it is not a
 *   column, as in an editor.
 *   The diagnostic's code, 2001 (`DiagnosticCode.InvalidEncoding`), starts
 *   the range of problems an integration finds before the compiler sees any
 *   text (the compiler's are 1001–1999). A host that decoded the file itself
 *   (Jest, Rollup, Vite) hands over text with U+FFFD in place of each bad
 *   byte; `findInvalidUtf8` checks the file's bytes behind such text.
 *
 * References:
 *   https://encoding.spec.whatwg.org/#utf-8-decoder
 *   https://nodejs.org/docs/latest-v20.x/api/util.html#class-utiltextdecoder (fatal)
 */

import { DiagnosticCode, type Diagnostic } from '@coro/compiler';

export type SourceText =
  | { readonly text: string; readonly problem?: undefined }
  | { readonly text: string; readonly problem: Diagnostic };

/** The first byte that is not UTF-8, and where an editor shows it. */
export interface InvalidUtf8 {
  /** Index of the byte. */
  readonly offset: number;
  readonly byte: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function sourceText(bytes: Uint8Array, file: string): SourceText {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    // The strict decoder (native, and fast on the files that are fine) found a bad byte; this finds where.
    const invalid = findInvalidUtf8(bytes) as InvalidUtf8;
    const byte = invalid.byte.toString(16).toUpperCase().padStart(2, '0');
    return {
      text: lossy.decode(bytes),
      problem: {
        message: `this file is not valid UTF-8 (byte 0x${byte}); coro reads sources as UTF-8: convert it, e.g. with iconv -f latin1 -t utf-8`,
        category: 'error',
        file,
        line: invalid.line,
        column: invalid.column,
        start: lossy.decode(bytes.subarray(0, invalid.offset)).length,
        length: 1,
        code: DiagnosticCode.InvalidEncoding,
      },
    };
  }
}

export function findInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  const offset = firstInvalidByte(bytes);
  if (offset === bytes.length) return undefined;
  const before = lossy.decode(bytes.subarray(0, offset)).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return { offset, byte: bytes[offset], line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Offset of the first byte that starts no well-formed UTF-8 sequence: a stray
 * continuation byte, or a lead byte whose continuation is missing, out of
 * range (overlong forms, surrogates, beyond U+10FFFF) or cut off by the end.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const length = sequenceLength(bytes, offset);
    if (length === 0) return offset;
    offset += length;
  }
  return bytes.length;
}

/** The WHATWG decoder's table: the second byte's range depends on the lead byte; later ones are 0x80–0xBF. */
function sequenceLength(bytes: Uint8Array, offset: number): number {
  const lead = bytes[offset];
  if (lead <= 0x7f) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const byte = bytes[offset + k];
    if (byte === undefined || byte < low || byte > high) return 0;
    low = 0x80;
    high = 0xbf;
  }
  return length;
}
