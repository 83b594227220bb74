'use strict';
/**
 * Issue 3, memory: what one async function costs on the heap while it waits,
 * with two locals live across its await. All instances await one shared
 * promise that stays pending while the heap is measured, so the figure holds
 * the function's own state, the promise it returned and the reaction its
 * await hung on the awaited promise, and nothing of the awaited promise itself.
 */
module.exports = {
  title: 'Bytes per pending async function',
  order: 7,
  summary:
    'call an async function with two locals live across an `await` of a promise that stays pending, `count` times, and keep the promises it returns; heap delta after a full GC divided by `count`',
  measure: 'heap',
  nodeFlags: ['--expose-gc', '--max-old-space-size=4096'],
  params: { count: 200000 },
  quickParams: { count: 20000 },
  // After the measurement the awaited promise is resolved: each checked call
  // must still have been pending, and must then return from its two locals.
  expected: (params, index) => index + 1 + index * 2,
  targets: [{ variant: 'coro', max: 250 }],
  references: [
    { variant: 'native', value: 424 },
    { variant: 'regenerator', value: 1280 },
    { variant: 'typescript-es5', value: 1647 },
  ],
};
