/**
 * Strict UTF-8 decoding of source files: valid text passes unchanged (a
 * byte order mark included), and every kind of malformed sequence is
 * reported at its first byte, as WHATWG's decoder would fail on it.
 */

import { findInvalidUtf8, sourceText } from '../src/source-text';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

test('valid UTF-8 is decoded as it is: a byte order mark, multi-byte and astral characters kept', () => {
  const text = '\uFEFFconst s = "é€𝄞";\n';
  expect(sourceText(bytes(text), 'a.js')).toEqual({ text });
});

/** A valid prefix, then bytes starting with the first one that is wrong. */
const MALFORMED: [name: string, prefix: string, rest: number[]][] = [
  ['a Latin-1 letter', 'const s = "caf', [0xe9, 0x22, 0x3b]],
  ['a stray continuation byte', 'x', [0x80]],
  ['an overlong two-byte form', 'x', [0xc0, 0xaf]],
  ['an overlong three-byte form', 'x', [0xe0, 0x80, 0xaf]],
  ['a UTF-16 surrogate', 'x', [0xed, 0xa0, 0x80]],
  ['a code point beyond U+10FFFF', 'x', [0xf4, 0x90, 0x80, 0x80]],
  ['a sequence cut off by the end of the file', 'x', [0xe2, 0x82]],
  ['an invalid lead byte', 'x', [0xff]],
];

test.each(MALFORMED)('%s is reported at its first byte', (_name, prefix, rest) => {
  const result = sourceText(bytes(prefix, rest), 'a.js');
  expect(result.problem).toEqual({
    message: expect.stringContaining(`not valid UTF-8 (byte 0x${rest[0].toString(16).toUpperCase()})`),
    category: 'error',
    file: 'a.js',
    line: 1,
    column: prefix.length + 1,
    start: prefix.length,
    length: 1,
    code: 2001,
  });
  expect(result.text.startsWith(prefix)).toBe(true);
  expect(result.text[prefix.length]).toBe('\uFFFD');
  expect(findInvalidUtf8(bytes(prefix, rest))).toEqual({ offset: Buffer.byteLength(prefix), byte: rest[0], line: 1, column: prefix.length + 1 });
});

test('findInvalidUtf8 finds nothing in valid UTF-8, a spelled-out U+FFFD included', () => {
  expect(findInvalidUtf8(bytes('\uFEFFconst s = "é€𝄞\uFFFD";\n'))).toBeUndefined();
});

test('the position counts UTF-16 code units after the last line break, and not a byte order mark', () => {
  const result = sourceText(bytes('\uFEFFa\r\nb\nconst 𝄞 = "', [0xe9]), 'a.js');
  expect(result.problem).toEqual(expect.objectContaining({ line: 3, column: 'const 𝄞 = "'.length + 1 }));
  const firstLine = sourceText(bytes('\uFEFFab', [0xe9]), 'a.js');
  expect(firstLine.problem).toEqual(expect.objectContaining({ line: 1, column: 3 }));
});
