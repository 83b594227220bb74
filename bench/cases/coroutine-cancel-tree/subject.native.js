'use strict';

let finallies = 0;

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
}

async function leaf(signal) {
  try {
    await sleep(1e9, signal);
  } finally {
    finallies++;
  }
}

async function branch(width, signal) {
  const children = [];
  for (let i = 0; i < width; i++) children.push(leaf(signal));
  await Promise.allSettled(children);
}

async function cancelTree(branches, width) {
  finallies = 0;
  const controller = new AbortController();
  const branchesDone = [];
  for (let b = 0; b < branches; b++) branchesDone.push(branch(width, controller.signal));
  controller.abort(new Error('benchmark'));
  await Promise.allSettled(branchesDone);
  return finallies;
}

exports.cancelTree = cancelTree;
