/**
 * Which modules the plugin lowers in a real `vite build`: every JavaScript
 * and TypeScript flavour (.ts .tsx .mts .cts .js .jsx .mjs .cjs), modules
 * imported with a `?query`, but not virtual `\0` modules, not files that
 * `include` leaves out or `exclude` takes out; and `?raw` imports still give
 * the file's text untouched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, buildProblems, makeProject, node, removeProject, vite, type Run } from './harness';
import { nativeGenerators } from './native-generators';

const VITE_CONFIG = `import coro from '@coro/vite-plugin';

const virtualGenerators = {
  name: 'virtual-generators',
  resolveId: (id) => (id === 'virtual:generators' ? '\\0virtual:generators' : null),
  load: (id) => (id === '\\0virtual:generators' ? 'export function* fromVirtual() { yield "virtual"; }' : null),
};

export default {
  plugins: [coro({ include: ['src/**'], exclude: ['src/vendor/**'] }), virtualGenerators],
  oxc: { jsx: { runtime: 'classic', pragma: 'h' } },
  build: { ssr: 'src/main.ts', outDir: 'out', minify: false },
};
`;

const QUERIED = 'export function* fromQuery(): Generator<string> {\n  yield "query";\n}\n';

const FILES = {
  'vite.config.mjs': VITE_CONFIG,
  'src/main.ts': `import { fromQuery } from './queried.ts?variant=1';
import queriedText from './queried.ts?raw';
import { fromVirtual } from 'virtual:generators';
import { fromVendor } from './vendor/legacy.js';
import { fromOutside } from '../lib/outside.js';
import { fromTs } from './flavours/plain.ts';
import { fromMts } from './flavours/module.mts';
import { fromCts } from './flavours/script.cts';
import { fromJs } from './flavours/plain.js';
import { fromMjs } from './flavours/module.mjs';
import { fromCjs } from './flavours/script.cjs';
import { fromJsx } from './flavours/view.jsx';
import { fromTsx } from './flavours/view.tsx';

const generators = { fromQuery, fromVirtual, fromVendor, fromOutside, fromTs, fromMts, fromCts, fromJs, fromMjs, fromCjs, fromJsx, fromTsx };
for (const [name, generator] of Object.entries(generators)) console.log(name, [...generator()].join(' '));
console.log('raw text untouched:', queriedText === ${JSON.stringify(QUERIED)});
console.log('one runtime for scripts and modules:', Object.getPrototypeOf(fromCjs) === Object.getPrototypeOf(fromTs));
`,
  'src/queried.ts': QUERIED,
  'src/vendor/legacy.js': 'export function* fromVendor() { yield "vendor"; }\n',
  'lib/outside.js': 'export function* fromOutside() { yield "outside"; }\n',
  'src/flavours/plain.ts': 'export function* fromTs(): Generator<string> { yield "ts"; }\n',
  'src/flavours/module.mts': 'export function* fromMts(): Generator<string> { yield "mts"; }\n',
  'src/flavours/script.cts': 'function* fromCts(): Generator<string> { yield "cts"; }\nmodule.exports = { fromCts };\n',
  'src/flavours/plain.js': 'export function* fromJs() { yield "js"; }\n',
  'src/flavours/module.mjs': 'export function* fromMjs() { yield "mjs"; }\n',
  'src/flavours/script.cjs': 'function* fromCjs() { yield "cjs"; }\nmodule.exports = { fromCjs };\n',
  'src/flavours/view.jsx': [
    'const h = (tag, props, ...children) => `<${tag}>${children.join("")}</${tag}>`;',
    'export function* fromJsx() { yield <b>jsx</b>; }',
    '',
  ].join('\n'),
  'src/flavours/view.tsx': [
    'const h = (tag: string, props: unknown, ...children: string[]): string => `<${tag}>${children.join("")}</${tag}>`;',
    'export function* fromTsx(): Generator<string> { yield <i>tsx</i>; }',
    '',
  ].join('\n'),
};

let project: string;
let build: Run;
let bundle: string;

beforeAll(async () => {
  assertBuilt();
  project = makeProject(FILES);
  build = await vite(['build'], project);
  bundle = build.status === 0 ? readFileSync(join(project, 'out/main.js'), 'utf8') : '';
});

afterAll(() => removeProject(project));

test('the build succeeds and the program prints what the native one prints', async () => {
  expect(buildProblems(build.stderr)).toBe('');
  expect(build.status).toBe(0);

  const run = await node(['out/main.js'], project);

  expect(run.stderr).toBe('');
  expect(run.stdout).toBe(
    [
      'fromQuery query',
      'fromVirtual virtual',
      'fromVendor vendor',
      'fromOutside outside',
      'fromTs ts',
      'fromMts mts',
      'fromCts cts',
      'fromJs js',
      'fromMjs mjs',
      'fromCjs cjs',
      'fromJsx <b>jsx</b>',
      'fromTsx <i>tsx</i>',
      'raw text untouched: true',
      'one runtime for scripts and modules: true',
      '',
    ].join('\n'),
  );
});

test('only the virtual module, the excluded file and the file outside `include` keep their generators', () => {
  expect(nativeGenerators(bundle).sort()).toEqual(['fromOutside', 'fromVendor', 'fromVirtual']);
});

test('a module imported with a query is lowered under its file\'s name', () => {
  expect(bundle).toMatch(/linkGenerator\(fromQuery, fromQuery\$Frame\)/);
});

test('.cjs and .cts files require the runtime, which resolves to the same ES module build: one runtime in the bundle', () => {
  // Rolldown's wrapper for a require() of an ES module.
  expect(bundle).toMatch(/__toCommonJS\(/);
  expect(bundle.match(/^\s*function resumeGenerator\b/gm)).toHaveLength(1);
});
