// Tree walks as generators: depth-first, breadth-first, paths, diffing two
// trees, and an async walk of a file system-like store.
'use strict';

function* depthFirst(node) {
  if (!node) return;
  yield node;
  const children = node.children || [];
  for (let i = 0; i < children.length; i++) yield* depthFirst(children[i]);
}

function* postOrder(node) {
  if (!node) return;
  const children = node.children || [];
  for (let i = 0; i < children.length; i++) yield* postOrder(children[i]);
  yield node;
}

function* breadthFirst(root) {
  const queue = [root];
  while (queue.length > 0) {
    const node = queue.shift();
    yield node;
    const children = node.children || [];
    for (let i = 0; i < children.length; i++) queue.push(children[i]);
  }
}

function* paths(node, prefix) {
  const path = prefix ? prefix + '/' + node.name : node.name;
  yield path;
  const children = node.children || [];
  for (let i = 0; i < children.length; i++) yield* paths(children[i], path);
}

function* leaves(node) {
  const walk = depthFirst(node);
  for (let step = walk.next(); !step.done; step = walk.next()) {
    if (!step.value.children || step.value.children.length === 0) yield step.value;
  }
}

function* diff(left, right, path) {
  if (!left) {
    yield { op: 'add', path };
    return;
  }
  if (!right) {
    yield { op: 'remove', path };
    return;
  }
  if (left.value !== right.value) yield { op: 'change', path, from: left.value, to: right.value };
  const names = new Set();
  const a = left.children || [];
  const b = right.children || [];
  for (let i = 0; i < a.length; i++) names.add(a[i].name);
  for (let i = 0; i < b.length; i++) names.add(b[i].name);
  const sorted = Array.from(names).sort();
  for (let i = 0; i < sorted.length; i++) {
    const name = sorted[i];
    yield* diff(a.find((c) => c.name === name), b.find((c) => c.name === name), path + '/' + name);
  }
}

async function* walkStore(store, directory) {
  const entries = await store.list(directory);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const full = directory + '/' + entry.name;
    if (entry.directory) yield* walkStore(store, full);
    else yield { path: full, size: (await store.stat(full)).size };
  }
}

async function totalSize(store, directory) {
  let size = 0;
  const files = walkStore(store, directory);
  for (let step = await files.next(); !step.done; step = await files.next()) size += step.value.size;
  return size;
}

module.exports = { depthFirst, postOrder, breadthFirst, paths, leaves, diff, walkStore, totalSize };
