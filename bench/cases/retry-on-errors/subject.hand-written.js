'use strict';

// The retry loop of subject.js without async/await: the same calls and the
// same errors, each await a `then` on a promise.

function FlakyService() { this.calls = 0; }
FlakyService.prototype.fetch = function (key, attempt) {
  this.calls++;
  return Promise.resolve(null).then(() => {
    if (attempt < key % 4) throw Object.assign(new Error(`timeout for ${key}`), { code: 'ETIMEDOUT' });
    if (key % 23 === 5) throw new Error(`fatal for ${key}`);
    return { key, value: key * 3 };
  });
};

function CircuitBreaker(threshold) { this.threshold = threshold; this.failures = 0; }
CircuitBreaker.prototype.call = function (fn) {
  if (this.failures >= this.threshold) return Promise.reject(new Error('circuit open'));
  return Promise.resolve(fn()).then(
    (result) => { this.failures = 0; return result; },
    (error) => { this.failures++; throw error; },
  );
};

function retry(fn, options) {
  const retries = options.retries === undefined ? 3 : options.retries;
  const attemptFrom = (attempt) =>
    Promise.resolve(fn(attempt)).catch((error) => {
      if (error.code !== 'ETIMEDOUT' || attempt >= retries) throw error;
      if (options.onRetry) options.onRetry(error, attempt);
      return Promise.resolve().then(() => attemptFrom(attempt + 1));
    });
  return attemptFrom(0);
}

function fetchAll(service, breaker, keys, stats) {
  let sum = 0;
  const from = (i) => {
    if (i === keys.length) return Promise.resolve(sum);
    const key = keys[i];
    stats.inFlight++;
    return retry((attempt) => breaker.call(() => service.fetch(key, attempt)), { onRetry: () => { stats.retries++; } })
      .then(({ value }) => { sum += value; }, () => { stats.failed++; })
      .then(() => { stats.inFlight--; return from(i + 1); });
  };
  return from(0);
}

exports.FlakyService = FlakyService;
exports.CircuitBreaker = CircuitBreaker;
exports.fetchAll = fetchAll;
