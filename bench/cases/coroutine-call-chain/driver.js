'use strict';
const { repeatChains } = require('./subject');

exports.run = function run({ chains, depth }) {
  return repeatChains(chains, depth);
};
