'use strict';

function* suspended(seed) {
  let low = seed + 1;
  let high = seed * 2;
  yield;
  return low + high;
}

exports.suspended = suspended;
