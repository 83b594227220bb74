'use strict';
"use coroutine";

async function chain(depth, value) {
  if (depth === 0) return value;
  const inner = await chain(depth - 1, value);
  return inner + depth;
}

async function repeatChains(chains, depth) {
  let sum = 0;
  for (let k = 0; k < chains; k++) sum += await chain(depth, k);
  return sum;
}

exports.repeatChains = repeatChains;
