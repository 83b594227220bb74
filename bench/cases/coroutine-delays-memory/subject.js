'use strict';
"use coroutine";
const { delay } = require('@coro/runtime/coroutines');

async function sleeper(index, ms) {
  const kept = index + 1;
  await delay(ms);
  return kept;
}

async function sleepAll(count, ms, probe) {
  const tasks = new Array(count);
  for (let i = 0; i < count; i++) tasks[i] = sleeper(i, ms);
  if (probe) probe();
  let sum = 0;
  for (let i = 0; i < count; i++) sum += await tasks[i];
  return sum;
}

exports.sleepAll = sleepAll;
