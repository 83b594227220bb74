// A program with generators only: a range, a filter over it, and delegation.
export function* range(start, end) {
  for (let i = start; i < end; i++) yield i;
}

export function* evens(values) {
  for (const value of values) if (value % 2 === 0) yield value;
}

export function* evensBelow(limit) {
  yield* evens(range(0, limit));
}
