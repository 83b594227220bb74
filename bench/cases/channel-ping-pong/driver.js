'use strict';
const { pingPong } = require('./subject');

exports.run = function run({ messages }) {
  return pingPong(messages);
};
