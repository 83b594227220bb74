import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatNativeTable, NativeTable, nativeTableKey, type RunId } from '../src/native-table';

describe('the committed table of native outcomes', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'coro-native-table-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  const runs: RunId[] = [
    { path: 'b.js', mode: 'strict' },
    { path: 'b.js', mode: 'sloppy' },
    { path: 'a.js', mode: 'module' },
  ];
  const failure = { status: 'fail', failure: { stage: 'runtime', message: 'Test262Error: no' } } as const;
  const write = (key = nativeTableKey('test262-abc', runs)): string => {
    const file = path.join(directory, 'native-table.json');
    fs.writeFileSync(
      file,
      formatNativeTable(key, [
        { path: 'b.js', mode: 'strict', native: { status: 'pass' } },
        { path: 'b.js', mode: 'sloppy', native: failure },
        { path: 'a.js', mode: 'module', native: { status: 'pass' } },
      ]),
    );
    return file;
  };

  it('lists only the runs that do not pass, and gives every other run of its selection as passing', () => {
    const file = write();
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).notPassing)).toEqual(['b.js sloppy']);
    const table = NativeTable.read(file)!;
    expect(table.mismatch(nativeTableKey('test262-abc', [...runs].reverse()))).toBeUndefined();
    expect(table.get('b.js', 'sloppy')).toEqual(failure);
    expect(table.get('b.js', 'strict')).toEqual({ status: 'pass' });
  });

  it('does not apply to another suite, another selection, another engine or another runner', () => {
    const table = NativeTable.read(write())!;
    expect(table.mismatch(nativeTableKey('test262-def', runs))).toMatch(/^suite "test262-abc" in the table, "test262-def" here$/);
    expect(table.mismatch(nativeTableKey('test262-abc', [...runs, { path: 'c.js', mode: 'strict' }]))).toMatch(/runCount 3 in the table, 4 here; runs /);
    expect(table.mismatch(nativeTableKey('test262-abc', [runs[0], runs[1], { path: 'a.js', mode: 'strict' }]))).toMatch(/^runs /);
    const key = nativeTableKey('test262-abc', runs);
    expect(key.engine).toContain(`node ${process.version} (V8 ${process.versions.v8}`);
    expect(NativeTable.read(write({ ...key, engine: 'node v0.0.0' }))!.mismatch(key)).toMatch(/^engine "node v0\.0\.0" in the table/);
    expect(NativeTable.read(write({ ...key, runner: 'other' }))!.mismatch(key)).toMatch(/^runner "other" in the table/);
  });

  it('is absent when there is no file', () => {
    expect(NativeTable.read(path.join(directory, 'none.json'))).toBeUndefined();
  });
});
