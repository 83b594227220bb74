'use strict';
/**
 * Issue 13, memory: what one element waiting in a channel's buffer costs,
 * beside the element itself (a small integer, no allocation): ours is a slot
 * of the buffer's array; async-channel's is whatever its buffer keeps per
 * element.
 */
module.exports = {
  title: 'Bytes per buffered channel element',
  issue: 13,
  order: 33,
  summary:
    'send `count` small integers into an unbounded channel without waiting and receive none; heap delta after a full GC divided by `count` (native: async-channel with an unbounded buffer)',
  measure: 'heap',
  nodeFlags: ['--expose-gc', '--max-old-space-size=4096'],
  params: { count: 1000000 },
  quickParams: { count: 100000 },
  expected: (params, index) => index,
  variants: ['native', 'coro'],
  baselines: ['native'],
};
