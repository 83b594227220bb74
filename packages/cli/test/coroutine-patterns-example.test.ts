/**
 * examples/coroutine-patterns, as a user would run it: copied into a fresh
 * project with @coro/runtime linked, the two commands of `npm start` run
 * there (`coro` is the repository's CLI); what the lowered program prints is
 * written out below (a coroutine has no native counterpart to compare with).
 */

import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { assertCliBuilt, CLI, makeWorkspace, REPO, removeWorkspace } from './workspace';

const EXAMPLE = join(REPO, 'examples/coroutine-patterns');

let project: string | undefined;

beforeAll(assertCliBuilt);
afterEach(() => removeWorkspace(project));

test('npm start lowers src/ and runs every pattern', () => {
  project = makeWorkspace({}, { linkRuntime: true });
  for (const entry of ['package.json', 'src']) cpSync(join(EXAMPLE, entry), join(project, entry), { recursive: true });
  const { scripts } = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.start).toBe('coro transpile src --out-dir out --source-maps file && node --enable-source-maps out/main.js');
  const env = { ...process.env, NO_COLOR: '1' };

  const lowered = spawnSync(process.execPath, [CLI, 'transpile', 'src', '--out-dir', 'out', '--source-maps', 'file'], { cwd: project, encoding: 'utf8', env });
  expect(lowered.stderr).toMatch(/^coro: lowered 7 files in \d+ ms\n$/);
  expect(lowered.status).toBe(0);
  const run = spawnSync(process.execPath, ['--enable-source-maps', 'out/main.js'], { cwd: project, encoding: 'utf8', env });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout.split('\n')).toEqual([
    '--- pipeline',
    'read    id,name',
    'read    1,ada',
    'read    2,grace',
    'read    3,barbara',
    'read    4,frances',
    'read    5,margaret',
    'wrote   {"id":"1","name":"ada"}',
    'read    6,radia',
    'wrote   {"id":"2","name":"grace"}',
    'wrote   {"id":"3","name":"barbara"}',
    'wrote   {"id":"4","name":"frances"}',
    'wrote   {"id":"5","name":"margaret"}',
    'wrote   {"id":"6","name":"radia"}',
    '--- bank-account',
    'withdrew 25, left 35',
    'withdrew 25, left 10',
    'refused: insufficient funds: 10 < 25',
    'balance: 10',
    'unanswered ask timed out: true',
    '--- race-found-by-explore',
    'plain run: passed',
    'explored: seed 2 fails: read the cache before it was filled',
    'replayed: read the cache before it was filled',
    '--- protocol-parser',
    'message: hello',
    'message: abc',
    'message: hello world',
    'rejected: bad length digit "x"',
    '--- crawler',
    'crawl finished in time: true',
    'visited: / /a /a/1 /a/2 /b /c',
    'skipped: /slow',
    '--- debounce',
    'search "coro" at 80 ms',
    'search "coroutine" at 240 ms',
    '',
  ]);
});
