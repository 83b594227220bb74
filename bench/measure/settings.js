'use strict';
/**
 * Per measurement kind: how many processes measure each variant, how long a
 * process warms up and how many samples it takes, in a full run and in a
 * --quick run. A case may override any of them with its own `settings` /
 * `quickSettings`; `--repeat N` overrides `processes` everywhere.
 *
 * Timings get more processes than heap figures: on a shared 2-core machine a
 * whole process can land on a slow stretch, while the heap figure of a
 * process is the same to the byte from one run to the next.
 */
module.exports = {
  time: {
    full: { processes: 5, warmupRuns: 5, warmupMs: 300, samples: 20 },
    quick: { processes: 1, warmupRuns: 2, warmupMs: 30, samples: 5 },
  },
  'peak-heap': {
    full: { processes: 1, samples: 3 },
    quick: { processes: 1, samples: 1 },
  },
  heap: {
    full: { processes: 3, warmupCount: 1000 },
    quick: { processes: 1, warmupCount: 1000 },
  },
  // A size is the same to the byte in every process.
  size: {
    full: { processes: 1 },
    quick: { processes: 1 },
  },
};
