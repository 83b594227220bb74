'use strict';
const { Channel } = require('async-channel');

const unbounded = new Channel(Infinity);

exports.buffer = function buffer(value) {
  unbounded.push(value);
};
