'use strict';
/**
 * Issue 1, try/finally around yield*: the cost of a protected region and of
 * delegation. Each outer iteration creates a small inner generator, forwards
 * its two values through `yield*`, and runs a `finally` when it is done.
 */
module.exports = {
  title: 'try/finally around yield*',
  order: 2,
  summary:
    '`for (i < n) { try { yield* pair(i) } finally { counter++ } }` where `pair` yields two values; a for-of loop sums them',
  measure: 'time',
  params: { n: 200000 },
  quickParams: { n: 20000 },
  // pair(i) yields i and i + 1, so the sum is the sum of the first n odd numbers.
  expected: ({ n }) => ({ sum: n * n, finallyRuns: n }),
  // Issue 1 asked for 0.6×; issue 11 tightened it to 0.5×.
  targets: [{ variant: 'coro', baseline: 'native', max: 0.5 }],
};
