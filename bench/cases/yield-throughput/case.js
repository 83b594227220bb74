'use strict';
/**
 * Issue 1, yield throughput: how much a single yield costs when a for-of loop
 * drains a generator. Almost all the time goes into resuming and suspending,
 * because each step's body is just `i < n; i++`.
 */
module.exports = {
  title: 'Yield throughput',
  order: 1,
  summary: 'a generator yields 0..n-1 from a `for` loop; a for-of loop sums the values',
  measure: 'time',
  params: { n: 1000000 },
  quickParams: { n: 100000 },
  expected: ({ n }) => (n * (n - 1)) / 2,
  targets: [
    { variant: 'coro', baseline: 'native', max: 0.5 },
    { variant: 'coro', baseline: 'hand-written', max: 1.5 },
  ],
  references: [
    { variant: 'regenerator', baseline: 'native', ratio: 1.56 },
    { variant: 'typescript-es5', baseline: 'native', ratio: 2.94 },
  ],
};
