'use strict';
/**
 * Issue 11: try/finally around `yield*` (../try-finally-yield-star) measured
 * after the crowd (bench/crowd) has run, so generator resumption and `yield*`
 * forwarding have seen many step functions and frame shapes, as in a
 * program larger than the workload.
 */
module.exports = {
  ...require('../try-finally-yield-star/case'),
  title: 'try/finally around yield*, crowded',
  issue: 11,
  order: 2.1,
  summary: 'the try/finally around `yield*` workload, after many other suspend functions of every kind have run in the same process',
  basedOn: 'try-finally-yield-star',
  crowded: true,
  targets: [{ variant: 'coro', baseline: 'native', max: 0.5 }],
};
