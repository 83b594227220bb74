/**
 * The `coro transpile` command: lower files, directories and globs into an
 * out dir, one file into an out file or onto standard output, or standard
 * input; once, or again on every change with `--watch`.
 *
 * Example:
 *   $ coro transpile src --out-dir out --source-maps file
 *   src/bad.js:3:9 - error CORO1001: Expression expected.
 *   …code frame…
 *   coro: lowered 2 files in 38 ms; 1 file with errors not written
 *   $ echo $?
 *   1
 *   $ coro transpile --filename src/main.ts < src/main.ts > main.js
 *
 * Implementation:
 *   Three steps, each in its own module: find the inputs (./inputs.ts),
 *   plan and check every output path before anything runs
 *   (./output-layout.ts; both through ./transpile-plan.ts), then lower and
 *   write file by file (./build.ts).
 *   A problem with the command line or the paths it names is a `UsageError`
 *   (exit 2), always found before the first write. A file with an error is
 *   reported and writes nothing; the others are written, and the exit code is
 *   1. Standard output carries only code: when code goes there (one file
 *   without --out-dir/--out-file, or standard input), there is no summary,
 *   as with Babel. Standard input is read to its end before anything is
 *   written, and is named by --filename (`<stdin>` without), which also
 *   decides TypeScript or JavaScript, module or script, as a file of that
 *   name would. Watch mode (./watch.ts) plans and builds the same way.
 *
 * References:
 *   docs/architecture.md ("Errors": bad input never yields partial or wrong output)
 *   https://babeljs.io/docs/babel-cli (files, --out-dir, --out-file, stdin)
 */

import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { coroutinePathFilter, createClassEmitOptionsResolver } from '@coro/host';
import { formatSummary, runBuild, writeLowered } from './build';
import type { TranspileOptions } from './command-line';
import { canonicalPath } from './canonical-path';
import { ExitCode, UsageError } from './exit-code';
import { lowerText } from './lower-file';
import { createModuleDecider } from './module-format';
import { checkOutputTarget } from './output-layout';
import type { Terminal } from './terminal';
import { planTranspile } from './transpile-plan';

/** What standard input is called when --filename does not name it. */
const STDIN_NAME = '<stdin>';

export async function transpile(options: TranspileOptions, terminal: Terminal): Promise<ExitCode> {
  if (options.input.kind === 'stdin') return transpileStandardInput(options, options.input.explicit, terminal);
  if (options.watch) {
    const { watch } = await import('./watch');
    return watch(options, terminal);
  }
  const started = performance.now();
  const { plan } = planTranspile(options);
  const outcome = runBuild(plan, options, terminal);
  if (options.target.kind !== 'stdout') terminal.err(formatSummary(outcome, Math.round(performance.now() - started)));
  return outcome.failed > 0 ? ExitCode.CompileErrors : ExitCode.Success;
}

/** `explicit`: named as `-`, so read even from a terminal (until end of input, Ctrl-D). */
async function transpileStandardInput(options: TranspileOptions, explicit: boolean, terminal: Terminal): Promise<ExitCode> {
  if (!explicit && terminal.stdin.isTTY) {
    throw new UsageError("missing <file|dir|glob> to transpile; or pipe code into standard input (or name it '-')");
  }
  checkOutputTarget(options.target);
  const sourcePath = resolve(options.filename ?? STDIN_NAME);
  const outFile = options.target.kind === 'file' ? options.target.path : undefined;
  const outputPath = outFile === undefined ? undefined : canonicalPath(outFile);
  if (outputPath !== undefined && outputPath === canonicalPath(sourcePath)) {
    throw new UsageError(`--out-file '${outFile}' is --filename, the input; the output would overwrite it`);
  }

  const started = performance.now();
  const bytes = await terminal.stdin.read();
  const result = lowerText(bytes, sourcePath, {
    decide: createModuleDecider(options),
    sourceMap: options.sourceMaps !== 'none',
    dumpIR: options.dumpIR,
    isCoroutineFile: coroutinePathFilter(options.coroutines, process.cwd()),
    coroutineBudget: options.coroutineBudget,
    evalAndWith: options.evalAndWith,
    classEmitOptionsOf: createClassEmitOptionsResolver(),
  });
  const written = writeLowered(sourcePath, outputPath, result, options.sourceMaps, terminal);
  if (outputPath !== undefined) {
    terminal.err(formatSummary({ lowered: written ? 1 : 0, copied: 0, failed: written ? 0 : 1 }, Math.round(performance.now() - started)));
  }
  return written ? ExitCode.Success : ExitCode.CompileErrors;
}
