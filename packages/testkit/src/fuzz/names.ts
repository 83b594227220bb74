/**
 * Fresh names and the small constants fuzz programs are made of.
 *
 * ## Implementation
 * Every program gets its own {@link Names}, so names and tags are numbered
 * from zero in each and never clash. Constants are mostly 0..3, the range of
 * loop counters and switch case tests, so comparisons are sometimes true.
 */
import type { Expr } from './ast';
import type { Random } from './random';

export const STRINGS = ['a', 'b', 'xy', ''];

/**
 * Binding names that real code uses and that a lowering must never let
 * reach the generator object's protocol: the iteration protocol, the
 * thenable check, `Object.prototype`, and the names coro's own machine uses.
 */
export const PROTOCOL_NAMES = [
  'next', 'then', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', 'toJSON', 'done', 'value', 'prototype', 'length', 'name', 'call',
  'apply', 'bind', '$state', '$step', '$frame', '$value', '$mode', '$coro', '$queue', '$phase', '$resolve',
  '$awaited', '$delegate', '$env', '$t', '$slot', 'x$', 'x$1',
];

/** Per-program counters for fresh names and tags, so every program is readable and names never clash. */
export class Names {
  private readonly counts = new Map<string, number>();
  private readonly protocolNamesLeft = [...PROTOCOL_NAMES];

  /** A fresh binding name: now and then one of {@link PROTOCOL_NAMES}, each at most once a program. */
  binding(prefix: string, rng: Random): string {
    if (this.protocolNamesLeft.length > 0 && rng.chance(0.2)) {
      return this.protocolNamesLeft.splice(rng.int(0, this.protocolNamesLeft.length - 1), 1)[0];
    }
    return this.fresh(prefix);
  }

  fresh(prefix: string): string {
    const count = this.counts.get(prefix) ?? 0;
    this.counts.set(prefix, count + 1);
    return `${prefix}${count}`;
  }
}

/** Mostly 0..3, the range of counters and case tests, so comparisons are sometimes true. */
export function smallNumber(rng: Random): number {
  return rng.chance(0.7) ? rng.int(0, 3) : rng.int(4, 9);
}

/** A number or a string, as a consumer passes them in. */
export function constant(rng: Random): Expr {
  return rng.chance(0.75) ? { kind: 'num', value: smallNumber(rng) } : { kind: 'str', value: rng.pick(STRINGS) };
}
