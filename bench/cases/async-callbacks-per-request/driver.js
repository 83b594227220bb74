'use strict';
const { serve } = require('./subject');

exports.run = function run({ n }) {
  return serve(n);
};
