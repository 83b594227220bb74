/**
 * The plugin's Rolldown entry in a real Rolldown build (its JavaScript API,
 * in a child process: Rolldown is ESM-only): TypeScript generators lowered
 * before Rolldown removes the types, the runtime bundled from its ES module
 * build, the output runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, buildProblems, makeProject, node, removeProject } from './harness';
import { nativeGenerators } from './native-generators';

const BUILD_SCRIPT = `import { build } from 'rolldown';
import { rolldown as coro } from '@coro/vite-plugin';

await build({ input: 'src/main.ts', plugins: [coro()], output: { file: 'out/main.js', format: 'es' } });
`;

const MAIN = `interface Node { value: string; next?: Node }

function* walk(node: Node | undefined): Generator<string, number> {
  let count = 0;
  for (; node; node = node.next) {
    yield node.value;
    count++;
  }
  return count;
}

const list: Node = { value: 'a', next: { value: 'b', next: { value: 'c' } } };
const walker = walk(list);
const seen: string[] = [];
let step = walker.next();
while (!step.done) {
  seen.push(step.value);
  step = walker.next();
}
console.log(seen.join(' '), step.value);
`;

let project: string | undefined;

beforeAll(assertBuilt);
afterAll(() => removeProject(project));

test('rolldown builds TypeScript with the plugin, and the output runs', async () => {
  project = makeProject({ 'build.mjs': BUILD_SCRIPT, 'src/main.ts': MAIN });

  const build = await node(['build.mjs'], project);
  expect(buildProblems(build.stderr)).toBe('');
  expect(build.status).toBe(0);

  const code = readFileSync(join(project, 'out/main.js'), 'utf8');
  expect(nativeGenerators(code)).toEqual([]);
  expect(code).not.toMatch(/(?:require\(|from|import\()\s*['"]@coro\/runtime/);
  const run = await node(['out/main.js'], project);
  expect(run.stdout).toBe('a b c 3\n');
});
