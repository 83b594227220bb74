'use strict';
const { cancelTree } = require('./subject');

exports.run = function run({ branches, width }) {
  return cancelTree(branches, width);
};
