/**
 * With the runtime's ES module build, the bundler keeps only the runtime
 * that lowered code reaches: a program with generators only carries no
 * async runtime and no `inlineRuntime` (the compiler's, at the subpath
 * `@coro/runtime/inline`), while a program with an async function does carry
 * the async part.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as runtime from '@coro/runtime';
import { assertBuilt, makeProject, removeProject, REPO, vite, type Run } from './harness';

const VITE_CONFIG = `import coro from '@coro/vite-plugin';
export default { plugins: [coro()], build: { lib: { entry: 'src/main.ts', formats: ['es'], fileName: 'main' }, outDir: 'out', minify: false } };
`;

const GENERATORS_ONLY = `function* fibonacci(): Generator<number> {
  let [a, b] = [0, 1];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
  }
}
function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  for (const item of items) {
    if (count-- <= 0) return;
    yield item;
  }
}
export const first = [...take(fibonacci(), 10)];
`;

const WITH_ASYNC = `${GENERATORS_ONLY}
export async function later(value: number): Promise<number> {
  await null;
  return value;
}
`;

/** Runtime modules (ES module build) and exports that only async code needs. */
const ASYNC_MODULES = readdirSync(join(REPO, 'packages/runtime/dist/esm')).filter((file) => /^async.*\.js$/i.test(file));
const ASYNC_EXPORTS = Object.keys(runtime).filter((name) => /async|await/i.test(name));

interface Bundle {
  readonly project: string;
  readonly build: Run;
  readonly code: string;
}

let generatorsOnly: Bundle;
let withAsync: Bundle;

async function bundle(main: string): Promise<Bundle> {
  const project = makeProject({ 'vite.config.mjs': VITE_CONFIG, 'src/main.ts': main });
  const build = await vite(['build'], project);
  return { project, build, code: build.status === 0 ? readFileSync(join(project, 'out/main.js'), 'utf8') : '' };
}

beforeAll(async () => {
  assertBuilt();
  [generatorsOnly, withAsync] = await Promise.all([bundle(GENERATORS_ONLY), bundle(WITH_ASYNC)]);
});

afterAll(() => {
  removeProject(generatorsOnly?.project);
  removeProject(withAsync?.project);
});

test('the runtime has an async part to leave out', () => {
  expect(ASYNC_MODULES.length).toBeGreaterThan(0);
  expect(ASYNC_EXPORTS.length).toBeGreaterThan(0);
});

test('both programs build', () => {
  expect(generatorsOnly.build.status).toBe(0);
  expect(withAsync.build.status).toBe(0);
});

test('a generators-only bundle holds the generator runtime and none of the async runtime', () => {
  expect(generatorsOnly.code).toMatch(/^\/\/ \S*packages\/runtime\/dist\/esm\/resume-generator\.js$/m);
  for (const file of ASYNC_MODULES) expect(generatorsOnly.code).not.toContain(`packages/runtime/dist/esm/${file}`);
  for (const name of ASYNC_EXPORTS) expect(generatorsOnly.code).not.toMatch(new RegExp(`\\b${name}\\b`));
});

test('a generators-only bundle holds neither inlineRuntime nor the data it reads', () => {
  expect(generatorsOnly.code).not.toMatch(/\binlineRuntime\b/);
  expect(generatorsOnly.code).not.toContain('inline-sources');
});

test('a bundle with an async function does hold the async runtime', () => {
  expect(ASYNC_MODULES.some((file) => withAsync.code.includes(`packages/runtime/dist/esm/${file}`))).toBe(true);
  expect(withAsync.code).not.toMatch(/\binlineRuntime\b/);
});
