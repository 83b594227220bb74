'use strict';
/**
 * Issue 13, memory: what a coroutine waiting in a full channel costs (its
 * task, its send operation, its place in the senders' queue), against a
 * native async function waiting in async-channel's `push`. The channel is
 * a rendezvous nobody receives from, so every sender waits, holding its
 * element.
 */
module.exports = {
  title: 'Bytes per sender waiting in a channel',
  issue: 13,
  order: 32,
  summary:
    'start `count` coroutines that each send one number to a rendezvous channel nobody receives from, and keep their tasks; heap delta after a full GC divided by `count` (native: async functions awaiting async-channel `push`)',
  measure: 'heap',
  nodeFlags: ['--expose-gc', '--max-old-space-size=4096'],
  params: { count: 200000 },
  quickParams: { count: 20000 },
  expected: () => 1,
  variants: ['native', 'coro'],
  baselines: ['native'],
};
