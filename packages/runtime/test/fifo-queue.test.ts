/**
 * The ring buffer under channels: order across wrap-arounds and growth, and
 * removal from the middle (a cancelled waiter).
 */
import { FifoQueue } from '../src/coroutines/fifo-queue';

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

test('remove takes one item out wherever it stands and keeps the others in order', () => {
  const queue = new FifoQueue<string>();
  ['x', 'y'].forEach((item) => queue.push(item));
  queue.shift();
  queue.shift();
  ['a', 'b', 'c', 'd', 'e'].forEach((item) => queue.push(item)); // wraps around the array of 4, then grows
  expect([queue.remove('c'), queue.remove('missing'), queue.length]).toEqual([true, false, 4]);
  expect(queue.takeAll()).toEqual(['a', 'b', 'd', 'e']);
  expect(queue.length).toBe(0);
});

test('remove closes the gap from the shorter side: every position, across a wrap-around, keeps the order', () => {
  for (let at = 0; at < 7; at++) {
    const queue = new FifoQueue<number>();
    for (let i = 0; i < 5; i++) queue.push(-1);
    for (let i = 0; i < 5; i++) queue.shift(); // the head stands at 5 of 8: the items below wrap around
    for (let i = 0; i < 7; i++) queue.push(i);
    expect(queue.remove(at)).toBe(true);
    queue.push(7);
    expect(queue.takeAll()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].filter((item) => item !== at));
  }
});

test('removing 100,000 waiters in the order they came, or the reverse, takes linear time', () => {
  for (const reverse of [false, true]) {
    const queue = new FifoQueue<object>();
    const items = Array.from({ length: 100_000 }, () => ({}));
    items.forEach((item) => queue.push(item));
    const started = Date.now();
    for (const item of reverse ? items.slice().reverse() : items) queue.remove(item);
    expect(queue.length).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
  }
});
