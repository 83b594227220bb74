/**
 * Options are checked when the plugin is made: a misspelt option or an
 * unknown runtime is an error at once, in the config, not a build that
 * quietly does something else.
 */
import { rollup, vite } from '@coro/vite-plugin';
import { assertBuilt, makeProject, removeProject, vite as viteCommand } from './harness';

test.each([
  ['a misspelt option', { runtme: 'inline' }, "@coro/vite-plugin: unknown option 'runtme'; the options are include, exclude, runtime, coroutines, coroutineBudget, evalAndWith"],
  ['an unknown runtime', { runtime: 'global' }, "@coro/vite-plugin: unknown runtime 'global'; use 'import', 'require', 'inline'"],
  ['an unknown evalAndWith', { evalAndWith: 'allow' }, "@coro/vite-plugin: unknown evalAndWith 'allow'; use 'lower', 'refuse'"],
  ['a coroutineBudget of 0', { coroutineBudget: 0 }, '@coro/vite-plugin: coroutineBudget must be a whole number of loop iterations above 0, such as 1000; got 0'],
  ['a coroutineBudget that is a string', { coroutineBudget: '100' }, '@coro/vite-plugin: coroutineBudget must be a whole number of loop iterations above 0, such as 1000; got "100"'],
  ['options that are not an object', 'inline', "@coro/vite-plugin: the options must be an object, not 'inline'"],
  ['an array', ['inline'], '@coro/vite-plugin: the options must be an object, not an array'],
])('%s is refused when the plugin is made', (_, options, message) => {
  expect(() => vite(options as never)).toThrow(message);
  expect(() => rollup(options as never)).toThrow(message);
});

test('no options, or undefined ones, mean the defaults', () => {
  expect(vite()).toMatchObject({ name: 'coro', enforce: 'pre' });
  expect(rollup(undefined)).toMatchObject({ name: 'coro' });
});

test('vite build with a misspelt option fails while loading the config, with the message', async () => {
  assertBuilt();
  const project = makeProject({
    'vite.config.mjs': "import coro from '@coro/vite-plugin';\nexport default { plugins: [coro({ exlude: ['src/vendor/**'] })] };\n",
    'index.html': '<script type="module" src="/src/main.js"></script>\n',
    'src/main.js': 'console.log(1);\n',
  });
  try {
    const build = await viteCommand(['build'], project);

    expect(build.status).toBe(1);
    expect(build.stderr).toContain("@coro/vite-plugin: unknown option 'exlude'; the options are include, exclude, runtime, coroutines, coroutineBudget, evalAndWith");
  } finally {
    removeProject(project);
  }
});

test('`coroutines` selects the files whose async functions are coroutines', async () => {
  const plugin = rollup({ coroutines: ['**/tasks/**'] }) as unknown as { transform(code: string, id: string): { code: string } | null };
  const source = 'export async function load(x) { return await x; }\n';
  const inTasks = plugin.transform.call({ warn() {}, error(e: unknown) { throw e; } }, source, '/app/src/tasks/load.js');
  const elsewhere = plugin.transform.call({ warn() {}, error(e: unknown) { throw e; } }, source, '/app/src/load.js');
  expect(inTasks!.code).toContain('$coroutines.startCoroutine');
  expect(elsewhere!.code).toContain('$coro.asyncStarted');
});

test('`coroutineBudget` makes every loop of a coroutine count its iterations against the budget', () => {
  const transformWith = (options: object) => (rollup(options) as unknown as { transform(code: string, id: string): { code: string } | null }).transform;
  const source = '"use coroutine";\nexport async function spin(n) { for (let i = 0; i < n; i++) {} }\n';
  const context = { warn() {}, error(e: unknown) { throw e; } };
  expect(transformWith({ coroutineBudget: 250 }).call(context, source, '/app/src/spin.js')!.code).toContain('budget.spent < 250');
  expect(transformWith({}).call(context, source, '/app/src/spin.js')!.code).not.toContain('budget.spent');
});
