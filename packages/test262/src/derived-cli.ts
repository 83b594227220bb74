/**
 * `npm run test262:derived`: the derived differential run from the command
 * line (./derived-run.ts).
 *
 * ## Example
 *
 * ```
 * npm run test262:derived                                        # language/expressions and statements, as generators
 * npm run test262:derived -- --kind async --dir language/statements/for
 * npm run test262:derived -- --slice 1/2 --out /tmp/derived      # the other half in another process; failing sources kept
 * ```
 *
 * ## Implementation
 *
 * Prints each mismatch as it is found at the end (path, mode, how often
 * reads were wrapped, the lowered outcome), then the counts. `--out DIR`
 * writes each mismatching derived test there, to run again or reduce.
 * Exit status: 0 when nothing mismatched, 1 otherwise, 2 for a usage error.
 * Progress goes to stderr every few seconds.
 *
 * ## References
 *
 * docs/test262.md, "Derived tests".
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SuspendingKind } from './derivation';
import { runDerived, type DerivedOptions } from './derived-run';
import { openSuite } from './suite';

const USAGE = `usage: npm run test262:derived -- [--kind generator|async] [--dir DIR]... [--slice I/N] [--out DIR]`;

const DEFAULT_DIRECTORIES = ['language/expressions', 'language/statements'];

const PROGRESS_EVERY_MS = 30_000;

class UsageError extends Error {}

function parseCommandLine(args: readonly string[]): { options: DerivedOptions; out: string | undefined } {
  const directories: string[] = [];
  let kind: SuspendingKind = 'generator';
  let slice: DerivedOptions['slice'];
  let out: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index];
    const value = (): string => {
      const next = args[++index];
      if (next === undefined) throw new UsageError(`${argument} needs a value`);
      return next;
    };
    switch (argument) {
      case '--kind': {
        const given = value();
        if (given !== 'generator' && given !== 'async') throw new UsageError('--kind is generator or async');
        kind = given;
        break;
      }
      case '--dir':
        directories.push(value());
        break;
      case '--slice': {
        const match = /^(\d+)\/(\d+)$/.exec(value());
        if (match === null || Number(match[1]) >= Number(match[2])) throw new UsageError('--slice takes I/N with 0 <= I < N');
        slice = { index: Number(match[1]), count: Number(match[2]) };
        break;
      }
      case '--out':
        out = value();
        break;
      default:
        throw new UsageError(`unknown argument '${argument}'`);
    }
  }
  return { options: { directories: directories.length > 0 ? directories : DEFAULT_DIRECTORIES, kind, slice }, out };
}

async function main(args: readonly string[]): Promise<number> {
  let command: ReturnType<typeof parseCommandLine>;
  try {
    command = parseCommandLine(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  let lastProgress = started;
  const onProgress = (done: number, total: number): void => {
    const now = performance.now();
    if (now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    process.stderr.write(`  … ${done} / ${total} tests (${((now - started) / 1000).toFixed(0)} s)\n`);
  };
  const report = await runDerived(openSuite(), { ...command.options, onProgress });
  for (const mismatch of report.mismatches) {
    const outcome = mismatch.outcome.status === 'fail' ? `${mismatch.outcome.failure.stage}: ${mismatch.outcome.failure.message}` : mismatch.outcome.status;
    process.stdout.write(`MISMATCH ${mismatch.path} ${mismatch.mode} every ${mismatch.every}: ${outcome}\n`);
    if (command.out !== undefined) {
      fs.mkdirSync(command.out, { recursive: true });
      fs.writeFileSync(path.join(command.out, `${mismatch.path.replace(/\//g, '__')}.${mismatch.every}.js`), mismatch.source);
    }
  }
  process.stdout.write(
    `${report.tests} tests, ${report.derived} derived (${command.options.kind}), ${report.nativePasses} pass natively: ` +
      `${report.mismatches.length} mismatches, ${report.documentedRefusals} documented refusals\n`,
  );
  return report.mismatches.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`test262:derived: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
