'use strict';
const { chain } = require('./subject');

exports.run = async function run({ chains, depth }) {
  let sum = 0;
  for (let k = 0; k < chains; k++) sum += await chain(depth, k);
  return sum;
};
