'use strict';
const { range } = require('./subject');

exports.run = function run({ n }) {
  let sum = 0;
  for (const value of range(n)) sum += value;
  return sum;
};
