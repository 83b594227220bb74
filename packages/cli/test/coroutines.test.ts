/**
 * `coro transpile --coroutines <glob>`: the async functions of the files the
 * globs match (relative to the working directory; `!` leaves files out) are
 * lowered as coroutines, those of every other file as async functions; and
 * standard input is matched by the name `--filename` gives it.
 * `--coroutine-budget <n>` turns on the starvation budget.
 */

import { assertCliBuilt, coro, makeWorkspace, node, removeWorkspace } from './workspace';

/** A coroutine's call returns its task, completed already: awaiting a plain value does not suspend it. */
const KIND_JS = (name: string): string => `
async function ${name}() { await null; return 'done'; }
const result = ${name}();
module.exports = { kind: result instanceof Promise ? 'async function' : 'coroutine ' + result.state + ' ' + result.result };
`;

const MAIN_JS = `
console.log('work:', require('./jobs/work').kind);
console.log('legacy:', require('./jobs/legacy').kind);
console.log('plain:', require('./plain').kind);
`;

let workspace: string | undefined;

beforeAll(assertCliBuilt);
afterEach(() => removeWorkspace(workspace));

test('the files the globs match are coroutines; a ! glob leaves some out; the others stay async functions', () => {
  workspace = makeWorkspace({
    'src/main.js': MAIN_JS,
    'src/jobs/work.js': KIND_JS('work'),
    'src/jobs/legacy.js': KIND_JS('legacy'),
    'src/plain.js': KIND_JS('plain'),
  });

  const built = coro(['transpile', 'src', '-d', 'out', '--coroutines', 'src/jobs/**', '--coroutines', '!src/jobs/legacy.js'], workspace);
  expect(built.stderr).toMatch(/lowered 4 files/);
  expect(built.status).toBe(0);

  const run = node('out/main.js', workspace);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('work: coroutine completed done\nlegacy: async function\nplain: async function\n');
});

test('without the option no file is a coroutine', () => {
  workspace = makeWorkspace({ 'src/jobs/work.js': KIND_JS('work') + 'console.log(module.exports.kind);\n' });

  expect(coro(['transpile', 'src', '-d', 'out'], workspace).status).toBe(0);
  expect(node('out/jobs/work.js', workspace).stdout).toBe('async function\n');
});

test('standard input is matched under the name --filename gives it', () => {
  workspace = makeWorkspace({});
  const input = KIND_JS('work') + 'console.log(module.exports.kind);\n';

  const matched = coro(['transpile', '--filename', 'jobs/work.js', '--coroutines', 'jobs/*.js', '-o', 'matched.js'], workspace, { input });
  const unmatched = coro(['transpile', '--filename', 'other/work.js', '--coroutines', 'jobs/*.js', '-o', 'unmatched.js'], workspace, { input });
  expect([matched.status, unmatched.status]).toEqual([0, 0]);
  expect(node('matched.js', workspace).stdout).toBe('coroutine completed done\n');
  expect(node('unmatched.js', workspace).stdout).toBe('async function\n');
});

test('decorated coroutine methods in TypeScript: a flow method and an async method are linked before the decorator that wraps them runs', () => {
  workspace = makeWorkspace({
    'src/source.ts': `"use coroutine";
const { runTest, delay, currentTime } = require('@coro/runtime/coroutines');
function logged(target: any, context: ClassMethodDecoratorContext) {
  return function (this: any, ...args: any[]) { console.log('call', String(context.name)); return target.apply(this, args); };
}
class Source {
  @logged async *items(n: number) {
    try { for (let i = 0; i < n; i++) { await delay(2); yield i; } } finally { console.log('items finally at', currentTime()); }
  }
  @logged async work() { await delay(3); return 'done at ' + currentTime(); }
}
runTest(async () => {
  const source = new Source();
  const made = source.items(3);
  console.log('cold at', currentTime());
  const out: number[] = [];
  for await (const x of made) out.push(x);
  console.log('items', out.join(' '));
  const task = source.work();
  console.log(task.name, task.state);
  console.log(await task);
});
`,
  });

  const built = coro(['transpile', 'src', '-d', 'out'], workspace);
  expect(built.status).toBe(0);
  const run = node('out/source.js', workspace);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('call items\ncold at 0\nitems finally at 6\nitems 0 1 2\ncall work\nwork suspended\ndone at 9\n');
});

/** Two coroutines that each loop without awaiting: only the budget lets them take turns. */
const SPIN_JS = `"use coroutine";
const { scope } = require('@coro/runtime/coroutines');
const log = [];
async function spin(name) { for (let i = 0; i < 4; i++) log.push(name + i); }
async function main() {
  await scope(async (s) => { s.launch(() => spin('a')); s.launch(() => spin('b')); });
  console.log(log.join(' '));
}
main();
`;

test('--coroutine-budget <n> makes a looping coroutine give the others a turn every n iterations', () => {
  workspace = makeWorkspace({ 'spin.js': SPIN_JS });

  expect(coro(['transpile', 'spin.js', '-o', 'plain.js'], workspace).status).toBe(0);
  expect(coro(['transpile', 'spin.js', '-o', 'budget.js', '--coroutine-budget', '2'], workspace).status).toBe(0);
  expect(node('plain.js', workspace).stdout).toBe('a0 a1 a2 a3 b0 b1 b2 b3\n');
  expect(node('budget.js', workspace).stdout).toBe('a0 a1 b0 b1 a2 a3 b2 b3\n');
});

/** Finished tasks kept in an array: what their locals held is collected; what a closure reads stays. */
const FINISHED_JS = `
"use coroutine";
const { delay } = require('@coro/runtime/coroutines');
async function measure(big) { await delay(1); return big.length; }
async function keepsReader(big) { await delay(1); return () => big.length; }
async function main() {
  const arrays = [];
  const tasks = [];
  for (let i = 0; i < 20; i++) {
    const big = new Array(100000).fill(i + 0.5);
    arrays.push(new WeakRef(big));
    tasks.push(measure(big));
  }
  const read = keepsReader(new Array(100000).fill(0.5));
  for (const task of tasks) await task;
  const reader = await read;
  await new Promise((resolve) => setTimeout(resolve, 0));
  global.gc();
  console.log(tasks.map((task) => task.result).join() === Array(20).fill(100000).join(), 'collected:', arrays.filter((ref) => ref.deref() === undefined).length, 'of', arrays.length);
  console.log('a closure still reads its binding:', reader());
}
main();
`;

test('a finished task that suspended lets go of its locals, except those a closure reads', () => {
  workspace = makeWorkspace({ 'finished.js': FINISHED_JS });

  expect(coro(['transpile', 'finished.js', '-o', 'out.js'], workspace).status).toBe(0);
  const run = node('out.js', workspace, ['--expose-gc']);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('true collected: 20 of 20\na closure still reads its binding: 100000\n');
});

test.each(['0', '-1', '1.5', 'many'])('--coroutine-budget %s is a usage error, and nothing is written', (value) => {
  workspace = makeWorkspace({ 'spin.js': SPIN_JS });

  const run = coro(['transpile', 'spin.js', '-o', 'out.js', `--coroutine-budget=${value}`], workspace);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`--coroutine-budget must be a whole number of loop iterations above 0; got '${value}'`);
  expect(node('out.js', workspace).status).not.toBe(0);
});
