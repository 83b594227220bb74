'use strict';
"use coroutine";
const { scope, delay } = require('@coro/runtime/coroutines');

let finallies = 0;

async function leaf() {
  try {
    await delay(1e9);
  } finally {
    finallies++;
  }
}

async function branch(width) {
  await scope(async (s) => {
    for (let i = 0; i < width; i++) s.launch(() => leaf());
  });
}

async function cancelTree(branches, width) {
  finallies = 0;
  const root = scope(async (s) => {
    for (let b = 0; b < branches; b++) s.launch(() => branch(width));
  });
  root.cancel('benchmark');
  await root.then(null, () => {});
  return finallies;
}

exports.cancelTree = cancelTree;
