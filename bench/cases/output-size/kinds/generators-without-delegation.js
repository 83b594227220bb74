// A program with generators only and no `yield*`: a range and a filter over it.
export function* range(start, end) {
  for (let i = start; i < end; i++) yield i;
}

export function* evens(values) {
  for (const value of values) if (value % 2 === 0) yield value;
}
