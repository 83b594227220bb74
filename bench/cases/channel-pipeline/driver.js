'use strict';
const { pipeline } = require('./subject');

exports.run = function run({ elements }) {
  return pipeline(elements);
};
