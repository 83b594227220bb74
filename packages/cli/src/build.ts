/**
 * Carries out a plan: lower or copy each planned file, report its problems,
 * write what it produced, and count how it went.
 *
 * Example:
 *   const outcome = runBuild(plan, { runtime: 'require', module: undefined, sourceMaps: 'file', dumpIR: false, coroutines: [], coroutineBudget: undefined, evalAndWith: undefined }, terminal);
 *   // out/main.js and out/main.js.map written; src/bad.js reported, nothing written for it
 *   terminal.err(formatSummary(outcome, 38));
 *   // coro: lowered 1 file in 38 ms; 1 file with errors not written
 *
 * Implementation:
 *   A file with an error is reported and skipped; the others are still
 *   written, as tsc and Babel do. Nothing is written for a file until it is
 *   lowered in full, and an output and its map are written together and
 *   atomically (./atomic-write.ts), so a failure leaves the previous
 *   output, not half of the new one. Output for standard output goes
 *   to the terminal as one write. A fresh source-type resolver per build
 *   sees a package.json changed between two builds in watch mode. The
 *   summary goes to standard error, so standard output only ever carries
 *   lowered code. An output, lowered or copied, keeps its source's
 *   permission bits, as `cp` would: a package's executable `bin` script
 *   stays executable after lowering.
 *
 * References:
 *   docs/architecture.md ("Errors": bad input never yields partial or wrong output)
 *   https://babeljs.io/docs/babel-cli#compile-directories
 */

import { readFileSync, statSync } from 'node:fs';
import { coroutinePathFilter, createClassEmitOptionsResolver, formatFileError, formatProblem, sourceText, type FileProblem, type EvalAndWith, type LoweredSource, type RuntimeMode } from '@coro/host';
import { writeFilesAtomic, type FileToWrite } from './atomic-write';
import { displayPath } from './display-path';
import { lowerFile } from './lower-file';
import { createModuleDecider, type ModuleDecider, type ModuleOption } from './module-format';
import type { PlannedFile } from './output-layout';
import { placeOutput, type SourceMapMode } from './source-map-output';
import type { Terminal } from './terminal';

export interface BuildSettings {
  readonly runtime: RuntimeMode | undefined;
  readonly module: ModuleOption | undefined;
  readonly sourceMaps: SourceMapMode;
  readonly dumpIR: boolean;
  /** Globs, relative to the working directory, of the files whose async functions are all coroutines. */
  readonly coroutines: readonly string[];
  readonly coroutineBudget: number | undefined;
  readonly evalAndWith: EvalAndWith | undefined;
}

export interface BuildOutcome {
  readonly lowered: number;
  readonly copied: number;
  /** Files not written because of an error (in the input, or while writing). */
  readonly failed: number;
}

export function runBuild(plan: readonly PlannedFile[], settings: BuildSettings, terminal: Terminal): BuildOutcome {
  const decide = createModuleDecider(settings);
  const isCoroutineFile = coroutinePathFilter(settings.coroutines, process.cwd());
  const classEmitOptionsOf = createClassEmitOptionsResolver();
  checkModuleFormats(plan, decide);
  let lowered = 0;
  let copied = 0;
  let failed = 0;
  for (const file of plan) {
    if (file.action === 'copy') {
      if (copyOrReport(file.source.path, file.outputPath as string, terminal)) copied++;
      else failed++;
      continue;
    }
    const result = lowerFile(file.source.path, {
      decide,
      sourceMap: settings.sourceMaps !== 'none',
      dumpIR: settings.dumpIR,
      isCoroutineFile,
      coroutineBudget: settings.coroutineBudget,
      evalAndWith: settings.evalAndWith,
      classEmitOptionsOf,
    });
    if (writeLowered(file.source.path, file.outputPath, result, settings.sourceMaps, terminal, permissionsOf(file.source.path))) lowered++;
    else failed++;
  }
  return { lowered, copied, failed };
}

/**
 * Output that could not run is refused for the whole run before the first
 * write (a UsageError); a file that cannot be read or decoded is left for
 * the build to report.
 */
function checkModuleFormats(plan: readonly PlannedFile[], decide: ModuleDecider): void {
  for (const file of plan) {
    if (file.action !== 'lower') continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.source.path);
    } catch {
      continue;
    }
    const decoded = sourceText(bytes, displayPath(file.source.path));
    if (decoded.problem === undefined) decide(file.source.path, decoded.text);
  }
}

/**
 * Reports the problems of one lowered source and writes its output; false when nothing was written.
 * `mode`: the output's permission bits (its source file's; none for standard input).
 */
export function writeLowered(
  sourcePath: string,
  outputPath: string | undefined,
  result: LoweredSource,
  sourceMaps: SourceMapMode,
  terminal: Terminal,
  mode?: number,
): boolean {
  reportProblems(displayPath(sourcePath), result.problems, terminal);
  if (result.code === undefined) return false;
  // Asked for with --dump-ir, which writes to standard output only.
  if (result.ir !== undefined) {
    terminal.out(result.ir);
    return true;
  }
  const placed = placeOutput(result.code, result.map, { mode: sourceMaps, sourcePath, outputPath });
  if (outputPath === undefined) {
    terminal.out(placed.code);
    return true;
  }
  const files: FileToWrite[] = [{ path: outputPath, content: placed.code, mode }];
  if (placed.mapFile !== undefined) files.push(placed.mapFile);
  return writeOrReport(outputPath, files, terminal);
}

function reportProblems(path: string, problems: readonly FileProblem[], terminal: Terminal): void {
  for (const problem of problems) terminal.err(formatProblem(path, problem, terminal.color) + '\n');
}

export function formatSummary(outcome: BuildOutcome, milliseconds: number): string {
  let summary = `coro: lowered ${count(outcome.lowered, 'file')}`;
  if (outcome.copied > 0) summary += ` and copied ${outcome.copied}`;
  summary += ` in ${milliseconds} ms`;
  if (outcome.failed > 0) summary += `; ${count(outcome.failed, 'file')} with errors not written`;
  return summary + '\n';
}

function copyOrReport(sourcePath: string, outputPath: string, terminal: Terminal): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(sourcePath);
  } catch (error) {
    terminal.err(formatFileError(displayPath(sourcePath), `cannot read: ${(error as Error).message}`, terminal.color) + '\n');
    return false;
  }
  return writeOrReport(outputPath, [{ path: outputPath, content: bytes, mode: permissionsOf(sourcePath) }], terminal);
}

/** A source file's permission bits; undefined when it cannot be read, which its own read reports. */
function permissionsOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** Writes an output (and its map); a failure is reported against the output. */
function writeOrReport(outputPath: string, files: readonly FileToWrite[], terminal: Terminal): boolean {
  try {
    writeFilesAtomic(files);
    return true;
  } catch (error) {
    terminal.err(formatFileError(displayPath(outputPath), `cannot write: ${(error as Error).message}`, terminal.color) + '\n');
    return false;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
