// Lazy sequences: each generator makes one item at a time, only when asked.

export function* naturals(start = 1): Generator<number> {
  for (let n = start; ; n++) yield n;
}

export function* filter<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

export function* map<T, U>(items: Iterable<T>, change: (item: T) => U): Generator<U> {
  for (const item of items) yield change(item);
}

/** The first `count` items; returning from inside `for…of` closes `items`. */
export function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  for (const item of items) {
    yield item;
    if (--count === 0) return;
  }
}
