'use strict';
const { channel } = require('@coro/runtime/coroutines');

const unbounded = channel(Infinity);

exports.buffer = function buffer(value) {
  unbounded.trySend(value);
};
