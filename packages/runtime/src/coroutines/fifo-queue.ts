/**
 * First-in first-out queues: a channel's buffer (`FifoQueue`), and its
 * waiting senders and receivers (`WaiterQueue`, whose waiters may leave from
 * anywhere).
 *
 * ## Example
 * ```js
 * var queue = new FifoQueue();
 * queue.push('a'); queue.push('b');
 * queue.shift(); // 'a'
 * ```
 *
 * ## Implementation
 * A ring buffer over an array whose length is a power of two, doubled when
 * full: a steady stream of elements through a channel allocates nothing and
 * never resizes the array (shrinking an emptied array, or compacting a
 * consumed prefix, was most of the cost of a rendezvous). A waiter that
 * leaves (a cancelled send or receive, a select's losing clause) is only
 * marked (`$parked` false) and stays in the ring until `shift` passes it,
 * or until the departed outnumber the others and the ring is rebuilt: each
 * departure costs O(1), where taking it out of the ring meant looking for it
 * and moving one side by one (100,000 waiters leaving in an interleaved
 * order, or selects timing out at random, took quadratic time).
 *
 * ## References
 * - Go's `hchan` (`recvq`, `sendq`, the circular buffer)
 */

export class FifoQueue<T> {
  private items: (T | undefined)[] = new Array(4);
  private head = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) & (this.items.length - 1)] = item;
    this.size++;
  }

  /** The first item, taken out; `undefined` when empty. */
  shift(): T | undefined {
    if (this.size === 0) return undefined;
    var item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.size--;
    return item;
  }

  /** Every item, in order, leaving the queue empty. */
  takeAll(): T[] {
    var all: T[] = [];
    while (this.size > 0) all.push(this.shift() as T);
    return all;
  }

  private grow(): void {
    var grown: (T | undefined)[] = new Array(this.items.length * 2);
    for (var i = 0; i < this.size; i++) grown[i] = this.items[(this.head + i) & (this.items.length - 1)];
    this.items = grown;
    this.head = 0;
  }
}

/** What a `WaiterQueue` holds: whether it is still in the queue is its own flag. */
export interface Parked {
  $parked: boolean;
}

/** Waiters served first come, first served; one that leaves is skipped, not searched for. */
export class WaiterQueue<T extends Parked> {
  private ring = new FifoQueue<T>();
  private parked = 0;

  /** The waiters still in the queue. */
  get length(): number {
    return this.parked;
  }

  push(waiter: T): void {
    waiter.$parked = true;
    this.parked++;
    this.ring.push(waiter);
  }

  /** The first waiter still in the queue, taken out; `undefined` when none. */
  shift(): T | undefined {
    while (this.parked > 0) {
      var waiter = this.ring.shift()!;
      if (!waiter.$parked) continue;
      waiter.$parked = false;
      this.parked--;
      return waiter;
    }
    // Only departed waiters are left: they go with the ring's slots.
    if (this.ring.length) this.ring = new FifoQueue<T>();
    return undefined;
  }

  /** Takes `waiter` out; whether it was still in the queue (not served, not gone). */
  remove(waiter: T): boolean {
    if (!waiter.$parked) return false;
    waiter.$parked = false;
    this.parked--;
    var departed = this.ring.length - this.parked;
    if (departed > 32 && departed > this.parked) this.compact();
    return true;
  }

  /** A ring of the waiters still in the queue, in order: the departed are let go once they outnumber them. */
  private compact(): void {
    var ring = new FifoQueue<T>();
    for (var waiter = this.ring.shift(); waiter !== undefined; waiter = this.ring.shift()) if (waiter.$parked) ring.push(waiter);
    this.ring = ring;
  }

  /** Every waiter still in the queue, in order, leaving it empty. */
  takeAll(): T[] {
    var all: T[] = [];
    for (var waiter = this.shift(); waiter !== undefined; waiter = this.shift()) all.push(waiter);
    return all;
  }
}

