'use strict';

// A retry loop with backoff around a flaky service, behind a circuit breaker:
// errors as control flow, caught, rethrown and retried through several awaits.

const sleep = () => Promise.resolve();

class FlakyService {
  constructor() { this.calls = 0; }
  async fetch(key, attempt) {
    this.calls++;
    await null;
    if (attempt < key % 4) throw Object.assign(new Error(`timeout for ${key}`), { code: 'ETIMEDOUT' });
    if (key % 23 === 5) throw new Error(`fatal for ${key}`);
    return { key, value: key * 3 };
  }
}

class CircuitBreaker {
  constructor(threshold) { this.threshold = threshold; this.failures = 0; }
  async call(fn) {
    if (this.failures >= this.threshold) throw new Error('circuit open');
    try {
      const result = await fn();
      this.failures = 0;
      return result;
    } catch (error) {
      this.failures++;
      throw error;
    }
  }
}

async function retry(fn, { retries = 3, onRetry } = {}) {
  let attempt = 0;
  for (;;) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (error.code !== 'ETIMEDOUT' || attempt >= retries) throw error;
      onRetry?.(error, attempt);
      await sleep();
      attempt++;
    }
  }
}

async function fetchAll(service, breaker, keys, stats) {
  let sum = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    stats.inFlight++;
    try {
      const result = await retry((attempt) => breaker.call(() => service.fetch(key, attempt)), {
        onRetry: () => { stats.retries++; },
      });
      sum += result.value;
    } catch (error) {
      stats.failed++;
    } finally {
      stats.inFlight--;
    }
  }
  return sum;
}

exports.FlakyService = FlakyService;
exports.CircuitBreaker = CircuitBreaker;
exports.fetchAll = fetchAll;
