/**
 * Running a command as a user's shell would, for the install tests.
 *
 * Example:
 *   succeed(run('npx coro transpile src --out-dir lib', project)).stdout
 *
 * Implementation:
 *   Children run without Jest's environment variables and without those npm
 *   sets for the command that started Jest (its prefix among them), and
 *   without colour, so what they print can be compared as text. A failure
 *   shows the exit status and both streams.
 *
 * References:
 *   install.test.ts, libraries.test.ts
 */

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

export function run(command: string, cwd: string): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(JEST_|npm_)/i.test(name)));
  return spawnSync(command, { cwd, shell: true, encoding: 'utf8', env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } });
}

export function succeed(result: SpawnSyncReturns<string>): SpawnSyncReturns<string> {
  if (result.status !== 0) {
    throw new Error(`exited with ${String(result.status ?? result.signal)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
  return result;
}
