/**
 * Source maps chain through the plugin: an error thrown inside a lowered
 * generator, after several yields, is reported by `node --enable-source-maps`
 * at the original file and inside the original function, for a Vite build of
 * TypeScript and a Rollup build of JavaScript.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { rollup as coro } from '@coro/vite-plugin';
import { assertBuilt, makeProject, node, removeProject, vite, type Run } from './harness';

/** A generator that yields three times, then throws from inside a loop; its lines are counted below. */
const COUNTER = [
  '// Counts up; gives up past three.', //                                  1
  'export function* countTo(limit: number): Generator<number> {', //        2
  '  let n = 0;', //                                                        3
  '  while (n < limit) {', //                                               4
  '    n++;', //                                                            5
  '    if (n > 3) throw new Error(`gave up at ${n} of ${limit}`);', //      6
  '    yield n;', //                                                        7
  '  }', //                                                                 8
  '}', //                                                                   9
  '',
].join('\n');
const FUNCTION_LINES = { first: 2, last: 9 };

const MAIN = ["import { countTo } from './counter';", '', 'for (const n of countTo(10)) console.log(n);', ''].join('\n');
const CALL_LINE = 3;

const VITE_CONFIG = `import coro from '@coro/vite-plugin';
export default { plugins: [coro()], build: { ssr: 'src/main.ts', outDir: 'out', sourcemap: true } };
`;

const asJavaScript = (typescript: string) => typescript.replace(': number): Generator<number>', ')');

/** The stack frames (`at fn (file:line:column)`) that point into the project's own `src/` (the runtime's frames map to its sources too). */
function projectFrames(stderr: string, root: string): { file: string; line: number }[] {
  const frames: { file: string; line: number }[] = [];
  for (const match of stderr.matchAll(/^\s+at (?:.* \()?(?:file:\/\/)?([^\s()]+):(\d+):\d+\)?$/gm)) {
    const path = match[1];
    if (path.startsWith(`${root}/src/`)) frames.push({ file: path.slice(root.length + 1), line: Number(match[2]) });
  }
  return frames;
}

function expectMappedToSources(run: Run, root: string, extension: string): void {
  expect(run.stdout).toBe('1\n2\n3\n');
  expect(run.stderr).toContain('Error: gave up at 4 of 10');
  const frames = projectFrames(run.stderr, realpathSync(root));
  expect(frames).toHaveLength(2);
  const [thrower, caller] = frames;
  expect(thrower.file).toBe(`src/counter.${extension}`);
  expect(thrower.line).toBeGreaterThanOrEqual(FUNCTION_LINES.first);
  expect(thrower.line).toBeLessThanOrEqual(FUNCTION_LINES.last);
  expect(caller).toEqual({ file: `src/main.${extension}`, line: CALL_LINE });
}

let project: string | undefined;

beforeAll(assertBuilt);
afterEach(() => removeProject(project));

test('vite build of TypeScript: node --enable-source-maps points into counter.ts, inside countTo', async () => {
  project = makeProject({ 'vite.config.mjs': VITE_CONFIG, 'src/counter.ts': COUNTER, 'src/main.ts': MAIN });
  const build = await vite(['build'], project);
  expect(build.status).toBe(0);

  const run = await node(['--enable-source-maps', 'out/main.js'], project);

  expect(run.status).toBe(1);
  expectMappedToSources(run, project, 'ts');
});

test('rollup build of JavaScript: node --enable-source-maps points into counter.js, inside countTo', async () => {
  project = makeProject({ 'src/counter.js': asJavaScript(COUNTER), 'src/main.js': MAIN.replace("'./counter'", "'./counter.js'") });
  const bundle = await rollup({ input: join(project, 'src/main.js'), external: ['@coro/runtime'], plugins: [coro()] });
  await bundle.write({ file: join(project, 'out/main.js'), format: 'es', sourcemap: true });
  await bundle.close();

  const run = await node(['--enable-source-maps', 'out/main.js'], project);

  expect(run.status).toBe(1);
  expectMappedToSources(run, project, 'js');
});
