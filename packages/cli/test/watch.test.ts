/**
 * `coro transpile --watch`, run for real: the first build, then a changed
 * file lowered again, a syntax error reported while the process keeps
 * watching (the last good output stays), the fix picked up, a new file
 * lowered, a deleted file's output removed, two sources clashing over one
 * output reported until one goes; and a glob watched for new matches. Each
 * test stops its process.
 */

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertCliBuilt, coro, makeWorkspace, node, removeWorkspace, startCoro, waitUntil, type RunningCoro } from './workspace';

const printing = (text: string) => `function* say() {\n  yield ${JSON.stringify(text)};\n}\nconsole.log(...say());\n`;

let workspace: string | undefined;
let running: RunningCoro | undefined;

beforeAll(assertCliBuilt);
afterEach(async () => {
  await running?.stop();
  running = undefined;
  removeWorkspace(workspace);
});

const output = (path: string): string => (existsSync(join(workspace as string, path)) ? readFileSync(join(workspace as string, path), 'utf8') : '');

test('changes are lowered again; an error is reported and watching goes on; new and deleted files are followed', async () => {
  workspace = makeWorkspace({
    'package.json': '{ "type": "commonjs" }\n',
    'src/a.js': printing('first'),
    'src/lib/b.ts': 'export const b: number = 1;\n',
  });
  const root = workspace;
  running = startCoro(['transpile', 'src', '-d', 'out', '--watch', '--runtime', 'require'], root);

  let seen = await running.waitForStderr(/coro: lowered 2 files in \d+ ms\ncoro: watching src for changes \(Ctrl-C to stop\)\n/);
  expect(node('out/a.js', root).stdout).toBe('first\n');

  writeFileSync(join(root, 'src/a.js'), printing('second'));
  seen = await running.waitForStderr(/coro: lowered 1 file in \d+ ms\n/, seen);
  await waitUntil(() => output('out/a.js').includes('"second"'), 'out/a.js to say "second"');
  expect(node('out/a.js', root).stdout).toBe('second\n');

  writeFileSync(join(root, 'src/a.js'), 'function* say() {\n  yield 2 +;\n}\n');
  seen = await running.waitForStderr(/src\/a\.js:2:12 - error CORO1001: Expression expected\.\n\n[^]*coro: lowered 0 files in \d+ ms; 1 file with errors not written\n/, seen);
  expect(running.child.exitCode).toBeNull();
  expect(node('out/a.js', root).stdout).toBe('second\n');

  writeFileSync(join(root, 'src/a.js'), printing('fixed'));
  await waitUntil(() => output('out/a.js').includes('"fixed"'), 'out/a.js to say "fixed"');
  expect(node('out/a.js', root).stdout).toBe('fixed\n');

  writeFileSync(join(root, 'src/lib/c.js'), printing('new'));
  await waitUntil(() => output('out/lib/c.js').includes('$coro'), 'out/lib/c.js to be written');
  expect(node('out/lib/c.js', root).stdout).toBe('new\n');

  rmSync(join(root, 'src/lib/c.js'));
  seen = await running.waitForStderr(/coro: src\/lib\/c\.js is gone; removed out\/lib\/c\.js\n/, seen);
  expect(existsSync(join(root, 'out/lib/c.js'))).toBe(false);
  expect(existsSync(join(root, 'out/lib/b.js'))).toBe(true);

  const typescriptOutput = output('out/lib/b.js');
  writeFileSync(join(root, 'src/lib/b.js'), printing('clash'));
  seen = await running.waitForStderr(/coro: src\/lib\/b\.js and src\/lib\/b\.ts would both be written to out\/lib\/b\.js; still watching\n/, seen);
  expect(output('out/lib/b.js')).toBe(typescriptOutput);

  rmSync(join(root, 'src/lib/b.js'));
  writeFileSync(join(root, 'src/lib/b.ts'), 'export const b: number = 2;\n');
  await waitUntil(() => output('out/lib/b.js').includes('b = 2'), 'out/lib/b.js to be lowered again once the clash is gone');
  expect(running.child.exitCode).toBeNull();
});

test('a glob is watched from its fixed part: a new file that matches is lowered, one that does not is left alone', async () => {
  workspace = makeWorkspace({ 'src/a.ts': printing('a') });
  const root = workspace;
  running = startCoro(['transpile', 'src/*.ts', '-d', 'out', '--watch', '--source-maps', 'file'], root);
  await running.waitForStderr(/coro: watching src for changes/);

  writeFileSync(join(root, 'src/notes.md'), '# not a source\n');
  writeFileSync(join(root, 'src/b.ts'), printing('b'));
  await waitUntil(() => output('out/b.js.map') !== '', 'out/b.js and its map to be written');

  expect(node('out/b.js', root).stdout).toBe('b\n');
  expect(existsSync(join(root, 'out/notes.md'))).toBe(false);
});

test('a usage error ends --watch at once with exit 2, before anything is watched', () => {
  workspace = makeWorkspace({ 'src/a.js': printing('a') });

  const result = coro(['transpile', 'src', '-d', 'src', '--watch'], workspace);

  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/overwrite its own inputs/);
});
