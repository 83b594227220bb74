'use strict';
const { startSender } = require('./subject');

exports.create = function create(index) {
  return startSender(index);
};

exports.complete = function complete(sender) {
  return typeof sender === 'object' && sender !== null ? 1 : 0;
};
