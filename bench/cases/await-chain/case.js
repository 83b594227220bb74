'use strict';
/**
 * Issue 11, await chain: ten nested async functions, each awaiting an
 * already-resolved native promise and then its inner call. Every level
 * suspends twice on promises that are settled already, so the figure is the
 * cost of an `await` itself: the reaction, the job, the resumption, and the
 * promise a lowering makes per await or per call.
 */
module.exports = {
  title: 'Await chain',
  issue: 11,
  order: 5,
  summary:
    'ten nested async functions `l0`..`l9`, each `const a = await resolved; return (await l{k-1}(i + a)) + 1`; the driver awaits `l9(i & 1023)` for i = 0..n-1',
  measure: 'time',
  params: { n: 100000 },
  quickParams: { n: 10000 },
  // l9(i) = i + 10 (one per level's `a`) + 9 (one per level above l0).
  expected: ({ n }) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (i & 1023) + 19;
    return sum;
  },
  targets: [{ variant: 'coro', baseline: 'native', max: 1.3 }],
  references: [
    { variant: 'regenerator', baseline: 'native', ratio: 6.8 },
    { variant: 'typescript-es5', baseline: 'native', ratio: 4.9 },
  ],
};
