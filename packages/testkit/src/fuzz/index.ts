/**
 * The differential fuzzer: random programs of generators, async functions and
 * async generators, run native and lowered, failures shrunk to a smallest
 * program. See each module's header.
 */
export { Random } from './random';
export { generateProgram, isAsyncSeed } from './program';
export type { GenerateOptions } from './program';
export { EXCLUDABLE_CONSTRUCTS, type ExcludableConstruct } from './excludable-constructs';
export { printProgram, printProgramBody } from './print';
export { PRELUDE } from './prelude';
export { isAsyncProgram } from './ast';
export type { Program, FunctionDecl, FunctionFlavor, Consumer, DriveAction, AsyncDriveAction, Stmt, Expr } from './ast';
export { runDifferential, checkNative, closeCompiler } from './differential';
export type { DifferentialOptions, DifferentialResult, Failure, FailureKind, LoweredRun, NativeCheck } from './differential';
export type { CompilerDiagnostic, DifferentialRuntime, Transform, TransformOptions } from './compiler-contract';
export { wellFormedProblems } from './well-formed';
export { shrinkProgram, programCost, candidates } from './shrink';
export type { ShrinkOptions, ShrinkResult } from './shrink';
export { fuzzSeed } from './seed';
export type { FuzzOptions, SeedOutcome } from './seed';
export { fuzzSeeds, fuzzSeedsInParallel, summarizeVerdicts, seedRange, shrinkFailure } from './campaign';
export { formatReport } from './report';
export type { ShrunkFailure } from './report';
export type { SeedsOutcome } from './campaign';
export { FuzzPool, defaultThreadCount } from './pool';
export type { PoolOptions, PoolFuzzOptions, SeedVerdict } from './pool';
export { IsolatedTransform } from './isolated-transform';
export type { IsolatedOutcome } from './isolated-transform';
export { IsolatedExecution, UNHANDLED_REJECTION } from './isolated-execution';
export { SyncWorker } from './sync-worker';
export type { SyncWorkerOutcome } from './sync-worker';
