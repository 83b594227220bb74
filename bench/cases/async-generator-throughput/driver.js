'use strict';
const { produce } = require('./subject');

exports.run = async function run({ n }) {
  let sum = 0;
  for await (const value of produce(n)) sum += value;
  return sum;
};
