/**
 * Native outcomes remembered between runs: what Node does with a test262
 * test does not change until Node, the suite or this runner does, so a run
 * measures only the lowered side of what an earlier run measured natively.
 *
 * ## Example
 *
 * ```ts
 * const remembered = NativeOutcomes.open(cacheDirectory, suite.name);
 * remembered.get('language/statements/for-await-of/x.js', 'strict') // { status: 'pass' } or undefined
 * remembered.record(records); remembered.save();
 * ```
 *
 * ## Implementation
 *
 * One JSON file per key in the repository's git-ignored `.cache/`: the
 * suite's archive name, `process.version` (the exact Node: a patch release
 * can change what passes), and a digest of the built worker and the modules
 * it loads (the realm, the harness loading and the verdicts decide an
 * outcome as much as the engine does). Any of them changed, the file is another one and every
 * native outcome is measured again; nothing is ever reused across them. A
 * `hang` or `crash` is the machine's doing as often as the test's: it is not
 * remembered. The file is written whole to a temporary name, then renamed:
 * an interrupted run leaves the old file or the new one, never half of one.
 * It lives per machine; the repository commits one table for the Node that
 * CI runs (native-table.ts), which a run uses instead of this memo when its
 * key matches.
 *
 * ## References
 *
 * ./pool.ts (a job with a known native outcome runs only lowered),
 * ./suite.ts (the same cache folder).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Mode } from './mode';
import type { Outcome } from './outcome';
import type { RunRecord } from './pool';

export class NativeOutcomes {
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly outcomes: Record<string, Outcome>,
  ) {}

  /** The outcomes remembered for this suite, this Node and this runner (none the first time). */
  static open(cacheDirectory: string, suiteName: string): NativeOutcomes {
    const file = path.join(cacheDirectory, 'test262-native', `${suiteName}-node${process.version}-${runnerDigest()}.json`);
    const outcomes = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Outcome>) : {};
    return new NativeOutcomes(file, outcomes);
  }

  get(testPath: string, mode: Mode): Outcome | undefined {
    return this.outcomes[keyOf(testPath, mode)];
  }

  record(records: readonly RunRecord[]): void {
    for (const { path: testPath, mode, native } of records) {
      if (native.status === 'fail' && (native.failure.stage === 'hang' || native.failure.stage === 'crash')) continue;
      const key = keyOf(testPath, mode);
      if (this.outcomes[key] !== undefined) continue;
      this.outcomes[key] = native;
      this.changed = true;
    }
  }

  save(): void {
    if (!this.changed) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.outcomes));
    fs.renameSync(temporary, this.file);
    this.changed = false;
  }
}

function keyOf(testPath: string, mode: Mode): string {
  return `${testPath} ${mode}`;
}

/**
 * What the runner is: the built worker and every module of this package it
 * loads, in name order. The rest of the package (the pool, the report, the
 * command line) decides no outcome, so changing it measures nothing again.
 */
export function runnerDigest(): string {
  const hash = createHash('sha256');
  for (const [name, code] of runnerFiles()) hash.update(name).update('\0').update(code).update('\0');
  return hash.digest('hex').slice(0, 12);
}

/** The built worker and the modules of this package it loads, by name, in name order, with their code. */
export function runnerFiles(): [string, string][] {
  const dist = path.resolve(__dirname, '..', 'dist');
  const loaded = new Map<string, string>();
  const visit = (name: string): void => {
    if (loaded.has(name)) return;
    const code = fs.readFileSync(path.join(dist, name), 'utf8');
    loaded.set(name, code);
    for (const [, local] of code.matchAll(LOCAL_REQUIRE)) visit(`${local}.js`);
  };
  visit('worker.js');
  return [...loaded].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** A CommonJS `require` of a module of this package, as tsc writes it. */
const LOCAL_REQUIRE = /\brequire\("\.\/([\w-]+)"\)/g;
