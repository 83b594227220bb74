'use strict';
const { sleepAll } = require('./subject');

exports.run = function run({ count, ms }, probe) {
  return sleepAll(count, ms, probe);
};
