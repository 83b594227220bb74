/**
 * Reading the compiler's source map: the plugin's decoder and lookups agree
 * with Node's own `SourceMap` on real maps from `transform`, and reject a
 * malformed map.
 */

import { SourceMap, type SourceMapPayload } from 'node:module';
import { transform } from '@coro/compiler';
import { OriginalPositions } from '../src/original-positions';
import { decodeMappings } from '../src/vlq-mappings';

const SOURCE = [
  "import { readFile } from './files';",
  '',
  'export class Reader {',
  '  constructor(private readonly path: string) {}',
  '  *lines(limit: number): Generator<string> {',
  '    for (const line of readFile(this.path).split("\\n")) {',
  '      if (limit-- === 0) return;',
  '      yield line;',
  '    }',
  '  }',
  '}',
  '',
  'export function* numbered(reader: Reader) {',
  '  let n = 0;',
  '  for (const line of reader.lines(10)) yield `${++n}: ${line}`;',
  '}',
  "const unicode = 'caf\u00e9 \u{1F600}';",
  '',
].join('\n');

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lowered(source: string): { code: string; map: SourceMapPayload } {
  const result = transform(source, { filename: 'reader.ts', runtime: 'import' });
  expect(result.diagnostics).toEqual([]);
  if (result.map === null) throw new Error('nothing was lowered');
  return { code: result.code, map: JSON.parse(result.map.toString()) as SourceMapPayload };
}

for (const [label, source] of [
  ['LF', SOURCE],
  ['CRLF', SOURCE.replace(/\n/g, '\r\n')],
] as const) {
  test(`${label}: every position of the output looks up what Node's SourceMap finds`, () => {
    const { code, map } = lowered(source);
    const positions = new OriginalPositions(map, code, source);
    const node = new SourceMap(map);
    const generatedStarts = lineStarts(code);
    const originalStarts = lineStarts(source);

    let exactCount = 0;
    let total = 0;
    for (let line = 0; line < generatedStarts.length; line++) {
      const end = line + 1 < generatedStarts.length ? generatedStarts[line + 1] : code.length + 1;
      for (let column = 0; generatedStarts[line] + column < end; column++) {
        const offset = generatedStarts[line] + column;
        const entry = node.findEntry(line, column) as Partial<{ generatedLine: number; generatedColumn: number; originalLine: number; originalColumn: number }>;
        const expected = entry.originalLine === undefined ? -1 : originalStarts[entry.originalLine] + (entry.originalColumn as number);
        const isExact = entry.generatedLine === line && entry.generatedColumn === column;
        expect({ offset, nearest: positions.nearest(offset) }).toEqual({ offset, nearest: expected });
        expect({ offset, exact: positions.exact(offset) }).toEqual({ offset, exact: isExact ? expected : -1 });
        if (isExact) exactCount++;
        total++;
      }
    }
    // Both answers were compared: characters coro left alone, and code it wrote.
    expect(exactCount).toBeGreaterThan(0);
    expect(exactCount).toBeLessThan(total);
  });
}

test('an untouched character maps to the same character of the source', () => {
  const { code, map } = lowered(SOURCE);
  const positions = new OriginalPositions(map, code, SOURCE);

  for (const needle of ["import { readFile } from './files';", 'constructor(private readonly path: string) {}', "const unicode = 'caf\u00e9 \u{1F600}';"]) {
    const at = code.indexOf(needle);
    for (let i = 0; i < needle.length; i++) expect(positions.exact(at + i)).toBe(SOURCE.indexOf(needle) + i);
  }
  expect(positions.exact(code.indexOf('$coro'))).toBe(-1);
});

test('segments with one field, and relative fields across lines', () => {
  // Line 0: [0 → source 0, 0:0], [2 → unmapped]; line 1: none; line 2: [1 → source 0, 1:3].
  const decoded = decodeMappings('AAAA,E;;CACG');

  expect([...decoded.lineStart]).toEqual([0, 2, 2, 3]);
  expect([...decoded.generatedColumn]).toEqual([0, 2, 1]);
  expect([...decoded.source]).toEqual([0, -1, 0]);
  expect([...decoded.originalLine]).toEqual([0, -1, 1]);
  expect([...decoded.originalColumn]).toEqual([0, -1, 3]);
});

test('a mappings string with a character outside its alphabet is an error, not a wrong position', () => {
  expect(() => decodeMappings('AA!A')).toThrow("invalid source map: unexpected '!' at 2 of mappings");
});

test('segments are laid out by line, an unmapped one with source -1', () => {
  const m = decodeMappings('AAAA,CAAC;;EAAE,C');
  expect(Array.from(m.lineStart)).toEqual([0, 2, 2, 4]);
  expect(Array.from(m.generatedColumn)).toEqual([0, 1, 2, 3]);
  expect(Array.from(m.source)).toEqual([0, 0, 0, -1]);
  expect(Array.from(m.originalLine)).toEqual([0, 0, 0, -1]);
  expect(Array.from(m.originalColumn)).toEqual([0, 1, 3, -1]);
});
