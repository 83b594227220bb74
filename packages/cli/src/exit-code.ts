/**
 * How a `coro` run ends, as the shell sees it.
 *
 * Example:
 *   coro transpile src --out-dir out   # 0: every file lowered and written
 *   coro transpile bad --out-dir out   # 1: a file had an error, nothing written for it
 *   coro transpile                     # 2: the command line itself is wrong
 *
 * Implementation:
 *   The same split as tsc and Babel's CLI: `1` means "your code has a
 *   problem", `2` means "the way you called the command has a problem", so a
 *   build script can tell a broken source file from a broken invocation.
 *   A {@link UsageError} thrown anywhere before the first file is written
 *   becomes exit code 2 in `cli.ts`.
 *
 * References:
 *   https://www.typescriptlang.org/docs/handbook/compiler-options.html (tsc exit statuses)
 */

export const enum ExitCode {
  Success = 0,
  CompileErrors = 1,
  UsageError = 2,
}

/** The command line (arguments, paths it names) cannot be acted on. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
