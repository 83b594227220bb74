'use strict';
/**
 * Issue 12, the `await_ready` path: a chain of coroutine calls in which each
 * level awaits a task that has already completed (the level below returns at
 * once), against the same program as native async functions, where every
 * level's await takes a promise job.
 */
module.exports = {
  title: 'Coroutine call chain (awaiting completed tasks)',
  issue: 12,
  order: 20,
  summary:
    'a coroutine calls itself `depth` levels deep, each level awaiting the task of the next, which has completed by then; a coroutine awaits `chains` such chains one after another, and the driver awaits it (native: the same file as async functions)',
  measure: 'time',
  params: { chains: 100000, depth: 10 },
  quickParams: { chains: 10000 },
  expected: ({ chains, depth }) => (chains * (chains - 1)) / 2 + (chains * depth * (depth + 1)) / 2,
  variants: ['native', 'coro'],
  baselines: ['native'],
  targets: [{ variant: 'coro', baseline: 'native', max: 0.1 }],
};
