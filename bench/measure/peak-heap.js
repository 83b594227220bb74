'use strict';
/**
 * Measurement kind `peak-heap`: how far the heap grows while the driver's
 * `run(params, probe)` holds its whole workload at once.
 *
 * Each sample starts from a full collection; the driver calls `probe()` at
 * the moment everything it made is alive (a million suspended coroutines,
 * say), and the figure is the largest `heapUsed` above the start that a
 * probe saw, in MB. Needs --expose-gc. What `run` returns is checked as in
 * `time`.
 */
const { median } = require('../stats');

module.exports = async function measurePeakHeap(driver, job) {
  if (typeof global.gc !== 'function') throw new Error('the peak-heap measurement needs node --expose-gc');
  const samples = [];
  const observed = [];
  for (let k = 0; k < job.settings.samples; k++) {
    global.gc();
    global.gc();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    const probe = () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    };
    const result = await driver.run(job.params, probe);
    if (k === 0) observed.push({ key: 'first run', value: result });
    samples.push(peak / (1024 * 1024));
  }
  return { value: median(samples), unit: 'MB', samples, observed };
};
