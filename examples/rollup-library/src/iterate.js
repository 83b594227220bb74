// Iteration helpers that work on any iterable, lazily.

/**
 * @template T
 * @param {Iterable<T>} items
 * @param {number} size
 * @returns {Generator<T[]>}
 */
export function* chunk(items, size) {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, not ${size}`);
  let current = [];
  for (const item of items) {
    current.push(item);
    if (current.length === size) {
      yield current;
      current = [];
    }
  }
  if (current.length > 0) yield current;
}

/**
 * Each item with the one after it.
 * @template T
 * @param {Iterable<T>} items
 * @returns {Generator<[T, T]>}
 */
export function* pairwise(items) {
  let first = true;
  let previous;
  for (const item of items) {
    if (!first) yield [previous, item];
    previous = item;
    first = false;
  }
}

/**
 * Items of several iterables side by side, until the shortest ends; the others are closed.
 * @param {...Iterable<unknown>} sources
 * @returns {Generator<unknown[]>}
 */
export function* zip(...sources) {
  const iterators = sources.map((source) => source[Symbol.iterator]());
  try {
    for (;;) {
      const row = [];
      for (const iterator of iterators) {
        const step = iterator.next();
        if (step.done) return;
        row.push(step.value);
      }
      yield row;
    }
  } finally {
    for (const iterator of iterators) iterator.return?.();
  }
}
