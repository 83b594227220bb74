#!/usr/bin/env node
/**
 * The `coro` executable: reads the command line, runs the command, turns the
 * outcome into an exit code.
 *
 * Example:
 *   $ coro transpile src --out-dir out
 *   coro: lowered 12 files in 140 ms
 *   $ coro transpile --out-dir out
 *   coro: missing <file|dir|glob> to transpile
 *   Run 'coro transpile --help' for usage.        (exit code 2)
 *
 * Implementation:
 *   `runCli` is the whole program with its streams passed in; the bottom of
 *   this file connects it to `process` only when this file is the entry
 *   point, so the CLI can also be driven in-process. A `UsageError` from
 *   anywhere becomes exit code 2 with a pointer to the help. The exit code is
 *   set on `process.exitCode` rather than by `process.exit()`, which could
 *   cut off output still buffered for a pipe. The transpile command is loaded
 *   only when it runs, so `--help` and `--version` do not load TypeScript.
 *   The lowering itself, which the Jest transformer and the Vite plugin
 *   share, is @coro/host; this file, the package's main entry, is the
 *   executable and `runCli`.
 *
 * References:
 *   https://nodejs.org/docs/latest-v20.x/api/process.html#processexitcode
 *   ./exit-code.ts
 */

import { parseCommandLine, type Command } from './command-line';
import { ExitCode, UsageError } from './exit-code';
import { processTerminal, type Terminal } from './terminal';
import { CORO_USAGE, TRANSPILE_USAGE } from './usage';
import { cliVersion } from './version';

export async function runCli(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  let command: Command | undefined;
  try {
    command = parseCommandLine(args);
    switch (command.kind) {
      case 'help':
        terminal.out(command.topic === 'transpile' ? TRANSPILE_USAGE : CORO_USAGE);
        return ExitCode.Success;
      case 'version':
        terminal.out(`coro ${cliVersion()}\n`);
        return ExitCode.Success;
      case 'transpile': {
        const { transpile } = await import('./transpile');
        return await transpile(command.options, terminal);
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (args.length === 0) {
      terminal.err(CORO_USAGE);
      return ExitCode.UsageError;
    }
    const help = command?.kind === 'transpile' || args[0] === 'transpile' ? 'coro transpile --help' : 'coro --help';
    terminal.err(`coro: ${error.message}\nRun '${help}' for usage.\n`);
    return ExitCode.UsageError;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), processTerminal()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`coro: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = ExitCode.CompileErrors;
    },
  );
}
