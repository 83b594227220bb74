/**
 * Turns `process.argv` into a {@link Command}, or a {@link UsageError} that
 * says what is wrong with it.
 *
 * Example:
 *   parseCommandLine(['transpile', 'src', '-d', 'out', '--runtime', 'require'])
 *   // → { kind: 'transpile', options: { input: 'src', outDir: 'out', runtime: 'require' } }
 *   parseCommandLine(['transpile', 'src', '-d', 'out'])
 *   // → { …, runtime: undefined }: chosen per file, see lower-file.ts
 *   parseCommandLine(['transpile', 'src'])
 *   // → throws UsageError("missing --out-dir <dir>")
 *
 * Implementation:
 *   The first argument names the command; the rest are read by `node:util`
 *   `parseArgs` against that command's own option table, so each command
 *   (later: `watch`, stdin input, globs) adds a table and a case here and
 *   nothing else. `parseArgs` runs non-strict with tokens so that the errors
 *   are ours and short ("unknown option '--foo'"), and so that
 *   `--out-dir --runtime` is refused instead of writing to a folder called
 *   `--runtime`. Paths stay as the user typed them; `transpile` resolves them.
 *
 * References:
 *   https://nodejs.org/docs/latest-v20.x/api/util.html#utilparseargsconfig
 *   https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/V1_chap12.html (utility syntax)
 */

import { parseArgs } from 'node:util';
import { UsageError } from './exit-code';
import type { RuntimeMode, TranspileOptions } from './transpile';

export type Command =
  | { readonly kind: 'help'; readonly topic: 'coro' | 'transpile' }
  | { readonly kind: 'version' }
  | { readonly kind: 'transpile'; readonly options: TranspileOptions };

const RUNTIME_MODES: readonly RuntimeMode[] = ['import', 'require', 'inline'];

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
    runtime: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { kind: 'help', topic: 'transpile' };

  if (positionals.length === 0) throw new UsageError('missing <file|dir> to transpile');
  if (positionals.length > 1) {
    throw new UsageError(`expected one <file|dir>, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  const outDir = values['out-dir'];
  if (typeof outDir !== 'string') throw new UsageError('missing --out-dir <dir>');

  const runtime = values.runtime;
  if (runtime !== undefined && (typeof runtime !== 'string' || !RUNTIME_MODES.includes(runtime as RuntimeMode))) {
    throw new UsageError(`--runtime must be one of ${RUNTIME_MODES.join(', ')}; got '${String(runtime)}'`);
  }
  return { kind: 'transpile', options: { input: positionals[0], outDir, runtime: runtime as RuntimeMode | undefined } };
}

type OptionTable = Record<string, { type: 'string' | 'boolean'; short?: string }>;

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
  }
  return { values, positionals };
}
