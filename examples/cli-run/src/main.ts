// `coro transpile` lowers this file and ./inventory.ts into out/: the
// generators and the async functions become state machines on
// @coro/runtime; `node run.js` does that and runs the result.

import { batches, lookup, type Item } from './inventory.js';

/** Looks items up a batch at a time; the batches come from a generator. */
async function stockReport(skus: readonly string[]): Promise<Item[]> {
  const found: Item[] = [];
  for (const batch of batches(skus, 2)) {
    const items = await Promise.all(batch.map((sku) => lookup(sku)));
    found.push(...items);
  }
  return found;
}

/** Only the items in stock, with a running total; stops being asked when the reader breaks. */
function* inStock(items: readonly Item[], log: string[]): Generator<string, void, undefined> {
  let total = 0;
  try {
    for (const item of items) {
      if (item.count === 0) continue;
      total += item.count;
      yield `${item.sku}: ${item.count} (running total ${total})`;
    }
  } finally {
    log.push(`report closed at total ${total}`);
  }
}

async function main(): Promise<void> {
  const items = await stockReport(['apple', 'pear', 'plum', 'fig']);
  const log: string[] = [];
  for (const line of inStock(items, log)) {
    console.log(line);
    if (line.startsWith('plum')) break;
  }
  console.log(log.join('; '));
  try {
    await lookup('kiwi');
  } catch (error) {
    console.log(`lookup failed: ${(error as Error).message}`);
  }
}

main();
