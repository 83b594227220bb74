'use strict';
/**
 * Issue 12, memory: what one suspended coroutine costs on the heap, its task
 * and frame, with two locals live across an await of a task that stays
 * pending (native: the same file as async functions, awaiting a pending
 * promise). Counted: the frame (which is the task), its entry in the awaited
 * task's waiters and its captured async context.
 */
module.exports = {
  title: 'Bytes per suspended coroutine',
  issue: 12,
  order: 21,
  summary:
    'call a coroutine with two locals live across an `await` of a task that stays pending, `count` times, and keep the tasks; heap delta after a full GC divided by `count`',
  measure: 'heap',
  nodeFlags: ['--expose-gc', '--max-old-space-size=4096'],
  params: { count: 200000 },
  quickParams: { count: 20000 },
  expected: (params, index) => index + 1 + index * 2,
  variants: ['native', 'coro'],
  baselines: ['native'],
  targets: [{ variant: 'coro', max: 120 }],
  references: [{ variant: 'native', value: 424 }],
};
