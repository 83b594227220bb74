/**
 * The text a conformance run prints.
 *
 * ## Example
 *
 * ```
 * test262-be13516f: 9,812 tests selected, 17,203 runs (test × mode)
 *   native passing   16,950   (native failing: 253, not counted)
 *   lowered passing  15,870   (93.6 % of native passing)
 *   skipped          0
 *   time             151 s
 *   native outcomes  the committed table (native-table.json), every 16th run measured again
 * lowered-only failures by reason (1,080):
 *     612  early-error-not-reported
 *     201  function-name-not-inferred
 *     …
 * expectations: 0 unexpected failures, 0 unexpected passes, 0 stale
 * ```
 *
 * ## Implementation
 *
 * Plain text, one figure per line, so that the summary reads the same in a
 * terminal and in a CI log. With `verbose`, each failure follows under its
 * category with its stage and message. Unexpected results are always listed
 * in full (they are what a reader has to act on), stale entries up to a few.
 *
 * ## References
 *
 * ./conformance.ts.
 */
import type { ConformanceReport } from './conformance';
import type { Expectation, LoweredFailure } from './expectations';

const STALE_SHOWN = 20;

export function formatReport(report: ConformanceReport, { verbose = false }: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  const share = report.nativePassing === 0 ? 0 : (100 * report.loweredPassing) / report.nativePassing;
  lines.push(`${report.suite}: ${count(report.selectedTests)} tests selected, ${count(report.runs)} runs (test × mode)${report.complete ? '' : ', a partial run'}`);
  lines.push(`  native passing   ${count(report.nativePassing)}   (native failing: ${count(report.nativeFailures.length)}, not counted)`);
  lines.push(`  lowered passing  ${count(report.loweredPassing)}   (${share.toFixed(1)} % of native passing)`);
  lines.push(`  skipped          ${count(report.skipped)}`);
  lines.push(`  time             ${report.seconds.toFixed(0)} s`);
  lines.push(`  native outcomes  ${report.native.description}`);
  for (const { path, mode, table, measured } of report.native.tableDisagreements) {
    lines.push(`  native table disagrees  ${path} ${mode}: the table says ${JSON.stringify(table)}, measured ${JSON.stringify(measured)}`);
  }
  if (report.native.tableDisagreements.length > 0) lines.push('when Node is right, rewrite the table with: npm run test262 -- --record-native-table');

  lines.push(`lowered-only failures by reason (${count(report.failures.length)}):`);
  for (const [category, failures] of byCategory(report.failures)) {
    lines.push(`  ${String(failures.length).padStart(6)}  ${category}`);
    if (verbose) for (const failure of failures) lines.push(`            ${describe(failure)}`);
  }

  const { unexpectedFailures, unexpectedPasses, stale, recategorised } = report.comparison;
  lines.push(
    `expectations: ${unexpectedFailures.length} unexpected failures, ${unexpectedPasses.length} unexpected passes, ` +
      `${stale.length} stale, ${recategorised} recategorised`,
  );
  for (const failure of unexpectedFailures) lines.push(`  unexpected failure  ${describe(failure)}`);
  for (const pass of unexpectedPasses) lines.push(`  unexpected pass     ${entry(pass)} (listed as ${pass.category})`);
  for (const item of stale.slice(0, STALE_SHOWN)) lines.push(`  stale               ${entry(item)} (not measured: its native run failed or it is no longer selected)`);
  if (stale.length > STALE_SHOWN) lines.push(`  … and ${stale.length - STALE_SHOWN} more stale`);
  if (unexpectedFailures.length + unexpectedPasses.length > 0) {
    lines.push('when these are intended, record them with: npm run test262 -- --update-expectations');
  }
  return lines.join('\n');
}

export function hasUnexpectedResults(report: ConformanceReport): boolean {
  return report.comparison.unexpectedFailures.length + report.comparison.unexpectedPasses.length + report.native.tableDisagreements.length > 0;
}

function byCategory(failures: readonly LoweredFailure[]): [string, LoweredFailure[]][] {
  const groups = new Map<string, LoweredFailure[]>();
  for (const failure of failures) {
    const group = groups.get(failure.category) ?? [];
    group.push(failure);
    groups.set(failure.category, group);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
}

function describe(failure: LoweredFailure): string {
  return `${entry(failure)} [${failure.category}, ${failure.stage}] ${failure.message}`;
}

function entry(item: Expectation): string {
  return `${item.path} ${item.mode}`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
