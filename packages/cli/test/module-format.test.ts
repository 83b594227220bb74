/**
 * The output's module format, decided as Node decides when it runs the
 * output (extension, nearest package.json "type", the file's own syntax) or
 * by --module; output that could not run is a usage error (exit 2), and
 * nothing is written. The real CLI in a child process, then node on what it
 * wrote.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertCliBuilt, coro, makeWorkspace, node, removeWorkspace } from './workspace';

const LIBRARY = 'export function* evens(limit: number): Generator<number> {\n  for (let n = 0; n < limit; n += 2) yield n;\n}\n';
const MAIN = "import { evens } from './evens';\n\nasync function main(): Promise<void> {\n  console.log([...evens(7)].join(' '), await Promise.resolve('done'));\n}\nvoid main();\n";
const SCRIPT = 'function* g() { yield 1; }\nconsole.log([...g()].join());\n';

let workspace: string | undefined;
beforeAll(assertCliBuilt);
afterEach(() => removeWorkspace(workspace));

test('an `npm init` project ("type": "commonjs"): import and export become require, and the output runs', () => {
  workspace = makeWorkspace({ 'package.json': '{ "name": "p", "type": "commonjs" }\n', 'src/evens.ts': LIBRARY, 'src/main.ts': MAIN });
  const result = coro(['transpile', 'src', '--out-dir', 'out'], workspace);
  expect(result.stderr).toMatch(/^coro: lowered 2 files/);
  expect(result.status).toBe(0);
  const main = readFileSync(join(workspace, 'out/main.js'), 'utf8');
  expect(main).not.toMatch(/^\s*(import|export)\b/m);
  expect(main).toContain('require("./evens")');
  expect(node('out/main.js', workspace)).toMatchObject({ status: 0, stdout: '0 2 4 6 done\n' });
});

test('converted to CommonJS, import() stays import(): an ES-only package loads lazily, where require would throw', () => {
  const main = "import { readFileSync } from 'node:fs';\nexport async function load(): Promise<string> {\n  const { kind } = await import('esm-only');\n  return kind + ' ' + typeof readFileSync;\n}\nload().then(console.log);\n";
  workspace = makeWorkspace({
    'package.json': '{ "type": "commonjs" }\n',
    'node_modules/esm-only/package.json': '{ "name": "esm-only", "type": "module", "exports": { "import": "./index.js" } }\n',
    'node_modules/esm-only/index.js': "export const kind = 'esm';\n",
    'src/main.ts': main,
  });
  expect(coro(['transpile', 'src', '--out-dir', 'out'], workspace).status).toBe(0);
  expect(readFileSync(join(workspace, 'out/main.js'), 'utf8')).toContain("import('esm-only')");
  expect(node('out/main.js', workspace)).toMatchObject({ status: 0, stdout: 'esm function\n' });
});

test('a "type": "module" project: ES modules that import the runtime, and the output runs', () => {
  workspace = makeWorkspace({ 'package.json': '{ "type": "module" }\n', 'src/evens.ts': LIBRARY, 'src/main.ts': MAIN.replace("'./evens'", "'./evens.js'") });
  const result = coro(['transpile', 'src', '--out-dir', 'out'], workspace);
  expect(result.status).toBe(0);
  expect(readFileSync(join(workspace, 'out/evens.js'), 'utf8')).toMatch(/^import \* as \$coro from "@coro\/runtime";/m);
  expect(node('out/main.js', workspace)).toMatchObject({ status: 0, stdout: '0 2 4 6 done\n' });
});

// As it-pushable publishes its sources (`import { FIFO } from './fifo.ts'`): the files are written as .js/.mjs/.cjs, so must the imports be.
test('relative imports of TypeScript files name the JavaScript written for them; a package import keeps its name', () => {
  const main =
    "import { evens } from './evens.ts';\nimport { odd } from './odd.mts';\nexport * from './count.cts';\n" +
    "const { last } = await import('./last.ts');\nconst name = './evens.ts';\nconst computed = await import(name);\n" +
    "console.log([...evens(5)].join(' '), odd, (await last().next()).value, computed.evens === evens, typeof (await import('node:fs')).readFileSync);\n";
  workspace = makeWorkspace({
    'package.json': '{ "type": "module" }\n',
    'src/evens.ts': LIBRARY,
    'src/odd.mts': 'export const odd: number = 1;\n',
    'src/count.cts': 'export const count = 3;\n',
    'src/last.ts': 'export const last = async function* () { yield 9; };\n',
    'src/main.ts': main,
  });
  expect(coro(['transpile', 'src', '--out-dir', 'out'], workspace).status).toBe(0);
  const written = readFileSync(join(workspace, 'out/main.js'), 'utf8');
  expect(written).toContain('from "./evens.js"');
  expect(written).toContain('from "./odd.mjs"');
  expect(written).toContain('from "./count.cjs"');
  expect(written).toContain('import("./last.js")');
  expect(written).not.toMatch(/(from |import\()["']\.\/\w+\.[mc]?ts["']/);
  expect(node('out/main.js', workspace)).toMatchObject({ status: 0, stdout: '0 2 4 1 9 true function\n' });
});

test('the extension comes first: .mts is an ES module and .cts CommonJS, whatever "type" says', () => {
  workspace = makeWorkspace({ 'package.json': '{ "type": "commonjs" }\n', 'src/a.mts': SCRIPT, 'src/b.cts': SCRIPT });
  expect(coro(['transpile', 'src', '--out-dir', 'out'], workspace).status).toBe(0);
  expect(readFileSync(join(workspace, 'out/a.mjs'), 'utf8')).toContain('import * as $coro from "@coro/runtime"');
  expect(readFileSync(join(workspace, 'out/b.cjs'), 'utf8')).toContain('require("@coro/runtime")');
  expect(node('out/a.mjs', workspace).stdout).toBe('1\n');
  expect(node('out/b.cjs', workspace).stdout).toBe('1\n');
});

test('a .cts file written with import and export is CommonJS as tsc emits it; a .cjs one is refused, as Node refuses it', () => {
  workspace = makeWorkspace({ 'package.json': '{ "type": "module" }\n', 'src/evens.cts': LIBRARY, 'src/main.cts': MAIN.replace("'./evens'", "'./evens.cts'"), 'bad.cjs': 'export function* g() { yield 1; }\n' });
  expect(coro(['transpile', 'src', '--out-dir', 'out'], workspace).status).toBe(0);
  const evens = readFileSync(join(workspace, 'out/evens.cjs'), 'utf8');
  expect(evens).not.toMatch(/^\s*(import|export)\b/m);
  expect(evens).toContain('exports.evens = evens;');
  expect(node('out/main.cjs', workspace)).toMatchObject({ status: 0, stdout: '0 2 4 6 done\n' });

  const bad = coro(['transpile', 'bad.cjs', '--out-dir', 'out'], workspace);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain("bad.cjs:1:1 - error CORO1001: 'export' declarations are only valid in a module, and this file is read as a script");
  expect(existsSync(join(workspace, 'out/bad.cjs'))).toBe(false);
});

test('--module commonjs converts, --module esm makes a script an ES module, in a folder without package.json', () => {
  workspace = makeWorkspace({ 'src/evens.ts': LIBRARY, 'src/main.ts': MAIN, 'script.js': SCRIPT });
  expect(coro(['transpile', 'src', '--out-dir', 'out', '--module', 'commonjs'], workspace).status).toBe(0);
  expect(readFileSync(join(workspace, 'out/main.js'), 'utf8')).toContain('require("./evens")');
  expect(node('out/main.js', workspace).stdout).toBe('0 2 4 6 done\n');

  const esm = coro(['transpile', 'script.js', '--module', 'esm'], workspace);
  expect(esm.status).toBe(0);
  expect(esm.stdout).toMatch(/^import \* as \$coro from "@coro\/runtime";/);
});

test('a top-level await: kept in ES module output (a warning), an error where the module is converted to CommonJS, which has none', () => {
  const TOP_LEVEL_AWAIT = "export const answer = await Promise.resolve(42);\nasync function show(): Promise<void> { console.log(await answer); }\nvoid show();\n";
  workspace = makeWorkspace({ 'esm/package.json': '{ "type": "module" }\n', 'esm/a.ts': TOP_LEVEL_AWAIT, 'cjs/package.json': '{ "type": "commonjs" }\n', 'cjs/a.ts': TOP_LEVEL_AWAIT });
  const esm = coro(['transpile', 'esm', '--out-dir', 'out/esm'], workspace);
  expect(esm.status).toBe(0);
  expect(esm.stderr).toContain("warning CORO1006: top-level 'await' is left as it is");
  expect(node('out/esm/a.js', workspace)).toMatchObject({ status: 0, stdout: '42\n' });
  const cjs = coro(['transpile', 'cjs', '--out-dir', 'out/cjs'], workspace);
  expect(cjs.status).toBe(1);
  expect(cjs.stderr).toContain(
    'cjs/a.ts:1:23 - error CORO1006: top-level \'await\' cannot be converted to CommonJS, where it is a syntax error: the output must stay an ES module ("type": "module", or .mjs/.mts)',
  );
  expect(existsSync(join(workspace, 'out/cjs/a.js'))).toBe(false);
});

test('import.meta: kept in ES module output, an error where the module is converted to CommonJS, which has none', () => {
  const IMPORT_META = "async function where(): Promise<string> { await null; return typeof import.meta.url; }\nwhere().then(console.log);\nexport {};\n";
  workspace = makeWorkspace({ 'esm/package.json': '{ "type": "module" }\n', 'esm/a.ts': IMPORT_META, 'cjs/package.json': '{ "type": "commonjs" }\n', 'cjs/a.ts': IMPORT_META });
  const esm = coro(['transpile', 'esm', '--out-dir', 'out/esm'], workspace);
  expect(esm.status).toBe(0);
  expect(node('out/esm/a.js', workspace)).toMatchObject({ status: 0, stdout: 'string\n' });
  const cjs = coro(['transpile', 'cjs', '--out-dir', 'out/cjs'], workspace);
  expect(cjs.status).toBe(1);
  expect(cjs.stderr).toContain(
    'cjs/a.ts:1:69 - error CORO1023: \'import.meta\' cannot be converted to CommonJS, where it is a syntax error: the output must stay an ES module ("type": "module", or .mjs/.mts)',
  );
  expect(existsSync(join(workspace, 'out/cjs/a.js'))).toBe(false);
});

// An import cycle: main imports b, b imports a first, and a's top level calls b's generators while
// none of b's statements (the ones that link them and make their tables) has run: its function
// declarations exist already.
const CYCLE = {
  'src/main.ts': "import './b';\n",
  'src/b.ts':
    "import { helper } from './a';\n" +
    'export function* evens(limit: number) { for (let n = 0; n < limit; n += 2) yield n; }\n' +
    'export async function* odds(limit: number) { for (let n = 1; n < limit; n += 2) yield n; }\n' +
    "export default function* () { yield 'default'; }\n" +
    "export function* guarded() { try { yield 1; yield 2; } catch (e) { console.log('caught', e); } finally { console.log('finally'); } }\n" +
    "export async function parsed(text: string) { try { const value = JSON.parse(text); await null; return value; } catch (e) { return (e as Error).name; } }\n" +
    "console.log('b runs', helper());\n",
  'src/a.ts':
    "import first, { evens, odds, guarded, parsed } from './b';\n" +
    "console.log('a runs first', [...evens(5)].join(' '), [...first()].join(), evens(1) instanceof evens);\n" +
    'for (const n of guarded()) break;\n' +
    "const g = guarded(); g.next(); console.log(g.throw('boom').done);\n" +
    "parsed('{').then((name) => console.log('parsed', name));\n" +
    "(async () => { for await (const n of odds(4)) console.log('odd', n); })();\n" +
    "export function helper() { return 'helper'; }\n",
};
const CYCLE_OUTPUT = 'a runs first 0 2 4 default true\nfinally\ncaught boom\nfinally\ntrue\nb runs helper\nparsed SyntaxError\nodd 1\nodd 3\n';

test.each(['commonjs', 'module'])('"type": "%s": generators and async functions that an import cycle calls before their module runs work as natively', (type) => {
  const files = type === 'module' ? Object.fromEntries(Object.entries(CYCLE).map(([name, text]) => [name, text.replace(/'\.\/(a|b)'/g, "'./$1.js'")])) : CYCLE;
  workspace = makeWorkspace({ 'package.json': `{ "type": "${type}" }\n`, ...files });
  expect(coro(['transpile', 'src', '--out-dir', 'out'], workspace).status).toBe(0);
  expect(node('out/main.js', workspace)).toMatchObject({ status: 0, stdout: CYCLE_OUTPUT });
});

test.each([
  {
    what: '--runtime require on ES module output ("type": "module")',
    files: { 'package.json': '{ "type": "module" }\n', 'src/a.js': SCRIPT },
    args: ['--runtime', 'require'],
    message: 'coro: src/a.js: --runtime require cannot run in ES module output, where require is not defined; use --runtime import or inline, or --module commonjs\n',
  },
  {
    what: '--runtime require on a .mjs file',
    files: { 'src/a.mjs': SCRIPT },
    args: ['--runtime', 'require'],
    message: 'coro: src/a.mjs: --runtime require cannot run in ES module output',
  },
  {
    what: '--module preserve on import syntax that Node runs as CommonJS',
    files: { 'package.json': '{ "type": "commonjs" }\n', 'src/evens.ts': LIBRARY },
    args: ['--module', 'preserve'],
    message: 'coro: src/evens.ts: Node runs the output as CommonJS (package.json "type": "commonjs"), where import and export are syntax errors; drop --module preserve to convert them, or make the package "type": "module"\n',
  },
  {
    what: '--runtime import in CommonJS output of a script',
    files: { 'package.json': '{ "type": "commonjs" }\n', 'src/a.js': SCRIPT },
    args: ['--runtime', 'import'],
    message: 'coro: src/a.js: --runtime import cannot run in CommonJS output of a script',
  },
  {
    what: '--module commonjs on a .mjs file (TypeScript keeps it an ES module, to which the runtime\'s require was added)',
    files: { 'src/lib.mjs': 'export default async function () { await null; }\n' },
    args: ['--module', 'commonjs'],
    message: 'coro: src/lib.mjs: --module commonjs cannot run in a .mjs file, which Node loads as an ES module, where require and exports are not defined; drop --module commonjs for it, or name it .js or .cjs\n',
  },
  {
    what: '--module esm on a .cts file',
    files: { 'src/b.cts': SCRIPT },
    args: ['--module', 'esm'],
    message: 'coro: src/b.cts: --module esm cannot run in a .cts file, which Node loads as CommonJS, where import and export are syntax errors; drop --module esm for it, or name it .js or .mjs\n',
  },
  {
    what: "TypeScript's import = require in an ES module (TypeScript would write require there, or drop it)",
    files: { 'src/a.mts': "import fs = require('node:fs');\nexport async function read(): Promise<string> { return typeof fs.readFileSync; }\n" },
    args: [],
    message:
      "coro: src/a.mts: the output is an ES module (its extension), where `import fs = require('node:fs')` cannot run: TypeScript writes it with require or module.exports, " +
      'which an ES module does not have; write it with import and export, or name the file .cts\n',
  },
  {
    what: "TypeScript's export = in a \"type\": \"module\" package",
    files: { 'package.json': '{ "type": "module" }\n', 'src/a.ts': 'export = async function* () { yield 1; };\n' },
    args: [],
    message: 'coro: src/a.ts: the output is an ES module (package.json "type": "module"), where `export =` cannot run',
  },
  {
    what: '--module esm with --runtime require',
    files: { 'src/a.js': SCRIPT },
    args: ['--module', 'esm', '--runtime', 'require'],
    message: 'coro: --runtime require cannot run in ES module output (--module esm)',
  },
])('$what: exit 2, a message that says why and what to do, nothing written', ({ files, args, message }) => {
  workspace = makeWorkspace({ ...files, 'src/fine.cjs': SCRIPT });
  const result = coro(['transpile', 'src', '--out-dir', 'out', ...args], workspace);
  expect(result.status).toBe(2);
  expect(result.stderr.startsWith(message)).toBe(true);
  expect(result.stderr).toContain("Run 'coro transpile --help' for usage.");
  expect(existsSync(join(workspace, 'out'))).toBe(false);
});

test('standard input named as an ES module refuses --runtime require and writes nothing to standard output', () => {
  workspace = makeWorkspace({});
  const result = coro(['transpile', '--filename', 'a.mts', '--runtime', 'require'], workspace, { input: SCRIPT });
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^coro: a\.mts: --runtime require cannot run in ES module output/);
});

test('--module takes commonjs, esm or preserve', () => {
  workspace = makeWorkspace({ 'a.js': SCRIPT });
  const result = coro(['transpile', 'a.js', '--module', 'amd'], workspace);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/^coro: --module must be one of commonjs, esm, preserve; got 'amd'/);
});
