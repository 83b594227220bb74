'use strict';
/**
 * Issue 12, cancellation: a tree of 10,000 tasks (100 scopes of 100
 * children, each child asleep in a `try`/`finally`) cancelled from its root;
 * the run returns how many `finally` blocks ran, which must be all of them.
 * Native: the same tree as async functions, cancelled through one
 * AbortController whose signal rejects every child's sleep.
 */
module.exports = {
  title: 'Cancelling a tree of 10,000 tasks',
  issue: 12,
  order: 24,
  summary:
    'build `branches` scopes of `width` sleeping children under one root scope, cancel the root, await it; the result is the number of `finally` blocks that ran (native: async functions and an AbortSignal)',
  measure: 'time',
  params: { branches: 100, width: 100 },
  quickParams: { branches: 100, width: 100 },
  expected: ({ branches, width }) => branches * width,
  variants: ['native', 'coro'],
  baselines: ['native'],
};
