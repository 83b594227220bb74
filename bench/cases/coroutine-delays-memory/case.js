'use strict';
/**
 * Issue 12, many sleepers: the heap while a million coroutines sleep in
 * `delay` at once (the timer heap, one host timer), against native async
 * functions awaiting a million `setTimeout` promises. Same workload as
 * `coroutine-delays`.
 */
module.exports = {
  title: '1,000,000 coroutines in delay: peak heap',
  issue: 12,
  order: 23,
  summary:
    'as `coroutine-delays`: the largest heap growth seen while all `count` are suspended, in MB',
  measure: 'peak-heap',
  nodeFlags: ['--expose-gc', '--max-old-space-size=4096'],
  params: { count: 1000000, ms: 5 },
  quickParams: { count: 100000, ms: 5 },
  expected: ({ count }) => (count * (count + 1)) / 2,
  variants: ['native', 'coro'],
  baselines: ['native'],
};
