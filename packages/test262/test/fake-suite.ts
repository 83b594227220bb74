import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A suite of a few files in a temporary folder, laid out like test262's
 * (`test/`, `harness/`), with a harness small enough to read at a glance,
 * so the runner's own tests need neither the archive nor its 50,000 files.
 */
export interface FakeSuite {
  readonly testDirectory: string;
  readonly harnessDirectory: string;
}

const HARNESS: Record<string, string> = {
  'sta.js': [
    'function Test262Error(message) { this.message = message || ""; }',
    'Test262Error.prototype.toString = function () { return "Test262Error: " + this.message; };',
    'function $DONOTEVALUATE() { throw "Test262: This statement should not be evaluated."; }',
  ].join('\n'),
  'assert.js': [
    'function assert(value, message) { if (value !== true) throw new Test262Error(message); }',
    'assert.sameValue = function (actual, expected, message) {',
    '  if (actual !== expected) throw new Test262Error(message || "Expected SameValue(" + String(actual) + ", " + String(expected) + ")");',
    '};',
  ].join('\n'),
  'doneprintHandle.js': [
    'function $DONE(error) {',
    '  if (error) print("Test262:AsyncTestFailure:" + String(error));',
    '  else print("Test262:AsyncTestComplete");',
    '}',
  ].join('\n'),
};

export function makeFakeSuite(tests: Record<string, string>): FakeSuite {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'coro-test262-suite-'));
  const testDirectory = path.join(root, 'test');
  const harnessDirectory = path.join(root, 'harness');
  for (const [directory, files] of [
    [harnessDirectory, HARNESS],
    [testDirectory, tests],
  ] as const) {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
      fs.writeFileSync(path.join(directory, name), text);
    }
  }
  return { testDirectory, harnessDirectory };
}

export function removeFakeSuite(suite: FakeSuite): void {
  fs.rmSync(path.dirname(suite.testDirectory), { recursive: true, force: true });
}

/** A test file: the front matter (YAML lines) and the body. */
export function testFile(frontMatter: string[], body: string): string {
  return ['/*---', ...frontMatter, '---*/', body].join('\n');
}
