'use strict';
const { guardedPairs, countFinallyRuns } = require('./subject');

exports.run = function run({ n }) {
  const finallyRunsBefore = countFinallyRuns();
  let sum = 0;
  for (const value of guardedPairs(n)) sum += value;
  return { sum, finallyRuns: countFinallyRuns() - finallyRunsBefore };
};
