/**
 * The install path, as a user meets it: the packed packages installed in a
 * new project outside the repository, with TypeScript, ts-patch, Vite,
 * Rollup and Jest from the registry, and every command of the README's
 * "Install" section run there with the README's own configuration files.
 * Each output must print what the native program prints.
 *
 * Example (what one run does, in a folder under the system's tmp):
 *   node scripts/pack.js <tmp>/packs
 *   npm install <tmp>/packs/*.tgz typescript@6.0.3 ts-patch@3.3.0 vite@… rollup@… jest@…
 *   npx coro transpile src --out-dir lib && node lib/main.js
 *   npx tspc && node dist/main.js
 *   …
 *
 * Implementation:
 *   The configuration files are the README's fenced blocks, found by their
 *   first line (`// vite.config.ts`), and every command run is asserted to
 *   be in the README as written, so the README cannot show what does not
 *   work. The tools' versions are those of the repository's lock file, and
 *   npm prefers its cache, so a second run needs no download. The project
 *   is what `npm init` makes (`"type": "commonjs"`), with project/'s
 *   TypeScript program; Rollup, which reads JavaScript, builds the same
 *   program with its types removed in a `"type": "module"` folder, which is
 *   also the native program every output is compared with. Children run
 *   without Jest's environment variables and without those npm sets for the
 *   command that started Jest (its prefix among them), as a user's shell
 *   would.
 *
 * References:
 *   README.md ("Install", "The tsc plugin", "The Vite and Rollup plugin", "Jest")
 *   scripts/pack.js
 */

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { run, succeed } from './commands';
import { packedProject } from './packed-project';

const REPO = resolve(__dirname, '../../..');
const PROGRAM = join(__dirname, '../project');
const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const TOOLS = ['typescript', 'ts-patch', 'vite', 'rollup', 'jest'];

let workspace: string;
let project: string;
let native: string;

beforeAll(() => {
  ({ workspace, project } = packedProject('coro-install-', 'my-app', TOOLS));

  cpSync(PROGRAM, project, { recursive: true });
  const library = join(project, 'js-library');
  mkdirSync(join(library, 'src'), { recursive: true });
  writeFileSync(join(library, 'package.json'), '{ "type": "module" }\n');
  const ts = require(require.resolve('typescript', { paths: [project] })) as typeof import('typescript');
  for (const name of ['program', 'main']) {
    const source = readFileSync(join(project, `src/${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    });
    writeFileSync(join(library, `src/${name}.js`), outputText);
  }
  native = succeed(run('node src/main.js', library)).stdout;
  expect(native).toMatch(/^countdown: 5 4 3; countdown closed\n/);
  writeFileSync(join(project, 'expected.txt'), native);
}, 300_000);

afterAll(() => {
  if (workspace !== undefined) rmSync(workspace, { recursive: true, force: true });
});

test('coro transpile: CommonJS output for an npm init project, which node runs', () => {
  expectOutput('npx coro transpile src --out-dir lib', 'lib/main.js');
});

test('tspc with the tsconfig plugin', () => {
  writeFileSync(join(project, 'tsconfig.json'), readmeFile('// tsconfig.json: build with `npx tspc` (ts-patch) instead of `tsc`'));
  expectOutput('npx tspc', 'dist/main.js');
});

test('vite build with the Vite plugin', () => {
  writeFileSync(join(project, 'vite.config.ts'), readmeFile('// vite.config.ts'));
  expectOutput('npx vite build', 'dist/main.mjs');
});

test('rollup -c with the Rollup plugin, in a "type": "module" folder of JavaScript', () => {
  writeFileSync(join(project, 'js-library/rollup.config.mjs'), readmeFile('// rollup.config.mjs'));
  expectOutput('npx rollup -c', 'dist/main.js', '       # in a "type": "module" folder of JavaScript', 'js-library');
});

test('jest with the coro transformer, configured in CommonJS and in ES module form', () => {
  expect(README).toContain('\nnpx jest\n');
  writeFileSync(join(project, 'jest.config.js'), readmeFile('// jest.config.js'));
  expect(succeed(run('npx jest --ci', project)).stderr).toMatch(/Tests: +1 passed, 1 total/);

  rmSync(join(project, 'jest.config.js'));
  writeFileSync(join(project, 'jest.config.mjs'), readmeFile('// jest.config.js, in a "type": "module" project (or jest.config.mjs)'));
  expect(succeed(run('npx jest --ci', project)).stderr).toMatch(/Tests: +1 passed, 1 total/);
});

/** Runs `command && node output` as the README's Install section writes it; the output must print what native does. */
function expectOutput(command: string, output: string, comment = '', folder = '.'): void {
  expect(README).toContain(`\n${command} && node ${output}${comment}\n`);
  const cwd = join(project, folder);
  succeed(run(command, cwd));
  const lowered = readFileSync(join(cwd, output), 'utf8');
  expect(lowered).not.toMatch(/\bfunction\s*\*|\basync\s+(function\b|\*|\()/);
  expect(succeed(run(`node ${output}`, cwd)).stdout).toBe(native);
}

/** The README's fenced block whose first line is `firstLine`, as a file's text. */
function readmeFile(firstLine: string): string {
  const blocks = [...README.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  const found = blocks.filter((block) => block.startsWith(`${firstLine}\n`));
  if (found.length !== 1) throw new Error(`README.md has ${found.length} code blocks starting with ${firstLine}`);
  return found[0];
}
