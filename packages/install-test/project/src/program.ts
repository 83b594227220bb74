// One of each kind of suspend function that coro lowers, and a run that
// interleaves them with plain promise callbacks, so the order of promise jobs
// shows in what it prints.

/** Counts down from `from`; `return()` still runs the `finally`. */
function* countdown(from: number): Generator<number, void, undefined> {
  try {
    for (let n = from; n > 0; n--) yield n;
  } finally {
    trace.push('countdown closed');
  }
}

async function double(value: Promise<number> | number): Promise<number> {
  return (await value) * 2;
}

async function* pairs(words: readonly string[]): AsyncGenerator<string> {
  for (const [index, word] of words.entries()) yield `${index}:${await word}`;
}

const trace: string[] = [];

export async function main(print: (line: string) => void): Promise<void> {
  const counted: number[] = [];
  for (const n of countdown(5)) {
    if (n === 2) break;
    counted.push(n);
  }
  print(`countdown: ${counted.join(' ')}; ${trace.join(', ')}`);

  const order: string[] = [];
  const doubled = double(Promise.resolve(21)).then((value) => order.push(`double ${value}`));
  Promise.resolve().then(() => order.push('tick 1')).then(() => order.push('tick 2')).then(() => order.push('tick 3'));
  await doubled;
  print(`order: ${order.join(', ')}`);

  const seen: string[] = [];
  for await (const pair of pairs(['a', 'b', 'c'])) seen.push(pair);
  print(`pairs: ${seen.join(' ')}`);
}
