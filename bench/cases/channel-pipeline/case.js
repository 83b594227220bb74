'use strict';
/**
 * Issue 13, a pipeline: three stages joined by buffered channels (a
 * producer, a doubling stage, a summing consumer), against the same
 * program as native async functions over async-channel (see
 * `channel-ping-pong` for why that library).
 */
module.exports = {
  title: 'Three-stage channel pipeline',
  issue: 13,
  order: 31,
  summary:
    'a producer sends `elements` numbers into a channel of 64, a stage doubles each into a second channel of 64, a consumer sums them; every stage is a coroutine iterating its input with `for await` (native: async functions over async-channel)',
  measure: 'time',
  params: { elements: 1000000 },
  // The native program takes about 10 s a run at this size: few runs, or the process times out.
  settings: { processes: 2, warmupRuns: 1, warmupMs: 0, samples: 3 },
  quickParams: { elements: 100000 },
  expected: ({ elements }) => elements * (elements - 1),
  variants: ['native', 'coro'],
  baselines: ['native'],
};
