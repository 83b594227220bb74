'use strict';

let finallyRuns = 0;

class PairIterator {
  constructor(i) {
    this.state = 0;
    this.i = i;
  }

  next() {
    switch (this.state) {
      case 0:
        this.state = 1;
        return { value: this.i, done: false };
      case 1:
        this.state = 2;
        return { value: this.i + 1, done: false };
      default:
        return { value: undefined, done: true };
    }
  }

  return(value) {
    this.state = 2;
    return { value, done: true };
  }

  [Symbol.iterator]() {
    return this;
  }
}

function pair(i) {
  return new PairIterator(i);
}

// `yield* pair(i)` inside `try/finally`, by hand: inner results pass through
// untouched (as yield* does for sync generators), and the finally counter runs
// when the inner iterator completes, throws, or the outer one is closed.
class GuardedPairsIterator {
  constructor(n) {
    this.n = n;
    this.i = 0;
    this.inner = null;
  }

  next() {
    for (;;) {
      const inner = this.inner;
      if (inner !== null) {
        let result;
        try {
          result = inner.next();
        } catch (error) {
          this.inner = null;
          this.i = this.n;
          finallyRuns++;
          throw error;
        }
        if (!result.done) return result;
        this.inner = null;
        finallyRuns++;
        this.i++;
      }
      if (this.i >= this.n) return { value: undefined, done: true };
      this.inner = pair(this.i);
    }
  }

  return(value) {
    const inner = this.inner;
    this.inner = null;
    this.i = this.n;
    if (inner !== null) {
      try {
        inner.return();
      } finally {
        finallyRuns++;
      }
    }
    return { value, done: true };
  }

  [Symbol.iterator]() {
    return this;
  }
}

function guardedPairs(n) {
  return new GuardedPairsIterator(n);
}

function countFinallyRuns() {
  return finallyRuns;
}

exports.guardedPairs = guardedPairs;
exports.countFinallyRuns = countFinallyRuns;
