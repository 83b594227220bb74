'use strict';

// One field per binding of `function* suspended(seed)`, plus the state: the
// arguments must be kept until the first next(), since a generator's body does
// not start before it.
class SuspendedIterator {
  constructor(seed) {
    this.state = 0;
    this.seed = seed;
    this.low = 0;
    this.high = 0;
  }

  next() {
    switch (this.state) {
      case 0:
        this.low = this.seed + 1;
        this.high = this.seed * 2;
        this.state = 1;
        return { value: undefined, done: false };
      case 1:
        this.state = 2;
        return { value: this.low + this.high, done: true };
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

function suspended(seed) {
  return new SuspendedIterator(seed);
}

exports.suspended = suspended;
