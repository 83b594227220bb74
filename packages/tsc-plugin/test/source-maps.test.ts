/**
 * tsc's source maps after the plugin: code outside lowered functions maps to
 * exactly where it was, and a lowered function maps back into the function
 * it came from. Maps are read with Node's own `SourceMap` (the one behind
 * `--enable-source-maps`), not with the plugin's decoder. The generators are
 * methods: coro puts a method's state machine before its class, so code that
 * kept no mapping of its own would borrow the statement before the class.
 */

import { SourceMap, type SourceMapPayload } from 'node:module';
import { join } from 'node:path';
import { assertPluginBuilt, CONSOLE_DECLARATION, makeProject, node, read, removeProject, tsc, tspc } from './project';

let project: string | undefined;

beforeAll(assertPluginBuilt);
afterEach(() => removeProject(project));

const TRACE_TS = [
  "const beforeMarker: string = 'before';",
  '',
  'class Shelf {',
  '  untouchedMethod(): string { return beforeMarker; }',
  '  *books(count: number): Generator<string> {',
  '    for (let i = 0; i < count; i++) {',
  "      yield 'in-body-' + i;",
  '    }',
  '  }',
  '  *failing(limit: number): Generator<number> {',
  '    yield limit;',
  "    const message = 'in-body-failing';",
  '    throw new Error(message);',
  '  }',
  '}',
  '',
  'const afterMarker = new Shelf().untouchedMethod();',
  'console.log([...new Shelf().books(2)], afterMarker);',
  'for (const value of new Shelf().failing(1)) console.log(value);',
  '',
];

/** 0-based line and column of the `occurrence`-th `needle` in `text`. */
function positionOf(text: string, needle: string, occurrence = 0): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`'${needle}' (occurrence ${occurrence}) is not in the text`);
  }
  const before = text.slice(0, index).split(/\r\n|\n/);
  return { line: before.length - 1, column: before[before.length - 1].length };
}

/** 0-based first and last line of the source function that starts with the line `header`. */
function linesOf(header: string, closing: string): { first: number; last: number } {
  const first = TRACE_TS.indexOf(header);
  return { first, last: TRACE_TS.indexOf(closing, first) };
}

const BOOKS = linesOf('  *books(count: number): Generator<string> {', '  }');
const FAILING = linesOf('  *failing(limit: number): Generator<number> {', '  }');

for (const [label, newline] of [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const) {
  test(`${label}: untouched code maps exactly, lowered code maps into the function it came from`, () => {
    const source = TRACE_TS.join(newline);
    project = makeProject({ 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/trace.ts': source });
    expect(tspc(project)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const output = read(project, 'out/trace.js');
    const map = new SourceMap(JSON.parse(read(project, 'out/trace.js.map')) as SourceMapPayload);
    const entryAt = (needle: string, occurrence = 0) => {
      const { line, column } = positionOf(output, needle, occurrence);
      return map.findEntry(line, column) as { originalSource?: string; originalLine: number; originalColumn: number };
    };

    expect(map.payload.sources).toEqual(['../src/trace.ts']);
    for (const [needle, occurrences] of [
      ['beforeMarker', 2],
      ['afterMarker', 2],
      ['untouchedMethod', 2],
      ['class Shelf', 1],
    ] as const) {
      for (let occurrence = 0; occurrence < occurrences; occurrence++) {
        const { originalLine, originalColumn } = entryAt(needle, occurrence);
        expect({ needle, occurrence, line: originalLine, column: originalColumn }).toEqual({ needle, occurrence, ...positionOf(source, needle, occurrence) });
      }
    }

    // Lowered code is printed from its syntax tree, so a string keeps its text, not its quotes.
    expect(entryAt('in-body-').originalLine).toBeGreaterThanOrEqual(BOOKS.first);
    expect(entryAt('in-body-').originalLine).toBeLessThanOrEqual(BOOKS.last);
    expect(entryAt('in-body-failing').originalLine).toBeGreaterThanOrEqual(FAILING.first);
    expect(entryAt('in-body-failing').originalLine).toBeLessThanOrEqual(FAILING.last);
  });
}

test('node --enable-source-maps: an error thrown in a lowered generator points into it, its caller as in the native build', () => {
  const source = TRACE_TS.join('\n');
  project = makeProject({ 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/trace.ts': source });
  expect(tspc(project)).toMatchObject({ status: 0, stdout: '', stderr: '' });
  expect(tsc(project, ['--outDir', 'out-native'])).toMatchObject({ status: 0, stdout: '' });

  const lowered = node(['--enable-source-maps', join('out', 'trace.js')], project);
  const native = node(['--enable-source-maps', join('out-native', 'trace.js')], project);

  expect(lowered.status).toBe(1);
  expect(lowered.stdout).toBe("[ 'in-body-0', 'in-body-1' ] before\n1\n");
  expect(lowered.stdout).toBe(native.stdout);
  expect(lowered.stderr).toContain('Error: in-body-failing');
  const trace = join(project, 'src', 'trace.ts');
  const framesIn = (stderr: string) =>
    [...stderr.matchAll(/(\S+\.ts):(\d+):(\d+)\)?$/gm)]
      .filter((match) => match[1].endsWith(trace))
      .map((match) => ({ line: Number(match[2]), column: Number(match[3]) }));
  const loweredFrames = framesIn(lowered.stderr);
  const nativeFrames = framesIn(native.stderr);
  // The first frame is the lowered generator: a line of `failing` (1-based) in the .ts source.
  expect(loweredFrames[0].line).toBeGreaterThanOrEqual(FAILING.first + 1);
  expect(loweredFrames[0].line).toBeLessThanOrEqual(FAILING.last + 1);
  // The loop that drives it is untouched code: the same position the native build reports.
  expect(loweredFrames.at(-1)).toEqual(nativeFrames.at(-1));
  expect(nativeFrames.at(-1)?.line).toBe(TRACE_TS.indexOf('for (const value of new Shelf().failing(1)) console.log(value);') + 1);
});
