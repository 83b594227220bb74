/**
 * A fuzzing campaign: seeds in, failures out, each shrunk and reported.
 *
 * ## Example
 * ```ts
 * const outcome = fuzzSeed(1234);
 * if (outcome.failure) console.log(formatReport(shrinkFailure(outcome)));   // formatReport: report.ts
 * ```
 *
 * ## Implementation
 * `fuzzSeeds` checks seeds (`fuzzSeedsInParallel` on every core, see
 * pool.ts) and shrinks the first failure. `shrinkFailure` shrinks with the
 * predicate "the program is well formed (well-formed.ts), its native run is
 * still clean and the same kind of failure, in the same runtime mode, still
 * happens"; it also refuses candidates whose native run raises more
 * TypeErrors than the original, so that shrinking stays on the original bug
 * instead of drifting to a new protocol error it made up. report.ts turns
 * the result into text.
 */
import { printProgram } from './print';
import { runDifferential, type DifferentialOptions, type DifferentialResult } from './differential';
import { fuzzSeed, type FuzzOptions, type SeedOutcome } from './seed';
import { FuzzPool, type PoolOptions, type SeedVerdict } from './pool';
import { formatReport, type ShrunkFailure } from './report';
import { shrinkProgram, type ShrinkOptions } from './shrink';
import { wellFormedProblems } from './well-formed';

const TYPE_ERROR_LINE = /\bTypeError\b/;

function countTypeErrors(result: DifferentialResult): number {
  return result.native.trace.filter((line) => TYPE_ERROR_LINE.test(line)).length;
}

export function shrinkFailure(outcome: SeedOutcome, options: FuzzOptions & ShrinkOptions = {}): ShrunkFailure {
  if (outcome.failure === null) throw new Error(`seed ${outcome.seed} does not fail; there is nothing to shrink`);
  const failure = outcome.failure;
  if (failure.kind === 'compiler-unavailable') {
    // Nothing about the program matters; shrinking would only shrink it to nothing.
    const { seed, program, result } = outcome;
    return { seed, original: program, program, result, failure, attempts: 0, steps: 0, exhausted: false, generate: options.generate };
  }
  const typeErrors = countTypeErrors(outcome.result);
  const requireWellFormed = wellFormedProblems(outcome.program).length === 0;
  const differential: DifferentialOptions = { ...options, typescript: outcome.program.typescript, modes: failure.mode === undefined ? options.modes : [failure.mode] };
  let best = { program: outcome.program, result: outcome.result, failure };
  const shrunk = shrinkProgram(
    outcome.program,
    (candidate) => {
      if (requireWellFormed && wellFormedProblems(candidate).length > 0) return false;
      const result = runDifferential(printProgram(candidate), differential);
      if (result.failure === null || result.failure.kind !== failure.kind) return false;
      if (failure.kind !== 'invalid-program' && countTypeErrors(result) > typeErrors) return false;
      best = { program: candidate, result, failure: result.failure };
      return true;
    },
    options,
  );
  return {
    seed: outcome.seed,
    original: outcome.program,
    ...best,
    attempts: shrunk.attempts,
    steps: shrunk.steps,
    exhausted: shrunk.exhausted,
    generate: options.generate,
  };
}

export interface SeedsOutcome {
  /** Seeds checked. */
  checked: number;
  failingSeeds: number[];
  /** The report of the first failing seed, shrunk; `null` when every seed passed. */
  report: string | null;
}

/**
 * Checks every seed and shrinks the first failure only: one smallest program
 * is what a reader needs, and shrinking each failure would multiply the run time.
 */
export function fuzzSeeds(seeds: Iterable<number>, options: FuzzOptions & ShrinkOptions = {}): SeedsOutcome {
  const verdicts = [...seeds].map((seed) => ({ seed, failure: fuzzSeed(seed, options).failure }));
  return summarizeVerdicts(verdicts, options);
}

/** {@link fuzzSeeds} on every core (see pool.ts); only the real compiler, no stand-in transform. */
export async function fuzzSeedsInParallel(seeds: Iterable<number>, options: PoolOptions & ShrinkOptions = {}): Promise<SeedsOutcome> {
  const pool = new FuzzPool(options);
  try {
    return summarizeVerdicts(await pool.check([...seeds]), options);
  } finally {
    await pool.close();
  }
}

/**
 * Turns verdicts (from {@link FuzzPool.check}, say) into an outcome: the first
 * failure is rerun here, shrunk and reported; the other failing seeds are listed.
 */
export function summarizeVerdicts(verdicts: readonly SeedVerdict[], options: FuzzOptions & ShrinkOptions = {}): SeedsOutcome {
  const failing = verdicts.filter((verdict) => verdict.failure !== null);
  if (failing.length === 0) return { checked: verdicts.length, failingSeeds: [], report: null };
  // Shrinking reruns the seed here: a verdict from another thread carries no program or traces.
  const first = fuzzSeed(failing[0].seed, options);
  let report =
    first.failure === null
      ? `coro fuzz: seed ${first.seed} failed in a worker (${failing[0].failure?.message}) but passes when rerun: a flaky check`
      : formatReport(shrinkFailure(first, options));
  if (failing.length > 1) {
    const others = failing
      .slice(1)
      .map((verdict) => `  seed ${verdict.seed}: ${verdict.failure?.kind}: ${firstLine(verdict.failure?.message ?? '')}`);
    report += `\n\n${failing.length - 1} other failing seed(s) among the ${verdicts.length} checked:\n${others.join('\n')}`;
  }
  return { checked: verdicts.length, failingSeeds: failing.map((verdict) => verdict.seed), report };
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

/** Seeds `from` to `to`, both included. */
export function* seedRange(from: number, to: number): Generator<number> {
  for (let seed = from; seed <= to; seed++) yield seed;
}
