'use strict';

let finallyRuns = 0;

function* pair(i) {
  yield i;
  yield i + 1;
}

function* guardedPairs(n) {
  for (let i = 0; i < n; i++) {
    try {
      yield* pair(i);
    } finally {
      finallyRuns++;
    }
  }
}

function countFinallyRuns() {
  return finallyRuns;
}

exports.guardedPairs = guardedPairs;
exports.countFinallyRuns = countFinallyRuns;
