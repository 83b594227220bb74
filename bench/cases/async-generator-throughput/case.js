'use strict';
/**
 * Issue 3, async generator: how much one step of an async generator costs
 * when `for await` drains it and no value has to be waited for: the request
 * queue, the implicit await of each yielded value and the promise per step.
 */
module.exports = {
  title: 'Async generator throughput',
  order: 6,
  summary: 'an async generator yields 0..n-1 from a `for` loop; a `for await` loop sums the values',
  measure: 'time',
  params: { n: 100000 },
  quickParams: { n: 10000 },
  expected: ({ n }) => (n * (n - 1)) / 2,
  targets: [{ variant: 'coro', baseline: 'native', max: 1.0 }],
  references: [
    { variant: 'regenerator', baseline: 'native', ratio: 2.3 },
    { variant: 'typescript-es5', baseline: 'native', ratio: 3.7 },
  ],
};
