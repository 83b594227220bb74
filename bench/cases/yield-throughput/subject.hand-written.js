'use strict';

// What a careful programmer writes instead of `function* range(n)`: one object
// per call, one result object per step.
class RangeIterator {
  constructor(n) {
    this.i = 0;
    this.n = n;
  }

  next() {
    const i = this.i;
    if (i < this.n) {
      this.i = i + 1;
      return { value: i, done: false };
    }
    return { value: undefined, done: true };
  }

  return(value) {
    this.i = this.n;
    return { value, done: true };
  }

  [Symbol.iterator]() {
    return this;
  }
}

function range(n) {
  return new RangeIterator(n);
}

exports.range = range;
