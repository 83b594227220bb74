/**
 * Where the CLI writes: standard output for results, standard error for
 * diagnostics, and whether colour is wanted.
 *
 * Example:
 *   const terminal = processTerminal();
 *   terminal.out('Lowered 3 files in 41 ms\n');
 *
 * Implementation:
 *   Commands never touch `process.stdout` directly, so they can run inside
 *   another program (or a later watch mode) with other streams. Colour follows
 *   the common conventions: `NO_COLOR` turns it off, `FORCE_COLOR` (not `0`)
 *   turns it on, otherwise it is on when the stream is a TTY.
 *
 * References:
 *   https://no-color.org/
 *   https://force-color.org/
 */

export interface Terminal {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Whether diagnostics may use ANSI colours. */
  readonly color: boolean;
}

export function processTerminal(): Terminal {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: wantsColor(process.stderr),
  };
}

function wantsColor(stream: NodeJS.WriteStream): boolean {
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return stream.isTTY === true;
}
