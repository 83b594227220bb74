import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NativeOutcomes, runnerFiles } from '../src/native-outcomes';

describe('remembered native outcomes', () => {
  let cache: string;
  beforeEach(() => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'coro-native-outcomes-'));
  });
  afterEach(() => fs.rmSync(cache, { recursive: true, force: true }));

  it('are read back by a later run of the same suite, without hangs and crashes', () => {
    const first = NativeOutcomes.open(cache, 'test262-abc');
    first.record([
      { path: 'a.js', mode: 'strict', native: { status: 'pass' }, lowered: { status: 'pass' } },
      { path: 'b.js', mode: 'sloppy', native: { status: 'fail', failure: { stage: 'runtime', message: 'Test262Error' } }, lowered: undefined },
      { path: 'c.js', mode: 'strict', native: { status: 'fail', failure: { stage: 'hang', message: 'no answer' } }, lowered: undefined },
    ]);
    first.save();
    const later = NativeOutcomes.open(cache, 'test262-abc');
    expect(later.get('a.js', 'strict')).toEqual({ status: 'pass' });
    expect(later.get('a.js', 'sloppy')).toBeUndefined();
    expect(later.get('b.js', 'sloppy')).toEqual({ status: 'fail', failure: { stage: 'runtime', message: 'Test262Error' } });
    expect(later.get('c.js', 'strict')).toBeUndefined();
  });

  it('belong to one suite: another archive measures again', () => {
    const first = NativeOutcomes.open(cache, 'test262-abc');
    first.record([{ path: 'a.js', mode: 'strict', native: { status: 'pass' }, lowered: { status: 'pass' } }]);
    first.save();
    expect(NativeOutcomes.open(cache, 'test262-def').get('a.js', 'strict')).toBeUndefined();
    const files = fs.readdirSync(path.join(cache, 'test262-native'));
    expect(files).toEqual([expect.stringContaining(`test262-abc-node${process.version}-`)]);
  });

  it('belong to one runner: the built worker and the modules it loads, not the rest of the package', () => {
    const names = runnerFiles().map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['execution.js', 'harness.js', 'module-graph.js', 'realm.js', 'translation.js', 'worker.js']));
    expect(names).not.toContain('cli.js');
    expect(names).not.toContain('pool.js');
    expect(names).not.toContain('report.js');
    expect(names).toEqual([...names].sort());
  });
});
