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
 * Prints each mismatch as it is found (path, mode, how often reads were
 * wrapped, the lowered outcome), then the counts. `--out DIR`
 * writes each mismatching derived test there, to run again or reduce.
 * Exit status: 0 when nothing mismatched, 1 otherwise, 2 for a usage error.
 * Progress goes to stderr every few seconds. Run with
 * `--experimental-vm-modules` (the npm script does), so that tests calling
 * `import()` can.
 *
 * ## References
 *
 * docs/test262.md, "Derived tests".
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { runDerived, type DerivedOptions } from './derived-run';
import { recordUncaught } from './execution';
import { openSuite } from './suite';
import { parseSlice, progressOnStderr, runMain, UsageError } from './command-line';

const USAGE = `usage: npm run test262:derived -- [--kind generator|async] [--dir DIR]... [--slice I/N] [--out DIR]`;

const DEFAULT_DIRECTORIES = ['language/expressions', 'language/statements'];

function parseCommandLine(args: readonly string[]): { options: DerivedOptions; out: string | undefined } {
  let values: { kind?: string; dir?: string[]; slice?: string; out?: string };
  try {
    values = parseArgs({
      args: [...args],
      options: { kind: { type: 'string' }, dir: { type: 'string', multiple: true }, slice: { type: 'string' }, out: { type: 'string' } },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const kind = values.kind ?? 'generator';
  if (kind !== 'generator' && kind !== 'async') throw new UsageError('--kind is generator or async');
  const options: DerivedOptions = {
    directories: values.dir ?? DEFAULT_DIRECTORIES,
    kind,
    slice: values.slice === undefined ? undefined : parseSlice(values.slice),
  };
  return { options, out: values.out };
}

async function main(command: ReturnType<typeof parseCommandLine>): Promise<number> {
  // As in the conformance run's workers: unhandled rejections are not judged; a host callback's throw fails its run.
  process.on('unhandledRejection', () => {});
  process.on('uncaughtException', recordUncaught);
  const report = await runDerived(openSuite(), {
    ...command.options,
    onProgress: progressOnStderr('tests'),
    onMismatch: (mismatch) => {
      const outcome = mismatch.outcome.status === 'fail' ? `${mismatch.outcome.failure.stage}: ${mismatch.outcome.failure.message}` : mismatch.outcome.status;
      const variant = `every ${mismatch.every}${mismatch.inAsyncBodies ? ' and in async bodies' : ''}`;
      const native = mismatch.nativeFailure === undefined ? '' : ` (natively ${mismatch.nativeFailure})`;
      process.stdout.write(`MISMATCH ${mismatch.path} ${mismatch.mode} ${variant}: ${outcome}${native}\n`);
      if (command.out !== undefined) {
        fs.mkdirSync(command.out, { recursive: true });
        const name = `${mismatch.path.replace(/\//g, '__')}.${mismatch.every}${mismatch.inAsyncBodies ? '.async-bodies' : ''}.js`;
        fs.writeFileSync(path.join(command.out, name), mismatch.source);
      }
    },
  });
  process.stdout.write(
    `${report.tests} tests, ${report.derived} derived (${command.options.kind}), ${report.nativePasses} pass natively, ` +
      `${report.nativeThrows} throw natively: ` +
      `${report.mismatches.length} mismatches, ${report.documentedRefusals} documented refusals\n`,
  );
  return report.mismatches.length > 0 ? 1 : 0;
}

runMain('test262:derived', USAGE, parseCommandLine, main);
