'use strict';
/**
 * A realistic program's shape (not a micro case): a retry loop with backoff
 * around a flaky service behind a circuit breaker, where errors are control
 * flow. Each failed call rejects through three awaiting async functions
 * (the service, the breaker's try/catch, the retry's try/catch), so the
 * figure includes what a rejected `await` costs the lowering: the
 * `at async` lines coro appends to the error's stack, which V8 writes for
 * native async functions without formatting the stack.
 */
module.exports = {
  title: 'Retry on errors',
  order: 8,
  summary:
    'for n keys in turn, `retry` (try/catch around `await fn(attempt)`, `await sleep()` between attempts) calls a circuit breaker (try/catch, rethrow) around an async `fetch` that throws a timeout `key % 4` times and a fatal error for `key % 23 === 5`; a try/finally per key',
  measure: 'time',
  params: { n: 2000 },
  quickParams: { n: 200 },
  // Every key is retried key % 4 times; the fatal ones fail, the others add key * 3.
  expected: ({ n }) => {
    let sum = 0;
    for (let key = 0; key < n; key++) {
      sum += key % 4;
      sum += key % 23 === 5 ? 1000 : key * 3;
    }
    return sum;
  },
};
