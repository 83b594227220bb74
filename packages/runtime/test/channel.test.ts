/**
 * Channels: capacities, overflow policies, close and cancel, async
 * iteration, and where every element is after a cancelled send or receive.
 * Tasks are launched with an operation as their body (`s.launch(() =>
 * ch.send(x))`), so the task itself waits in the channel, as a coroutine's
 * `await ch.send(x)` does.
 */
import { channel, ClosedChannelError, delay, dump, onTimeout, runTest, scope, select, yieldNow, CancellationError, type TaskSnapshot } from '../src/coroutines';

const settle = () => delay(0);

test('a rendezvous send waits for a receiver; senders are served first come, first served', () => runTest(async () => {
  const ch = channel<string>(0);
  expect(ch.trySend('x')).toBe(false);
  await scope(async (s) => {
    const a = s.launch(() => ch.send('a'));
    const b = s.launch(() => ch.send('b'));
    await settle();
    expect([a.state, b.state]).toEqual(['suspended', 'suspended']);
    expect(await ch.receive()).toBe('a');
    expect(await ch.receive()).toBe('b');
    await settle();
    expect([a.state, b.state]).toEqual(['completed', 'completed']);
  });
}));

test('a buffer of N takes N elements without waiting; Infinity never waits', () => runTest(async () => {
  const ch = channel<number>(2);
  expect([ch.trySend(1), ch.trySend(2), ch.trySend(3), ch.size]).toEqual([true, true, false, 2]);
  expect([ch.tryReceive(), ch.tryReceive(), ch.tryReceive()]).toEqual([{ value: 1, done: false }, { value: 2, done: false }, undefined]);
  const unbounded = channel<number>(Infinity);
  for (let i = 0; i < 10000; i++) expect(unbounded.trySend(i)).toBe(true);
  expect(unbounded.size).toBe(10000);
  expect(() => channel(-1)).toThrow(RangeError);
  expect(() => channel(0, { overflow: 'drop-oldest' })).toThrow(RangeError);
}));

test('drop-oldest and drop-latest hand the dropped element to onUndelivered', () => runTest(async () => {
  const dropped: unknown[] = [];
  const oldest = channel<number>(2, { overflow: 'drop-oldest', onUndelivered: (e, why) => dropped.push([e, why]) });
  for (const i of [1, 2, 3, 4]) await oldest.send(i);
  const latest = channel<number>(2, { overflow: 'drop-latest', onUndelivered: (e, why) => dropped.push([e, why]) });
  for (const i of [1, 2, 3, 4]) expect(latest.trySend(i)).toBe(true);
  expect(dropped).toEqual([[1, 'dropped'], [2, 'dropped'], [3, 'dropped'], [4, 'dropped']]);
  expect([oldest.tryReceive(), oldest.tryReceive(), latest.tryReceive(), latest.tryReceive()].map((r) => r && r.value)).toEqual([3, 4, 1, 2]);
}));

test('close: buffered elements and those of waiting senders are still received, in order; then the end', () => runTest(async () => {
  const undelivered: unknown[] = [];
  const ch = channel<number>(1, { onUndelivered: (e, why) => undelivered.push([e, why]) });
  await scope(async (s) => {
    await ch.send(1);
    const waiting = s.launch(() => ch.send(2));
    await settle();
    expect(ch.close()).toBe(true);
    expect(ch.close()).toBe(false);
    await expect(ch.send(3)).rejects.toThrow(ClosedChannelError);
    const received: number[] = [];
    for await (const x of ch) received.push(x);
    expect(received).toEqual([1, 2]);
    expect(waiting.state).toBe('completed');
    await expect(ch.receive()).rejects.toThrow('receive from a closed channel');
    expect(ch.tryReceive()).toEqual({ value: undefined, done: true });
  });
  expect(undelivered).toEqual([[3, 'closed']]);
}));

test('close(cause): waiting receivers, a receive and an iteration after the drain throw the cause', () => runTest(async () => {
  const ch = channel<number>(0);
  const cause = new Error('producer failed');
  await scope(async (s) => {
    const receiver = s.launch(() => ch.receive());
    await settle();
    ch.close(cause);
    await expect(receiver).rejects.toBe(cause);
  }).then(undefined, (error) => expect(error).toBe(cause));
  await expect(ch.receive()).rejects.toBe(cause);
  const iterate = async () => { for await (const _ of ch) throw new Error('no element'); };
  await expect(iterate()).rejects.toBe(cause);
}));

test('a close resumes all its waiting receivers with one ClosedChannelError, a cancel all its waiting senders with one; a later receive gets its own', () => runTest(async () => {
  const outcome = (operation: PromiseLike<unknown>) => operation.then(() => 'done', (error: Error) => error);
  const ch = channel<number>(0);
  const receivers = Array.from({ length: 1000 }, () => outcome(ch.receive()));
  await settle();
  ch.close();
  const ends = new Set(await Promise.all(receivers));
  expect(ends.size).toBe(1);
  const [end] = ends as Set<Error>;
  expect([end instanceof ClosedChannelError, end.message, end.cause]).toEqual([true, 'receive from a closed channel', undefined]);
  const later = await outcome(ch.receive());
  expect([later instanceof ClosedChannelError, later === end]).toEqual([true, false]);

  const cause = new Error('shutting down');
  const full = channel<number>(0);
  const senders = Array.from({ length: 1000 }, (_, i) => outcome(full.send(i)));
  await settle();
  full.cancel(cause);
  const refusals = new Set(await Promise.all(senders));
  expect(refusals.size).toBe(1);
  const [refusal] = refusals as Set<Error>;
  expect([refusal instanceof ClosedChannelError, refusal.message, refusal.cause]).toEqual([true, 'send to a cancelled channel', cause]);
}));

test('the error a close shares gets no waiter\'s at-async lines: they would name one chain for all', () => runTest(async () => {
  const ch = channel<number>(0);
  const failure = await scope(async (s) => {
    s.launch(() => s.launch(() => ch.receive()));
    s.launch(() => s.launch(() => ch.receive()));
    await settle();
    ch.close();
  }).then(() => undefined, (error: Error) => error);
  const errors = failure instanceof AggregateError ? failure.errors : [failure];
  expect(new Set(errors).size).toBe(1);
  expect(errors[0]).toBeInstanceOf(ClosedChannelError);
  expect(errors[0].stack).not.toMatch(/at async/);
}));

test('cancel: buffered elements and waiting senders\' elements go to onUndelivered, the senders throw', () => runTest(async () => {
  const undelivered: unknown[] = [];
  const ch = channel<number>(1, { onUndelivered: (e, why) => undelivered.push([e, why]) });
  await ch.send(1);
  const outcome = await scope(async (s) => {
    const waiting = s.launch(() => ch.send(2).then(() => 'sent', (error) => error.name));
    await settle();
    ch.cancel();
    return await waiting;
  });
  expect(outcome).toBe('ClosedChannelError');
  expect(undelivered).toEqual([[1, 'cancelled'], [2, 'cancelled']]);
}));

test('a cancelled waiting send is taken out of the channel; its element goes to onUndelivered, never to a receiver', () => runTest(async () => {
  const undelivered: unknown[] = [];
  const ch = channel<string>(0, { onUndelivered: (e, why) => undelivered.push([e, why]) });
  await scope(async (s) => {
    const first = s.launch(() => ch.send('first'));
    const second = s.launch(() => ch.send('second'));
    await settle();
    first.cancel();
    await settle();
    expect(first.state).toBe('cancelled');
    expect(await ch.receive()).toBe('second');
    await settle();
    expect([second.state, ch.tryReceive()]).toEqual(['completed', undefined]);
  });
  expect(undelivered).toEqual([['first', 'cancelled']]);
}));

/** What the launched tasks of the dump's tree wait for (the tasks without children), in the dump's order. */
function waitsInDump(): (string | undefined)[] {
  const waits: (string | undefined)[] = [];
  const walk = (snapshots: TaskSnapshot[]) => snapshots.forEach((snapshot) => (snapshot.children.length ? walk(snapshot.children) : waits.push(snapshot.awaiting)));
  walk(dump());
  return waits;
}

test('a cancelled waiting receive is withdrawn; one cancelled after an element was handed to it keeps the element', () => runTest(async () => {
  const ch = channel<string>(0);
  await scope(async (s) => {
    const withdrawn = s.launch(() => ch.receive());
    const handed = s.launch(() => ch.receive());
    await settle();
    withdrawn.cancel();
    expect(waitsInDump()).toEqual(['its turn in the ready queue', 'receive from channel (0 buffered)']);
    expect(ch.trySend('a')).toBe(true); // goes to `handed`, the only receiver left
    expect(waitsInDump()).toEqual(['its turn in the ready queue', 'its turn in the ready queue']);
    handed.cancel(); // its resumption is queued: it keeps 'a'
    await settle();
    expect([withdrawn.state, withdrawn.error instanceof CancellationError]).toEqual(['cancelled', true]);
    expect([handed.state, handed.result]).toEqual(['completed', 'a']);
    expect(ch.trySend('b')).toBe(false);
  });
}));

test('a channel is async iterable from ordinary code, and an operation is awaited once', () => runTest(async () => {
  const ch = channel<number>(Infinity);
  [1, 2, 3].forEach((i) => ch.trySend(i));
  ch.close();
  const seen: number[] = [];
  for await (const x of ch) seen.push(x);
  expect(seen).toEqual([1, 2, 3]);
  const open = channel<number>(1);
  const send = open.send(1);
  await send;
  await expect(send).rejects.toThrow('awaited once');
}));

test('an onUndelivered hook that throws does not stop a cancellation; its failure is reported, here failing the test', async () => {
  const failure = runTest(async () => {
    const ch = channel<number>(0, { onUndelivered: (element) => { throw new Error('the hook failed on ' + element); } });
    const senders = scope((s) => {
      for (let i = 0; i < 3; i++) s.launch(() => ch.send(i));
      return delay(1000);
    });
    await settle();
    senders.cancel();
    await expect(senders).rejects.toThrow(CancellationError);
    expect(ch.size).toBe(0);
  });
  await expect(failure).rejects.toThrow('3 failures of the test that nobody received');
});

test('from ordinary code an operation, a delay, yieldNow and a select have a promise\'s catch and finally, as a task has', async () => {
  const log: string[] = [];
  const closed = channel<number>(0);
  closed.close();
  await closed.send(1).catch((error: Error) => log.push('send: ' + error.name));
  await closed.receive().catch((error: Error) => log.push('receive: ' + error.name));
  const ch = channel<number>(1);
  await ch.send(5).finally(() => log.push('sent'));
  log.push('received ' + (await ch.receive().finally(() => log.push('receive settled'))));
  await delay(1).finally(() => log.push('delay'));
  await yieldNow().finally(() => log.push('yieldNow'));
  log.push('select ' + (await select([onTimeout(1)]).finally(() => log.push('select settled'))).index);
  expect(log).toEqual(['send: ClosedChannelError', 'receive: ClosedChannelError', 'sent', 'receive settled', 'received 5', 'delay', 'yieldNow', 'select settled', 'select 0']);
});
