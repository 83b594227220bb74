/**
 * The help texts: `coro --help` and `coro transpile --help`.
 *
 * Example:
 *   $ coro transpile --help
 *   Usage: coro transpile <file|dir> --out-dir <dir> [options]
 *   ...
 *
 * Implementation:
 *   Plain text kept next to nothing else, so a new command or option changes
 *   one obvious place. Lines stay under 80 columns.
 *
 * References:
 *   https://clig.dev/#help
 */

export const CORO_USAGE = `Usage: coro <command> [options]

Lowers generators into explicit state machines that run on @coro/runtime.

Commands:
  transpile <file|dir> --out-dir <dir>   lower a file, or every source file
                                         under a directory

Options:
  -h, --help      show this help; 'coro <command> --help' for a command
  -v, --version   print the version
`;

export const TRANSPILE_USAGE = `Usage: coro transpile <file|dir> --out-dir <dir> [options]

Lowers every generator function in <file>, or in each .js .mjs .cjs .ts .mts
.cts file under <dir>, into a state machine and writes the result under the
out dir with the same relative layout. TypeScript is written as JavaScript
(.ts -> .js, .mts -> .mjs, .cts -> .cjs); declaration files are skipped.
Directories named node_modules or dist, dot-files and the out dir itself are
not searched. A file with an error is reported and nothing is written for it.

Options:
  -d, --out-dir <dir>   where to write the output (required)
      --runtime <how>   how lowered code reaches @coro/runtime:
                          import   an ES module import
                          require  a CommonJS require
                          inline   the needed helpers written into each file
                        default: import in ES modules, require in scripts
                        (a file is an ES module by its extension .mjs/.mts,
                        by import/export in it, or by "type": "module")
  -h, --help            show this help

Exit status: 0 all files written, 1 a file had errors, 2 wrong usage.
`;
