/**
 * A file that is not UTF-8 reaches the plugin with U+FFFD in place of its
 * bad bytes (Rollup decodes lossily, as Vite's dev server does). The plugin
 * refuses to lower it, at the first bad byte's line and column; text
 * that really holds U+FFFD, and files coro leaves alone, build as usual.
 */
import { join } from 'node:path';
import { rollup, type RollupError } from 'rollup';
import { rollup as coro } from '@coro/vite-plugin';
import { badInputs } from '@coro/testkit';
import { assertBuilt, makeProject, node, removeProject } from './harness';
import { expectFrame } from './host-code-frame';

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

let project: string | undefined;

beforeAll(assertBuilt);
afterEach(() => removeProject(project));

async function build(files: Record<string, string | Uint8Array>, input: string): Promise<RollupError | undefined> {
  project = makeProject(files);
  try {
    const bundle = await rollup({ input: join(project, input), external: ['@coro/runtime'], plugins: [coro()] });
    await bundle.write({ file: join(project, 'out/main.js'), format: 'es' });
    await bundle.close();
    return undefined;
  } catch (error) {
    return error as RollupError;
  }
}

test('the corpus file in Latin-1: refused at the first invalid byte, with a code frame on it', async () => {
  const input = badInputs.find((candidate) => candidate.name === 'invalid-utf8');
  if (input?.expect !== 'diagnostic') throw new Error('the corpus has no invalid-utf8 diagnostic case');

  const { line, column = 0, message } = input.diagnostic;

  const error = await build({ 'src/greet.js': input.bytes }, 'src/greet.js');

  expect(error?.plugin).toBe('coro');
  expect(error?.loc).toEqual({ file: join(project ?? '', 'src/greet.js'), line, column: column - 1 });
  expect(error?.message).toMatch(message);
  expect(error?.message).toContain('This file is not valid UTF-8: the byte 0xE9 was read as U+FFFD');
  expectFrame(error?.frame ?? '', Buffer.from(input.bytes).toString('utf8'), line, column);
});

test('after a byte order mark, the column is the one an editor shows, and the frame\'s caret is under the byte', async () => {
  const bytes = latin1('\u00ef\u00bb\u00bffunction* g() { yield "\u00e9"; }\n');

  const error = await build({ 'src/greet.js': bytes }, 'src/greet.js');

  const column = 'function* g() { yield "'.length + 1;
  expect(error?.loc).toMatchObject({ line: 1, column: column - 1 });
  // Rollup drops the byte order mark from the code it hands to plugins, and frames that code.
  expectFrame(error?.frame ?? '', Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''), 1, column);
});

test('U+FFFD spelled in valid UTF-8 is text like any other: lowered, and it runs', async () => {
  const error = await build({ 'src/main.js': 'function* g() { yield "caf\uFFFD"; }\nconsole.log([...g()].join());\n' }, 'src/main.js');
  expect(error).toBeUndefined();

  const run = await node(['out/main.js'], project ?? '');

  expect(run.stdout).toBe('caf\uFFFD\n');
});

test('a file that is not UTF-8 but holds no generator is not coro\'s: the host builds it as it reads it', async () => {
  const error = await build({ 'src/main.js': latin1('console.log("caf\u00e9");\n') }, 'src/main.js');
  expect(error).toBeUndefined();

  const run = await node(['out/main.js'], project ?? '');

  expect(run.stdout).toBe('caf\uFFFD\n');
});
