/**
 * examples/tsc-project, built as its README says (`tspc -p examples/tsc-project`)
 * into a temp directory, and run: it prints what its native build prints, and
 * no generator is left in what tspc wrote.
 */

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertPluginBuilt, linkWorkspacePackages, node, REPO, removeProject, TSC, TSPC } from './project';

const EXAMPLE = join(REPO, 'examples/tsc-project');

let out: string | undefined;

beforeAll(assertPluginBuilt);
afterEach(() => removeProject(out));

test('the example builds with tspc and runs as its native build does', () => {
  out = mkdtempSync(join(tmpdir(), 'coro-tsc-example-'));
  linkWorkspacePackages(out, ['runtime']);

  expect(node([TSPC, '-p', EXAMPLE, '--outDir', join(out, 'dist')], REPO)).toMatchObject({ status: 0, stdout: '', stderr: '' });
  expect(node([TSC, '-p', EXAMPLE, '--outDir', join(out, 'native')], REPO)).toMatchObject({ status: 0, stdout: '', stderr: '' });
  const lowered = node([join(out, 'dist/main.js')], REPO);
  const native = node([join(out, 'native/main.js')], REPO);

  expect(lowered).toEqual(native);
  expect(lowered.stdout.split('\n')).toEqual([
    'log closed',
    "first problems: [ '4 Warn 91% full', '7 Error connection refused' ]",
    'skipped lines: 2',
    'net windows: [ [ 7, 9 ], [ 9, 12 ] ]',
    'by source: { boot: 2, disk: 2, net: 3 }',
    '',
  ]);
  const javascript = readdirSync(join(out, 'dist')).filter((file) => file.endsWith('.js'));
  expect(javascript.sort()).toEqual(['log-record.js', 'main.js', 'pipeline.js']);
  for (const file of javascript) expect(readFileSync(join(out, 'dist', file), 'utf8')).not.toMatch(/function\s*\*|^\s*\*\s*windows/m);
  for (const file of ['log-record.d.ts', 'main.d.ts', 'pipeline.d.ts']) {
    expect(readFileSync(join(out, 'dist', file), 'utf8')).toBe(readFileSync(join(out, 'native', file), 'utf8'));
  }
});
