/**
 * The scheduler's random choices (which ready clause of a `select` wins):
 * `Math.random` normally, a seeded generator under the test scheduler, so a
 * run replays exactly from its seed.
 *
 * ## Example
 * ```js
 * var pick = seededChoice(42);
 * pick(3); // 0, 1 or 2, the same sequence for every run seeded with 42
 * ```
 *
 * ## Implementation
 * mulberry32: 32 bits of state, one multiply-xorshift round per number;
 * statistically fine for choosing among a handful of clauses or tasks, and
 * small enough to read.
 *
 * ## References
 * - https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (mulberry32)
 */

/** Picks an index in [0, count). */
export type Choice = (count: number) => number;

function mathRandomChoice(count: number): number {
  return Math.floor(Math.random() * count);
}

var choice: Choice = mathRandomChoice;

export function chooseIndex(count: number): number {
  return count <= 1 ? 0 : choice(count);
}

/** Replaces the source of choices (`undefined`: back to `Math.random`); returns the one it replaced. */
export function setChoice(replacement: Choice | undefined): Choice {
  var previous = choice;
  choice = replacement || mathRandomChoice;
  return previous;
}

/** A deterministic source of choices: one seed, one sequence. */
export function seededChoice(seed: number): Choice {
  var state = seed >>> 0;
  return function seededIndex(count: number): number {
    state = (state + 0x6d2b79f5) >>> 0;
    var t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * count);
  };
}
