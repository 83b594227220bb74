/**
 * A first-in first-out queue over one array and a read index: a channel's
 * buffer, its waiting senders and its waiting receivers.
 *
 * ## Example
 * ```js
 * var queue = new FifoQueue();
 * queue.push('a'); queue.push('b');
 * queue.shift(); // 'a'
 * ```
 *
 * ## Implementation
 * `shift` clears the slot and moves the read index; the array is compacted
 * when the dead prefix is both long and most of it, so a steady stream costs
 * no copying per element, and a queue emptied is reset to an empty array.
 * `remove` (a cancelled waiter) is a search and a splice: waiters that give
 * up are rare, and queues of waiters short.
 *
 * ## References
 * - Go's `hchan` (`recvq`, `sendq`, the circular buffer)
 */

export class FifoQueue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The first item, taken out; `undefined` when empty. */
  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    var item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
    return item;
  }

  /** Takes `item` out wherever it stands; whether it was there. */
  remove(item: T): boolean {
    var at = this.items.indexOf(item, this.head);
    if (at < 0) return false;
    this.items.splice(at, 1);
    return true;
  }

  /** Every item, in order, leaving the queue empty. */
  takeAll(): T[] {
    var all = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return all;
  }
}
