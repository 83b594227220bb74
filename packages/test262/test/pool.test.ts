import { runInWorkers } from '../src/pool';
import { makeFakeSuite, removeFakeSuite, testFile, type FakeSuite } from './fake-suite';

const TESTS: Record<string, string> = {
  'endless-jobs.js': testFile(['flags: [noStrict]'], '(function spin() { Promise.resolve().then(spin); })();'),
  'generator.js': testFile(['flags: [noStrict]'], 'function* g() { yield 1; }\nassert.sameValue(g().next().value, 1);'),
  'module.js': testFile(
    ['flags: [module]'],
    "import { count } from './module_FIXTURE.js';\nvar values = [];\nfor (var value of count(2)) values.push(value);\nassert.sameValue(values.join(), '0,1');",
  ),
  'module_FIXTURE.js': 'export function* count(n) { for (let i = 0; i < n; i++) yield i; }\n',
  'lowering-breaks.js': testFile(['flags: [noStrict]'], 'function* g() { with ({}) { yield 1; } }\ng().next();'),
};

describe('the worker pool', () => {
  let suite: FakeSuite;
  beforeAll(() => {
    suite = makeFakeSuite(TESTS);
  });
  afterAll(() => removeFakeSuite(suite));

  it('goes on past a test that never returns to its event loop, and runs modules lowered with their fixtures', async () => {
    // The endless test is tried twice (a hang may be the machine's doing); the step limit starts once a
    // fresh worker has loaded the compiler, which takes seconds on a busy machine.
    const records = await runInWorkers(
      [
        { path: 'endless-jobs.js', mode: 'sloppy' },
        { path: 'generator.js', mode: 'sloppy' },
        { path: 'module.js', mode: 'module' },
        { path: 'lowering-breaks.js', mode: 'sloppy' },
      ],
      { workers: 1, testDirectory: suite.testDirectory, harnessDirectory: suite.harnessDirectory, stepLimitMs: 5000 },
    );
    expect(records).toEqual([
      { path: 'endless-jobs.js', mode: 'sloppy', native: { status: 'fail', failure: { stage: 'hang', message: 'no answer from the worker for 5 s' } }, lowered: undefined },
      { path: 'generator.js', mode: 'sloppy', native: { status: 'pass' }, lowered: { status: 'pass' } },
      { path: 'module.js', mode: 'module', native: { status: 'pass' }, lowered: { status: 'pass' } },
      {
        path: 'lowering-breaks.js',
        mode: 'sloppy',
        native: { status: 'pass' },
        lowered: { status: 'fail', failure: { stage: 'refused', message: expect.stringMatching(/^CORO\d+: /) } },
      },
    ]);
  });

  it('runs only the lowered side of a job whose native outcome is known, nothing of one known to fail natively, only the native side of a nativeOnly job', async () => {
    const remembered = { status: 'fail', failure: { stage: 'runtime', message: 'remembered' } } as const;
    const records = await runInWorkers(
      [
        { path: 'generator.js', mode: 'sloppy', native: remembered },
        { path: 'lowering-breaks.js', mode: 'sloppy', native: { status: 'pass' } },
        { path: 'lowering-breaks.js', mode: 'sloppy', nativeOnly: true },
      ],
      { workers: 1, testDirectory: suite.testDirectory, harnessDirectory: suite.harnessDirectory },
    );
    expect(records).toEqual([
      { path: 'generator.js', mode: 'sloppy', native: remembered, lowered: undefined },
      {
        path: 'lowering-breaks.js',
        mode: 'sloppy',
        native: { status: 'pass' },
        lowered: { status: 'fail', failure: { stage: 'refused', message: expect.stringMatching(/^CORO\d+: /) } },
      },
      { path: 'lowering-breaks.js', mode: 'sloppy', native: { status: 'pass' }, lowered: undefined },
    ]);
  });
});
