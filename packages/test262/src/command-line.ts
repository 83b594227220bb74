/**
 * What the two command lines of this package share: usage errors, the
 * `--slice I/N` argument, progress on stderr and the exit status.
 *
 * ## Example
 *
 * ```ts
 * const onProgress = progressOnStderr('runs');   // "  … 1200 / 18400 runs (30 s)" every 30 s
 * runMain('test262', USAGE, parseCommandLine, main);   // exit status from main; 2 for a usage error, 1 on a crash
 * ```
 *
 * ## References
 *
 * ./cli.ts, ./derived-cli.ts.
 */

export class UsageError extends Error {}

export interface Slice {
  readonly index: number;
  readonly count: number;
}

/** `I/N`: every N-th item from the I-th. */
export function parseSlice(text: string): Slice {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (match === null || Number(match[1]) >= Number(match[2])) throw new UsageError('--slice takes I/N with 0 <= I < N');
  return { index: Number(match[1]), count: Number(match[2]) };
}

const PROGRESS_EVERY_MS = 30_000;

/** A progress callback that writes how far a run is, at most every 30 seconds. */
export function progressOnStderr(unit: string): (done: number, total: number) => void {
  const started = performance.now();
  let lastProgress = started;
  return (done, total) => {
    const now = performance.now();
    if (now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    process.stderr.write(`  … ${done} / ${total} ${unit} (${((now - started) / 1000).toFixed(0)} s)\n`);
  };
}

/**
 * Parses the arguments and runs the command's main function, which gives
 * the exit status: 2 and the usage for a usage error, 1 and the stack when
 * it crashes.
 */
export function runMain<C>(name: string, usage: string, parse: (args: readonly string[]) => C, main: (command: C) => Promise<number>): void {
  let command: C;
  try {
    command = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  main(command).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
