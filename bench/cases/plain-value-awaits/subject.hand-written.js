'use strict';

// `sum += await i` without async/await: each step wraps the value in a
// resolved promise and continues in its reaction, one tick per await as the
// specification requires. Each reaction starts the next step instead of
// returning a promise from it, so no chain of n nested promises builds up.
function sumAwaited(n) {
  return new Promise((resolve, reject) => {
    let sum = 0;
    let i = 0;
    function next() {
      if (i < n) Promise.resolve(i).then(add, reject);
      else resolve(sum);
    }
    function add(value) {
      sum += value;
      i++;
      next();
    }
    next();
  });
}

exports.sumAwaited = sumAwaited;
