/**
 * The shared bad-input corpus (`@coro/testkit`) through `tspc`: every case
 * is a file of one project (with `allowJs`), built once with the plugin. A
 * case that expects a diagnostic gets a tsc error at its line and column
 * with a code frame, and no JavaScript for its file; a case that expects
 * output runs and prints what the corpus says. The cases whose output is
 * compared with plain tsc's are also built natively, in a project of their
 * own.
 *
 * tsc shapes some cases before coro sees them, and the tests say so:
 * - tsc reports syntax errors itself (the same parser as coro's); coro does
 *   not repeat them, so the error may be TypeScript's (TS1109) or coro's
 *   (TS99xxxx, coro's code + 990000);
 * - tsc reads files as UTF-8 with replacement characters and strips a byte
 *   order mark, so invalid UTF-8 cannot be reported: that file is built as
 *   tsc builds it without coro;
 * - tsc takes `@jsx` pragmas from the file it parsed, before coro runs, so
 *   the compiler's known gap with pragmas does not show here;
 * - tsc's own parser overflows its stack on the deeply nested cases, with or
 *   without the plugin: the build fails before any plugin runs, and nothing
 *   is written.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { badInputs, type BadInput } from '@coro/testkit';
import { DIAGNOSTIC_CODE_OFFSET } from '@coro/tsc-plugin';
import { assertPluginBuilt, makeProject, node, read, removeProject, tsc, tspc, type Run } from './project';

const COMPILER_OPTIONS = { allowJs: true, jsx: 'react', declaration: false };

/** Cases whose file tsc itself cannot parse: its parser overflows the stack. */
const HOST_PARSER_OVERFLOWS = new Set(['deep-nesting-beyond-engines', 'deep-nesting-within-engines']);
/** Cases whose bytes tsc decodes itself (replacement characters), so there is nothing to report. */
const HOST_DECODES = new Set(['invalid-utf8']);
/** Known compiler gaps that tsc's handling of the file sidesteps, and why. */
const SIDESTEPPED_BY_TSC: Record<string, string> = {
  'byte-order-mark-syntax-error': 'tsc strips the byte order mark when it reads the file, so no column counts it',
  'jsx-generator': 'tsc reads the @jsx pragmas from the file it parsed, not from coro\'s output',
  'tsx-generator': 'tsc reads the @jsx pragmas from the file it parsed, not from coro\'s output',
};

const shared = badInputs.filter((input) => !HOST_PARSER_OVERFLOWS.has(input.name));
/** The cases compared with their native build, which gets a project of its own: the large file is not among them. */
const comparedWithNative = shared.filter((input) => HOST_DECODES.has(input.name) || (input.expect === 'output' && input.unchanged === true));
let project: string;
let nativeProject: string;
let built: Run;
let report: string;

const projectOf = (inputs: readonly BadInput[]) =>
  makeProject(Object.fromEntries(inputs.map((input) => [`src/${input.filename}`, input.bytes])), { compilerOptions: COMPILER_OPTIONS });

beforeAll(() => {
  assertPluginBuilt();
  project = projectOf(shared);
  built = tspc(project, ['--pretty', 'true']);
  report = stripColours(built.stdout);
  nativeProject = projectOf(comparedWithNative);
  tsc(nativeProject);
});
afterAll(() => {
  removeProject(project);
  removeProject(nativeProject);
});

test('the build fails, and says so once per file with an error', () => {
  expect(built.status).toBe(2);
  expect(built.stderr).toBe('');
  const failing = shared.filter((input) => input.expect === 'diagnostic' && !HOST_DECODES.has(input.name));
  expect(report).toMatch(new RegExp(`Found ${failing.length} errors in ${failing.length} files`));
});

for (const input of shared) {
  const sidestepped = SIDESTEPPED_BY_TSC[input.name];
  const declare = input.knownFailure !== undefined && sidestepped === undefined ? test.failing : test;
  declare(input.name, () => {
    if (input.expect === 'diagnostic' && !HOST_DECODES.has(input.name)) expectDiagnostic(input);
    else if (input.expect === 'output') expectOutput(input.filename, input.prints, input.unchanged === true);
    else expectAsNative(input.filename);
  });
}

function expectDiagnostic(input: BadInput & { expect: 'diagnostic' }): void {
  const file = `src/${input.filename}`;
  const header = new RegExp(`^${escape(file)}:(\\d+):(\\d+) - error TS(\\d+): (.*)$`, 'm');
  const match = header.exec(report);
  if (match === null) throw new Error(`no error for ${file} in:\n${report}`);
  const [, line, column, code, message] = match;
  expect(Number(line)).toBe(input.diagnostic.line);
  if (input.diagnostic.column !== undefined) expect(Number(column)).toBe(input.diagnostic.column);
  if (Number(code) >= DIAGNOSTIC_CODE_OFFSET) {
    // coro's own diagnostic: its code and message are the corpus's.
    if (input.diagnostic.code !== undefined) expect(Number(code) - DIAGNOSTIC_CODE_OFFSET).toBe(input.diagnostic.code);
    expect(message).toMatch(input.diagnostic.message);
  }
  // tsc's code frame: the line, numbered, under the header.
  const frame = report.slice(match.index + match[0].length).split('\n').find((row) => row.trim() !== '');
  const sourceLine = (input.text ?? '').replace(/^\uFEFF/, '').split(/\r\n|\n/)[input.diagnostic.line - 1];
  expect(frame).toBe(`${input.diagnostic.line} ${sourceLine}`);
  expect(existsSync(join(project, 'out', input.filename.replace(/\.[jt]sx?$/, '.js')))).toBe(false);
}

function expectOutput(filename: string, prints: readonly string[], unchanged: boolean): void {
  const output = join('out', filename.replace(/\.[jt]sx?$/, '.js'));
  const run = node([output], project);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe(prints.map((line) => `${line}\n`).join(''));
  if (unchanged) expect(read(project, output)).toBe(read(nativeProject, output));
}

function expectAsNative(filename: string): void {
  const output = join('out', filename.replace(/\.[jt]sx?$/, '.js'));
  const native = node([output], nativeProject);
  expect(node([output], project)).toEqual(native);
  expect(native.status).toBe(0);
}

describe.each(badInputs.filter((input) => HOST_PARSER_OVERFLOWS.has(input.name)))('$name', (input) => {
  let alone: string | undefined;
  afterEach(() => removeProject(alone));

  test("TypeScript's own parser overflows, with the plugin or without; nothing is written", () => {
    alone = makeProject({ [`src/${input.filename}`]: input.bytes }, { compilerOptions: COMPILER_OPTIONS });

    const native = tsc(alone);
    const withPlugin = tspc(alone);

    for (const result of [native, withPlugin]) {
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('RangeError: Maximum call stack size exceeded');
    }
    expect(withPlugin.stderr).not.toContain('tsc-plugin');
    expect(existsSync(join(alone, 'out'))).toBe(false);
  });
});

function stripColours(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
