'use strict';

// `async function pending` without async/await: the locals live in the
// reaction's closure, and the promise that `then` returns is the result.
function pending(seed, gate) {
  const low = seed + 1;
  const high = seed * 2;
  return gate.then(() => low + high);
}

exports.pending = pending;
