/**
 * The committed table of native outcomes: what Node does with every run of
 * the pinned selection, so that a run on a clean checkout (CI) measures only
 * the lowered side, which is what a change to coro can change.
 *
 * ## Example
 *
 * ```ts
 * const key = nativeTableKey(suite.name, runsOfSelection);
 * const table = NativeTable.read(NATIVE_TABLE_FILE);
 * table?.mismatch(key)                  // undefined: the table applies to this suite, Node and runner
 * table?.get('built-ins/x.js', 'strict') // { status: 'pass' }, or the failure Node gave
 * fs.writeFileSync(NATIVE_TABLE_FILE, formatNativeTable(key, records));
 * ```
 *
 * ## Implementation
 *
 * A native outcome is a function of the test's text, the engine and the
 * runner (realm, harness loading, verdicts), so the table is keyed by all
 * three: the suite's archive name (the test262 revision), the engine
 * (`process.version` with V8's and ICU's versions, which a build of Node
 * can differ in), a digest of the built worker and the modules it loads
 * (native-outcomes.ts), and a digest of the list of runs of the whole
 * selection. Any of them different, the table
 * does not apply and the run measures natively as it always did. Only the
 * runs that do not pass are listed (about 250 of 18,400); every other run of
 * the listed selection passed. The table is written by
 * `npm run test262 -- --record-native-table` (./record-native-table.ts),
 * which measures the whole selection natively twice and writes nothing
 * unless both agree, and a conformance run measures every
 * {@link SPOT_CHECK_EVERY}-th run natively again and fails when it
 * disagrees with the table (./conformance.ts). docs/test262.md argues why
 * this measures coro as fully as running both sides every time.
 *
 * ## References
 *
 * ./native-outcomes.ts (the per-machine memo, used when the table does not
 * apply), ./pool.ts.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Mode } from './mode';
import { runnerDigest } from './native-outcomes';
import { PASS, type Outcome } from './outcome';

export const NATIVE_TABLE_FILE = path.resolve(__dirname, '..', 'native-table.json');

/** A conformance run measures every this many runs of the selection natively again, against the table. */
export const SPOT_CHECK_EVERY = 16;

export interface RunId {
  readonly path: string;
  readonly mode: Mode;
}

/** What a table applies to. */
export interface NativeTableKey {
  readonly suite: string;
  readonly engine: string;
  readonly runner: string;
  readonly runCount: number;
  readonly runs: string;
}

interface TableFile extends NativeTableKey {
  /** Every run of the selection that did not pass natively; the others passed. */
  readonly notPassing: Record<string, Outcome>;
}

const KEY_FIELDS: readonly (keyof NativeTableKey)[] = ['suite', 'engine', 'runner', 'runCount', 'runs'];

export function nativeTableKey(suiteName: string, runs: readonly RunId[]): NativeTableKey {
  const list = runs.map(runName).sort().join('\n');
  return {
    suite: suiteName,
    engine: `node ${process.version} (V8 ${process.versions.v8}, ICU ${process.versions.icu ?? 'none'})`,
    runner: runnerDigest(),
    runCount: runs.length,
    runs: createHash('sha256').update(list).digest('hex').slice(0, 16),
  };
}

export class NativeTable {
  private constructor(private readonly table: TableFile) {}

  /** The table in `file`, or undefined when there is none. */
  static read(file: string): NativeTable | undefined {
    if (!fs.existsSync(file)) return undefined;
    return new NativeTable(JSON.parse(fs.readFileSync(file, 'utf8')) as TableFile);
  }

  /** Why the table does not apply to `key`, or undefined when it does. */
  mismatch(key: NativeTableKey): string | undefined {
    const differing = KEY_FIELDS.filter((field) => this.table[field] !== key[field]);
    if (differing.length === 0) return undefined;
    return differing.map((field) => `${field} ${JSON.stringify(this.table[field])} in the table, ${JSON.stringify(key[field])} here`).join('; ');
  }

  /** The run's native outcome, for a run of the selection the key names. */
  get(testPath: string, mode: Mode): Outcome {
    return this.table.notPassing[runName({ path: testPath, mode })] ?? PASS;
  }
}

/** The table file's text: the key, then the runs that did not pass, in path order. */
export function formatNativeTable(key: NativeTableKey, outcomes: readonly (RunId & { readonly native: Outcome })[]): string {
  const notPassing: Record<string, Outcome> = {};
  for (const run of [...outcomes].sort((a, b) => (runName(a) < runName(b) ? -1 : 1))) {
    if (run.native.status !== 'pass') notPassing[runName(run)] = run.native;
  }
  const table: TableFile = { ...key, notPassing };
  return JSON.stringify(table, null, 2) + '\n';
}

export function runName(run: RunId): string {
  return `${run.path} ${run.mode}`;
}
