/**
 * A program without coroutines pulls in none of them: rollup bundles a
 * lowered generator-only program (`runtime: 'import'`) and no module of
 * `src/coroutines/` is in the bundle; a lowered coroutine program, bundled
 * the same way, has them (the check can see them).
 */
import * as path from 'path';
import { rollup, type Plugin } from 'rollup';
import { transform } from '@coro/compiler';

const DIST_ESM = path.resolve(__dirname, '../../runtime/dist/esm');

/** Resolves the runtime's two entries to its built ES modules, as a bundler following "exports" would. */
const runtimePackage: Plugin = {
  name: 'coro-runtime',
  resolveId(source) {
    if (source === '@coro/runtime') return path.join(DIST_ESM, 'index.js');
    if (source === '@coro/runtime/coroutines') return path.join(DIST_ESM, 'coroutines/index.js');
    return null;
  },
};

const virtualEntry = (code: string): Plugin => ({
  name: 'entry',
  resolveId: (source) => (source === 'entry.js' ? source : null),
  load: (id) => (id === 'entry.js' ? code : null),
});

async function bundledModules(source: string): Promise<string[]> {
  const lowered = transform(source, { runtime: 'import', filename: 'entry.js' });
  expect(lowered.diagnostics).toEqual([]);
  const bundle = await rollup({ input: 'entry.js', plugins: [virtualEntry(lowered.code), runtimePackage] });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  return Object.keys(output[0].modules).filter((id) => id.startsWith(DIST_ESM)).map((id) => path.relative(DIST_ESM, id).split(path.sep).join('/'));
}

test('a generator-only program bundles no coroutine module', async () => {
  const modules = await bundledModules('function* count(n) { for (let i = 0; i < n; i++) yield i; }\nconsole.log([...count(3)]);\n');
  expect(modules).toContain('generator-prototype.js');
  expect(modules.filter((id) => id.startsWith('coroutines/'))).toEqual([]);
});

test('a program with a coroutine bundles the coroutine modules', async () => {
  const modules = await bundledModules('async function load(x) { "use coroutine"; return await x; }\nload(1).then(console.log);\n');
  expect(modules).toContain('coroutines/task-lifecycle.js');
});
