/**
 * The ready queue's ring: entries run in the order they were queued while
 * the ring wraps around and grows under them, also when the entries being
 * run queue more.
 */
import { enqueue } from '../src/coroutines/ready-queue';
import type { TaskFrame } from '../src/coroutines/task-frame';

test('entries run first in, first out across wrap-arounds and growth, and entries queued by entries join the end', async () => {
  const ran: number[] = [];
  let queued = 0;
  // A task that never suspended has no context: the queue runs it as it is.
  const entry = () => ({ id: queued++ }) as unknown as TaskFrame;
  const run = (task: TaskFrame) => {
    const id = (task as unknown as { id: number }).id;
    ran.push(id);
    // The first entries queue two each, then one each, then none: the ring fills while its head moves, wraps and grows.
    const more = id < 40 ? 2 : id < 300 ? 1 : 0;
    for (let i = 0; i < more; i++) enqueue(run, entry(), 0, undefined);
  };
  for (let i = 0; i < 5; i++) enqueue(run, entry(), 0, undefined);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(queued).toBeGreaterThan(300);
  expect(ran).toEqual(Array.from({ length: queued }, (_, i) => i));
});

test('the mode and value of each entry reach its run', async () => {
  const got: unknown[] = [];
  const run = (_task: TaskFrame, mode: number, value: unknown) => got.push([mode, value]);
  for (let i = 0; i < 40; i++) enqueue(run, {} as TaskFrame, i % 2, 'v' + i);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(got).toEqual(Array.from({ length: 40 }, (_, i) => [i % 2, 'v' + i]));
});

test('after a burst larger than the ring it keeps, the next drain runs every entry', async () => {
  const ran: string[] = [];
  const run = (_task: TaskFrame, _mode: number, value: unknown) => ran.push(value as string);
  // 5,000 entries grow the ring past the 1,024 slots kept after a drain and leave its head far past that length.
  for (let i = 0; i < 5000; i++) enqueue(run, {} as TaskFrame, 0, 'burst');
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (let i = 0; i < 3; i++) enqueue(run, {} as TaskFrame, 0, 'after' + i);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(ran.length).toBe(5003);
  expect(ran.slice(5000)).toEqual(['after0', 'after1', 'after2']);
});
