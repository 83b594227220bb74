'use strict';
/**
 * Measurement kind `size`: bytes of output. The driver's `measure(params)`
 * builds what is measured and returns `{ bytes, secondary, observed }`:
 * `bytes` the figure, `secondary` other sizes shown beside it (a variant
 * that has none leaves them out), `observed` the `{ key, value }` pairs the
 * case's `expected` checks (say, how many files went in). Nothing is timed
 * and nothing is sampled: a size is the same in every run.
 */
module.exports = async function measureSize(driver, job) {
  const { bytes, secondary = {}, observed } = await driver.measure(job.params);
  return { value: bytes, unit: 'B', samples: [bytes], secondary, observed };
};
