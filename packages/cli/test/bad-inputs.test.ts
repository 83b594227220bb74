/**
 * The shared bad-input corpus (`@coro/testkit`'s `badInputs`) through the
 * real CLI: all cases are written as files, exactly their bytes, and
 * lowered by one `coro transpile` run. Each diagnostic case must be
 * reported at its file:line:col with a code frame and write nothing; each
 * output case must be written, and print what the case says when run
 * (after a JSX step for JSX). Cases the compiler does not meet yet are
 * `test.failing`, with the reason in the title; that they still write
 * nothing and never take the other files down with them is checked for
 * every case.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { badInputs, type BadInput } from '@coro/testkit';
import { assertCliBuilt, coro, makeWorkspace, node, removeWorkspace, type Run } from './workspace';

let workspace: string;
let run: Run;

beforeAll(() => {
  assertCliBuilt();
  workspace = makeWorkspace(Object.fromEntries(badInputs.map((input) => [`src/${input.filename}`, input.bytes])));
  run = coro(['transpile', 'src', '--out-dir', 'out'], workspace);
});
afterAll(() => removeWorkspace(workspace));

const outputName = (input: BadInput): string => input.filename.replace(/\.tsx$/, '.jsx').replace(/\.ts$/, '.js');
const testOf = (input: BadInput): jest.It => (input.knownFailure === undefined ? test : test.failing);
const titled = (input: BadInput, what: string): string =>
  input.knownFailure === undefined ? `${input.name}: ${what}` : `${input.name}: ${what} (known failure: ${input.knownFailure})`;

/** The block of stderr that starts with this file's header: the header line and its code frame. */
function reportOf(input: BadInput): string {
  const start = run.stderr.search(new RegExp(`^src/${input.filename.replace(/\./g, '\\.')}[:\\s]`, 'm'));
  if (start < 0) return '';
  const next = run.stderr.slice(start + 1).search(/^(src\/\S+[:\s]|coro: )/m);
  return next < 0 ? run.stderr.slice(start) : run.stderr.slice(start, start + 1 + next);
}

test('one run over all cases: exit 1, nothing on stdout, a summary that counts what was written and what was not', () => {
  const written = badInputs.filter((input) => existsSync(join(workspace, 'out', outputName(input))));
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(written.every((input) => input.expect === 'output')).toBe(true);
  expect(run.stderr).toMatch(
    new RegExp(`\\ncoro: lowered ${written.length} files in \\d+ ms; ${badInputs.length - written.length} files with errors not written\\n$`),
  );
});

for (const input of badInputs) {
  if (input.expect === 'diagnostic') {
    const { diagnostic } = input;
    const position = `${diagnostic.line}:${diagnostic.column ?? '\\d+'}`;
    const code = diagnostic.code === undefined ? 'CORO\\d+' : `CORO${diagnostic.code}`;

    testOf(input)(titled(input, `src/${input.filename}:${diagnostic.line}:${diagnostic.column ?? '*'} - error, with a code frame`), () => {
      const report = reportOf(input);
      const [header, blank, ...frame] = report.split('\n');
      expect(header).toMatch(new RegExp(`^src/${input.filename.replace(/\./g, '\\.')}:${position} - error ${code}: `));
      expect(header).toMatch(diagnostic.message);
      expect(blank).toBe('');
      expect(frame.join('\n')).toMatch(new RegExp(`^> +${diagnostic.line} \\|`, 'm'));
      expect(frame.join('\n')).toMatch(/^ +\| +\^/m);
    });

    test(`${input.name}: reported on stderr and nothing written for it`, () => {
      expect(reportOf(input)).toMatch(new RegExp(`^src/${input.filename.replace(/\./g, '\\.')}[:\\s]`));
      expect(existsSync(join(workspace, 'out', outputName(input)))).toBe(false);
    });
    continue;
  }

  testOf(input)(titled(input, `written, and it prints ${JSON.stringify(input.prints)}`), () => {
    const written = join(workspace, 'out', outputName(input));
    expect(reportOf(input)).toBe('');
    expect(existsSync(written)).toBe(true);
    if (input.unchanged) expect(readFileSync(written)).toEqual(Buffer.from(input.bytes));
    let runnable = join('out', outputName(input));
    if (runnable.endsWith('.jsx')) {
      const compiled = ts.transpileModule(readFileSync(written, 'utf8'), {
        fileName: written,
        compilerOptions: { jsx: ts.JsxEmit.React, module: ts.ModuleKind.Preserve, target: ts.ScriptTarget.ESNext },
      }).outputText;
      runnable = runnable.replace(/\.jsx$/, '.cjs');
      writeFileSync(join(workspace, runnable), compiled);
    }
    const result = node(runnable, workspace);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(input.prints.map((line) => `${line}\n`).join(''));
  });

  if (input.knownFailure !== undefined) {
    test(`${input.name}: either written without a report, or reported and not written`, () => {
      const written = join(workspace, 'out', outputName(input));
      if (existsSync(written)) expect(reportOf(input)).toBe('');
      else expect(reportOf(input)).toMatch(/ - error/);
    });
  }
}
