'use strict';
// The source as written: the denominator of every ratio.

exports.lowerFile = function lowerFile({ filename, text }) {
  return text;
};
