/**
 * What the @coro/jest tests share: a throw-away project whose Jest config
 * names `@coro/jest` as its transformer, and the real Jest run on it in a
 * child process, with its JSON report.
 *
 * The project links `node_modules/@coro/jest` and `node_modules/@coro/runtime`
 * to this repository's built packages, as an install would, so Jest resolves
 * the transformer by name and lowered code resolves the runtime. Each project
 * has its own cache directory, so no run sees another's cached output.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../../..');
const JEST = require.resolve('jest/bin/jest');
const TRANSFORMER = join(REPO, 'packages/jest/dist/index.js');

export interface JestReport {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly numFailedTestSuites: number;
  readonly testResults: readonly {
    readonly name: string;
    readonly status: 'passed' | 'failed';
    readonly message: string;
    readonly assertionResults: readonly { readonly title: string; readonly status: string; readonly failureMessages: readonly string[] }[];
  }[];
}

export interface JestRun {
  readonly status: number | null;
  /** Jest's human-readable report (it writes it to stderr). */
  readonly output: string;
  readonly report: JestReport | undefined;
}

export function assertTransformerBuilt(): void {
  if (!existsSync(TRANSFORMER)) throw new Error(`${relative(REPO, TRANSFORMER)} is missing: build first (npm test builds all packages)`);
}

export function makeProject(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'coro-jest-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  mkdirSync(join(root, 'node_modules/@coro'), { recursive: true });
  for (const name of ['jest', 'runtime']) symlinkSync(join(REPO, 'packages', name), join(root, 'node_modules/@coro', name), 'dir');
  return root;
}

export function removeProject(root: string | undefined): void {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
}

/** `jest.config.js` with `@coro/jest` for the files `pattern` matches, given `options`. */
export function jestConfig(options: object, pattern = '\\.[jt]sx?$', extra: object = {}): string {
  return `module.exports = ${JSON.stringify({ testEnvironment: 'node', transform: { [pattern]: ['@coro/jest', options] }, ...extra }, null, 2)};\n`;
}

export function runJest(root: string, args: readonly string[] = [], env: Record<string, string> = {}): JestRun {
  const reportPath = join(root, '.jest-report.json');
  rmSync(reportPath, { force: true });
  const result = spawnSync(
    process.execPath,
    [JEST, '--ci', '--no-watchman', '--cacheDirectory', join(root, '.jest-cache'), '--json', '--outputFile', reportPath, ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, timeout: 60_000 },
  );
  if (result.error) throw result.error;
  const report = existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as JestReport) : undefined;
  return { status: result.status, output: result.stderr, report };
}

/** The failure message of the test file named `file` (a path relative to the project). */
export function suiteMessage(run: JestRun, file: string): string {
  const suite = run.report?.testResults.find((result) => result.name.endsWith(`/${file}`));
  if (suite === undefined) throw new Error(`no test file ${file} in Jest's report:\n${run.output}`);
  return suite.message;
}
