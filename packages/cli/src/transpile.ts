/**
 * The `coro transpile` command: lower a file or a directory tree into an out
 * dir, report problems, and say how it went.
 *
 * Example:
 *   $ coro transpile src --out-dir out --runtime require
 *   src/bad.js:3:9 - error CORO1001: Expression expected.
 *   …code frame…
 *   Lowered 2 files in 38 ms; 1 file not written (1 error)
 *   $ echo $?
 *   1
 *
 * Implementation:
 *   Three steps, each in its own module: find the inputs (`source-files`),
 *   plan and check every output path before anything runs
 *   (`output-layout`), then lower and write file by file (`lower-file`,
 *   `atomic-write`). A file with an error is reported and skipped; the others
 *   are still written, as tsc and Babel do, and the exit code is 1. A problem
 *   with the command line or the paths it names is a `UsageError` (exit 2)
 *   and is always found before the first write. Globs, stdin and watch mode
 *   are other ways to produce the list of `SourceFile`s and re-run the loop.
 *
 * References:
 *   DESIGN.md ("Errors": bad input never yields partial or wrong output)
 *   https://babeljs.io/docs/babel-cli#compile-directories
 */

import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { canonicalPath } from './canonical-path';
import { formatCrash, formatDiagnostic, formatFileError } from './diagnostic';
import { displayPath } from './display-path';
import { writeFileAtomic } from './atomic-write';
import { ExitCode, UsageError } from './exit-code';
import { lowerFile } from './lower-file';
import { checkOutDir, planOutputs, type PlannedFile } from './output-layout';
import { findSourceFiles, isSourceFileName, singleSourceFile, SOURCE_EXTENSIONS } from './source-files';
import { createSourceTypeResolver } from './source-type';
import type { Terminal } from './terminal';

export type RuntimeMode = 'import' | 'require' | 'inline';

export interface TranspileOptions {
  /** A file or directory, as given on the command line. */
  readonly input: string;
  readonly outDir: string;
  /** Undefined: `import` in ES modules, `require` in scripts (see lower-file.ts). */
  readonly runtime: RuntimeMode | undefined;
}

export function transpile(options: TranspileOptions, terminal: Terminal): ExitCode {
  const started = performance.now();
  const plan = planTranspile(options);
  const sourceTypeOf = createSourceTypeResolver();

  let written = 0;
  let failed = 0;
  let errors = 0;
  for (const file of plan) {
    const path = displayPath(file.source.path);
    const lowered = lowerFile(file.source, { runtime: options.runtime, sourceTypeOf });
    for (const problem of lowered.problems) {
      if (problem.kind === 'crash') {
        errors++;
        terminal.err(formatCrash(path, problem.error, terminal.color) + '\n');
      } else if (problem.kind === 'unreadable') {
        errors++;
        terminal.err(formatFileError(path, `cannot read: ${problem.error.message}`, terminal.color) + '\n');
      } else {
        if (problem.diagnostic.category === 'error') errors++;
        terminal.err(formatDiagnostic(problem.diagnostic, { path, text: problem.text }, terminal.color) + '\n');
      }
    }
    if (lowered.code === undefined) {
      failed++;
      continue;
    }
    try {
      writeFileAtomic(file.outputPath, lowered.code);
      written++;
    } catch (error) {
      failed++;
      errors++;
      terminal.err(formatFileError(displayPath(file.outputPath), `cannot write: ${(error as Error).message}`, terminal.color) + '\n');
    }
  }

  const milliseconds = Math.round(performance.now() - started);
  let summary = `Lowered ${count(written, 'file')} in ${milliseconds} ms`;
  if (failed > 0) summary += `; ${count(failed, 'file')} not written (${count(errors, 'error')})`;
  terminal.out(summary + '\n');
  return failed > 0 ? ExitCode.CompileErrors : ExitCode.Success;
}

function planTranspile(options: TranspileOptions): PlannedFile[] {
  const input = statSync(options.input, { throwIfNoEntry: false });
  if (input === undefined) throw new UsageError(`cannot find '${options.input}'`);

  const outDir = statSync(options.outDir, { throwIfNoEntry: false });
  if (outDir !== undefined && !outDir.isDirectory()) {
    throw new UsageError(`--out-dir '${options.outDir}' exists and is not a directory`);
  }

  if (input.isDirectory()) {
    checkOutDir(options.input, options.outDir);
    const sources = readableOrUsageError(() =>
      findSourceFiles(options.input, { excludedDirectories: new Set([canonicalPath(options.outDir)]) }),
    );
    if (sources.length === 0) {
      throw new UsageError(`no ${SOURCE_EXTENSIONS.join(' ')} files found in '${options.input}'`);
    }
    return planOutputs(sources, options.outDir);
  }
  if (!input.isFile() || !SOURCE_EXTENSIONS.some((extension) => options.input.endsWith(extension))) {
    throw new UsageError(`'${options.input}' is not a ${SOURCE_EXTENSIONS.join(' ')} file or a directory`);
  }
  if (!isSourceFileName(options.input)) {
    throw new UsageError(`'${options.input}' is a declaration file; it holds no code to lower`);
  }
  return planOutputs([singleSourceFile(options.input)], options.outDir);
}

/** A directory the walk cannot read (permissions, a race with a delete) is a problem of the command, found before any write. */
function readableOrUsageError<T>(walk: () => T): T {
  try {
    return walk();
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw new UsageError(`cannot read the input: ${(error as Error).message}`);
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
