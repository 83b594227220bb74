/**
 * `npm run test262`: the conformance run from the command line.
 *
 * ## Example
 *
 * ```
 * npm run test262                                  # the whole selection, 2 workers
 * npm run test262 -- --filter for-await-of --verbose
 * npm run test262 -- --slice 0/8                   # every 8th test, as CI's sample
 * npm run test262 -- --update-expectations         # rewrite expectations.txt from this run
 * npm run test262 -- --measure-native              # run natively too what an earlier run measured
 * npm run test262 -- --record-native-table         # rewrite native-table.json (the whole selection natively, twice)
 * ```
 *
 * ## Implementation
 *
 * Parses the arguments, runs {@link runConformance}, prints the report.
 * Exit status: 0 when the results match the expectations (or they were just
 * rewritten), 1 when a failure is not listed or a listed test passes, 2 for
 * a usage error. `--record-native-table` runs no conformance: it
 * measures the native side and rewrites the committed table
 * (./record-native-table.ts), exit status 1 when the two measurements
 * disagree. `--json FILE` also writes the whole report, every failure
 * (lowered and native) with its message, for closer study. Progress goes to stderr every few
 * seconds; the report to stdout.
 *
 * ## References
 *
 * ./conformance.ts; docs/test262.md.
 */
import * as fs from 'fs';
import { EXPECTATIONS_FILE, runConformance, type ConformanceOptions } from './conformance';
import { formatExpectations } from './expectations';
import { recordNativeTable, RecordingError } from './record-native-table';
import { formatReport, hasUnexpectedResults } from './report';
import { parseSlice, progressOnStderr, runMain, UsageError } from './command-line';

const USAGE = `usage: npm run test262 -- [--filter TEXT]... [--slice I/N] [--workers N] [--verbose]
                            [--json FILE] [--update-expectations] [--measure-native]
       npm run test262 -- --record-native-table [--workers N]`;

interface CommandLine {
  readonly conformance: ConformanceOptions;
  readonly update: boolean;
  readonly verbose: boolean;
  readonly json: string | undefined;
  readonly recordNativeTable: boolean;
}

function parseCommandLine(args: readonly string[]): CommandLine {
  const filter: string[] = [];
  let slice: ConformanceOptions['slice'];
  let workers = 2;
  let update = false;
  let verbose = false;
  let json: string | undefined;
  let reuseNativeOutcomes = true;
  let recordTable = false;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index];
    const value = (): string => {
      const next = args[++index];
      if (next === undefined) throw new UsageError(`${argument} needs a value`);
      return next;
    };
    switch (argument) {
      case '--filter':
        filter.push(value());
        break;
      case '--slice':
        slice = parseSlice(value());
        break;
      case '--workers':
        workers = Number(value());
        if (!Number.isInteger(workers) || workers < 1) throw new UsageError('--workers takes a positive integer');
        break;
      case '--update-expectations':
        update = true;
        break;
      case '--verbose':
        verbose = true;
        break;
      case '--json':
        json = value();
        break;
      case '--measure-native':
        reuseNativeOutcomes = false;
        break;
      case '--record-native-table':
        recordTable = true;
        break;
      default:
        throw new UsageError(`unknown argument '${argument}'`);
    }
  }
  if (recordTable && (filter.length > 0 || slice !== undefined || update || verbose || json !== undefined || !reuseNativeOutcomes)) {
    throw new UsageError('--record-native-table takes only --workers');
  }
  return {
    conformance: { filter: filter.length > 0 ? filter : undefined, slice, workers, reuseNativeOutcomes },
    update,
    verbose,
    json,
    recordNativeTable: recordTable,
  };
}

async function main(command: CommandLine): Promise<number> {
  const onProgress = progressOnStderr('runs');
  if (command.recordNativeTable) return recordTable(command.conformance.workers, onProgress);
  const report = await runConformance({ ...command.conformance, onProgress });
  process.stdout.write(formatReport(report, { verbose: command.verbose }) + '\n');
  if (command.json !== undefined) fs.writeFileSync(command.json, JSON.stringify(report, null, 2) + '\n');
  if (command.update) {
    fs.writeFileSync(EXPECTATIONS_FILE, formatExpectations(report.updatedExpectations));
    process.stdout.write(`wrote ${report.updatedExpectations.length} expectations to ${EXPECTATIONS_FILE}\n`);
    return 0;
  }
  return hasUnexpectedResults(report) ? 1 : 0;
}

async function recordTable(workers: number | undefined, onProgress: (finished: number, total: number) => void): Promise<number> {
  try {
    const recorded = await recordNativeTable({ workers, onProgress });
    process.stdout.write(`wrote ${recorded.file}: ${recorded.runs} runs, ${recorded.notPassing} not passing natively\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof RecordingError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

runMain('test262', USAGE, parseCommandLine, main);
