/**
 * What the examples print when they run natively (their sources with only
 * the types removed, nothing lowered): the output their builds must match.
 * Shared by the tests that build the examples and serve them.
 */

/** examples/vite-app: the page's #output, one entry per line. */
export const VITE_APP_PRINTS = [
  'odd squares: 1 9 25 49 81',
  'tree: root a a1 a2 b',
  'outline: 0:root 1:a 2:a1 2:a2 1:b',
  'open thermometer',
  'first reading above 25: 26',
  'close thermometer',
  'averages: 4 6 6 5',
  'a 3',
  'b 2',
  'a 2',
  'b 1',
  'a 1',
  'a done, b done',
  'guard on',
  'c 1',
  'guard off',
  'caught no fuel',
  'chunks: gene|rato|rs',
];

/** examples/rollup-library/consumer/main.mjs, using the ES module build. */
export const LIBRARY_ESM_CONSUMER_PRINTS = [
  'chunks: [[1,2,3],[4,5,6],[7]]',
  'pairs: [["a","b"],["b","c"],["c","d"]]',
  'zip: [[1,"x",true],[2,"y",false]]',
  'first record: {"host":"alpha","port":"80"}',
  'second record: {"host":"beta","port":"8080"}',
  "SyntaxError: line 5: expected key=value, found 'host gamma'",
  '   attempt 1 failed',
  '   attempt 2 failed',
  'ok on attempt 3',
  'gave up after 2 attempts (last: attempt 2 failed)',
];

/** examples/rollup-library/consumer/main.cjs, using the CommonJS build. */
export const LIBRARY_CJS_CONSUMER_PRINTS = [
  'chunks: [["c","o","r","o"],["u","t","i","n"],["e"]]',
  'record: {"name":"coro","kind":"compiler"}',
  'record: {"name":"rollup","kind":"bundler"}',
  'done in 1',
];
