'use strict';
const { FlakyService, CircuitBreaker, fetchAll } = require('./subject');

exports.run = async function run({ n }) {
  const keys = [];
  for (let i = 0; i < n; i++) keys.push(i);
  const stats = { inFlight: 0, retries: 0, failed: 0 };
  const sum = await fetchAll(new FlakyService(), new CircuitBreaker(1000), keys, stats);
  return sum + stats.retries + stats.failed * 1000 + stats.inFlight;
};
