/**
 * Every package keeps its tests in its own test/ folder; they run against the built dist/.
 *
 * Two workers at least: Jest's default (one fewer than the cores) is one on a
 * 2-core machine, and with one worker Jest runs every file in its own
 * process, one after the other, so that a file waiting on a child process
 * (tsc, vite, npm, the test262 workers) leaves a core idle. The long files
 * start first (scripts/test-sequencer.js).
 */
const os = require('node:os');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
  testTimeout: 60000,
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testSequencer: '<rootDir>/scripts/test-sequencer.js',
};
