import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  compareWithExpectations,
  formatExpectations,
  keyOf,
  readExpectations,
  updateExpectations,
  type Expectation,
  type LoweredFailure,
} from '../src/expectations';
import { fail, PASS } from '../src/outcome';
import type { RunRecord } from '../src/pool';

const passing = (file: string): RunRecord => ({ path: file, mode: 'strict', native: PASS, lowered: PASS });
const failing = (file: string): RunRecord => ({ path: file, mode: 'strict', native: PASS, lowered: fail('runtime', 'Test262Error: x') });
const nativeFailing = (file: string): RunRecord => ({ path: file, mode: 'strict', native: fail('runtime', 'TypeError: y'), lowered: undefined });
const failure = (file: string, category = 'other'): LoweredFailure => ({ path: file, mode: 'strict', category, stage: 'runtime', message: 'Test262Error: x' });
const listed = (...entries: Expectation[]): Map<string, Expectation> => new Map(entries.map((entry) => [keyOf(entry), entry]));

describe('expectations', () => {
  it('round-trips through the file format, sorted by path and mode', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coro-test262-')), 'expectations.txt');
    const entries: Expectation[] = [
      { path: 'b.js', mode: 'strict', category: 'other' },
      { path: 'a.js', mode: 'strict', category: 'lowering-refused' },
      { path: 'a.js', mode: 'sloppy', category: 'other' },
    ];
    fs.writeFileSync(file, formatExpectations(entries));
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toEqual([
      'a.js sloppy other',
      'a.js strict lowering-refused',
      'b.js strict other',
    ]);
    expect([...readExpectations(file).values()]).toHaveLength(3);
  });

  it('rejects a malformed line with its position', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coro-test262-')), 'expectations.txt');
    fs.writeFileSync(file, '# header\na.js everywhere other\n');
    expect(() => readExpectations(file)).toThrow(/expectations\.txt:2:/);
  });

  it('fails on a failure that is not listed and on a listed test that passes', () => {
    const records = [failing('new.js'), passing('fixed.js'), failing('known.js')];
    const comparison = compareWithExpectations(records, [failure('new.js'), failure('known.js')], listed(failure('fixed.js'), failure('known.js')), {
      complete: false,
    });
    expect(comparison.unexpectedFailures.map((entry) => entry.path)).toEqual(['new.js']);
    expect(comparison.unexpectedPasses.map((entry) => entry.path)).toEqual(['fixed.js']);
    expect(comparison.stale).toEqual([]);
  });

  it('calls a listed test stale when it was not measured, and counts a changed category', () => {
    const records = [nativeFailing('engine-lacks.js'), failing('moved.js')];
    const expectations = listed(failure('engine-lacks.js'), failure('moved.js', 'lowering-refused'), failure('gone.js'));
    const partial = compareWithExpectations(records, [failure('moved.js')], expectations, { complete: false });
    expect(partial.stale.map((entry) => entry.path)).toEqual(['engine-lacks.js']);
    expect(partial.recategorised).toBe(1);
    const complete = compareWithExpectations(records, [failure('moved.js')], expectations, { complete: true });
    expect(complete.stale.map((entry) => entry.path)).toEqual(['engine-lacks.js', 'gone.js']);
  });

  it('updates only the measured entries of a partial run, and everything after a complete one', () => {
    const previous = listed(failure('outside.js'), failure('fixed.js'));
    const records = [passing('fixed.js'), failing('new.js')];
    const partial = updateExpectations(records, [failure('new.js')], previous, { complete: false });
    expect(partial.map((entry) => entry.path).sort()).toEqual(['new.js', 'outside.js']);
    const complete = updateExpectations(records, [failure('new.js')], previous, { complete: true });
    expect(complete.map((entry) => entry.path)).toEqual(['new.js']);
  });
});
