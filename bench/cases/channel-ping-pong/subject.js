'use strict';
"use coroutine";
const { channel, scope } = require('@coro/runtime/coroutines');

async function pingPong(messages) {
  const rounds = messages / 2;
  const pings = channel(0);
  const pongs = channel(0);
  return await scope(async (s) => {
    s.launch(async () => {
      for (let i = 0; i < rounds; i++) await pongs.send((await pings.receive()) + 1);
    });
    let sum = 0;
    for (let i = 0; i < rounds; i++) {
      await pings.send(i);
      sum += await pongs.receive();
    }
    return sum;
  });
}

exports.pingPong = pingPong;
