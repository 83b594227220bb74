/**
 * The bad-input corpus: files every integration (CLI, Jest, tsc and Vite
 * plugins) must survive, each with the behaviour that is correct for it.
 *
 * ## Example
 *
 * ```ts
 * import { badInputs } from '@coro/testkit';
 *
 * for (const input of badInputs) {
 *   writeFileSync(join(dir, input.filename), input.bytes);   // exactly these bytes
 *   // run the integration on it, then:
 *   if (input.expect === 'diagnostic') {
 *     // an error at `${input.filename}:${input.diagnostic.line}:${input.diagnostic.column}`
 *     // matching input.diagnostic.message, with a code frame; nothing written
 *   } else {
 *     // the output runs (after the host's JSX step for .jsx/.tsx) and
 *     // prints exactly input.prints
 *   }
 * }
 * ```
 *
 * ## Implementation
 *
 * A case is data, not a test, so each integration checks it through its own
 * front door (a file on disk, a Jest transform, a Vite build). Every case
 * has `bytes`, the exact file content, and `text`, its UTF-8 decoding (absent
 * when the bytes are not UTF-8). Every file is a script (no `import`/`export`,
 * no package `"type"`), so `runtime: 'require'` and `'inline'` both apply.
 *
 * What "correct" means, in two kinds:
 * - `expect: 'diagnostic'`: the input is wrong (or cannot be lowered), and
 *   the integration reports an error at the given 1-based line and column
 *   (UTF-16 code units, counted the way an editor shows them: a byte order
 *   mark is not a column) and writes nothing for the file. `code` is
 *   compiler's stable number (`CORO<code>`) when the compiler is the one who
 *   finds the problem.
 * - `expect: 'output'`: the input is fine and the lowered output, run, prints
 *   `prints`, which is also what the native input prints. JSX is left as JSX
 *   by coro; both JSX files carry classic-runtime pragmas and define their own
 *   `h`, so any JSX compiler (TypeScript, Babel, Oxc, esbuild) makes them
 *   runnable without React.
 *
 * A case the compiler does not yet handle correctly says so in
 * `knownFailure`: tests of it must be `test.failing`, so the gap stays
 * visible and the test flips to red the day it is fixed, until the marker
 * is removed. The generated cases (50,000 lines, deep nesting) are built once,
 * when this module is loaded; they are deterministic.
 *
 * ## References
 *
 * docs/architecture.md, "Errors": bad input never yields partial or wrong output.
 * WHATWG Encoding, "UTF-8 decode" (what counts as invalid UTF-8).
 * ECMAScript 2025, 12.5 Hashbang Comments; 12.2 White Space (U+FEFF).
 * https://github.com/babel/babel/tree/main/packages/babel-parser/test/fixtures (the same idea: bad inputs as data)
 */

export interface ExpectedDiagnostic {
  /** 1-based. */
  readonly line: number;
  /** 1-based, UTF-16 code units; absent when any column on the line is right. */
  readonly column?: number;
  /** The compiler's diagnostic code, when the compiler is the one who reports it. */
  readonly code?: number;
  readonly message: RegExp;
}

interface BadInputBase {
  /** A stable kebab-case id; test titles use it. */
  readonly name: string;
  /** What the input is and what an integration must do with it. */
  readonly why: string;
  /** A bare file name; its extension selects the language (.js, .jsx, .ts, .tsx). */
  readonly filename: string;
  /** The file's exact content. */
  readonly bytes: Uint8Array;
  /** `bytes` decoded as UTF-8; undefined when they are not valid UTF-8. */
  readonly text: string | undefined;
  /** Why the compiler does not meet the expectation yet; tests of the case are `test.failing`. */
  readonly knownFailure?: string;
}

export type BadInput =
  | (BadInputBase & { readonly expect: 'diagnostic'; readonly diagnostic: ExpectedDiagnostic })
  | (BadInputBase & { readonly expect: 'output'; readonly prints: readonly string[]; readonly unchanged?: boolean });

const LARGE_FILE_LINES = 50_000;
const LARGE_FILE_GENERATOR_EVERY = 50;
const DEEP_NESTING_BEYOND_ENGINES = 10_000;
const DEEP_NESTING_WITHIN_ENGINES = 1_200;

/** Column (1-based) of the first `needle` in `line`: spells out where a diagnostic belongs. */
function columnOf(line: string, needle: string): number {
  const index = line.indexOf(needle);
  if (index < 0) throw new Error(`bad-inputs: '${needle}' is not in '${line}'`);
  return index + 1;
}

function textCase(
  fields: Omit<BadInputBase, 'bytes' | 'text'> & { readonly source: string } & (
      | { readonly expect: 'diagnostic'; readonly diagnostic: ExpectedDiagnostic }
      | { readonly expect: 'output'; readonly prints: readonly string[]; readonly unchanged?: boolean }
    ),
): BadInput {
  const { source, ...rest } = fields;
  return { ...rest, bytes: new Uint8Array(Buffer.from(source, 'utf8')), text: source } as BadInput;
}

const SYNTAX_ERROR_LINE = '  yield 2 +;';
const YIELD_LINE = '  yield item;';
const AWAIT_LINE = '  const response = await fetchData();';
const EVAL_LINE = '  yield eval(code);';
const WITH_LINE = '  with (scope) {';
const BOM_ERROR_LINE = 'function* g() { yield 2 +; }';
const CRLF_ERROR_LINE = '  yield 2 +;';

/** The generated 50,000-line file, and what its last line prints. */
function largeFile(): { source: string; prints: string } {
  const lines: string[] = ['// A generated file: a generator and a plain function every 50 lines.', 'var generators = [];'];
  const driver = 3;
  let blocks = 0;
  let total = 0;
  while (lines.length + LARGE_FILE_GENERATOR_EVERY + driver <= LARGE_FILE_LINES) {
    const factor = (blocks % 7) + 1;
    lines.push(
      `function* steps${blocks}(limit) {`,
      '  for (let n = 0; n < limit; n++) {',
      `    yield scale${blocks}(n);`,
      '  }',
      '}',
      `generators.push(steps${blocks});`,
      `function scale${blocks}(value) {`,
      '  var result = value;',
    );
    while (lines.length % LARGE_FILE_GENERATOR_EVERY !== 0) lines.push('  result = result * 1;');
    lines.push(`  return result * ${factor};`, '}');
    total += (0 + 1 + 2 + 3) * factor;
    blocks++;
  }
  lines.push('var total = 0;', 'for (var k = 0; k < generators.length; k++) for (var value of generators[k](4)) total += value;');
  while (lines.length < LARGE_FILE_LINES - 1) lines.push('// end');
  lines.push('console.log(generators.length, total);');
  return { source: lines.join('\n') + '\n', prints: `${blocks} ${total}` };
}

const LARGE_FILE = largeFile();

function nested(depth: number, innermost: string): string {
  return 'a + ('.repeat(depth) + innermost + ')'.repeat(depth);
}

/** "café" in Latin-1: 0xE9 is a UTF-8 lead byte that the next byte (`"`) does not continue. */
function latin1File(): Uint8Array {
  return new Uint8Array(Buffer.from('function* greet() {\n  yield "caf\u00e9";\n}\nconsole.log([...greet()]);\n', 'latin1'));
}

export const badInputs: readonly BadInput[] = [
  textCase({
    name: 'syntax-error',
    why: 'A binary operator without its right operand. A syntax error with the position of the token that is wrong, no output.',
    filename: 'syntax-error.js',
    source: ['function* numbers() {', '  yield 1;', SYNTAX_ERROR_LINE, '}', ''].join('\n'),
    expect: 'diagnostic',
    diagnostic: { line: 3, column: columnOf(SYNTAX_ERROR_LINE, ';'), code: 1001, message: /Expression expected/ },
  }),
  textCase({
    name: 'yield-outside-generator',
    why: '`yield` in a plain function (a syntax error natively too). The error points at the `yield` expression.',
    filename: 'yield-outside-generator.js',
    source: ['function each(items) {', '  for (const item of items) {', YIELD_LINE, '  }', '}', ''].join('\n'),
    expect: 'diagnostic',
    diagnostic: { line: 3, column: columnOf(YIELD_LINE, 'yield'), code: 1010, message: /'yield' is only valid inside a generator/ },
  }),
  textCase({
    name: 'await-outside-async',
    why: '`await` in a function that is not async (a syntax error natively too). The error points at the `await` expression.',
    filename: 'await-outside-async.js',
    source: ['function load() {', AWAIT_LINE, '  return response;', '}', ''].join('\n'),
    expect: 'diagnostic',
    diagnostic: { line: 2, column: columnOf(AWAIT_LINE, 'await'), code: 1010, message: /'await' is only valid in async functions/ },
  }),
  textCase({
    name: 'direct-eval-in-generator',
    why: 'Direct `eval` inside a generator names a local at run time: the generator keeps its bindings as real variables, and the output prints what the native code prints.',
    filename: 'direct-eval-in-generator.js',
    source: ['function* evaluate(code) {', '  var local = 1;', EVAL_LINE, '}', "console.log([...evaluate('local + 1')].join());", ''].join('\n'),
    expect: 'output',
    prints: ['2'],
  }),
  textCase({
    name: 'with-in-generator',
    why: '`with` inside a generator in a sloppy script, its body holding a `yield`: the object environment cannot span the states, refused at the statement.',
    filename: 'with-in-generator.js',
    source: ['function* lookup(scope) {', WITH_LINE, '    yield value;', '  }', '}', ''].join('\n'),
    expect: 'diagnostic',
    diagnostic: { line: 2, column: columnOf(WITH_LINE, 'with'), code: 1035, message: /'with'/ },
  }),
  textCase({
    name: 'empty-file',
    why: 'Zero bytes. Not an error: the output is the empty file (no runtime binding for nothing), and it prints nothing.',
    filename: 'empty-file.js',
    source: '',
    expect: 'output',
    prints: [],
    unchanged: true,
  }),
  textCase({
    name: 'byte-order-mark',
    why: 'A UTF-8 byte order mark before a generator. The mark stays first in the output (the runtime binding goes after it) and the output runs.',
    filename: 'byte-order-mark.js',
    source: '\uFEFFfunction* letters() {\n  yield "a";\n  yield "b";\n}\nconsole.log([...letters()].join(""));\n',
    expect: 'output',
    prints: ['ab'],
  }),
  textCase({
    name: 'byte-order-mark-syntax-error',
    why: 'A syntax error on the first line of a file with a byte order mark. The column is the one an editor and tsc show: the mark is not a column.',
    filename: 'byte-order-mark-syntax-error.js',
    source: `\uFEFF${BOM_ERROR_LINE}\n`,
    expect: 'diagnostic',
    diagnostic: { line: 1, column: columnOf(BOM_ERROR_LINE, ';'), code: 1001, message: /Expression expected/ },
  }),
  textCase({
    name: 'crlf-line-endings',
    why: 'Windows line endings throughout. The output runs; untouched lines keep their CRLF.',
    filename: 'crlf-line-endings.js',
    source: ['function* pairs(n) {', '  for (let i = 0; i < n; i++) {', '    yield [i, i * i];', '  }', '}', 'console.log(JSON.stringify([...pairs(3)]));', ''].join('\r\n'),
    expect: 'output',
    prints: ['[[0,0],[1,1],[2,4]]'],
  }),
  textCase({
    name: 'crlf-syntax-error',
    why: 'A syntax error after CRLF lines: CRLF is one line break, so the line number is the one an editor shows.',
    filename: 'crlf-syntax-error.js',
    source: ['function* numbers() {', '  yield 1;', CRLF_ERROR_LINE, '}', ''].join('\r\n'),
    expect: 'diagnostic',
    diagnostic: { line: 3, column: columnOf(CRLF_ERROR_LINE, ';'), code: 1001, message: /Expression expected/ },
  }),
  textCase({
    name: 'shebang',
    why: 'A `#!` line, as in an executable script. It stays the first line of the output (before the runtime binding), so the output is still executable.',
    filename: 'shebang.js',
    source: '#!/usr/bin/env node\n"use strict";\nfunction* countdown(n) {\n  while (n > 0) yield n--;\n}\nconsole.log([...countdown(3)].join(" "));\n',
    expect: 'output',
    prints: ['3 2 1'],
  }),
  textCase({
    name: 'jsx-generator',
    why:
      "A .jsx file whose generator yields JSX elements, with pragmas in its leading comments. coro lowers the generator and leaves the JSX, and the pragmas " +
      "still leading the file, for the host's JSX step; the result runs.",
    filename: 'jsx-generator.jsx',
    source: [
      '/** @jsxRuntime classic */',
      '/** @jsx h */',
      'function h(tag, props, ...children) {',
      '  return tag + "(" + children.join(",") + ")";',
      '}',
      'function* items(names) {',
      '  for (const name of names) {',
      '    yield <li>{name}</li>;',
      '  }',
      '}',
      'console.log(<ul>{[...items(["a", "b"])]}</ul>);',
      '',
    ].join('\n'),
    expect: 'output',
    prints: ['ul(li(a),li(b))'],
  }),
  textCase({
    name: 'tsx-generator',
    why:
      'A .tsx file: pragmas in its leading comments, types, a generic generator, and JSX in a `yield`. coro lowers the generator; types are removed, and the ' +
      "JSX and the leading pragmas are left for the host's JSX step; the result runs.",
    filename: 'tsx-generator.tsx',
    source: [
      '/** @jsxRuntime classic */',
      '/** @jsx h */',
      'declare namespace JSX { type Element = string; interface IntrinsicElements { [tag: string]: unknown } }',
      'function h(tag: string, props: unknown, ...children: unknown[]): string {',
      '  return tag + "(" + children.join(",") + ")";',
      '}',
      'function* rows<T>(values: readonly T[]): Generator<JSX.Element, number> {',
      '  for (const value of values) {',
      '    yield <td>{String(value)}</td>;',
      '  }',
      '  return values.length;',
      '}',
      'console.log(<tr>{[...rows<number>([1, 2])]}</tr>);',
      '',
    ].join('\n'),
    expect: 'output',
    prints: ['tr(td(1),td(2))'],
  }),
  textCase({
    name: 'large-file',
    why: `${LARGE_FILE_LINES.toLocaleString('en')} lines with a generator every ${LARGE_FILE_GENERATOR_EVERY} lines (generated). Lowered in reasonable time and memory; the output runs.`,
    filename: 'large-file.js',
    source: LARGE_FILE.source,
    expect: 'output',
    prints: [LARGE_FILE.prints],
  }),
  textCase({
    name: 'deep-nesting-beyond-engines',
    why: `An expression nested ${DEEP_NESTING_BEYOND_ENGINES.toLocaleString('en')} deep inside a generator (generated); V8 itself refuses to parse it. A diagnostic at its deepest bracket, not a stack overflow.`,
    filename: 'deep-nesting-beyond-engines.js',
    source: `function* deep(a) {\n  return ${nested(DEEP_NESTING_BEYOND_ENGINES, '(yield a)')};\n}\n`,
    expect: 'diagnostic',
    diagnostic: { line: 2, column: '  return '.length + 'a + ('.length * DEEP_NESTING_BEYOND_ENGINES + 1, code: 1007, message: /nests too deeply/ },
  }),
  textCase({
    name: 'deep-nesting-within-engines',
    why: `An expression nested ${DEEP_NESTING_WITHIN_ENGINES.toLocaleString('en')} deep around a \`yield\` (generated); V8 runs it natively. The output runs too.`,
    filename: 'deep-nesting-within-engines.js',
    source: `function* deep(a) {\n  return ${nested(DEEP_NESTING_WITHIN_ENGINES, '(yield a)')};\n}\nconst it = deep(1);\nit.next();\nconsole.log(it.next(2).value);\n`,
    expect: 'output',
    prints: [String(DEEP_NESTING_WITHIN_ENGINES + 2)],
  }),
  {
    name: 'invalid-utf8',
    why:
      'A string literal in Latin-1 ("café" with the byte 0xE9), which is not valid UTF-8. Decoding it with replacement characters would silently change the program, ' +
      'so an integration that reads the bytes reports the first invalid byte instead. (A host that decodes files itself, like tsc or Vite, hands over U+FFFD.)',
    filename: 'invalid-utf8.js',
    bytes: latin1File(),
    text: undefined,
    expect: 'diagnostic',
    diagnostic: { line: 2, column: columnOf('  yield "caf\u00e9";', '\u00e9'), message: /UTF-8/ },
  },
];
