'use strict';

// `async function chain` without async/await: each level hangs one `then`
// reaction on the promise of the level below, one tick per level, as an
// await of a native promise takes.
function chain(depth, value) {
  if (depth === 0) return Promise.resolve(value);
  return chain(depth - 1, value).then((inner) => inner + depth);
}

exports.chain = chain;
