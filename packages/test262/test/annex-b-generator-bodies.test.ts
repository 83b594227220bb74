import * as fs from 'fs';
import * as path from 'path';
import { loadTest, runTest, type TestCase } from '../src/execution';
import { Harness } from '../src/harness';
import { openSuite } from '../src/suite';
import { lowered, native } from '../src/translation';

/**
 * Annex B's block-level function hoisting (B.3.2.1) inside generator bodies.
 * test262 tests it in plain functions only (`annexB/language/function-code`,
 * each a `(function() { … }());`): every such test is run again with that
 * function turned into a generator that runs to its end, once as written (the
 * blocks stay code the machine copies) and once with a `yield;` before each
 * block-level `function f` (the blocks become states of the machine). The
 * derived test must pass natively (the derivation keeps its meaning) and
 * lowered.
 */
const FUNCTION_CODE = 'annexB/language/function-code';
const OPENING = '(function() {';
const CLOSING = '}());';

const suite = openSuite();
const harness = new Harness(suite.harnessDirectory);

/** The test as a generator run to its end; undefined for a test of another shape. */
function asGenerator(test: TestCase, yieldBeforeDeclarations: boolean): TestCase | undefined {
  const source = test.source;
  const open = source.indexOf(OPENING);
  const close = source.lastIndexOf(CLOSING);
  if (open < 0 || close < open || (source.match(/\(function\s*\(/g) ?? []).length !== 1) return undefined;
  let body = source.slice(open + OPENING.length, close);
  if (yieldBeforeDeclarations) {
    // A declaration that is a statement of a block or a case clause (not an `if` branch, which must stay one statement).
    body = body.replace(/([{:]\s*\n)(\s*)(function f\()/g, '$1$2yield;\n$2$3');
    if (!body.includes('yield;')) return undefined;
  }
  const derived = `${source.slice(0, open)}[...(function*() {${body}}())];${source.slice(close + CLOSING.length)}`;
  return { ...test, source: derived };
}

const tests = fs
  .readdirSync(path.join(suite.testDirectory, FUNCTION_CODE))
  .filter((name) => name.endsWith('.js'))
  .map((name) => loadTest(suite.testDirectory, `${FUNCTION_CODE}/${name}`))
  .filter((test) => !test.frontMatter.flags.includes('onlyStrict'));

describe.each([
  ['copied blocks', false],
  ['blocks split by a yield', true],
] as const)('Annex B block functions in a generator body, %s', (_, split) => {
  const derived = tests.flatMap((test) => {
    const generator = asGenerator(test, split);
    return generator ? [generator] : [];
  });

  it('derives most of the function-code tests', () => {
    expect(derived.length).toBeGreaterThanOrEqual(split ? 60 : 130);
  });

  it.each(derived.map((test) => [test.path, test] as const))('%s', async (_path, test) => {
    expect(await runTest(test, 'sloppy', native, harness)).toEqual({ status: 'pass' });
    expect(await runTest(test, 'sloppy', lowered, harness)).toEqual({ status: 'pass' });
  });
});
