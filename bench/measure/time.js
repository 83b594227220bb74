'use strict';
/**
 * Measurement kind `time`: CPU time per call of the driver's `run(params)`.
 *
 * Warm-up first (at least `warmupRuns` calls and `warmupMs` milliseconds, so
 * that the optimizing compiler has settled), then `samples` timed calls, each
 * timed on its own. The figure is the median sample.
 *
 * A sample is the process's CPU time (user + system, `process.cpuUsage()`)
 * spent in the call, not the wall-clock time: on a shared machine a process
 * waits behind others for a core, and wall-clock time counts that wait while
 * CPU time does not (on a 2-core box with a load of 5, wall-clock medians of
 * the same process varied 30-50 % where CPU time varied 3 %). CPU time also
 * counts V8's helper threads (parallel GC), which is part of the workload's
 * cost. The wall-clock median is reported beside it, to show how busy the
 * machine was.
 *
 * A `run` that returns a promise is awaited, and the time includes settling
 * it, so asynchronous workloads use the same kind. A sync `run` is timed
 * without any await in the loop.
 */
const { median } = require('../stats');

const now = () => process.hrtime.bigint();
const elapsedMs = (start) => Number(now() - start) / 1e6;
const cpuMs = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const isThenable = (value) => value !== null && typeof value === 'object' && typeof value.then === 'function';

module.exports = async function measureTime(driver, job) {
  const { params } = job;
  const { warmupRuns, warmupMs, samples } = job.settings;
  const run = driver.run;
  const first = run(params);
  const isAsync = isThenable(first);
  const observed = [{ key: 'first run', value: isAsync ? await first : first }];

  const cpuTimes = [];
  const wallTimes = [];
  let last;
  const warmupStart = now();
  if (isAsync) {
    for (let runs = 1; runs < warmupRuns || elapsedMs(warmupStart) < warmupMs; runs++) await run(params);
    for (let k = 0; k < samples; k++) {
      const cpuStart = process.cpuUsage();
      const wallStart = now();
      last = await run(params);
      wallTimes.push(elapsedMs(wallStart));
      cpuTimes.push(cpuMs(cpuStart));
    }
  } else {
    for (let runs = 1; runs < warmupRuns || elapsedMs(warmupStart) < warmupMs; runs++) run(params);
    for (let k = 0; k < samples; k++) {
      const cpuStart = process.cpuUsage();
      const wallStart = now();
      last = run(params);
      wallTimes.push(elapsedMs(wallStart));
      cpuTimes.push(cpuMs(cpuStart));
    }
  }
  observed.push({ key: 'last run', value: last });
  return {
    value: median(cpuTimes),
    unit: 'ms',
    samples: cpuTimes,
    secondary: { 'wall-clock': median(wallTimes) },
    observed,
  };
};
