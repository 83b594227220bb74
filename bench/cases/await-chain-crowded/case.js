'use strict';
/**
 * Issue 11: the await chain (../await-chain) measured after the crowd
 * (bench/crowd) has run, so every call site of the runtime has seen many
 * step functions and frame shapes, as in a program larger than the workload.
 */
module.exports = {
  ...require('../await-chain/case'),
  title: 'Await chain, crowded',
  order: 5.1,
  summary: 'the await chain, after many other suspend functions of every kind have run in the same process',
  basedOn: 'await-chain',
  crowded: true,
  references: [],
};
