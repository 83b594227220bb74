'use strict';
/**
 * Issue 1, memory: what one suspended generator costs on the heap when two
 * locals live across its yield. The parameter is dead after the first step,
 * so an ideal frame holds the state and the two locals.
 */
module.exports = {
  title: 'Bytes per suspended generator',
  order: 3,
  summary:
    'create `count` generator objects of a function with two locals live across a yield, advance each to its first yield, keep all of them; heap delta after a full GC divided by `count`',
  measure: 'heap',
  nodeFlags: ['--expose-gc', '--max-old-space-size=4096'],
  params: { count: 1000000 },
  quickParams: { count: 100000 },
  // After the measurement a few of the suspended generators are finished:
  // each must still hold its two locals.
  expected: (params, index) => index + 1 + index * 2,
  targets: [{ variant: 'coro', max: 60 }],
  references: [
    { variant: 'native', value: 152 },
    { variant: 'hand-written', value: 56 },
    { variant: 'regenerator', value: 664 },
    { variant: 'typescript-es5', value: 904 },
  ],
};
