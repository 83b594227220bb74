/**
 * What `coro transpile` reads: several inputs at once, globs, --ignore,
 * --extensions, --copy-files, and JSX/TSX files; and the layout each gets
 * under the out dir.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { assertCliBuilt, coro, listFiles, makeWorkspace, node, removeWorkspace } from './workspace';

const GENERATOR = (name: string) => `function* ${name}() { yield '${name}'; }\nconsole.log([...${name}()].join());\n`;

let workspace: string | undefined;

beforeAll(assertCliBuilt);
afterEach(() => removeWorkspace(workspace));

test('files, directories and globs in one command, each with its own layout', () => {
  workspace = makeWorkspace({
    'src/a.js': GENERATOR('a'),
    'src/deep/b.ts': GENERATOR('b'),
    'lib/x/c.ts': GENERATOR('c'),
    'lib/x/c.d.ts': 'export {};\n',
    'lib/y/d.js': GENERATOR('d'),
    'lib/y/notes.md': '# not matched\n',
    'main.js': GENERATOR('main'),
  });

  const result = coro(['transpile', 'src', 'lib/*/*.{ts,md}', 'main.js', '-d', 'out', '--runtime', 'require'], workspace);

  expect(result.stderr).toMatch(/^coro: lowered 4 files in \d+ ms\n$/);
  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'out'))).toEqual(['a.js', 'deep/b.js', 'main.js', 'x/c.js']);
  expect(node('out/x/c.js', workspace).stdout).toBe('c\n');
  expect(node('out/deep/b.js', workspace).stdout).toBe('b\n');
});

test('a quoted glob with ** keeps the layout under its fixed part and skips node_modules and dot-files', () => {
  workspace = makeWorkspace({
    'packages/one/src/index.ts': GENERATOR('one'),
    'packages/one/src/util/deep.ts': GENERATOR('deep'),
    'packages/one/node_modules/dep/index.ts': GENERATOR('dep'),
    'packages/one/.cache/hidden.ts': GENERATOR('hidden'),
  });

  const result = coro(['transpile', 'packages/**/*.ts', '-d', 'out'], workspace);

  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'out'))).toEqual(['one/src/index.js', 'one/src/util/deep.js']);
});

test('--ignore (repeatable, relative to the working directory) leaves out what directories and globs find, not files named outright', () => {
  workspace = makeWorkspace({
    'src/a.js': GENERATOR('a'),
    'src/a.test.js': GENERATOR('aTest'),
    'src/legacy/old.js': GENERATOR('old'),
    'lib/b.js': GENERATOR('b'),
    'lib/b.test.js': GENERATOR('bTest'),
    'named.test.js': GENERATOR('named'),
  });

  const result = coro(
    ['transpile', 'src', 'lib/*.js', 'named.test.js', '-d', 'out', '--ignore', '**/*.test.js', '--ignore', 'src/legacy/**'],
    workspace,
  );

  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'out'))).toEqual(['a.js', 'b.js', 'named.test.js']);
});

test('--ignore applied to a directory alone', () => {
  workspace = makeWorkspace({ 'src/a.js': GENERATOR('a'), 'src/a.test.js': GENERATOR('aTest'), 'src/b/c.js': GENERATOR('c') });

  const result = coro(['transpile', 'src', '-d', 'out', '--ignore', '**/*.test.js'], workspace);

  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'out'))).toEqual(['a.js', 'b/c.js']);
});

test('--extensions picks the source files; files with other extensions are not lowered', () => {
  workspace = makeWorkspace({ 'src/a.js': GENERATOR('a'), 'src/b.es6': GENERATOR('b'), 'src/c.ts': GENERATOR('c') });

  const result = coro(['transpile', 'src', '-d', 'out', '--extensions', '.es6, js'], workspace);

  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'out'))).toEqual(['a.js', 'b.es6']);
  expect(readFileSync(join(workspace, 'out/b.es6'), 'utf8')).not.toMatch(/function\*/);
  expect(node('out/b.es6', workspace).stdout).toBe('b\n');
});

test('--copy-files copies the other files of input directories, declaration files among them, byte for byte', () => {
  const logo = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]);
  workspace = makeWorkspace({
    'src/a.ts': GENERATOR('a'),
    'src/a.d.ts': 'export {};\n',
    'src/assets/logo.png': logo,
    'src/data.json': '{"n": 1}\n',
    'src/.env': 'SECRET=1\n',
    'src/node_modules/dep/index.js': GENERATOR('dep'),
  });

  const result = coro(['transpile', 'src', '-d', 'out', '--copy-files', '--ignore', 'src/data.json'], workspace);

  expect(result.stderr).toMatch(/^coro: lowered 1 file and copied 2 in \d+ ms\n$/);
  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'out'))).toEqual(['a.d.ts', 'a.js', 'assets/logo.png']);
  expect(readFileSync(join(workspace, 'out/assets/logo.png'))).toEqual(Buffer.from(logo));
});

test('outputs keep their sources\' permission bits: a lowered bin script still runs as a program, a private file stays private', () => {
  workspace = makeWorkspace({
    'pkg/bin/cli.js': `#!/usr/bin/env node\n${GENERATOR('cli')}`,
    'pkg/bin/run.sh': '#!/bin/sh\necho shell\n',
    'pkg/secret.js': GENERATOR('secret'),
    'pkg/plain.js': GENERATOR('plain'),
  });
  chmodSync(join(workspace, 'pkg/bin/cli.js'), 0o755);
  chmodSync(join(workspace, 'pkg/bin/run.sh'), 0o755);
  chmodSync(join(workspace, 'pkg/secret.js'), 0o600);
  chmodSync(join(workspace, 'pkg/plain.js'), 0o644);

  const result = coro(['transpile', 'pkg', '-d', 'out', '--copy-files', '--source-maps', 'file'], workspace);

  expect(result.stderr).toMatch(/^coro: lowered 3 files and copied 1 in \d+ ms\n$/);
  const mode = (path: string) => statSync(join(workspace as string, 'out', path)).mode & 0o777;
  expect([mode('bin/cli.js'), mode('bin/run.sh'), mode('secret.js'), mode('plain.js')]).toEqual([0o755, 0o755, 0o600, 0o644]);
  const program = spawnSync(join(workspace, 'out/bin/cli.js'), { encoding: 'utf8' });
  expect([program.stdout, program.status]).toEqual(['cli\n', 0]);
  expect(readFileSync(join(workspace, 'out/bin/cli.js'), 'utf8')).not.toContain('function*');
});

test('without --copy-files only sources are written', () => {
  workspace = makeWorkspace({ 'src/a.js': GENERATOR('a'), 'src/data.json': '{}\n' });

  expect(coro(['transpile', 'src', '-d', 'out'], workspace).status).toBe(0);

  expect(listFiles(join(workspace, 'out'))).toEqual(['a.js']);
});

test('.jsx stays .jsx and .tsx becomes .jsx: generators lowered, types removed, JSX left for the JSX compiler', () => {
  const component = (typed: boolean) =>
    [
      `function h(tag${typed ? ': string' : ''}, props${typed ? ': unknown' : ''}, ...children${typed ? ': unknown[]' : ''}) {`,
      "  return tag + '(' + children.join(',') + ')';",
      '}',
      `function* items(names${typed ? ': string[]' : ''}) {`,
      '  for (const name of names) yield <li>{name}</li>;',
      '}',
      "console.log(<ul>{[...items(['a', 'b'])]}</ul>);",
      '',
    ].join('\n');
  workspace = makeWorkspace({ 'src/list.jsx': component(false), 'src/typed.tsx': component(true) });

  const result = coro(['transpile', 'src', '-d', 'out', '--runtime', 'require'], workspace);

  expect(result.status).toBe(0);
  expect(listFiles(join(workspace, 'out'))).toEqual(['list.jsx', 'typed.jsx']);
  for (const file of ['list.jsx', 'typed.jsx']) {
    const code = readFileSync(join(workspace, 'out', file), 'utf8');
    expect(code).not.toMatch(/function\*|: string|: unknown/);
    expect(code).toContain('<li>{name}</li>');
    const runnable = ts.transpileModule(code, {
      fileName: file,
      compilerOptions: { jsx: ts.JsxEmit.React, jsxFactory: 'h', module: ts.ModuleKind.Preserve, target: ts.ScriptTarget.ESNext },
    }).outputText;
    const compiled = join('out', file.replace(/\.jsx$/, '.cjs'));
    writeFileSync(join(workspace, compiled), runnable);
    expect(node(compiled, workspace).stdout).toBe('ul(li(a),li(b))\n');
  }
});

test('a .tsx async component with await inside its JSX is lowered, the JSX rebuilt around the awaited values', () => {
  const page = [
    'function h(tag: unknown, props: unknown, ...children: unknown[]): string {',
    "  const name = typeof tag === 'string' ? tag : (tag as { name: string }).name;",
    "  return name + '(' + children.join(',') + ')';",
    '}',
    'function Card(): void {}',
    'async function load(id: number): Promise<string> {',
    "  return 'item ' + id;",
    '}',
    'async function Page(id: number): Promise<string> {',
    '  return <Card><b>{id}</b>{await load(id)}</Card>;',
    '}',
    'Page(7).then(console.log);',
    '',
  ].join('\n');
  workspace = makeWorkspace({ 'src/page.tsx': page });

  const result = coro(['transpile', 'src', '-d', 'out', '--runtime', 'require'], workspace);

  expect(result.stderr).not.toContain('CORO1002');
  expect(result.status).toBe(0);
  const code = readFileSync(join(workspace, 'out/page.jsx'), 'utf8');
  expect(code).not.toMatch(/async function|await |: number/);
  expect(code).toContain('return <$frame.$t>{$frame.$t1}{$value}</$frame.$t>;');
  const runnable = ts.transpileModule(code, {
    fileName: 'page.jsx',
    compilerOptions: { jsx: ts.JsxEmit.React, jsxFactory: 'h', module: ts.ModuleKind.Preserve, target: ts.ScriptTarget.ESNext },
  }).outputText;
  writeFileSync(join(workspace, 'out/page.cjs'), runnable);
  expect(node('out/page.cjs', workspace).stdout).toBe('Card(b(7),item 7)\n');
});
