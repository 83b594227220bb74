// A source that holds a resource: `finally` releases it however the reader stops.

export function* readings(name: string, log: (line: string) => void): Generator<number, void, undefined> {
  log(`open ${name}`);
  try {
    let value = 20;
    for (let tick = 1; ; tick++) {
      value += (tick * 7) % 5 - 1;
      yield value;
    }
  } finally {
    log(`close ${name}`);
  }
}

/** A running average: each `next(x)` sends a number in and gets the average so far back. */
export function* average(): Generator<number, never, number> {
  let sum = 0;
  let count = 0;
  let latest = yield NaN;
  for (;;) {
    sum += latest;
    count++;
    latest = yield sum / count;
  }
}
