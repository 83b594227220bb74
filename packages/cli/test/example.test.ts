/**
 * examples/cli-run, as a user would run it: copied into a fresh project
 * that has @coro/cli and @coro/runtime installed (linked), `npm start`'s
 * command run there; the program it lowers and runs must print what the
 * same program prints natively (types removed, nothing lowered).
 */

import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { assertCliBuilt, listFiles, makeWorkspace, node, REPO, removeWorkspace, writeNativeCopy } from './workspace';

const EXAMPLE = join(REPO, 'examples/cli-run');

let project: string | undefined;

beforeAll(assertCliBuilt);
afterEach(() => removeWorkspace(project));

test('npm start lowers src/ into out/ and runs it; the output is the native program\'s', () => {
  project = makeWorkspace({});
  for (const entry of ['package.json', 'run.js', 'src']) cpSync(join(EXAMPLE, entry), join(project, entry), { recursive: true });
  mkdirSync(join(project, 'node_modules/@coro'), { recursive: true });
  symlinkSync(join(REPO, 'packages/cli'), join(project, 'node_modules/@coro/cli'), 'dir');

  const { scripts } = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.start).toBe('node run.js');
  const run = spawnSync(process.execPath, ['run.js'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  expect(run.stderr).toMatch(/^coro: lowered 2 files in \d+ ms\n$/);
  expect(run.status).toBe(0);
  expect(listFiles(join(project, 'out'))).toEqual(['inventory.js', 'inventory.js.map', 'main.js', 'main.js.map']);
  const printed = run.stdout.split('\n');
  expect(printed.slice(0, 2)).toEqual(['$ coro transpile src --out-dir out --source-maps file', '$ node --enable-source-maps out/main.js']);

  writeNativeCopy(join(project, 'src'), join(project, 'native'));
  const native = node('native/main.js', project);
  expect(native.status).toBe(0);
  expect(printed.slice(2).join('\n')).toBe(native.stdout);
  expect(native.stdout).toBe(
    ['apple: 12 (running total 12)', 'plum: 7 (running total 19)', 'report closed at total 19', 'lookup failed: unknown item kiwi', ''].join('\n'),
  );
});

test('run.js takes no arguments', () => {
  const run = spawnSync(process.execPath, [join(EXAMPLE, 'run.js'), '--watch'], { encoding: 'utf8' });

  expect(run.status).toBe(1);
  expect(run.stderr).toBe('cli-run example failed: usage: node run.js (it takes no arguments)\n');
});
