/**
 * The check of one seed: generate its program, print it, run it native and lowered.
 *
 * ## Example
 * ```ts
 * const { failure } = fuzzSeed(1234);   // null when the compiler got it right
 * ```
 *
 * ## Implementation
 * A seed is the whole identity of a check: with the same options, the same
 * seed always gives the same program, so a verdict computed in a worker
 * thread can be reproduced (and shrunk) anywhere else from its seed alone.
 */
import type { Program } from './ast';
import { printProgram } from './print';
import { runDifferential, type DifferentialOptions, type DifferentialResult, type Failure } from './differential';
import { generateProgram, type GenerateOptions } from './program';

export interface SeedOutcome {
  seed: number;
  program: Program;
  result: DifferentialResult;
  failure: Failure | null;
}

export interface FuzzOptions extends DifferentialOptions {
  generate?: GenerateOptions;
}

export function fuzzSeed(seed: number, options: FuzzOptions = {}): SeedOutcome {
  const program = generateProgram(seed, options.generate);
  const result = runDifferential(printProgram(program), { ...options, typescript: program.typescript });
  return { seed, program, result, failure: result.failure };
}
