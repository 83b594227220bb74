'use strict';
const { sumAwaited } = require('./subject');

exports.run = function run({ n }) {
  return sumAwaited(n);
};
