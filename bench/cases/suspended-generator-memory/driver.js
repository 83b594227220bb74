'use strict';
const { suspended } = require('./subject');

exports.create = function create(index) {
  const generator = suspended(index);
  generator.next();
  return generator;
};

exports.complete = function complete(generator) {
  return generator.next().value;
};
