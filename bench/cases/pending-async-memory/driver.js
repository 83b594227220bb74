'use strict';
const { pending } = require('./subject');

let openGate;
const gate = new Promise((resolve) => {
  openGate = resolve;
});
let gateOpened = false;

/** True when `promise` settles within the current turn's microtasks. */
function settlesThisTurn(promise) {
  return new Promise((resolve) => {
    promise.then(
      () => resolve(true),
      () => resolve(true),
    );
    setImmediate(() => resolve(false));
  });
}

exports.create = function create(index) {
  return pending(index, gate);
};

// Only the first check can see whether a call waits for the gate: opening it
// resumes every call at once.
exports.complete = async function complete(promise) {
  if (!gateOpened) {
    if (await settlesThisTurn(promise)) return 'settled while the awaited promise was pending';
    gateOpened = true;
    openGate();
  }
  return promise;
};
