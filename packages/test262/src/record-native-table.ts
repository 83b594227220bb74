/**
 * Writing the committed table of native outcomes (native-table.ts): the
 * whole selection measured natively, twice.
 *
 * ## Example
 *
 * ```ts
 * const written = await recordNativeTable({ workers: 2 });
 * written.runs         // 18,428
 * written.notPassing   // 249
 * // packages/test262/native-table.json rewritten; or a RecordingError naming the runs that disagreed
 * ```
 *
 * ## Implementation
 *
 * Each run of the selection is measured natively (no lowering) in two
 * passes over the worker pool. The table is written only when the two
 * passes agree on every run and none of them hung or crashed: an outcome
 * that depends on the machine's load is not a fact about Node, and a table
 * is trusted by every later run with the same key.
 *
 * ## References
 *
 * ./native-table.ts, ./pool.ts; docs/test262.md, "Native outcomes".
 */
import * as fs from 'fs';
import { modesOf } from './mode';
import { formatNativeTable, NATIVE_TABLE_FILE, nativeTableKey, runName } from './native-table';
import { runInWorkers, type RunRecord } from './pool';
import { selectTests } from './selection';
import { openSuite, repositoryRoot } from './suite';

export interface RecordOptions {
  readonly workers?: number;
  /** Default: native-table.json of this package. */
  readonly file?: string;
  readonly onProgress?: (finished: number, total: number) => void;
}

export interface RecordedTable {
  readonly file: string;
  readonly runs: number;
  readonly notPassing: number;
}

export class RecordingError extends Error {}

export async function recordNativeTable(options: RecordOptions = {}): Promise<RecordedTable> {
  const suite = openSuite(repositoryRoot());
  const runs = selectTests(suite.testDirectory).flatMap((test) => modesOf(test.frontMatter).map((mode) => ({ path: test.path, mode })));
  // The runner as it is now, not as it is once the measuring is done.
  const key = nativeTableKey(suite.name, runs);
  const jobs = runs.map((run) => ({ ...run, nativeOnly: true }));
  const pool = { workers: options.workers ?? 2, testDirectory: suite.testDirectory, harnessDirectory: suite.harnessDirectory };
  let finished = 0;
  const measure = () => runInWorkers(jobs, { ...pool, onRecord: () => options.onProgress?.(++finished, 2 * jobs.length) });
  const first = await measure();
  const second = await measure();
  const problems = first.flatMap((record, index) => disagreement(record, second[index]));
  if (problems.length > 0) {
    throw new RecordingError(`the native table was not written: ${problems.length} runs are not reproducible\n${problems.slice(0, 20).join('\n')}`);
  }
  const file = options.file ?? NATIVE_TABLE_FILE;
  fs.writeFileSync(file, formatNativeTable(key, first));
  return { file, runs: runs.length, notPassing: first.filter((record) => record.native.status !== 'pass').length };
}

function disagreement(first: RunRecord, second: RunRecord): string[] {
  const outcomes = [first.native, second.native];
  if (outcomes.some((outcome) => outcome.status === 'fail' && (outcome.failure.stage === 'hang' || outcome.failure.stage === 'crash'))) {
    return [`  ${runName(first)}: hung or crashed (${outcomes.map((outcome) => JSON.stringify(outcome)).join(', ')})`];
  }
  if (JSON.stringify(first.native) === JSON.stringify(second.native)) return [];
  return [`  ${runName(first)}: ${JSON.stringify(first.native)}, then ${JSON.stringify(second.native)}`];
}
