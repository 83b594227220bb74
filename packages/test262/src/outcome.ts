/**
 * How one run of one test ended.
 *
 * ## Example
 *
 * ```ts
 * { status: 'pass' }
 * { status: 'fail', failure: { stage: 'runtime', message: 'Test262Error: Expected SameValue(«"g"», «""») to be true' } }
 * { status: 'fail', failure: { stage: 'refused', message: "CORO1035: a 'with' statement whose body holds a suspension point is not lowered" } }
 * { status: 'skip', reason: 'module tests need --experimental-vm-modules' }
 * ```
 *
 * ## Implementation
 *
 * The stage says where the run stopped, which is most of what tells failures
 * apart (classification.ts reads it with the message):
 * - `refused`: the lowering reported an error diagnostic for a valid test;
 * - `compiler-crash`: `transform` threw;
 * - `leftover`: the lowered code still holds a suspend function;
 * - `parse`, `resolution`, `runtime`: the code threw in that phase, unexpectedly;
 * - `async`: `$DONE` reported a failure; `async-timeout`: it was never called;
 * - `negative`: a negative test did not throw what and when it should have;
 * - `hang`, `crash`: the run used up its time or took the worker process down.
 *
 * ## References
 *
 * test262 INTERPRETING.md, "Test Results".
 */
export type FailureStage =
  | 'refused'
  | 'compiler-crash'
  | 'leftover'
  | 'parse'
  | 'resolution'
  | 'runtime'
  | 'async'
  | 'async-timeout'
  | 'negative'
  | 'hang'
  | 'crash';

export interface Failure {
  readonly stage: FailureStage;
  readonly message: string;
}

export type Outcome = { readonly status: 'pass' } | { readonly status: 'fail'; readonly failure: Failure } | { readonly status: 'skip'; readonly reason: string };

export const PASS: Outcome = { status: 'pass' };

export function fail(stage: FailureStage, message: string): Outcome {
  return { status: 'fail', failure: { stage, message } };
}
