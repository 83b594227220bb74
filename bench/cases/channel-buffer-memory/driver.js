'use strict';
const { buffer } = require('./subject');

exports.create = function create(index) {
  buffer(index);
  return index;
};

exports.complete = function complete(index) {
  return index;
};
