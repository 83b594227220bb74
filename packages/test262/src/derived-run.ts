/**
 * The derived differential run: test262 tests turned into suspend function
 * bodies (./derivation.ts), each run natively and lowered.
 *
 * ## Example
 *
 * ```ts
 * const report = await runDerived(openSuite(), { directories: ['language/expressions/addition'], kind: 'generator' });
 * report.mismatches;   // [] when the lowering kept the meaning of every derived test that passes natively
 * ```
 *
 * ## Implementation
 *
 * Every script test under the directories (not negative, module or raw
 * ones) is derived twice, wrapping every read and every third one, and
 * once more when it has async functions of its own, wrapping their reads
 * too; each runs in sloppy mode unless the test is strict-only. A derived
 * test that passes natively and fails lowered is a mismatch: a miscompile,
 * a crash, or a refusal (refusals the README documents, such as a `with`
 * body that suspends, are counted apart). One that fails natively changed
 * meaning in the derivation; when it threw (a moved suspension reordered
 * the promise jobs a test logs and compares, say) and Node passes the test
 * as written, the lowered run must throw alike, else it is a mismatch too:
 * the same failed assertion with the same message, or an error of the same
 * name. Other native failures say nothing. Tests run one after another in this process: run slices in
 * several processes to use more cores.
 *
 * ## References
 *
 * docs/test262.md, "Derived tests".
 */
import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticCode } from '@coro/compiler';
import { deriveSuspending, type SuspendingKind } from './derivation';
import { loadTest, runTest, type TestCase } from './execution';
import { Harness } from './harness';
import type { Mode } from './mode';
import type { Outcome } from './outcome';
import type { Suite } from './suite';
import { lowered, native } from './translation';

export interface DerivedOptions {
  /** Folders (or single tests) under the suite's `test/`. */
  readonly directories: readonly string[];
  readonly kind: SuspendingKind;
  /** Every `count`-th test from the `index`-th. */
  readonly slice?: { readonly index: number; readonly count: number };
  readonly onProgress?: (done: number, total: number) => void;
  /** Told of each mismatch as it is found (a long run's report comes at its end). */
  readonly onMismatch?: (mismatch: DerivedMismatch) => void;
}

export interface DerivedMismatch {
  readonly path: string;
  readonly mode: Mode;
  /** Every how many reads a suspension was wrapped around. */
  readonly every: number;
  /** Whether reads in the test's own async functions were wrapped too. */
  readonly inAsyncBodies: boolean;
  readonly outcome: Outcome;
  /** How the native run threw, when it did (the lowered run threw otherwise, or not). */
  readonly nativeFailure?: string;
  /** The derived test's source, to run again or reduce. */
  readonly source: string;
}

export interface DerivedReport {
  readonly tests: number;
  readonly derived: number;
  readonly nativePasses: number;
  /** Derived tests whose native run threw: the lowered run must throw alike. */
  readonly nativeThrows: number;
  readonly mismatches: readonly DerivedMismatch[];
  /** Refusals the README documents (`with` bodies that suspend): not mismatches. */
  readonly documentedRefusals: number;
}

// A third variant awaits in the test's own async bodies as well: kept apart, since
// awaiting there often changes what a test checks, and its native failure would
// leave the first variant's reads unmeasured.
const VARIANTS: readonly { readonly every: number; readonly inAsyncBodies: boolean }[] = [
  { every: 1, inAsyncBodies: false },
  { every: 3, inAsyncBodies: false },
  { every: 1, inAsyncBodies: true },
];

export async function runDerived(suite: Suite, options: DerivedOptions): Promise<DerivedReport> {
  const harness = new Harness(suite.harnessDirectory);
  const slice = options.slice ?? { index: 0, count: 1 };
  const paths = options.directories
    .flatMap((directory) => scriptFiles(suite.testDirectory, directory))
    .sort()
    .filter((_, index) => index % slice.count === slice.index);
  const mismatches: DerivedMismatch[] = [];
  let derived = 0;
  let nativePasses = 0;
  let nativeThrows = 0;
  let documentedRefusals = 0;
  for (const [done, relativePath] of paths.entries()) {
    options.onProgress?.(done, paths.length);
    const test = loadTest(suite.testDirectory, relativePath);
    if (!isDerivable(test)) continue;
    const mode: Mode = test.frontMatter.flags.includes('onlyStrict') ? 'strict' : 'sloppy';
    let passesNatively: boolean | undefined;
    for (const { every, inAsyncBodies } of VARIANTS) {
      const derivedTest = deriveSuspending(test, options.kind, every, inAsyncBodies);
      if (derivedTest === undefined) continue;
      derived++;
      const nativeOutcome = await runTest(derivedTest, mode, native, harness);
      const nativeFailure = thrownFailure(nativeOutcome);
      if (nativeOutcome.status === 'pass') nativePasses++;
      // Where Node fails the test as written, it lags the specification, and its throw is no reference.
      else if (nativeFailure !== undefined && (passesNatively ??= (await runTest(test, mode, native, harness)).status === 'pass')) nativeThrows++;
      else continue;
      const outcome = await runTest(derivedTest, mode, lowered, harness);
      if (nativeFailure === undefined ? outcome.status === 'pass' : thrownFailure(outcome) === nativeFailure) continue;
      if (isDocumentedRefusal(outcome)) documentedRefusals++;
      else {
        const mismatch = { path: relativePath, mode, every, inAsyncBodies, outcome, nativeFailure, source: derivedTest.source };
        mismatches.push(mismatch);
        options.onMismatch?.(mismatch);
      }
    }
  }
  options.onProgress?.(paths.length, paths.length);
  return { tests: paths.length, derived, nativePasses, nativeThrows, mismatches, documentedRefusals };
}

/**
 * How a run threw, where it ran: the stage, and for a failed assertion of the test's own (a
 * Test262Error) its message, which says what the run saw; for any other throw only what precedes
 * the message (the error's name), since the engine's messages name the shape of the code, which the
 * lowering changes.
 */
function thrownFailure(outcome: Outcome): string | undefined {
  if (outcome.status !== 'fail' || (outcome.failure.stage !== 'runtime' && outcome.failure.stage !== 'async')) return undefined;
  const { stage, message } = outcome.failure;
  return `${stage}: ${message.startsWith('Test262Error: ') ? message : message.split(':')[0]}`;
}

function isDerivable(test: TestCase): boolean {
  const { flags, negative } = test.frontMatter;
  return negative === undefined && !flags.includes('module') && !flags.includes('raw');
}

function isDocumentedRefusal(outcome: Outcome): boolean {
  return outcome.status === 'fail' && outcome.failure.stage === 'refused' && outcome.failure.message.startsWith(`CORO${DiagnosticCode.WithBodySuspends}:`);
}

/** The test files under a folder, or the one file it names. */
function scriptFiles(testDirectory: string, directory: string): string[] {
  if (!fs.statSync(path.join(testDirectory, directory)).isDirectory()) return [directory];
  const files: string[] = [];
  for (const entry of fs.readdirSync(path.join(testDirectory, directory), { withFileTypes: true })) {
    const relative = `${directory}/${entry.name}`;
    if (entry.isDirectory()) files.push(...scriptFiles(testDirectory, relative));
    else if (entry.name.endsWith('.js') && !entry.name.includes('_FIXTURE')) files.push(relative);
  }
  return files;
}
