/**
 * A first-in first-out queue: a channel's buffer, its waiting senders and
 * its waiting receivers.
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
 * consumed prefix, was most of the cost of a rendezvous). `remove` (a
 * cancelled waiter, a select's losing clause) shifts the items after it back
 * by one: waiters that give up are rare, and queues of waiters short.
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

  /** Takes `item` out wherever it stands; whether it was there. */
  remove(item: T): boolean {
    var mask = this.items.length - 1;
    for (var i = 0; i < this.size; i++) {
      if (this.items[(this.head + i) & mask] !== item) continue;
      for (var j = i + 1; j < this.size; j++) this.items[(this.head + j - 1) & mask] = this.items[(this.head + j) & mask];
      this.items[(this.head + this.size - 1) & mask] = undefined;
      this.size--;
      return true;
    }
    return false;
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
