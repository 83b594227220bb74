'use strict';
/**
 * Issue 3, plain-value awaits: the cost of an `await` whose operand is not a
 * promise (a cache hit, an optional async hook), which still takes one
 * microtask tick by the specification. `sum += await i` also keeps the old
 * `sum` across the await, since the left operand is read first.
 */
module.exports = {
  title: 'Plain-value awaits',
  order: 5,
  summary: 'one async function runs `sum += await i` for i = 0..n-1 in a `for` loop and returns the sum',
  measure: 'time',
  params: { n: 1000000 },
  quickParams: { n: 100000 },
  expected: ({ n }) => (n * (n - 1)) / 2,
  targets: [{ variant: 'coro', baseline: 'native', max: 1.2 }],
};
