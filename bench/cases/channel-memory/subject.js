'use strict';
"use coroutine";
const { channel } = require('@coro/runtime/coroutines');

const nobodyReceives = channel(0);

async function sender(value) {
  await nobodyReceives.send(value);
}

exports.startSender = sender;
