/**
 * One run of one test: a fresh realm, the harness, the test's source in one
 * mode through one translation (native or lowered), and the verdict.
 *
 * ## Example
 *
 * ```ts
 * const test = loadTest(suite.testDirectory, 'language/statements/generators/return.js');
 * await runTest(test, 'strict', native, harness)    // { status: 'pass' }
 * await runTest(test, 'strict', lowered, harness)   // { status: 'pass' } or a failure
 * ```
 *
 * ## Implementation
 *
 * The steps follow INTERPRETING.md, and the step an error escapes from is
 * its phase: compiling the script or module record is `parse`, linking a
 * module graph is `resolution`, running it is `runtime`. A negative test
 * passes when the error of its `type` escapes in its phase.
 *
 * For the lowered translation the parse phase has two ways to report an
 * early error: the lowering refuses the code with an error diagnostic, or
 * its output fails to compile. Either passes a negative `parse` test whose
 * type is `SyntaxError`; a diagnostic on any other test is a failure.
 * Lowered code that compiles is checked for suspend functions left in it
 * before it runs.
 *
 * An async test is done when it prints `Test262:AsyncTestComplete` or
 * `Test262:AsyncTestFailure:…` through `$DONE`. The realm has no timers, so
 * once the worker's microtask queue is empty (a `setImmediate` later) nothing
 * left in the realm can call `$DONE`; a short grace after that covers the
 * host's own callbacks (module loading). A test whose jobs never end never
 * gets there: the pool's time limit stops its worker.
 *
 * Errors that escape to the worker process outside any script run (thrown
 * from a host callback) are handed to {@link recordUncaught} by the worker
 * and fail the run in progress. Rejections left unhandled are not failures:
 * test262 does not count them, and several tests leave one on purpose.
 *
 * ## References
 *
 * test262 INTERPRETING.md: "Test Execution", "Strict Mode", "Modules",
 * `negative`, the `async` flag.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { readFrontMatter, type FrontMatter, type NegativePhase } from './front-matter';
import type { Harness } from './harness';
import { prepareSource, type Mode } from './mode';
import { ModuleGraph, modulesAvailable, TranslationFailure } from './module-graph';
import { fail, PASS, type Outcome } from './outcome';
import { createRealm, type Realm } from './realm';
import { describeThrown, errorName } from './thrown';
import type { Translated, Translation } from './translation';

export interface TestCase {
  /** Relative to the suite's `test/` folder. */
  readonly path: string;
  readonly file: string;
  readonly source: string;
  readonly frontMatter: FrontMatter;
}

/** How long a script's synchronous evaluation may run. */
export const SCRIPT_TIMEOUT_MS = 5000;

/** How long an async test may stay silent once nothing is left to run. */
const ASYNC_GRACE_MS = 250;

const ASYNC_COMPLETE = 'Test262:AsyncTestComplete';
const ASYNC_FAILURE = 'Test262:AsyncTestFailure:';
const TIMEOUT_ERROR_CODE = 'ERR_SCRIPT_EXECUTION_TIMEOUT';

const uncaughtErrors: unknown[] = [];

/** An error that reached the worker process's `uncaughtException` while a run was in progress. */
export function recordUncaught(error: unknown): void {
  uncaughtErrors.push(error);
}

export function loadTest(testDirectory: string, relativePath: string): TestCase {
  const file = path.join(testDirectory, relativePath);
  const source = fs.readFileSync(file, 'utf8');
  return { path: relativePath, file, source, frontMatter: readFrontMatter(source) };
}

export async function runTest(test: TestCase, mode: Mode, translation: Translation, harness: Harness): Promise<Outcome> {
  if (mode === 'module' && !modulesAvailable()) return { status: 'skip', reason: 'module tests need node --experimental-vm-modules' };
  uncaughtErrors.length = 0;
  const realm = createRealm();
  translation.prepareRealm(realm.global);
  try {
    harness.install(realm, harness.filesFor(test.frontMatter));
  } catch (thrown) {
    return fail('runtime', `harness: ${describeThrown(thrown)}`);
  }
  const outcome = await evaluate(test, mode, translation, realm);
  if (outcome.status === 'pass' && uncaughtErrors.length > 0) return fail('runtime', `uncaught in a host callback: ${describeThrown(uncaughtErrors[0])}`);
  return outcome;
}

async function evaluate(test: TestCase, mode: Mode, translation: Translation, realm: Realm): Promise<Outcome> {
  const expected = test.frontMatter.negative;
  const sourceType = mode === 'module' ? 'module' : 'script';
  const translated = translation.translate(prepareSource(test.source, mode), sourceType, test.path);
  if (translated.kind !== 'code') return judgeUntranslatable(translated, expected);

  const graph = new ModuleGraph(realm, translation);
  graph.hold();
  let phase: NegativePhase = 'parse';
  const started = performance.now();
  try {
    if (sourceType === 'script') {
      const script = new vm.Script(translated.code, { filename: test.file, importModuleDynamically: graph.importDynamically(test.file) });
      if (translated.leftover !== undefined) return fail('leftover', translated.leftover);
      phase = 'runtime';
      script.runInContext(realm.context, { timeout: SCRIPT_TIMEOUT_MS });
    } else {
      const record = graph.entry(test.file, translated.code);
      if (translated.leftover !== undefined) return fail('leftover', translated.leftover);
      phase = 'resolution';
      await graph.link(record);
      phase = 'runtime';
      const settled = await settlesBeforeIdle(record.evaluate({ timeout: SCRIPT_TIMEOUT_MS }));
      if (!settled) return fail('async-timeout', 'the module\'s evaluation never settled (top-level await)');
    }
  } catch (thrown) {
    if (thrown instanceof TranslationFailure) return judgeUntranslatable(thrown.translated, expected);
    if (isTimeout(thrown, performance.now() - started)) return fail('hang', `the script ran longer than ${SCRIPT_TIMEOUT_MS} ms`);
    return judgeThrown(thrown, phase, expected);
  }
  if (expected !== undefined) return fail('negative', `expected ${expected.type} in phase ${expected.phase}, but the test completed`);
  return test.frontMatter.flags.includes('async') ? waitForDone(realm) : PASS;
}

/** The lowering refused the test, crashed, or left a suspend function in a module it imports. */
function judgeUntranslatable(translated: Translated, expected: FrontMatter['negative']): Outcome {
  switch (translated.kind) {
    case 'crashed':
      return fail('compiler-crash', translated.message);
    case 'refused':
      return expected !== undefined && expected.phase !== 'runtime' && expected.type === 'SyntaxError' ? PASS : fail('refused', translated.message);
    case 'code':
      return fail('leftover', `${translated.leftover} (in an imported module)`);
  }
}

function judgeThrown(thrown: unknown, phase: NegativePhase, expected: FrontMatter['negative']): Outcome {
  if (expected !== undefined) {
    if (phase === expected.phase && errorName(thrown) === expected.type) return PASS;
    return fail('negative', `expected ${expected.type} in phase ${expected.phase}, got ${describeThrown(thrown)} in phase ${phase}`);
  }
  return fail(phase, describeThrown(thrown));
}

async function waitForDone(realm: Realm): Promise<Outcome> {
  await nextTurn();
  const deadline = performance.now() + ASYNC_GRACE_MS;
  for (;;) {
    const signal = realm.printed.find((line) => line === ASYNC_COMPLETE || line.startsWith(ASYNC_FAILURE));
    if (signal === ASYNC_COMPLETE) return PASS;
    if (signal !== undefined) return fail('async', signal.slice(ASYNC_FAILURE.length));
    if (performance.now() >= deadline) return fail('async-timeout', '$DONE was never called');
    await sleep(5);
  }
}

/** Whether `promise` settles before the worker runs out of things to do; a rejection is thrown. */
async function settlesBeforeIdle(promise: Promise<unknown>): Promise<boolean> {
  const idle = nextTurn().then(() => sleep(ASYNC_GRACE_MS)).then(() => false);
  return Promise.race([promise.then(() => true), idle]);
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Node makes the timeout error inside the realm, where a test could forge it; only a run that used its budget counts. */
function isTimeout(thrown: unknown, elapsedMs: number): boolean {
  if (thrown === null || typeof thrown !== 'object' || elapsedMs < SCRIPT_TIMEOUT_MS - 1) return false;
  try {
    return Object.getOwnPropertyDescriptor(thrown, 'code')?.value === TIMEOUT_ERROR_CODE;
  } catch {
    return false;
  }
}
