'use strict';
const { Channel } = require('async-channel');

async function pipeline(elements) {
  const numbers = new Channel(64);
  const squares = new Channel(64);
  const producing = (async () => {
    for (let i = 0; i < elements; i++) await numbers.push(i);
    numbers.close();
  })();
  const squaring = (async () => {
    for await (const x of numbers) await squares.push(x * 2);
    squares.close();
  })();
  let sum = 0;
  for await (const y of squares) sum += y;
  await Promise.all([producing, squaring]);
  return sum;
}

exports.pipeline = pipeline;
