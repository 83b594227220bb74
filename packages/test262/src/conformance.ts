/**
 * A conformance run: select the tests, run each mode natively and lowered on
 * the worker pool, count, classify, and compare with the expectations.
 *
 * ## Example
 *
 * ```ts
 * const report = await runConformance({ workers: 2 });
 * report.nativePassing      // runs Node passes natively: the denominator
 * report.loweredPassing     // of those, runs that pass after lowering
 * report.comparison.unexpectedFailures   // [] when nothing regressed
 * ```
 *
 * ## Implementation
 *
 * A "run" is one test in one mode (strict, sloppy or module, mode.ts); the
 * figures count runs. A run is counted only when Node passes it natively:
 * Node 20 predates parts of the suite, and a lowering cannot be blamed for
 * what the engine under it lacks. Module runs that cannot happen (no
 * `vm.SourceTextModule`) are counted as skipped.
 *
 * What Node does with a run is known without running it when the committed
 * table (native-table.ts) is for this suite, Node and runner: then every
 * {@link SPOT_CHECK_EVERY}-th run of the selection is measured natively
 * again, and a disagreement with the table fails the run like an unexpected
 * result. Otherwise what Node did is remembered in `.cache/` per Node
 * release, suite and runner (native-outcomes.ts). Either way a known native
 * outcome means only the lowered side runs, which is what a change to coro
 * can change; every lowered run still happens.
 *
 * `filter` keeps the tests whose path contains one of the strings; `slice`
 * keeps every `count`-th test from the `index`-th, a deterministic sample of
 * the whole suite. Either makes the run partial: then only the expectations
 * of measured runs are checked (and rewritten by an update).
 *
 * ## References
 *
 * ./selection.ts, ./pool.ts, ./expectations.ts.
 */
import * as path from 'path';
import { classifyFailure } from './classification';
import {
  compareWithExpectations,
  readExpectations,
  type Comparison,
  type Expectation,
  type LoweredFailure,
  updateExpectations,
} from './expectations';
import { modesOf, type Mode } from './mode';
import { NativeOutcomes } from './native-outcomes';
import { NATIVE_TABLE_FILE, NativeTable, nativeTableKey, runName, SPOT_CHECK_EVERY, type RunId } from './native-table';
import type { Outcome } from './outcome';
import { runInWorkers, type RunRecord } from './pool';
import { selectTests, type SelectedTest } from './selection';
import { openSuite, repositoryRoot } from './suite';

export interface ConformanceOptions {
  /** Worker processes. Default 2. */
  readonly workers?: number;
  /** Keep only tests whose path contains one of these. */
  readonly filter?: readonly string[];
  /** Keep only the tests at positions index, index + count, … of the selection. */
  readonly slice?: { readonly index: number; readonly count: number };
  /** Default: expectations.txt of this package. */
  readonly expectationsFile?: string;
  readonly onProgress?: (finished: number, total: number) => void;
  /** Take native outcomes from the committed table or an earlier run on this Node (native-table.ts, native-outcomes.ts). Default true. */
  readonly reuseNativeOutcomes?: boolean;
  /** Default: native-table.json of this package. */
  readonly nativeTableFile?: string;
}

export interface ConformanceReport {
  readonly suite: string;
  readonly selectedTests: number;
  readonly runs: number;
  readonly nativePassing: number;
  readonly loweredPassing: number;
  readonly skipped: number;
  readonly failures: readonly LoweredFailure[];
  /** Runs Node itself fails (engine gaps, host features the realm lacks): not counted. */
  readonly nativeFailures: readonly NativeFailure[];
  readonly comparison: Comparison;
  /** What the expectations file should hold after this run. */
  readonly updatedExpectations: readonly Expectation[];
  readonly complete: boolean;
  readonly seconds: number;
  /** Where the native outcomes came from, and the spot checks that disagreed with the committed table. */
  readonly native: NativeSource;
}

export interface NativeSource {
  /** One line for the report. */
  readonly description: string;
  readonly tableDisagreements: readonly TableDisagreement[];
}

export interface TableDisagreement extends RunId {
  readonly table: Outcome;
  readonly measured: Outcome;
}

export interface NativeFailure {
  readonly path: string;
  readonly mode: Mode;
  readonly stage: string;
  readonly message: string;
}

export const EXPECTATIONS_FILE = path.resolve(__dirname, '..', 'expectations.txt');

export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const started = performance.now();
  const suite = openSuite(repositoryRoot());
  const selection = selectTests(suite.testDirectory);
  const tests = narrow(selection, options);
  const byPath = new Map(tests.map((test) => [test.path, test]));
  const remembered = NativeOutcomes.open(suite.cacheDirectory, suite.name);
  const reuse = options.reuseNativeOutcomes ?? true;
  const allRuns = runsOf(selection);
  const key = nativeTableKey(suite.name, allRuns);
  const table = NativeTable.read(options.nativeTableFile ?? NATIVE_TABLE_FILE);
  const tableMismatch = table === undefined ? 'there is none' : table.mismatch(key);
  const useTable = reuse && table !== undefined && tableMismatch === undefined;
  const position = new Map(allRuns.map((run, index) => [runName(run), index]));
  const isSpotCheck = (run: RunId): boolean => position.get(runName(run))! % SPOT_CHECK_EVERY === 0;
  const knownNative = (run: RunId): Outcome | undefined => {
    if (!reuse) return undefined;
    if (!useTable) return remembered.get(run.path, run.mode);
    return isSpotCheck(run) ? undefined : table.get(run.path, run.mode);
  };
  const jobs = runsOf(tests).map((run) => ({ ...run, native: knownNative(run) }));

  let finished = 0;
  const records = await runInWorkers(jobs, {
    workers: options.workers ?? 2,
    testDirectory: suite.testDirectory,
    harnessDirectory: suite.harnessDirectory,
    onRecord: () => options.onProgress?.(++finished, jobs.length),
  });

  // The table already holds what this run could remember.
  if (!useTable) {
    remembered.record(records);
    remembered.save();
  }

  const tableDisagreements = useTable
    ? records.flatMap(({ path, mode, native }) => {
        const expected = table.get(path, mode);
        return isSpotCheck({ path, mode }) && JSON.stringify(expected) !== JSON.stringify(native) ? [{ path, mode, table: expected, measured: native }] : [];
      })
    : [];
  const description = !reuse
    ? 'measured (--measure-native)'
    : useTable
      ? `the committed table (native-table.json), every ${SPOT_CHECK_EVERY}th run measured again`
      : `measured or remembered in .cache/: the committed table does not apply (${tableMismatch}); npm run test262 -- --record-native-table rewrites it`;

  const failures = records.flatMap((record) => loweredFailure(record, byPath.get(record.path)!));
  const complete = options.filter === undefined && options.slice === undefined;
  const expectations = readExpectations(options.expectationsFile ?? EXPECTATIONS_FILE);
  return {
    suite: suite.name,
    selectedTests: tests.length,
    runs: records.length,
    nativePassing: records.filter((record) => record.native.status === 'pass' && record.lowered?.status !== 'skip').length,
    loweredPassing: records.filter((record) => record.lowered?.status === 'pass').length,
    skipped: records.filter((record) => record.native.status === 'skip' || record.lowered?.status === 'skip').length,
    failures,
    nativeFailures: records.flatMap(({ path, mode, native }) => (native.status === 'fail' ? [{ path, mode, ...native.failure }] : [])),
    comparison: compareWithExpectations(records, failures, expectations, { complete }),
    updatedExpectations: updateExpectations(records, failures, expectations, { complete }),
    complete,
    seconds: (performance.now() - started) / 1000,
    native: { description, tableDisagreements },
  };
}

function runsOf(tests: readonly SelectedTest[]): RunId[] {
  return tests.flatMap((test) => modesOf(test.frontMatter).map((mode) => ({ path: test.path, mode })));
}

function narrow(tests: SelectedTest[], options: ConformanceOptions): SelectedTest[] {
  const { filter, slice } = options;
  let kept = filter === undefined ? tests : tests.filter((test) => filter.some((part) => test.path.includes(part)));
  if (slice !== undefined) kept = kept.filter((_, position) => position % slice.count === slice.index);
  return kept;
}

function loweredFailure(record: RunRecord, test: SelectedTest): LoweredFailure[] {
  if (record.native.status !== 'pass' || record.lowered?.status !== 'fail') return [];
  const { failure } = record.lowered;
  return [{ path: record.path, mode: record.mode, category: classifyFailure(failure, test), stage: failure.stage, message: failure.message }];
}
