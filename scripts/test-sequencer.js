/**
 * The order Jest starts test files in: the few long ones first, so that the
 * short ones fill the other worker around them instead of one long file
 * starting last and running alone.
 *
 * ## Example
 *
 * jest.config.js: `testSequencer: '<rootDir>/scripts/test-sequencer.js'`.
 * A run starts packages/test262/test/conformance.test.ts, then the fuzzer's
 * file, …, then every other file in Jest's own order.
 *
 * ## Implementation
 *
 * Jest orders by the durations it cached on an earlier run, and by file size
 * when it has none, as on a clean checkout (CI): there a 23-line file that
 * runs test262 for two minutes would start among the last. The files named
 * in {@link LONG_FIRST} (the longest ones, measured; see README.md,
 * "Quick start") go first in that order; the rest keep Jest's order.
 * A name that matches no file is ignored, so a moved file only loses its
 * head start.
 *
 * ## References
 *
 * Jest `testSequencer`; @jest/test-sequencer.
 */
'use strict';

const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');

/** Relative to the repository root, longest first. */
const LONG_FIRST = [
  'packages/test262/test/conformance.test.ts',
  'packages/testkit/test/fuzz.test.ts',
  'packages/compiler/test/fixtures.test.ts',
  'packages/tsc-plugin/test/tspc.test.ts',
  'packages/install-test/test/install.test.ts',
];

const root = path.resolve(__dirname, '..');

class LongFirstSequencer extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const position = LONG_FIRST.indexOf(path.relative(root, test.path).split(path.sep).join('/'));
      return position < 0 ? LONG_FIRST.length : position;
    };
    const ordered = super.sort(tests);
    return ordered
      .map((test, index) => ({ test, index }))
      .sort((a, b) => rank(a.test) - rank(b.test) || a.index - b.index)
      .map(({ test }) => test);
  }
}

module.exports = LongFirstSequencer;
