/**
 * `@coro/test262`: coro measured on test262's tests of generators, async
 * functions, async generators and async iteration, each run natively and
 * lowered.
 *
 * ## Example
 *
 * ```ts
 * const { runConformance, formatReport } = require('@coro/test262');
 * console.log(formatReport(await runConformance({ workers: 2 })));
 * ```
 *
 * ## Implementation
 *
 * docs/test262.md tells how a run goes and how to read it; ./conformance.ts
 * is where it starts.
 *
 * ## References
 *
 * test262 INTERPRETING.md (in the unpacked suite).
 */
export { runConformance, EXPECTATIONS_FILE, type ConformanceOptions, type ConformanceReport } from './conformance';
export { formatReport, hasUnexpectedResults } from './report';
export { formatExpectations } from './expectations';
