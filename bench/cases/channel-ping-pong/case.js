'use strict';
/**
 * Issue 13, channel throughput: two coroutines play ping-pong over two
 * rendezvous channels, against the same program as native async functions
 * over async-channel (npm), a Go-style channel with capacities, close and
 * async iteration whose `push` waits for a receiver as ours does: the
 * closest peer of the model on npm (p-queue limits concurrency, it is no
 * channel; @repeaterjs/repeater turns one producer's pushes into one async
 * iterator and has no two-sided send; js-csp is generator-based CSP).
 */
module.exports = {
  title: 'Channel ping-pong (rendezvous)',
  issue: 13,
  order: 30,
  summary:
    'a coroutine sends `messages / 2` numbers on a rendezvous channel, another answers each with the number plus one on a second one; the first sums the answers (native: async functions over async-channel)',
  measure: 'time',
  params: { messages: 1000000 },
  quickParams: { messages: 100000 },
  expected: ({ messages }) => ((messages / 2) * (messages / 2 + 1)) / 2,
  variants: ['native', 'coro'],
  baselines: ['native'],
  targets: [{ variant: 'coro', baseline: 'native', max: 0.25 }],
};
