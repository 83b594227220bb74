'use strict';
// Walks over a document tree (elements with children, attributes and text)
// as lazy sequences, so that queries stop as soon as they have their answer.

class Node {
  constructor(tag, attributes = {}, children = []) {
    this.tag = tag;
    this.attributes = attributes;
    this.children = children;
    this.parent = null;
    for (const child of children) child.parent = this;
  }

  get text() {
    let text = '';
    for (const node of descendants(this)) if (node.tag === '#text') text += node.attributes.value;
    return text;
  }
}

function text(value) {
  return new Node('#text', { value });
}

function* descendants(root) {
  yield root;
  for (const child of root.children) yield* descendants(child);
}

// Without recursion, for trees deeper than the call stack allows.
function* descendantsIteratively(root) {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

function* postorder(root) {
  for (const child of root.children) yield* postorder(child);
  yield root;
}

function* breadthFirst(root) {
  let level = [root];
  let depth = 0;
  while (level.length > 0) {
    const next = [];
    for (const node of level) {
      yield { node, depth };
      next.push(...node.children);
    }
    level = next;
    depth++;
  }
}

function* ancestors(node) {
  for (let current = node.parent; current !== null; current = current.parent) yield current;
}

function* siblings(node, { includeSelf = false, direction = 'both' } = {}) {
  if (node.parent === null) {
    if (includeSelf) yield node;
    return;
  }
  const all = node.parent.children;
  const index = all.indexOf(node);
  if (direction !== 'after') for (let i = 0; i < index; i++) yield all[i];
  if (includeSelf) yield node;
  if (direction !== 'before') for (let i = index + 1; i < all.length; i++) yield all[i];
}

function matches(node, selector) {
  if (selector.tag && node.tag !== selector.tag) return false;
  if (selector.id && node.attributes.id !== selector.id) return false;
  if (selector.className) {
    const classes = (node.attributes.class || '').split(/\s+/);
    if (!classes.includes(selector.className)) return false;
  }
  return true;
}

function parseSelector(source) {
  return source
    .trim()
    .split(/\s+/)
    .map((part) => {
      const [, tag, id, className] = /^([a-z][\w-]*)?(?:#([\w-]+))?(?:\.([\w-]+))?$/i.exec(part) || [];
      if (!tag && !id && !className) throw new SyntaxError(`unsupported selector part: ${part}`);
      return { tag, id, className };
    });
}

// Descendant combinators only: the last part must match the node itself and
// the earlier parts must match its ancestors, in order.
function* querySelectorAll(root, source) {
  const parts = parseSelector(source);
  const last = parts[parts.length - 1];
  outer: for (const node of descendants(root)) {
    if (!matches(node, last)) continue;
    let wanted = parts.length - 2;
    for (const ancestor of ancestors(node)) {
      if (wanted < 0) break;
      if (matches(ancestor, parts[wanted])) wanted--;
      if (ancestor === root && wanted >= 0) continue outer;
    }
    if (wanted < 0) yield node;
  }
}

function querySelector(root, source) {
  const { value, done } = querySelectorAll(root, source).next();
  return done ? null : value;
}

function* zip(...sources) {
  const iterators = sources.map((source) => source[Symbol.iterator]());
  try {
    for (;;) {
      const results = iterators.map((iterator) => iterator.next());
      if (results.some((result) => result.done)) return;
      yield results.map((result) => result.value);
    }
  } finally {
    for (const iterator of iterators) if (typeof iterator.return === 'function') iterator.return();
  }
}

function sameShape(left, right) {
  for (const [a, b] of zip(descendants(left), descendants(right))) {
    if (a.tag !== b.tag || a.children.length !== b.children.length) return false;
  }
  return true;
}

function* outline(root, indent = '  ') {
  for (const { node, depth } of breadthFirst(root)) {
    if (node.tag === '#text') continue;
    const id = node.attributes.id ? `#${node.attributes.id}` : '';
    yield `${indent.repeat(depth)}<${node.tag}${id}>`;
  }
}

module.exports = {
  Node,
  text,
  descendants,
  descendantsIteratively,
  postorder,
  breadthFirst,
  ancestors,
  siblings,
  querySelectorAll,
  querySelector,
  zip,
  sameShape,
  outline,
};
