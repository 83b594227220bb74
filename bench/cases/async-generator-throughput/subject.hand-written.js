'use strict';

// What a careful programmer writes instead of `async function* produce(n)`:
// every value is known at once, so each next() settles a promise right away;
// there is no request queue, since a step never has to wait.
class ProduceIterator {
  constructor(n) {
    this.i = 0;
    this.n = n;
  }

  next() {
    const i = this.i;
    if (i < this.n) {
      this.i = i + 1;
      return Promise.resolve({ value: i, done: false });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  return(value) {
    this.i = this.n;
    return Promise.resolve({ value, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

function produce(n) {
  return new ProduceIterator(n);
}

exports.produce = produce;
