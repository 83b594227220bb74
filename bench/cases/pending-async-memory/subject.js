'use strict';

async function pending(seed, gate) {
  let low = seed + 1;
  let high = seed * 2;
  await gate;
  return low + high;
}

exports.pending = pending;
