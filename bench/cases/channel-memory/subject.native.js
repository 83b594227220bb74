'use strict';
const { Channel } = require('async-channel');

const nobodyReceives = new Channel(0);

async function sender(value) {
  await nobodyReceives.push(value);
}

exports.startSender = sender;
