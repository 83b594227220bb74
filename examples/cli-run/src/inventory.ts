// A warehouse that answers slowly: each lookup is an async function that
// waits for a timer, as a request to a real service would.

export interface Item {
  readonly sku: string;
  readonly count: number;
}

const STOCK: Record<string, number> = { apple: 12, pear: 0, plum: 7, fig: 3 };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function lookup(sku: string): Promise<Item> {
  await pause(5);
  if (!(sku in STOCK)) throw new Error(`unknown item ${sku}`);
  return { sku, count: STOCK[sku] };
}

/** The skus in batches of `size`, made one batch at a time. */
export function* batches(skus: readonly string[], size: number): Generator<readonly string[]> {
  for (let start = 0; start < skus.length; start += size) {
    yield skus.slice(start, start + size);
  }
}
