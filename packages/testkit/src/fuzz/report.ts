/**
 * The text of a failure report.
 *
 * ## Example
 * ```
 * coro fuzz: seed 7688 fails (trace-mismatch, runtime 'inline')
 *   traces differ at line 1: native "end fns ", lowered "uncaught SyntaxError: Unexpected token ':'"
 *
 * Smallest failing program (15 shrink steps, 154 candidates tried).
 * It runs after the standard prelude (PRELUDE in packages/testkit/src/fuzz/prelude.ts):
 *     function* g2() {
 *       log('g2.0', ({ a: 0, b: 0 }, yield));
 *     }
 *     callFns('end');
 *
 * Native trace: ...   Lowered trace (inline): ...   Lowered code (inline): ...
 * Replay: node scripts/fuzz.js --seed 7688 --count 1
 * ```
 *
 * ## Implementation
 * Everything needed to understand and reproduce the failure without rerunning
 * anything: seed, failure, smallest program, both traces, and the lowered code
 * with the parts the compiler did not write (the prelude, the inline runtime)
 * cut out.
 */
import type { Program } from './ast';
import type { DifferentialResult, Failure } from './differential';
import { PRELUDE } from './prelude';
import { printProgramBody } from './print';
import type { GenerateOptions } from './program';

/** What a report is about: a failing seed and the smallest program shrinking found (campaign.ts). */
export interface ShrunkFailure {
  seed: number;
  original: Program;
  /** The smallest failing program found and its differential result. */
  program: Program;
  result: DifferentialResult;
  failure: Failure;
  attempts: number;
  steps: number;
  exhausted: boolean;
  /** How the program was generated, when not by default: the replay command must say it too. */
  generate?: GenerateOptions;
}

function indent(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

function traceBlock(trace: readonly string[]): string {
  return trace.length === 0 ? '    (nothing printed)' : indent(trace.join('\n'));
}

/**
 * The lowered code with the untouched prelude cut out, so the report shows
 * what the compiler did. The prelude opens the source, so whatever precedes it
 * was prepended by the compiler: a `require` line is kept, an inlined runtime
 * (hundreds of lines) is only named.
 */
function loweredBody(code: string): string {
  const at = code.indexOf(PRELUDE);
  if (at === -1) return code;
  let preamble = code.slice(0, at);
  const lines = preamble.split('\n').length - 1;
  if (lines > 5) preamble = `/* …${lines} lines the compiler put before the program (the inline runtime)… */\n`;
  return `${preamble}/* …the standard prelude, unchanged… */\n${code.slice(at + PRELUDE.length)}`;
}

export function formatReport(shrunk: ShrunkFailure): string {
  const { failure, result } = shrunk;
  const mode = failure.mode === undefined ? '' : `, runtime '${failure.mode}'`;
  const lowered = result.lowered.find((run) => run.mode === failure.mode);
  const sections = [
    `coro fuzz: seed ${shrunk.seed} fails (${failure.kind}${mode})`,
    `  ${failure.message}`,
    '',
    `Smallest failing program (${shrunk.steps} shrink steps, ${shrunk.attempts} candidates tried${shrunk.exhausted ? ', budget ran out' : ''}).`,
    'It runs after the standard prelude (PRELUDE in packages/testkit/src/fuzz/prelude.ts):',
    indent(printProgramBody(shrunk.program)),
    '',
    'Native trace:',
    traceBlock(result.native.trace),
  ];
  if (lowered?.execution !== undefined) sections.push('', `Lowered trace (${lowered.mode}):`, traceBlock(lowered.execution.trace));
  if (lowered?.code !== undefined) sections.push('', `Lowered code (${lowered.mode}):`, indent(loweredBody(lowered.code)));
  sections.push('', `Replay: node scripts/fuzz.js --seed ${shrunk.seed} --count 1${replayFlags(shrunk)}`);
  return sections.join('\n');
}

/** The flags of scripts/fuzz.js that generate the program the way this failure's was. */
function replayFlags(shrunk: ShrunkFailure): string {
  const generate = shrunk.generate ?? {};
  let flags = '';
  if (generate.asyncShare === 0) flags += ' --sync';
  else if (generate.asyncShare !== undefined) flags += ` --async-share ${generate.asyncShare}`;
  if (generate.exclude !== undefined && generate.exclude.length > 0) flags += ` --exclude ${generate.exclude.join(',')}`;
  return flags;
}
