'use strict';
"use coroutine";
const { channel, scope } = require('@coro/runtime/coroutines');

async function pipeline(elements) {
  const numbers = channel(64);
  const squares = channel(64);
  return await scope(async (s) => {
    s.launch(async () => {
      for (let i = 0; i < elements; i++) await numbers.send(i);
      numbers.close();
    });
    s.launch(async () => {
      for await (const x of numbers) await squares.send(x * 2);
      squares.close();
    });
    let sum = 0;
    for await (const y of squares) sum += y;
    return sum;
  });
}

exports.pipeline = pipeline;
