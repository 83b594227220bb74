'use strict';
/**
 * Issue 3, async call chain: what an `await` of another async function costs
 * when nothing waits on I/O, as in a service whose layers each await the one
 * below. Each level keeps one binding (`depth`) live across its await.
 */
module.exports = {
  title: 'Async call chain',
  order: 4,
  summary:
    'an async function calls itself `depth` levels deep, each level awaiting the next; the deepest returns its value at once; the driver awaits `chains` such chains one after another',
  measure: 'time',
  params: { chains: 100000, depth: 10 },
  quickParams: { chains: 10000 },
  // chain(depth, k) = k + depth + (depth - 1) + … + 1.
  expected: ({ chains, depth }) => (chains * (chains - 1)) / 2 + (chains * depth * (depth + 1)) / 2,
  targets: [{ variant: 'coro', baseline: 'native', max: 1.2 }],
  references: [
    { variant: 'regenerator', baseline: 'native', ratio: 6.1 },
    { variant: 'typescript-es5', baseline: 'native', ratio: 4.0 },
  ],
};
