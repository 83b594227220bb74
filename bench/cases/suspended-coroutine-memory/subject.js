'use strict';
"use coroutine";

let openGate;
const opened = new Promise((resolve) => {
  openGate = resolve;
});

async function gate() {
  await opened;
}

const shared = gate();

async function pending(seed) {
  let low = seed + 1;
  let high = seed * 2;
  await shared;
  return low + high;
}

exports.pending = pending;
exports.openGate = () => openGate();
