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
