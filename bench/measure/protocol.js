'use strict';
/** The contract between the harness and a measurement process. */

// Prefix of the single stdout line that carries a measurement's JSON result:
//   { value, unit, samples: number[], secondary?: { [name]: number }, observed: [{ key, value }] }
// `value` is this process's figure (lower is better), `samples` the raw figures
// it was taken from, `secondary` other figures in the same unit shown beside
// it (e.g. wall-clock time), `observed` what the workload returned, checked by
// the case's `expected(params, key)` in the harness.
exports.RESULT_MARKER = '@@coro-bench-result ';
