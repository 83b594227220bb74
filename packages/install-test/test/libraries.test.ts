/**
 * Published libraries lowered whole: each library of LIBRARIES, installed
 * from the registry at the version of the repository's lock file, is copied
 * and every one of its JavaScript files lowered with the packed `coro
 * transpile`; a script of libraries/ that drives the library through its
 * suspension points (iterators left early, errors thrown in, concurrency
 * whose order depends on the promise jobs each await takes, or the test
 * suite the library ships) must print the same on the lowered copy as on the
 * published one.
 *
 * Example (what one run does, in a folder under the system's tmp):
 *   node scripts/pack.js <tmp>/packs
 *   npm install <tmp>/packs/*.tgz yaml@2.9.1 liquidjs@10.31.0 …
 *   cp -r node_modules/yaml lowered/node_modules/yaml
 *   (cd node_modules/yaml && npx coro transpile '**\/*.{js,mjs,cjs}' -d ../../lowered/node_modules/yaml)
 *   node native/yaml.js   vs   node lowered/yaml.js
 *
 * Implementation:
 *   Both script folders sit in one project, so the lowered copies find
 *   `@coro/runtime` in the project's node_modules; each lowered file keeps
 *   its module format, decided by the copied package.json as Node decides
 *   it. A library counts as lowered only if some of its files now require or
 *   import `@coro/runtime`, so a release that stops shipping generators
 *   cannot make the comparison vacuous. Paths are the only expected
 *   difference in what the scripts print, and are not printed.
 *
 * References:
 *   packages/install-test/test/install.test.ts (the install path it shares)
 *   README.md ("`coro transpile`")
 */

import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { run, succeed } from './commands';
import { packedProject } from './packed-project';

const SCRIPTS = join(__dirname, '../libraries');

/** Each library, with the script of libraries/ that drives it. */
const LIBRARIES: Record<string, string> = {
  yaml: 'yaml.js',
  liquidjs: 'liquidjs.js',
  'streaming-iterables': 'streaming-iterables.js',
  '@msgpack/msgpack': 'msgpack.mjs',
  'p-map': 'p-map.mjs',
  'abstract-level': 'abstract-level.js',
};

/** What the scripts use beside the libraries, installed as published and never lowered: abstract-level's suite runs on tape. */
const HELPERS = ['tape'];

let workspace: string;
let project: string;

beforeAll(() => {
  ({ workspace, project } = packedProject('coro-libraries-', 'project', [...Object.keys(LIBRARIES), ...HELPERS]));
  for (const folder of ['native', 'lowered']) cpSync(SCRIPTS, join(project, folder), { recursive: true });
}, 300_000);

afterAll(() => {
  if (workspace !== undefined) rmSync(workspace, { recursive: true, force: true });
});

test.each(Object.entries(LIBRARIES))('%s lowered whole prints what the published build prints (%s)', (library, script) => {
  const published = join(project, 'node_modules', library);
  const lowered = join(project, 'lowered/node_modules', library);
  cpSync(published, lowered, { recursive: true });
  const coro = join(project, 'node_modules/.bin/coro');
  succeed(run(`${JSON.stringify(coro)} transpile '**/*.{js,mjs,cjs}' --out-dir ${JSON.stringify(lowered)}`, published));
  expect(filesUsingRuntime(lowered).length).toBeGreaterThan(0);

  const native = succeed(run(`node ${script}`, join(project, 'native')));
  expect(native.stdout.split('\n').length).toBeGreaterThan(20);
  const result = succeed(run(`node ${script}`, join(project, 'lowered')));
  expect(result.stdout).toBe(native.stdout);
  expect(result.stderr).toBe(native.stderr);
}, 180_000);

/** The JavaScript files under `folder` that reach `@coro/runtime`, by require or import. */
function filesUsingRuntime(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => {
    if (!/\.(c|m)?js$/.test(name) || !statSync(join(folder, name)).isFile()) return false;
    return /["']@coro\/runtime["']/.test(readFileSync(join(folder, name), 'utf8'));
  });
}
