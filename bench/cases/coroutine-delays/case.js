'use strict';
/**
 * Issue 12, many sleepers: a million coroutines suspended at once in
 * `delay`, then all resumed and finished, against native async functions
 * awaiting `setTimeout` promises. Time in this case; the peak of the heap
 * while all of them sleep in `coroutine-delays-memory`.
 */
module.exports = {
  title: '1,000,000 coroutines in delay: time',
  issue: 12,
  order: 22,
  summary:
    'start `count` coroutines that each keep one local across `await delay(ms)`, then await them all and sum their results (native: async functions awaiting a `setTimeout` promise)',
  measure: 'time',
  params: { count: 1000000, ms: 5 },
  quickParams: { count: 100000, ms: 5 },
  settings: { processes: 2, warmupRuns: 1, warmupMs: 0, samples: 3 },
  quickSettings: { processes: 1, warmupRuns: 1, warmupMs: 0, samples: 1 },
  expected: ({ count }) => (count * (count + 1)) / 2,
  variants: ['native', 'coro'],
  baselines: ['native'],
};
