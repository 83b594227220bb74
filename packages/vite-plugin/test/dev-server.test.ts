/**
 * examples/vite-app in a running Vite dev server: modules fetched over HTTP
 * come back lowered, the runtime they import is served as an ES module, the
 * page, run from the server, prints what it prints natively, and a module
 * coro cannot lower (or that is not UTF-8) is an error with its place and
 * code frame, as the browser's error overlay receives it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { VITE_APP_PRINTS } from './example-outputs';
import { assertBuilt, copyExample, removeProject, runPage, writeFiles } from './harness';
import { nativeGenerators } from './native-generators';

/** Not part of the app: a module with a syntax error in a generator, requested on its own. */
const BROKEN = ['export function* evaluate(code: string): Generator<unknown> {', '  const scope: number = 1;', '  yield scope +;', '}', ''].join('\n');

/** Not part of the app either: "café" saved as Latin-1, which the dev server reads as "caf\uFFFD". */
const LATIN1 = new Uint8Array(Buffer.from('export function* greet() {\n  yield "caf\u00e9";\n}\n', 'latin1'));

let project: string;
let server: ChildProcessWithoutNullStreams | undefined;
let origin: string;

beforeAll(async () => {
  assertBuilt();
  project = copyExample('vite-app');
  writeFiles(project, { 'src/broken.ts': BROKEN, 'src/latin1.ts': LATIN1 });
  server = spawn(process.execPath, [join(__dirname, 'vite-dev-server.mjs'), project], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
  origin = await serverUrl(server);
});

afterAll(async () => {
  if (server !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.stdin.end();
    await exited;
  }
  removeProject(project);
});

/** The URL the server prints once it listens; its stderr if it dies first. */
function serverUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n')) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (status) => reject(new Error(`the dev server exited with ${status} before listening:\n${stderr}`)));
  });
}

async function get(path: string): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(new URL(path, origin));
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

interface OverlayError {
  readonly message: string;
  readonly plugin: string;
  readonly loc: object;
  readonly frame: string;
}

/** The error a 500 page hands to Vite's error overlay (`const error = {…}` in its script). */
function overlayError(body: string): OverlayError {
  const json = /^\s*const error = (\{.*\})$/m.exec(body)?.[1];
  if (json === undefined) throw new Error(`no error overlay data in:\n${body}`);
  return JSON.parse(json) as OverlayError;
}

test('a TypeScript module fetched from the dev server comes back lowered, types removed', async () => {
  const module = await get('/src/sequences.ts');

  expect(module.status).toBe(200);
  expect(module.type).toMatch(/^text\/javascript/);
  expect(nativeGenerators(module.body)).toEqual([]);
  expect(module.body).toMatch(/\$coro\.linkGenerator\(naturals, naturals\$Frame\);/);
  expect(module.body).not.toMatch(/: Generator<number>/);
});

test('the runtime import is rewritten to a URL that serves the ES module build of @coro/runtime', async () => {
  const module = await get('/src/sequences.ts');
  const runtimeUrl = /^import \* as \$coro from "([^"]+)";$/m.exec(module.body)?.[1];

  expect(runtimeUrl).toMatch(/\/packages\/runtime\/dist\/esm\/index\.js$/);
  const runtime = await get(runtimeUrl ?? '');
  expect(runtime.status).toBe(200);
  expect(runtime.body).toMatch(/^export var linkGenerator = /m);
});

test('the page run from the dev server prints what the native program prints', async () => {
  const page = await runPage(new URL('/src/main.ts', origin).href, project);

  expect(page.stderr).toBe('');
  expect(page.stdout.split('\n')).toEqual([...VITE_APP_PRINTS, '']);
});

test('a module coro cannot lower answers 500 with the error, its place and code frame, for the overlay', async () => {
  const response = await get('/src/broken.ts');

  expect(response.status).toBe(500);
  const error = overlayError(response.body);
  expect(error.plugin).toBe('coro');
  expect(error.message).toMatch(/^CORO1001: Expression expected\./);
  expect(error.loc).toEqual({ file: join(realpathSync(project), 'src/broken.ts'), line: 3, column: '  yield scope +'.length });
  expect(error.frame).toContain(`3  |    yield scope +;\n   |  ${' '.repeat('  yield scope +'.length)}^`);
});

test('a module that is not UTF-8 is refused, not lowered with U+FFFD in it', async () => {
  const response = await get('/src/latin1.ts');

  expect(response.status).toBe(500);
  const error = overlayError(response.body);
  expect(error.message).toMatch(/^This file is not valid UTF-8: the byte 0xE9 was read as U\+FFFD/);
  expect(error.loc).toEqual({ file: join(realpathSync(project), 'src/latin1.ts'), line: 2, column: '  yield "caf'.length });
});
