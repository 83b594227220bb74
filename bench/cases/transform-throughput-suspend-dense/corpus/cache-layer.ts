// A read-through cache in front of a slow store: single-flight loads,
// expiry, warm-up and invalidation, all asynchronous.
export interface Store<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V): Promise<void>;
  delete(key: string): Promise<void>;
  keys(prefix: string): Promise<string[]>;
}

interface Entry<V> { value: V; expires: number }

export class ReadThroughCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, Promise<V | undefined>>();
  hits = 0;
  misses = 0;

  constructor(private readonly store: Store<V>, private readonly ttl: number) {}

  async get(key: string): Promise<V | undefined> {
    const entry = this.entries.get(key);
    if (entry && entry.expires > Date.now()) {
      this.hits++;
      return entry.value;
    }
    this.misses++;
    const inFlight = this.loading.get(key);
    if (inFlight) return await inFlight;
    const load = this.load(key);
    this.loading.set(key, load);
    try {
      return await load;
    } finally {
      this.loading.delete(key);
    }
  }

  private async load(key: string): Promise<V | undefined> {
    const value = await this.store.get(key);
    if (value !== undefined) this.entries.set(key, { value, expires: Date.now() + this.ttl });
    return value;
  }

  async set(key: string, value: V): Promise<void> {
    await this.store.set(key, value);
    this.entries.set(key, { value, expires: Date.now() + this.ttl });
  }

  async invalidate(prefix: string): Promise<number> {
    const keys = await this.store.keys(prefix);
    for (let i = 0; i < keys.length; i++) {
      this.entries.delete(keys[i]);
      await this.store.delete(keys[i]);
    }
    return keys.length;
  }

  async warm(prefix: string): Promise<number> {
    const keys = await this.store.keys(prefix);
    let loaded = 0;
    for (let i = 0; i < keys.length; i++) {
      if ((await this.get(keys[i])) !== undefined) loaded++;
    }
    return loaded;
  }

  async getMany(keys: string[]): Promise<(V | undefined)[]> {
    const values: (V | undefined)[] = [];
    for (let i = 0; i < keys.length; i++) values.push(await this.get(keys[i]));
    return values;
  }

  *expired(now: number): Generator<string> {
    const all = Array.from(this.entries.keys());
    for (let i = 0; i < all.length; i++) {
      const entry = this.entries.get(all[i]);
      if (entry && entry.expires <= now) yield all[i];
    }
  }

  sweep(now: number): number {
    let removed = 0;
    for (const key of this.expired(now)) {
      this.entries.delete(key);
      removed++;
    }
    return removed;
  }
}
