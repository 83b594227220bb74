/**
 * Actors: messages in order, ask with a reply and a timeout, a bounded
 * mailbox, and failure supervised by the scope the actor was started in.
 */
import { actor, ClosedChannelError, delay, runTest, scope, TimeoutError, type Reply } from '../src/coroutines';

type Message = { kind: 'deposit'; amount: number } | { kind: 'balance'; reply: Reply<number> } | { kind: 'ignore'; reply: Reply<number> } | { kind: 'crash' };

function account(log: string[] = []) {
  return actor<Message>(async (mailbox) => {
    let balance = 0;
    for await (const message of mailbox) {
      if (message.kind === 'deposit') balance += message.amount;
      else if (message.kind === 'balance') message.reply(balance);
      else if (message.kind === 'crash') throw new Error('actor crashed');
    }
    log.push('stopped with ' + balance);
  }, { capacity: 2 });
}

test('messages are handled in order; ask waits for the reply; close lets the actor finish its mailbox', () => runTest(async () => {
  const log: string[] = [];
  await scope(async () => {
    const bank = account(log);
    for (const amount of [10, 20, 12]) await bank.send({ kind: 'deposit', amount });
    expect(await bank.ask<number>((reply) => ({ kind: 'balance', reply }))).toBe(42);
    await bank.send({ kind: 'deposit', amount: 1 });
    bank.close();
    await expect(bank.send({ kind: 'deposit', amount: 1 })).rejects.toThrow(ClosedChannelError);
  });
  expect(log).toEqual(['stopped with 43']);
}));

test('the mailbox is bounded: trySend fails while it is full', () => runTest(async () => {
  await scope(async () => {
    const slow = actor<number>(async (mailbox) => { for await (const _ of mailbox) await delay(100); }, { capacity: 1 });
    await delay(0); // the actor waits in its mailbox: the first message goes to it, the second fills the mailbox
    expect([slow.trySend(1), slow.trySend(2), slow.trySend(3)]).toEqual([true, true, false]);
    slow.close();
  });
}));

test('an unanswered ask times out in virtual time', () => runTest(async () => {
  await scope(async () => {
    const bank = account();
    await expect(bank.ask<number>((reply) => ({ kind: 'ignore', reply }), 500)).rejects.toThrow(TimeoutError);
    bank.close();
  });
}));

test('a failing actor fails its scope, and an ask waiting for it fails with its error', () => runTest(async () => {
  let askOutcome: unknown;
  const failure = scope(async (s) => {
    const bank = account();
    s.launch(async () => {
      try { await bank.ask<number>((reply) => ({ kind: 'ignore', reply })); } catch (error) { askOutcome = error; }
    });
    await bank.send({ kind: 'crash' });
    await delay(1000);
  });
  await expect(failure).rejects.toThrow('actor crashed');
  expect(String(askOutcome)).toMatch(/actor crashed|cancelled/);
}));

test('asks still waiting to post when the actor fails fail with its error itself: the scope that launched them throws that one error, not ClosedChannelErrors before it', () => runTest(async () => {
  const failure = scope(async (s) => {
    const bank = account();
    await bank.send({ kind: 'crash' });
    for (let i = 0; i < 3; i++) s.launch(() => bank.ask<number>((reply) => ({ kind: 'balance', reply })));
  });
  const error = await failure.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(AggregateError);
  expect((error as Error).message).toBe('actor crashed');
}));
