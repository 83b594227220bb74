/**
 * coro's own test machinery: run a program native and lowered in sandboxes
 * and compare what they print.
 */
export { execute, createSandbox, runInSandbox } from './execute';
export type { ExecuteOptions, ExecutionResult, ExecutionOutcome, Sandbox, Ending } from './execute';
export { formatLogLine, formatValue, describeThrown } from './format';
export { RUNTIME_SPECIFIER } from './runtime-loader';
export { callWithTimeout, TimeoutError } from './timeout';
export type { RuntimeRealm } from './runtime-loader';
export * as fuzz from './fuzz';
export { badInputs, type BadInput, type ExpectedDiagnostic } from './bad-inputs';
