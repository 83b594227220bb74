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
 * cancelled waiter, a select's losing clause) looks for the item from both
 * ends and moves the shorter side of the ring by one.
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

  /**
   * Takes `item` out wherever it stands; whether it was there. It is looked
   * for from both ends at once, and the shorter side of the ring moves to
   * close the gap, so the first or the last item is found and taken out at
   * once: cancelling every waiter of a queue, in the order they came (a
   * scope's children are cancelled so) or the reverse, stays linear.
   */
  remove(item: T): boolean {
    var at = this.indexOf(item);
    if (at < 0) return false;
    this.removeAt(at);
    return true;
  }

  private indexOf(item: T): number {
    var mask = this.items.length - 1;
    for (var front = 0, back = this.size - 1; front <= back; front++, back--) {
      if (this.items[(this.head + front) & mask] === item) return front;
      if (this.items[(this.head + back) & mask] === item) return back;
    }
    return -1;
  }

  private removeAt(i: number): void {
    var mask = this.items.length - 1;
    if (i < this.size - 1 - i) {
      for (var j = i; j > 0; j--) this.items[(this.head + j) & mask] = this.items[(this.head + j - 1) & mask];
      this.items[this.head] = undefined;
      this.head = (this.head + 1) & mask;
    } else {
      for (var k = i + 1; k < this.size; k++) this.items[(this.head + k - 1) & mask] = this.items[(this.head + k) & mask];
      this.items[(this.head + this.size - 1) & mask] = undefined;
    }
    this.size--;
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
