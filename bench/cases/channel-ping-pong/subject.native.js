'use strict';
const { Channel } = require('async-channel');

async function pingPong(messages) {
  const rounds = messages / 2;
  const pings = new Channel(0);
  const pongs = new Channel(0);
  const answering = (async () => {
    for (let i = 0; i < rounds; i++) await pongs.push((await pings.get()) + 1);
  })();
  let sum = 0;
  for (let i = 0; i < rounds; i++) {
    await pings.push(i);
    sum += await pongs.get();
  }
  await answering;
  return sum;
}

exports.pingPong = pingPong;
