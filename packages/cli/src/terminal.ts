/**
 * Where the CLI reads and writes: standard input for code piped in,
 * standard output for results (help, version, code lowered from standard
 * input), standard error for diagnostics and the summary, and whether
 * colour is wanted.
 *
 * Example:
 *   const terminal = processTerminal();
 *   terminal.err('coro: lowered 3 files in 41 ms\n');
 *   const code = await terminal.stdin.read();   // when code is piped in
 *
 * Implementation:
 *   Commands never touch `process.stdout` directly, so they can run inside
 *   another program with other streams. Standard output carries nothing but
 *   results, so `coro transpile < a.js > b.js` writes exactly the lowered
 *   code. Colour follows the common conventions: `NO_COLOR` turns it off,
 *   `FORCE_COLOR` (not `0`) turns it on, otherwise it is on when standard
 *   error (where colour is used) is a TTY. Standard input is read as bytes,
 *   so that the decoding is the same as for a file.
 *
 * References:
 *   https://no-color.org/
 *   https://force-color.org/
 */

import { isatty } from 'node:tty';

export interface Terminal {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Whether diagnostics may use ANSI colours. */
  readonly color: boolean;
  readonly stdin: {
    /** True when a person types at it rather than a pipe or file feeding it. */
    readonly isTTY: boolean;
    /** Everything up to the end of input. */
    read(): Promise<Buffer>;
  };
}

export function processTerminal(): Terminal {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: wantsColor(process.stderr),
    // isatty(0) rather than process.stdin.isTTY: touching process.stdin opens the stream.
    stdin: { isTTY: isatty(0), read: () => readAll(process.stdin) },
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function wantsColor(stream: NodeJS.WriteStream): boolean {
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return stream.isTTY === true;
}
