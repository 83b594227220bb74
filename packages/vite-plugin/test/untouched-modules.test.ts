/**
 * A module without a suspend function is handed back as `null`: the host
 * keeps its code and adds nothing to its source map chain. Read from
 * Rollup's module cache, which records the map each transform returned.
 */
import { join } from 'node:path';
import { rollup } from 'rollup';
import { rollup as coro } from '@coro/vite-plugin';
import { assertBuilt, makeProject, removeProject } from './harness';

let project: string | undefined;

beforeAll(assertBuilt);
afterEach(() => removeProject(project));

test('only the module with a generator gets a transform result; the others are untouched', async () => {
  project = makeProject({
    'src/main.js': "import { twice } from './plain.js';\nimport { pairs } from './pairs.js';\nimport './empty.js';\nconsole.log([...pairs(twice(2))]);\n",
    'src/plain.js': '// Multiplies, with a * in a comment and in code.\nexport const twice = (n) => n * 2;\n',
    'src/pairs.js': 'export function* pairs(n) {\n  for (let i = 0; i < n; i++) yield [i, i];\n}\n',
    'src/empty.js': '',
  });

  const bundle = await rollup({ input: join(project, 'src/main.js'), external: ['@coro/runtime'], plugins: [coro()] });
  const modules = new Map((bundle.cache?.modules ?? []).map((module) => [module.id, module]));
  await bundle.close();

  const moduleAt = (path: string) => modules.get(join(project ?? '', path));
  for (const path of ['src/main.js', 'src/plain.js', 'src/empty.js']) {
    expect({ path, chain: moduleAt(path)?.sourcemapChain }).toEqual({ path, chain: [] });
    expect(moduleAt(path)?.code).toBe(moduleAt(path)?.originalCode);
  }
  expect(moduleAt('src/pairs.js')?.sourcemapChain).toHaveLength(1);
  expect(moduleAt('src/pairs.js')?.code).toMatch(/\$coro\.linkGenerator\(pairs, pairs\$Frame\)/);
});
