/**
 * How deep a suspend function can recurse, lowered against native: each
 * program runs in a child `node` with a small stack and without the
 * optimizing compilers (so the depth is the interpreter's, the same on
 * every run), and finds by bisection the deepest call that completes
 * without a RangeError. Lowered code holds more frames per level than
 * native (the wrapper beside the step; for `yield*` the runtime's
 * delegation; for a coroutine the runtime's start), so each case states the
 * fraction of native's depth it must reach: the interpreter's frames at the
 * time these were set gave 0.40, 0.62 and 0.29, against 0.28, 0.46 and
 * 0.18 with a runtime function between each wrapper and its step.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { transform } from '../src';
import { REPO_ROOT } from './fixture-catalog';

/** The driver, never lowered: bisects the depth at which `run(n)` stops completing by a RangeError (a coroutine's comes combined). */
const DRIVER = `
const run = require(process.argv[2]);
const overflowed = (e) => e instanceof RangeError || (e != null && ((Array.isArray(e.errors) && e.errors.some(overflowed)) || (e.cause !== undefined && overflowed(e.cause))));
async function reaches(n) {
  try { await run(n); return true; } catch (e) { if (overflowed(e)) return false; throw e; }
}
(async () => {
  let lo = 1, hi = 2;
  while (await reaches(hi)) { lo = hi; hi *= 2; }
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (await reaches(mid)) lo = mid; else hi = mid; }
  console.log(lo);
})();
`;

const CASES: [name: string, source: string, fraction: number][] = [
  ['an async function awaiting itself', 'async function f(n) { return n === 0 ? 0 : 1 + await f(n - 1); }\nmodule.exports = f;\n', 0.35],
  ['a generator recursing by yield*', 'function* g(n) { if (n > 0) yield* g(n - 1); yield n; }\nmodule.exports = (n) => [...g(n)].length;\n', 0.55],
  ['a coroutine awaiting itself', '"use coroutine";\nasync function f(n) { return n === 0 ? 0 : 1 + await f(n - 1); }\nmodule.exports = f;\n', 0.25],
];

let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'coro-recursion-depth-'));
  // The lowered programs require @coro/runtime: the repository's, built.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(root, 'driver.js'), DRIVER);
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

function depth(file: string): number {
  const out = execFileSync(process.execPath, ['--stack-size=250', '--no-opt', '--no-maglev', path.join(root, 'driver.js'), file], {
    encoding: 'utf8',
    // Node writes each RangeError that rejects a promise during the bisection to stderr: kept, for the error of a failed run.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return Number(out.trim());
}

test.each(CASES)('%s recurses at least the stated fraction as deep as natively', (name, source, fraction) => {
  const base = name.replace(/\W+/g, '-');
  const native = path.join(root, `${base}.native.js`);
  const lowered = path.join(root, `${base}.lowered.js`);
  fs.writeFileSync(native, source);
  const result = transform(source, { filename: `${base}.js`, runtime: 'require' });
  expect(result.diagnostics.filter((d) => d.category === 'error')).toEqual([]);
  fs.writeFileSync(lowered, result.code);
  const nativeDepth = depth(native);
  const loweredDepth = depth(lowered);
  expect(nativeDepth).toBeGreaterThan(500);
  expect(loweredDepth / nativeDepth).toBeGreaterThanOrEqual(fraction);
});

/**
 * A coroutine's call sets the running task and puts it back: a stack overflow anywhere in the call (the wrapper, the
 * runtime's bookkeeping, the step) must leave the caller's catch with the caller's task running, which a call made to
 * put it back could break by overflowing in turn. Padding the stack frame by frame moves the overflow across every
 * point of the call.
 */
const OVERFLOW = `"use coroutine";
const { currentTask } = require('@coro/runtime/coroutines');
let wrong = 0, caught = 0;
async function f(n) {
  const self = currentTask();
  try {
    return 1 + await f(n + 1);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    caught++;
    if (currentTask() !== self) wrong++;
    return 0;
  }
}
function pad(k) { return k === 0 ? f(0) : pad(k - 1); }
async function main() {
  const self = currentTask();
  for (let k = 0; k < 100; k++) {
    const task = pad(k);
    if (currentTask() !== self) wrong++;
    await task;
  }
}
main();
const after = currentTask() === undefined;
process.on('exit', () => console.log(JSON.stringify({ wrong, caught, after })));
`;

test("a coroutine call that overflows the stack leaves the caller's task running, wherever the overflow falls", () => {
  const file = path.join(root, 'overflow.lowered.js');
  const result = transform(OVERFLOW, { filename: 'overflow.js', runtime: 'require' });
  expect(result.diagnostics.filter((d) => d.category === 'error')).toEqual([]);
  fs.writeFileSync(file, result.code);
  const out = execFileSync(process.execPath, ['--stack-size=250', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const { wrong, caught, after } = JSON.parse(out.trim());
  expect(caught).toBeGreaterThanOrEqual(100);
  expect(wrong).toBe(0);
  expect(after).toBe(true);
});
