/**
 * Running a lowered coroutine fixture for real: in its own Node process,
 * with timers, `async_hooks` and the built `@coro/runtime`, recording what it
 * prints.
 *
 * ## Example
 * ```ts
 * runScheduled(loweredCode, 'fixtures/coroutines/delay-order/input.js', 5000)
 * // → ['a', 'b', 'exit 1: Error: unhandled']
 * ```
 *
 * ## Implementation
 * The `vm` sandbox of `@coro/testkit` has no timers and drains its promise
 * jobs once, at the end of the script: a coroutine program needs the event
 * loop (delays, timeouts, the scheduler's microtask, unhandled rejections).
 * The program is written next to a temporary file and run by `node`, whose
 * `require` finds the workspace packages through NODE_PATH. Each line of
 * standard output is a trace line; a process that exits non-zero ends the
 * trace with `exit <code>: <first line of standard error>` (an unhandled
 * rejection, an uncaught error), the way the sandbox ends it with `uncaught`.
 *
 * ## References
 * https://nodejs.org/docs/latest-v20.x/api/child_process.html#child_processspawnsynccommand-args-options
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');

export function runScheduled(code: string, name: string, timeoutMs: number): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coro-coroutine-fixture-'));
  try {
    const file = path.join(dir, path.basename(name));
    fs.writeFileSync(file, code);
    const result = spawnSync(process.execPath, [file], {
      encoding: 'utf8',
      timeout: timeoutMs,
      env: { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules'), NODE_OPTIONS: '' },
    });
    const trace = result.stdout.replace(/\n$/, '').split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
    if (result.error) trace.push(`error: ${result.error.message}`);
    else if (result.status !== 0) {
      const firstError = result.stderr.split('\n').find((line) => /^\w*Error\b|^\w+: /.test(line)) ?? result.stderr.split('\n')[0];
      trace.push(`exit ${result.status}: ${firstError}`);
    }
    return trace;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
