'use strict';

async function* produce(n) {
  for (let i = 0; i < n; i++) yield i;
}

exports.produce = produce;
