'use strict';
/**
 * Issue 11: `for await` over an async generator (../async-generator-throughput)
 * measured after the crowd (bench/crowd) has run, so the async generator
 * queue and the await reactions have seen many step functions and frame
 * shapes, as in a program larger than the workload.
 */
module.exports = {
  ...require('../async-generator-throughput/case'),
  title: 'Async generator throughput, crowded',
  issue: 11,
  order: 6.1,
  summary: 'the async generator throughput workload, after many other suspend functions of every kind have run in the same process',
  basedOn: 'async-generator-throughput',
  crowded: true,
  references: [],
};
