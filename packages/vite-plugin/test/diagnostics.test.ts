/**
 * Input coro cannot lower fails the build through the host's own error
 * channel: Vite and Rollup print the file, line and column, the CORO code
 * and message, and a code frame with a caret at the problem, all in the
 * original source (the plugin runs before any other transform).
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { rollup, type RollupError } from 'rollup';
import { rollup as coro, type CoroPluginOptions } from '@coro/vite-plugin';
import { badInputs } from '@coro/testkit';
import { assertBuilt, listFiles, makeProject, removeProject, vite } from './harness';
import { expectFrame } from './host-code-frame';

const VITE_CONFIG = `import coro from '@coro/vite-plugin';
export default { plugins: [coro()], build: { ssr: 'src/main.ts', outDir: 'out' } };
`;

/** Types on the same line before the error: Oxc removing them first would move the column. */
const SYNTAX_ERROR_TS = ['export function* totals(items: readonly number[]): Generator<number> {', '  let sum: number = 0;', '  for (const item of items) yield (sum += item) +;', '}', ''].join('\n');
const SYNTAX_ERROR = { line: 3, column: '  for (const item of items) yield (sum += item) +;'.indexOf(';') + 1 };

/** Refused with the option `evalAndWith: 'refuse'` (by default such a generator is lowered). */
const DIRECT_EVAL_TS = ['export function* evaluate(code: string): Generator<unknown> {', '  const scope: Record<string, number> = { x: 1 };', '  yield eval(code);', '}', ''].join('\n');
const DIRECT_EVAL = { line: 3, column: '  yield eval(code);'.indexOf('eval') + 1 };

let project: string | undefined;

beforeAll(assertBuilt);
afterEach(() => removeProject(project));

describe('vite build', () => {
  test('a syntax error in a generator: file:line:col, CORO1001 and a code frame, build failed, nothing written', async () => {
    project = makeProject({ 'vite.config.mjs': VITE_CONFIG, 'src/main.ts': "export { totals } from './totals';\n", 'src/totals.ts': SYNTAX_ERROR_TS });

    const build = await vite(['build'], project);

    expect(build.status).toBe(1);
    // Vite prints Rollup's `loc`: a 1-based line and a 0-based column.
    const where = `${realpathSync(project)}/src/totals.ts:${SYNTAX_ERROR.line}:${SYNTAX_ERROR.column - 1}`;
    expect(build.stderr).toContain(`[plugin coro] ${where}\n`);
    expect(build.stderr).toMatch(/^\w*Error: CORO1001: Expression expected\.$/m);
    expectFrame(build.stderr, SYNTAX_ERROR_TS, SYNTAX_ERROR.line, SYNTAX_ERROR.column);
    expect(listFiles(join(project, 'out'))).toEqual([]);
  });

  test("direct eval in a generator, with evalAndWith: 'refuse': refused with CORO1003 at the call", async () => {
    const config = VITE_CONFIG.replace('coro()', "coro({ evalAndWith: 'refuse' })");
    project = makeProject({ 'vite.config.mjs': config, 'src/main.ts': "export { evaluate } from './evaluate';\n", 'src/evaluate.ts': DIRECT_EVAL_TS });

    const build = await vite(['build'], project);

    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`[plugin coro] ${realpathSync(project)}/src/evaluate.ts:${DIRECT_EVAL.line}:${DIRECT_EVAL.column - 1}\n`);
    expect(build.stderr).toMatch(/^\w*Error: CORO1003: direct eval is not lowered inside a generator: the option evalAndWith is 'refuse'/m);
    expectFrame(build.stderr, DIRECT_EVAL_TS, DIRECT_EVAL.line, DIRECT_EVAL.column);
  });
});

describe('rollup', () => {
  async function rollupError(files: Record<string, string>, input: string, options?: CoroPluginOptions): Promise<RollupError> {
    project = makeProject(files);
    return rollup({ input: join(project, input), external: ['@coro/runtime'], plugins: [coro(options)] }).then(
      () => {
        throw new Error('rollup built a file it should have refused');
      },
      (error: RollupError) => error,
    );
  }

  test('a syntax error: the error names the plugin, the CORO code, file:line:col, with a code frame', async () => {
    const source = ['export function* numbers() {', '  yield 1;', '  yield 2 +;', '}', ''].join('\n');

    const error = await rollupError({ 'src/numbers.js': source }, 'src/numbers.js');

    expect(error.plugin).toBe('coro');
    expect(error.pluginCode).toBe('CORO1001');
    expect(error.id).toBe(join(project ?? '', 'src/numbers.js'));
    expect(error.loc).toEqual({ file: join(project ?? '', 'src/numbers.js'), line: 3, column: 11 });
    expect(error.message).toMatch(/^\[plugin coro\] \S*src\/numbers\.js \(3:11\): CORO1001: Expression expected\.$/);
    expectFrame(error.frame ?? '', source, 3, 12);
  });

  test("direct eval in a generator, with evalAndWith: 'refuse': CORO1003 at the call", async () => {
    const source = DIRECT_EVAL_TS.replace(': string): Generator<unknown>', ')').replace(': Record<string, number>', '');

    const error = await rollupError({ 'src/evaluate.js': source }, 'src/evaluate.js', { evalAndWith: 'refuse' });

    expect(error.pluginCode).toBe('CORO1003');
    expect(error.loc).toMatchObject({ line: DIRECT_EVAL.line, column: DIRECT_EVAL.column - 1 });
    expectFrame(error.frame ?? '', source, DIRECT_EVAL.line, DIRECT_EVAL.column);
  });

  test('several errors in one file: the first is framed, the others counted', async () => {
    const source = ['export function* a() {', '  yield 1 +;', '}', 'export function* b() {', '  yield 2 *;', '}', ''].join('\n');

    const error = await rollupError({ 'src/two.js': source }, 'src/two.js');

    expect(error.loc).toMatchObject({ line: 2 });
    expect(error.message).toMatch(/CORO1001: Expression expected\.\n\(and 1 more error in this file\)$/);
  });

  test('an expression nested too deeply to parse: a clear error naming the file, not a stack overflow', async () => {
    const deep = badInputs.find((input) => input.name === 'deep-nesting-beyond-engines')?.text ?? '';

    const error = await rollupError({ 'src/deep.js': deep }, 'src/deep.js');

    expect(error.plugin).toBe('coro');
    expect(error.id).toBe(join(project ?? '', 'src/deep.js'));
    expect(error.message).toMatch(/^\[plugin coro\] \S*src\/deep\.js \(\d+:\d+\): CORO\d+: .*\bnest(s|ed)? too deeply\b/);
    expect(error.message).not.toMatch(/Maximum call stack size exceeded/);
  });
});
