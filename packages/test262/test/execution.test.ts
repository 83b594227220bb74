import { loadTest, runTest } from '../src/execution';
import { Harness } from '../src/harness';
import { findLeftoverSuspension } from '../src/leftover-suspension';
import type { Mode } from '../src/mode';
import { lowered, native, type Translation } from '../src/translation';
import { makeFakeSuite, removeFakeSuite, testFile, type FakeSuite } from './fake-suite';

const TESTS: Record<string, string> = {
  'generator.js': testFile(['features: [generators]'], 'function* g() { yield 1; }\nassert.sameValue(g().next().value, 1);'),
  'strict-this.js': testFile(['flags: [onlyStrict]'], 'assert.sameValue((function () { return this; })(), undefined);'),
  'early-error.js': testFile(['negative:', '  phase: parse', '  type: SyntaxError'], '$DONOTEVALUATE();\nfunction* g() { yield\n* 1; }'),
  'throws-type-error.js': testFile(['negative:', '  phase: runtime', '  type: TypeError'], 'null.x;'),
  'throws-wrong-error.js': testFile(['negative:', '  phase: runtime', '  type: ReferenceError'], 'null.x;'),
  'async-done.js': testFile(['flags: [async]'], 'async function f() { await 1; return 2; }\nf().then(function (v) { assert.sameValue(v, 2); }).then($DONE, $DONE);'),
  'async-failure.js': testFile(['flags: [async]'], 'async function f() { throw new Test262Error("boom"); }\nf().then($DONE, $DONE);'),
  'async-silent.js': testFile(['flags: [async]'], 'async function f() { await new Promise(function () {}); $DONE(); }\nf();'),
  'with.js': testFile(['flags: [noStrict]'], 'function* g() { with ({}) { yield 1; } }\ng().next();'),
};

describe('one run of one test', () => {
  let suite: FakeSuite;
  let harness: Harness;
  const run = (file: string, mode: Mode, translation: Translation) => runTest(loadTest(suite.testDirectory, file), mode, translation, harness);

  beforeAll(() => {
    suite = makeFakeSuite(TESTS);
    harness = new Harness(suite.harnessDirectory);
  });
  afterAll(() => removeFakeSuite(suite));

  it.each([native, lowered])('passes a generator test in both modes, %#', async (translation) => {
    expect(await run('generator.js', 'strict', translation)).toEqual({ status: 'pass' });
    expect(await run('generator.js', 'sloppy', translation)).toEqual({ status: 'pass' });
  });

  it('runs strict mode with the directive', async () => {
    expect(await run('strict-this.js', 'strict', native)).toEqual({ status: 'pass' });
    expect(await run('strict-this.js', 'sloppy', native)).toMatchObject({ status: 'fail', failure: { stage: 'runtime' } });
  });

  it.each([native, lowered])('passes a negative parse test when the code does not get to run, %#', async (translation) => {
    expect(await run('early-error.js', 'strict', translation)).toEqual({ status: 'pass' });
  });

  it('checks the type of a runtime error', async () => {
    expect(await run('throws-type-error.js', 'strict', native)).toEqual({ status: 'pass' });
    expect(await run('throws-wrong-error.js', 'strict', native)).toEqual({
      status: 'fail',
      failure: { stage: 'negative', message: expect.stringMatching(/^expected ReferenceError in phase runtime, got TypeError: .* in phase runtime$/) },
    });
  });

  it.each([native, lowered])('waits for $DONE in an async test, %#', async (translation) => {
    expect(await run('async-done.js', 'strict', translation)).toEqual({ status: 'pass' });
    expect(await run('async-failure.js', 'strict', translation)).toEqual({ status: 'fail', failure: { stage: 'async', message: 'Test262Error: boom' } });
    expect(await run('async-silent.js', 'strict', translation)).toEqual({ status: 'fail', failure: { stage: 'async-timeout', message: '$DONE was never called' } });
  });

  it('reports a refusal of the lowering', async () => {
    expect(await run('with.js', 'sloppy', native)).toEqual({ status: 'pass' });
    expect(await run('with.js', 'sloppy', lowered)).toMatchObject({ status: 'fail', failure: { stage: 'refused', message: expect.stringMatching(/^CORO\d+: /) } });
  });

  it('fails lowered code that still holds a suspend function', async () => {
    const unlowered: Translation = {
      name: 'lowered',
      translate: (source) => ({ kind: 'code', code: source, leftover: findLeftoverSuspension(source, 'script') }),
      prepareRealm: () => undefined,
    };
    expect(await run('generator.js', 'strict', unlowered)).toEqual({ status: 'fail', failure: { stage: 'leftover', message: 'generator function at 5:1' } });
  });
});
