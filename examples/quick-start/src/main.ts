// A tour of what coro lowers today: ordinary TypeScript generators.
// `npm run example` turns this file into examples/quick-start/out/main.js with
// `coro transpile --runtime require`, and runs that with node.

/** Numbers from `start` up to `end` (exclusive), made one at a time, only when asked. */
function* range(start: number, end = Infinity, step = 1): Generator<number> {
  for (let n = start; n < end; n += step) yield n;
}

function* filter<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

function* map<T, U>(items: Iterable<T>, change: (item: T) => U): Generator<U> {
  for (const item of items) yield change(item);
}

/** The first `count` items. Returning from inside `for…of` closes `items`, so their `finally` blocks run. */
function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  for (const item of items) {
    yield item;
    if (--count === 0) return;
  }
}

interface Section {
  name: string;
  entries: (Section | string)[];
}

/** Every item of a nested menu as a path, depth first; `yield*` hands the walk to the subsection. */
function* walk(section: Section, prefix = ''): Generator<string> {
  for (const entry of section.entries) {
    if (typeof entry === 'string') yield prefix + entry;
    else yield* walk(entry, `${prefix}${entry.name}/`);
  }
}

/** A source that holds a resource: it is released in `finally` however the reader stops. */
function* readings(sensor: string, log: string[]): Generator<number> {
  log.push(`open ${sensor}`);
  try {
    let value = 20;
    for (let tick = 1; ; tick++) {
      value += (tick * 7) % 5 - 1;
      yield value;
    }
  } finally {
    log.push(`close ${sensor}`);
  }
}

/** A running average: each `next(x)` sends a number in and gets the average so far back. */
function* average(): Generator<number, never, number> {
  let sum = 0;
  let count = 0;
  let latest = yield NaN;
  for (;;) {
    sum += latest;
    count++;
    latest = yield sum / count;
  }
}

const isOdd = (n: number) => n % 2 === 1;
console.log('first five odd squares:', [...take(map(filter(range(1), isOdd), (n) => n * n), 5)].join(', '));

const menu: Section = {
  name: '',
  entries: ['bread', { name: 'drinks', entries: ['tea', { name: 'juice', entries: ['apple', 'orange'] }] }, 'soup'],
};
console.log('menu:', [...walk(menu)].join(' '));

const log: string[] = [];
for (const value of readings('thermometer', log)) {
  if (value > 25) {
    console.log('first reading above 25:', value);
    break;
  }
}
console.log('sensor log:', log.join(', '));

const averages = average();
averages.next();
console.log('running average:', [4, 8, 3, 9].map((n) => averages.next(n).value).join(' → '));

// Async functions and async generators lower onto the same machines, with the
// promise jobs of native code: the interleaving below prints the same.
async function fetchReading(sensor: string, delayTicks: number): Promise<number> {
  for (let i = 0; i < delayTicks; i++) await null;
  return sensor.length * 10 + delayTicks;
}

async function* poll(sensors: string[]): AsyncGenerator<string> {
  for (const sensor of sensors) {
    try {
      yield `${sensor}=${await fetchReading(sensor, sensor.length % 3)}`;
    } finally {
      console.log('released', sensor);
    }
  }
}

async function report(): Promise<void> {
  const seen: string[] = [];
  for await (const reading of poll(['wind', 'rain', 'sun'])) {
    seen.push(reading);
    if (seen.length === 2) break;
  }
  console.log('readings:', seen.join(', '));
}

Promise.resolve().then(() => console.log('a plain then runs between the awaits'));
report().then(() => console.log('report done'));
