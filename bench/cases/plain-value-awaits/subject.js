'use strict';

async function sumAwaited(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await i;
  return sum;
}

exports.sumAwaited = sumAwaited;
