/**
 * A seeded pseudo-random source for the fuzzer.
 *
 * ## Implementation
 * mulberry32: 32 bits of state, one multiply-xorshift round per draw. It is
 * not cryptographic and need not be; what matters is that a seed names one
 * program forever, on every platform, so a failing seed printed by CI can be
 * replayed anywhere. `Math.random` cannot be seeded, so it is never used here.
 *
 * ## References
 * Tommy Ettinger, mulberry32 (public domain), https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Mix the seed once so that neighbouring seeds (1, 2, 3, ...) start far apart.
    this.state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick on an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks a key of `weights` with probability proportional to its weight; zero weights are never picked. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    let total = 0;
    for (const key of keys) total += Math.max(0, weights[key]);
    let roll = this.next() * total;
    for (const key of keys) {
      roll -= Math.max(0, weights[key]);
      if (roll < 0) return key;
    }
    const positive = keys.filter((key) => weights[key] > 0);
    if (positive.length === 0) throw new Error('Random.weighted with no positive weight');
    return positive[positive.length - 1];
  }
}
