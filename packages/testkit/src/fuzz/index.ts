/**
 * The differential fuzzer: random generator programs, run native and lowered,
 * failures shrunk to a smallest program. See each module's header.
 */
export { Random } from './random';
export { generateProgram } from './program';
export type { GenerateOptions } from './program';
export { printProgram, printProgramBody, PRELUDE } from './ast';
export type { Program, GeneratorDecl, Consumer, DriveAction, Stmt, Expr } from './ast';
export { runDifferential, checkNative, closeCompiler } from './differential';
export type {
  DifferentialOptions,
  DifferentialResult,
  Failure,
  FailureKind,
  LoweredRun,
  NativeCheck,
  RuntimeMode,
  Transform,
  TransformOptions,
  CompilerDiagnostic,
} from './differential';
export { wellFormedProblems } from './well-formed';
export { shrinkProgram, programCost, candidates } from './shrink';
export type { ShrinkOptions, ShrinkResult } from './shrink';
export { fuzzSeed } from './seed';
export type { FuzzOptions, SeedOutcome } from './seed';
export { fuzzSeeds, fuzzSeedsInParallel, summarizeVerdicts, seedRange, shrinkFailure } from './campaign';
export { formatReport } from './report';
export type { SeedsOutcome, ShrunkFailure } from './campaign';
export { FuzzPool, defaultThreadCount } from './pool';
export type { PoolOptions, PoolFuzzOptions, SeedVerdict } from './pool';
export { IsolatedTransform } from './isolated-transform';
export type { IsolatedOutcome } from './isolated-transform';
