/**
 * The help texts: `coro --help` and `coro transpile --help`.
 *
 * Example:
 *   $ coro transpile --help
 *   Usage: coro transpile <file|dir|glob>... --out-dir <dir> [options]
 *   ...
 *
 * Implementation:
 *   Plain text kept next to nothing else, so a new command or option changes
 *   one obvious place. Lines stay under 80 columns. The usage lines come
 *   first, in the order a user reaches for them (a tree, one file, a pipe).
 *
 * References:
 *   https://clig.dev/#help
 */

export const CORO_USAGE = `Usage: coro <command> [options]

Lowers generators and async functions into explicit state machines that run
on @coro/runtime.

Commands:
  transpile <file|dir|glob>... --out-dir <dir>
                  lower files, directories and globs into <dir>
  transpile <file> [--out-file <file>]
                  lower one file (to standard output without --out-file)
  transpile [-] [--filename <name>] < in.js > out.js
                  lower code read from standard input

Options:
  -h, --help      show this help; 'coro <command> --help' for a command
  -v, --version   print the version
`;

export const TRANSPILE_USAGE = `Usage: coro transpile <file|dir|glob>... --out-dir <dir> [options]
       coro transpile <file> [--out-file <file>] [options]
       coro transpile [-] [--filename <name>] [options] < in.js > out.js

Lowers every generator and async function into a state machine. A
directory gives each source file under it; a glob (quote it) gives the
files it matches. The out dir keeps their layout: relative to a directory,
to the glob's fixed part, or just the file's name for a file. TypeScript is
written as JavaScript (.ts -> .js, .mts -> .mjs, .cts -> .cjs, .tsx -> .jsx
with the JSX kept), and so are relative imports of TypeScript files
('./a.ts' -> './a.js'); declaration files are skipped. Directories are searched
without node_modules, dist and dot-files, globs without node_modules and
dot-files; the out dir is never read. A file with an error is reported with
its position and a code frame, and nothing is written for it.

Options:
  -d, --out-dir <dir>     write the output under <dir>
  -o, --out-file <file>   write the output of a single input to <file>
  -f, --filename <name>   the name of standard input, for messages, source
                          maps and the language (default: <stdin>)
  -s, --source-maps <how> none (default), inline (a data: URL in the
                          output) or file (<output>.map beside it); maps
                          point at the original source, TypeScript too
      --runtime <how>     how lowered code reaches @coro/runtime:
                            import   an ES module import
                            require  a CommonJS require
                            inline   the needed helpers written into the file
                          default: import in ES module output, require
                          in CommonJS
      --module <format>   the output's module format:
                            commonjs  import/export become require/exports
                            esm       an ES module
                            preserve  as the source is written
                          default: as Node will run the output: by its
                          extension (.mjs/.mts, .cjs/.cts), else the nearest
                          package.json "type", else import/export in it.
                          Output that could not run (require in an ES
                          module, import in CommonJS) is refused (exit 2)
  -x, --extensions <list> the source extensions, comma separated
                          (default: .js,.jsx,.mjs,.cjs,.ts,.tsx,.mts,.cts)
      --ignore <glob>     leave out files that directories and globs find
                          (relative to the working directory; repeatable)
      --coroutines <glob> the files whose async functions are all
                          coroutines, as if each began with "use coroutine"
                          (relative to the working directory; repeatable;
                          a leading ! leaves files out)
      --coroutine-budget <n>  every n loop iterations a coroutine gives
                          the other tasks a turn (default: no counting)
  -D, --copy-files        copy the other files under input directories too
  -w, --watch             lower again whatever changes, until stopped
      --dump-ir           print the state-machine IR of every lowered
                          function instead of the code (standard output)
      --eval-and-with <how>  a generator or async function holding direct
                          eval or a with statement:
                            lower   its bindings kept as real variables
                                    (default)
                            refuse  an error (CORO1003, CORO1004)
  -h, --help              show this help

Standard input is read when the input is '-', or when there is none and
code is piped in; its output goes to standard output, or to --out-file.
Messages and the summary go to standard error, in colour on a terminal
(never with NO_COLOR set or FORCE_COLOR=0).

Exit status: 0 all written, 1 a file had errors, 2 wrong usage.
`;
