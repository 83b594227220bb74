'use strict';

async function chain(depth, value) {
  if (depth === 0) return value;
  const inner = await chain(depth - 1, value);
  return inner + depth;
}

exports.chain = chain;
