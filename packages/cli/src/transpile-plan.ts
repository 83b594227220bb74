/**
 * The plan of one `coro transpile` run over paths: the inputs it finds and
 * where each output goes, made and checked before anything is written; the
 * first build and each rebuild of watch mode start from it.
 *
 * Example:
 *   planTranspile({ input: { kind: 'paths', paths: ['src'] }, target: { kind: 'dir', path: 'out' }, … })
 *   // → { inputs: { lower: [src/main.ts, …], copy: [], watchRoots: ['/p/src'] },
 *   //     plan: [{ source: src/main.ts, action: 'lower', outputPath: '/p/out/main.js' }, …] }
 *   planTranspile({ input: { kind: 'paths', paths: ['src'] }, target: { kind: 'stdout' }, … })
 *   // → UsageError: missing --out-dir <dir>: only a single file can be written to standard output, not 'src'
 *
 * Implementation:
 *   The inputs are resolved (./inputs.ts) and the outputs placed
 *   (./output-layout.ts); what the command line allows depends on both: one
 *   output file, or standard output, takes exactly one input file. Every
 *   refusal is a `UsageError`, raised before the first write.
 *
 * References:
 *   https://babeljs.io/docs/babel-cli (files, --out-dir, --out-file)
 */

import { statSync } from 'node:fs';
import type { TranspileOptions } from './command-line';
import { UsageError } from './exit-code';
import { resolveInputs, type ResolvedInputs } from './inputs';
import { checkOutputTarget, planOutputs, type PlannedFile } from './output-layout';

export interface TranspilePlan {
  readonly inputs: ResolvedInputs;
  readonly plan: readonly PlannedFile[];
}

/** Finds the inputs and places every output; a UsageError when that cannot be done safely. */
export function planTranspile(options: TranspileOptions): TranspilePlan {
  if (options.input.kind !== 'paths') throw new Error('planTranspile needs paths, not standard input');
  checkOutputTarget(options.target);
  const paths = options.input.paths;
  const inputs = resolveInputs(paths, {
    extensions: options.extensions,
    ignore: options.ignore,
    copyFiles: options.copyFiles,
    outDir: options.target.kind === 'dir' ? options.target.path : undefined,
  });
  const oneFile = paths.length === 1 && statSync(paths[0], { throwIfNoEntry: false })?.isFile() === true;
  if (options.target.kind === 'stdout' && !oneFile) {
    throw new UsageError(`missing --out-dir <dir>: only a single file can be written to standard output, not '${paths.join(' ')}'`);
  }
  if (options.target.kind === 'file' && !oneFile) {
    throw new UsageError(`--out-file takes one input file, not '${paths[0]}'; use --out-dir <dir>`);
  }
  return { inputs, plan: planOutputs(inputs, options.target, options.sourceMaps) };
}
