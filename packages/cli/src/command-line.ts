/**
 * Turns `process.argv` into a {@link Command}, or a {@link UsageError} that
 * says what is wrong with it.
 *
 * Example:
 *   parseCommandLine(['transpile', 'src', 'lib/*.ts', '-d', 'out', '--runtime', 'require'])
 *   // → { kind: 'transpile', options: { input: { kind: 'paths', paths: ['src', 'lib/*.ts'] },
 *   //                                   target: { kind: 'dir', path: 'out' }, runtime: 'require', … } }
 *   parseCommandLine(['transpile', '--filename', 'src/a.ts'])
 *   // → input { kind: 'stdin', explicit: false }, target stdout: code piped in, code out
 *   parseCommandLine(['transpile', 'src', '--copy-files'])
 *   // → throws UsageError("--copy-files needs --out-dir <dir>")
 *
 * Implementation:
 *   The first argument names the command; the rest are read by `node:util`
 *   `parseArgs` against that command's own option table. `parseArgs` runs
 *   non-strict with tokens so that the errors are ours and short ("unknown
 *   option '--foo'"), and so that `--out-dir --runtime` is refused instead
 *   of writing to a folder called `--runtime`. Every combination that cannot
 *   work is refused here, before anything is read: stdin with `--out-dir`
 *   or `--watch`, `--source-maps file` without a file to put the map
 *   beside, `--runtime require` with `--module esm`, … (what a file's own
 *   module format allows is ./module-format.ts's to check). Whether an input exists, and what it is, is for
 *   ./inputs.ts to find out. Option names and short forms are Babel's
 *   (`-d`, `-o`, `-w`, `-x`, `-D`, `-f`, `-s`), so a Babel user's
 *   command line carries over. Paths stay as typed; `transpile` resolves
 *   them.
 *
 * References:
 *   https://nodejs.org/docs/latest-v20.x/api/util.html#utilparseargsconfig
 *   https://babeljs.io/docs/babel-cli (the option names)
 *   https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/V1_chap12.html (utility syntax; `-` for stdin)
 */

import { parseArgs } from 'node:util';
import type { EvalAndWith, RuntimeMode } from '@coro/host';
import { UsageError } from './exit-code';
import type { ModuleOption } from './module-format';
import type { OutputTarget } from './output-layout';
import { DEFAULT_EXTENSIONS } from './source-files';
import type { SourceMapMode } from './source-map-output';

export type TranspileInput =
  | { readonly kind: 'paths'; readonly paths: readonly string[] }
  /** `explicit`: named as `-`; otherwise standard input is read only when it is not a terminal. */
  | { readonly kind: 'stdin'; readonly explicit: boolean };

export interface TranspileOptions {
  readonly input: TranspileInput;
  /** `stdout` when neither --out-dir nor --out-file is given (one file, or standard input). */
  readonly target: OutputTarget;
  /** The name standard input stands for, as given to --filename. */
  readonly filename: string | undefined;
  /** Undefined: `import` in ES module output, `require` in CommonJS. */
  readonly runtime: RuntimeMode | undefined;
  /** The output's module format; undefined: as Node will read the output. */
  readonly module: ModuleOption | undefined;
  readonly sourceMaps: SourceMapMode;
  readonly watch: boolean;
  /** With the leading dot. */
  readonly extensions: readonly string[];
  readonly ignore: readonly string[];
  readonly copyFiles: boolean;
  /** Print the IR of every lowered function to standard output instead of the code. */
  readonly dumpIR: boolean;
  /** Globs (relative to the working directory) of the files whose async functions are all coroutines. */
  readonly coroutines: readonly string[];
  /** Loop iterations between two turns a coroutine gives the others; undefined: no counting. */
  readonly coroutineBudget: number | undefined;
  /** A suspend function with direct `eval` or `with`: lowered, or refused; undefined: `transform`'s default (lowered). */
  readonly evalAndWith: EvalAndWith | undefined;
}

export type Command =
  | { readonly kind: 'help'; readonly topic: 'coro' | 'transpile' }
  | { readonly kind: 'version' }
  | { readonly kind: 'transpile'; readonly options: TranspileOptions };

const RUNTIME_MODES: readonly RuntimeMode[] = ['import', 'require', 'inline'];
const SOURCE_MAP_MODES: readonly SourceMapMode[] = ['inline', 'file', 'none'];
const MODULE_OPTIONS: readonly ModuleOption[] = ['commonjs', 'esm', 'preserve'];
const EVAL_AND_WITH: readonly EvalAndWith[] = ['lower', 'refuse'];

export function parseCommandLine(args: readonly string[]): Command {
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError('missing command');
  if (command.startsWith('-')) return parseGlobalOptions(args);
  switch (command) {
    case 'transpile':
      return parseTranspile(rest);
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

function parseGlobalOptions(args: readonly string[]): Command {
  const { values, positionals } = readOptions(args, {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  if (values.help) return { kind: 'help', topic: 'coro' };
  if (values.version) return { kind: 'version' };
  throw new UsageError(`unexpected argument '${positionals[0] ?? args[0]}'`);
}

function parseTranspile(args: readonly string[]): Command {
  const { values, positionals } = readOptions(args, {
    'out-dir': { type: 'string', short: 'd' },
    'out-file': { type: 'string', short: 'o' },
    filename: { type: 'string', short: 'f' },
    'source-maps': { type: 'string', short: 's' },
    watch: { type: 'boolean', short: 'w' },
    runtime: { type: 'string' },
    module: { type: 'string' },
    extensions: { type: 'string', short: 'x' },
    ignore: { type: 'string', multiple: true },
    'copy-files': { type: 'boolean', short: 'D' },
    'dump-ir': { type: 'boolean' },
    coroutines: { type: 'string', multiple: true },
    'coroutine-budget': { type: 'string' },
    'eval-and-with': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { kind: 'help', topic: 'transpile' };

  const outDir = values['out-dir'] as string | undefined;
  const outFile = values['out-file'] as string | undefined;
  const filename = values.filename as string | undefined;
  const watch = values.watch === true;
  const copyFiles = values['copy-files'] === true;
  const dumpIR = values['dump-ir'] === true;
  if (outDir !== undefined && outFile !== undefined) throw new UsageError('--out-dir and --out-file cannot be used together');

  let input: TranspileInput;
  if (positionals.includes('-')) {
    if (positionals.length > 1) throw new UsageError("'-' (standard input) cannot be mixed with other inputs");
    input = { kind: 'stdin', explicit: true };
  } else if (positionals.length === 0) {
    if (outDir !== undefined || watch || copyFiles) throw new UsageError('missing <file|dir|glob> to transpile');
    input = { kind: 'stdin', explicit: false };
  } else {
    input = { kind: 'paths', paths: positionals };
  }

  const target: OutputTarget =
    outDir !== undefined ? { kind: 'dir', path: outDir } : outFile !== undefined ? { kind: 'file', path: outFile } : { kind: 'stdout' };
  const sourceMaps = oneOf('--source-maps', values['source-maps'], SOURCE_MAP_MODES) ?? 'none';

  if (input.kind === 'stdin') {
    if (outDir !== undefined) throw new UsageError('standard input is written to standard output or to --out-file, not to --out-dir');
  } else {
    if (filename !== undefined) throw new UsageError("--filename names standard input; read it with '-' or a pipe");
    if (outFile !== undefined && input.paths.length > 1) {
      throw new UsageError(`--out-file takes one input file, got ${input.paths.length}; use --out-dir for several`);
    }
  }
  if (copyFiles && outDir === undefined) throw new UsageError('--copy-files needs --out-dir <dir>');
  if (dumpIR && (outDir !== undefined || outFile !== undefined || watch)) {
    throw new UsageError('--dump-ir prints to standard output; it cannot be used with --out-dir, --out-file or --watch');
  }
  if (watch && target.kind === 'stdout') throw new UsageError('--watch needs --out-dir <dir> or --out-file <file>');
  if (sourceMaps === 'file' && target.kind === 'stdout') {
    throw new UsageError("--source-maps file needs --out-dir or --out-file to write the map beside; use 'inline' for standard output");
  }

  const runtime = oneOf('--runtime', values.runtime, RUNTIME_MODES);
  const module = oneOf('--module', values.module, MODULE_OPTIONS);
  if (module === 'esm' && runtime === 'require') {
    throw new UsageError('--runtime require cannot run in ES module output (--module esm), where require is not defined; use --runtime import or inline');
  }

  return {
    kind: 'transpile',
    options: {
      input,
      target,
      filename,
      runtime,
      module,
      sourceMaps,
      watch,
      extensions: values.extensions === undefined ? DEFAULT_EXTENSIONS : parseExtensions(values.extensions as string),
      ignore: (values.ignore as string[] | undefined) ?? [],
      copyFiles,
      dumpIR,
      coroutines: (values.coroutines as string[] | undefined) ?? [],
      coroutineBudget: positiveWholeNumber('--coroutine-budget', values['coroutine-budget']),
      evalAndWith: oneOf('--eval-and-with', values['eval-and-with'], EVAL_AND_WITH),
    },
  };
}

function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}; got '${String(value)}'`);
  }
  return value as T;
}

function positiveWholeNumber(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(number) || number === 0) {
    throw new UsageError(`${option} must be a whole number of loop iterations above 0; got '${String(value)}'`);
  }
  return number;
}

/** `.ts,.js` or `ts, js` → ['.ts', '.js']. */
function parseExtensions(list: string): string[] {
  const extensions = list
    .split(',')
    .map((extension) => extension.trim())
    .filter((extension) => extension !== '')
    .map((extension) => (extension.startsWith('.') ? extension : `.${extension}`));
  if (extensions.length === 0) throw new UsageError(`--extensions needs at least one extension, e.g. .js,.ts; got '${list}'`);
  return extensions;
}

type OptionTable = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

function readOptions(args: readonly string[], table: OptionTable) {
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options: table,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = table[token.name];
    if (spec === undefined) throw new UsageError(`unknown option '${token.rawName}'`);
    if (spec.type === 'boolean' && token.value !== undefined) {
      throw new UsageError(`option '${token.rawName}' takes no value`);
    }
    if (spec.type === 'string') {
      const missing = token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('-'));
      if (missing) throw new UsageError(`option '${token.rawName}' needs a value`);
    }
    if (spec.type === 'string' && !spec.multiple && tokens.some((other) => other !== token && other.kind === 'option' && other.name === token.name)) {
      throw new UsageError(`option '${token.rawName}' is given more than once`);
    }
  }
  return { values, positionals };
}
