'use strict';

// The ten levels without async/await, taking the ticks native code takes:
// one `then` on the settled promise, one on the inner level's promise, and
// the level's own promise resolved with a plain value (resolving it with a
// promise would cost two more ticks).
const resolved = Promise.resolve(1);

function l0(i) {
  return resolved.then((a) => i + a);
}

function level(inner) {
  return (i) =>
    new Promise((resolve, reject) => {
      resolved.then((a) => inner(i + a).then((r) => resolve(r + 1), reject));
    });
}

const l1 = level(l0);
const l2 = level(l1);
const l3 = level(l2);
const l4 = level(l3);
const l5 = level(l4);
const l6 = level(l5);
const l7 = level(l6);
const l8 = level(l7);
const l9 = level(l8);

exports.l9 = l9;
