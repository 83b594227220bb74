/**
 * The ring buffer under channels: order across wrap-arounds and growth; and
 * the queue of waiters, which a cancelled waiter or a losing select clause
 * leaves from anywhere.
 */
import { FifoQueue, WaiterQueue } from '../src/coroutines/fifo-queue';

test('items come out in the order they went in, across wrap-arounds and growth', () => {
  const queue = new FifoQueue<number>();
  const out: number[] = [];
  let next = 0;
  for (let round = 0; round < 50; round++) {
    for (let i = 0; i < (round % 7) + 1; i++) queue.push(next++);
    for (let i = 0; i < (round % 5) + 1 && queue.length > 0; i++) out.push(queue.shift()!);
  }
  while (queue.length > 0) out.push(queue.shift()!);
  expect(out).toEqual(Array.from({ length: next }, (_, i) => i));
  expect(queue.shift()).toBeUndefined();
});

test('a waiter that leaves is skipped, wherever it stood, and the others keep their order', () => {
  const queue = new WaiterQueue<{ name: string; $parked: boolean }>();
  const waiters = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, $parked: false }));
  waiters.forEach((waiter) => queue.push(waiter));
  expect([queue.remove(waiters[2]), queue.remove(waiters[2]), queue.length]).toEqual([true, false, 4]);
  const first = queue.shift()!;
  expect([first.name, queue.remove(first), queue.remove(waiters[4])]).toEqual(['a', false, true]);
  expect(queue.takeAll().map((waiter) => waiter.name)).toEqual(['b', 'd']);
  expect([queue.length, queue.shift()]).toEqual([0, undefined]);
});

test('100,000 waiters leaving in any order take linear time, and the departed are let go', () => {
  const orders: ((n: number) => number[])[] = [
    (n) => Array.from({ length: n }, (_, i) => i),
    (n) => Array.from({ length: n }, (_, i) => n - 1 - i),
    (n) => [...Array.from({ length: n / 2 }, (_, i) => 2 * i), ...Array.from({ length: n / 2 }, (_, i) => 2 * i + 1)],
  ];
  for (const order of orders) {
    const queue = new WaiterQueue<{ $parked: boolean; id: number }>();
    const waiters = Array.from({ length: 100_000 }, (_, id) => ({ $parked: false, id }));
    waiters.forEach((waiter) => queue.push(waiter));
    const started = Date.now();
    const leaving = order(waiters.length);
    for (let i = 0; i < leaving.length - 2; i++) queue.remove(waiters[leaving[i]]);
    expect(Date.now() - started).toBeLessThan(1000);
    // The ring holds few of the departed: it is rebuilt whenever they outnumber the waiters left.
    expect((queue as unknown as { ring: FifoQueue<unknown> }).ring.length).toBeLessThanOrEqual(2 + 33);
    expect(queue.takeAll().map((waiter) => waiter.id)).toEqual(leaving.slice(-2).sort((a, b) => a - b));
  }
});
