/**
 * The plugin in a Vitest config: the real `vitest run` on a TypeScript
 * project whose source and tests hold every kind of suspend function, once
 * with `coro()` in `vitest.config.ts` and once without (native). Each test
 * must end as it ends natively, the code the tests ran must be the lowered
 * code, and a failing assertion must be reported at the same
 * file:line:col of the test file as natively.
 */
import { join } from 'node:path';
import { assertBuilt, makeProject, node, REPO, removeProject, type Run } from './harness';

const VITEST = join(REPO, 'node_modules/vitest/vitest.mjs');

const FILES: Record<string, string> = {
  'vitest.config.ts': [
    "import { defineConfig } from 'vitest/config';",
    "import coro from '@coro/vite-plugin';",
    '',
    'export default defineConfig({ plugins: [coro()] });',
    '',
  ].join('\n'),
  'vitest.native.config.ts': ["import { defineConfig } from 'vitest/config';", '', 'export default defineConfig({});', ''].join('\n'),
  'src/jobs.ts': [
    'export interface Job<T> { readonly id: number; run(): Promise<T> }',
    '',
    'export function* ids(start = 1): Generator<number, never> {',
    '  for (let id = start; ; id++) yield id;',
    '}',
    '',
    'export class Queue<T> {',
    '  #pending: Job<T>[] = [];',
    '  #log: string[] = [];',
    '  get log(): readonly string[] { return this.#log; }',
    '  add(job: Job<T>): this { this.#pending.push(job); return this; }',
    '',
    '  async *results(): AsyncGenerator<T, number> {',
    '    let done = 0;',
    '    try {',
    '      while (this.#pending.length > 0) {',
    '        const job = this.#pending.shift()!;',
    '        this.#log.push(`start ${job.id}`);',
    '        yield await job.run();',
    '        done++;',
    '      }',
    '    } finally {',
    '      this.#log.push(`closed after ${done}`);',
    '    }',
    '    return done;',
    '  }',
    '',
    '  async drain(): Promise<T[]> {',
    '    const all: T[] = [];',
    '    for await (const result of this.results()) all.push(result);',
    '    return all;',
    '  }',
    '}',
    '',
    'export async function later<T>(ms: number, value: T): Promise<T> {',
    '  await new Promise((resolve) => setTimeout(resolve, ms));',
    '  return value;',
    '}',
    '',
    'export async function failing(message: string): Promise<never> {',
    '  await null;',
    '  throw new Error(message);',
    '}',
    '',
  ].join('\n'),
  'test/jobs.test.ts': [
    "import { afterEach, describe, expect, it, vi } from 'vitest';",
    "import { failing, ids, later, Queue, type Job } from '../src/jobs';",
    '',
    'function job<T>(id: number, value: T, ms = 0): Job<T> {',
    '  return { id, run: () => later(ms, value) };',
    '}',
    '',
    "describe('queue', () => {",
    '  afterEach(() => { vi.useRealTimers(); });',
    '',
    "  it('drains in order', async () => {",
    "    const queue = new Queue<string>().add(job(1, 'a')).add(job(2, 'b'));",
    "    expect(await queue.drain()).toEqual(['a', 'b']);",
    "    expect(queue.log).toEqual(['start 1', 'start 2', 'closed after 2']);",
    '  });',
    '',
    "  it('closes the generator when the loop breaks', async () => {",
    "    const queue = new Queue<number>().add(job(1, 10)).add(job(2, 20));",
    '    for await (const value of queue.results()) { expect(value).toBe(10); break; }',
    "    expect(queue.log).toEqual(['start 1', 'closed after 0']);",
    '  });',
    '',
    "  it('runs on fake timers', async () => {",
    '    vi.useFakeTimers();',
    "    const result = later(1000, 'late');",
    '    await vi.advanceTimersByTimeAsync(1000);',
    "    expect(await result).toBe('late');",
    '  });',
    '',
    "  it('rejects with the error thrown after an await', async () => {",
    "    await expect(failing('no')).rejects.toThrow('no');",
    '  });',
    '',
    "  it('takes ids from an endless generator', () => {",
    '    const it = ids(5);',
    '    expect([it.next().value, it.next().value, it.return(undefined as never).done]).toEqual([5, 6, true]);',
    '  });',
    '',
    "  it('runs lowered code', () => {",
    '    // A lowered generator keeps no `yield`: its function is a wrapper that makes a frame.',
    "    expect(String(ids)).not.toContain('yield');",
    "    expect(String(Queue.prototype.drain)).not.toContain('await');",
    '  });',
    '',
    "  it('reports a failed assertion where it is', async () => {",
    "    const value = await later(0, 'seen');",
    "    expect(value).toBe('expected');",
    '  });',
    '});',
    '',
  ].join('\n'),
};

/** The failing test's assertion: line 47, column of `toBe` in the test file above. */
const FAILED_AT = 'test/jobs.test.ts:47:19';

interface Outcome {
  readonly name: string;
  readonly status: string;
  readonly firstFrame: string | undefined;
}

let project: string;
let lowered: Run;
let native: Run;

beforeAll(async () => {
  assertBuilt();
  project = makeProject(FILES);
  lowered = await node([VITEST, 'run', '--reporter=json'], project);
  native = await node([VITEST, 'run', '--reporter=json', '--config', 'vitest.native.config.ts'], project);
}, 120_000);

afterAll(() => removeProject(project));

/** Each test's full name, status, and the project file:line:col its first failure message's stack starts at. */
function outcomes(run: Run): Outcome[] {
  const report = JSON.parse(run.stdout) as {
    testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
  };
  return report.testResults.flatMap((file) =>
    file.assertionResults.map((result) => ({
      name: result.fullName,
      status: result.status,
      firstFrame: result.failureMessages.length === 0 ? undefined : firstProjectFrame(result.failureMessages[0]),
    })),
  );
}

/** The first stack line in the project's `test/` folder, as `test/file:line:col` (a named frame puts it in parentheses, an anonymous one does not). */
function firstProjectFrame(message: string): string | undefined {
  return /^\s+at (?:.*\()?(?:[^\s()]*[\\/])?(test[\\/][^\s()]+:\d+:\d+)\)?$/m.exec(message)?.[1].replace(/\\/g, '/');
}

test('every test ends as it ends natively, on lowered code', () => {
  const expected = [
    { name: 'queue drains in order', status: 'passed', firstFrame: undefined },
    { name: 'queue closes the generator when the loop breaks', status: 'passed', firstFrame: undefined },
    { name: 'queue runs on fake timers', status: 'passed', firstFrame: undefined },
    { name: 'queue rejects with the error thrown after an await', status: 'passed', firstFrame: undefined },
    { name: 'queue takes ids from an endless generator', status: 'passed', firstFrame: undefined },
    { name: 'queue runs lowered code', status: 'passed', firstFrame: undefined },
    { name: 'queue reports a failed assertion where it is', status: 'failed', firstFrame: FAILED_AT },
  ];

  expect(outcomes(lowered)).toEqual(expected);
  // Natively the same tests end the same way, but for the one that checks the code was lowered.
  expect(outcomes(native)).toEqual(expected.map((outcome) => (outcome.name === 'queue runs lowered code' ? { ...outcome, status: 'failed', firstFrame: expect.any(String) } : outcome)));
});

test('vitest exits non-zero for the failed test, and with nothing from coro on stderr', () => {
  expect(lowered.status).toBe(1);
  expect(lowered.stderr).not.toMatch(/CORO\d|\[plugin coro/);
});
