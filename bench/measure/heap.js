'use strict';
/**
 * Measurement kind `heap`: bytes of heap per object the driver's
 * `create(index)` returns while all of them are kept reachable.
 *
 * The array that keeps them is filled with small integers before the baseline
 * is taken, so storing an object into it later allocates nothing and the
 * array's own 8 bytes per slot are not counted. A warm-up of `warmupCount`
 * creations runs first, so lazy compilation, inline caches and the slack
 * tracking of constructor maps are settled before the baseline. Baseline and
 * final figures are `heapUsed` after full collections (`global.gc()`, which
 * needs --expose-gc). The figure is (final - baseline) / count.
 *
 * Afterwards a few of the kept objects are passed to the driver's
 * `complete(object)`, so the case can check they still hold their state; a
 * promise it returns is awaited, so pending async work can be finished too.
 */
const CHECKED_INDICES = 5;

function collectFully() {
  global.gc();
  global.gc();
}

module.exports = async function measureHeap(driver, job) {
  if (typeof global.gc !== 'function') throw new Error('the heap measurement needs node --expose-gc');
  const { count } = job.params;
  const { warmupCount } = job.settings;

  let warm = [];
  for (let i = 0; i < warmupCount; i++) warm.push(driver.create(i));
  warm = null;

  const kept = [];
  for (let i = 0; i < count; i++) kept.push(0);

  collectFully();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) kept[i] = driver.create(i);
  collectFully();
  const after = process.memoryUsage().heapUsed;

  const observed = [];
  for (let k = 0; k < CHECKED_INDICES; k++) {
    const index = Math.floor((k * (count - 1)) / (CHECKED_INDICES - 1));
    observed.push({ key: index, value: await driver.complete(kept[index]) });
  }
  const bytesPerObject = (after - before) / count;
  return { value: bytesPerObject, unit: 'B', samples: [bytesPerObject], observed };
};
