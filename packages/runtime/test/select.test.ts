/**
 * select: one clause wins, the others leave no trace; a timeout and task
 * completions as clauses; uniform fairness among ready clauses, reproducible
 * under the test scheduler's seed.
 */
import { channel, delay, onJoin, onTimeout, runTest, scope, select, currentTime, type SelectResult } from '../src/coroutines';

test('among ready clauses only the winner is performed', () => runTest(async () => {
  const a = channel<string>(1);
  const b = channel<string>(1);
  a.trySend('from a');
  b.trySend('from b');
  const result = await select([a.onReceive(), b.onReceive()]);
  const loser = result.index === 0 ? b : a;
  expect(result.value).toBe(result.index === 0 ? 'from a' : 'from b');
  expect(loser.size).toBe(1);
}));

test('when none is ready, the first to become ready wins and the other clauses are withdrawn', () => runTest(async () => {
  const a = channel<string>(0);
  const b = channel<string>(0);
  const out = channel<string>(0);
  await scope(async (s) => {
    const selecting = s.launch(() => select([a.onReceive(), b.onReceive(), out.onSend('offered'), onTimeout(1000)]));
    await delay(0);
    expect(b.trySend('b wins')).toBe(true);
    expect(await selecting).toEqual({ index: 1, value: 'b wins', done: false });
    // Withdrawn: no receiver waits on a, and nothing is offered on out.
    expect([a.trySend('late'), out.tryReceive()]).toEqual([false, undefined]);
  });
  expect(currentTime()).toBe(0);
}));

test('a timeout clause wins in virtual time; a task clause gives its result or its error', () => runTest(async () => {
  const never = channel<number>(0);
  expect(await select([never.onReceive(), onTimeout(250)])).toEqual({ index: 1, value: undefined, done: false });
  expect(currentTime()).toBe(250);
  await scope(async (s) => {
    const slow = s.launch(async () => { await delay(100); return 'slow'; });
    const fast = s.launch(async () => { await delay(10); return 'fast'; });
    expect(await select([slow, onJoin(fast), never.onReceive()])).toEqual({ index: 1, value: 'fast', done: false });
  });
  // A launched task's failure reaches the select, and fails its scope as well (it is the scope's child).
  await expect(scope(async (s) => {
    const failing = s.launch(async () => { await delay(5); throw new Error('boom'); });
    await expect(select([failing, onTimeout(50)])).rejects.toThrow('boom');
  })).rejects.toThrow('boom');
}));

test('a receive clause on a closed channel wins with done; closed with a cause, the select throws it', () => runTest(async () => {
  const closed = channel<number>(0);
  closed.close();
  expect(await select([closed.onReceive(), onTimeout(10)])).toEqual({ index: 0, value: undefined, done: true });
  const failed = channel<number>(0);
  failed.close(new Error('cause'));
  await expect(select([failed.onReceive()])).rejects.toThrow('cause');
}));

test('a cancelled select withdraws every clause: its offered element is not sent', () => runTest(async () => {
  const out = channel<string>(0);
  const undelivered: unknown[] = [];
  const quiet = channel<string>(0, { onUndelivered: (e) => undelivered.push(e) });
  await scope(async (s) => {
    const selecting = s.launch(() => select([out.onSend('offer'), quiet.onReceive(), onTimeout(1000)]));
    await delay(0);
    selecting.cancel();
    await delay(0);
    expect(selecting.state).toBe('cancelled');
    expect([out.tryReceive(), quiet.trySend('x'), undelivered]).toEqual([undefined, false, []]);
  });
  expect(currentTime()).toBe(0);
}));

async function winners(selects: number): Promise<number[]> {
  const a = channel<number>(Infinity);
  const b = channel<number>(Infinity);
  const won: number[] = [];
  for (let i = 0; i < selects; i++) {
    a.trySend(i);
    b.trySend(i);
    const result: SelectResult = await select([a.onReceive(), b.onReceive()]);
    won.push(result.index);
  }
  return won;
}

test('the choice among ready clauses is uniform, and the same seed makes the same choices', async () => {
  let first: number[] = [];
  let again: number[] = [];
  let other: number[] = [];
  await runTest(async () => { first = await winners(2000); }, { seed: 7 });
  await runTest(async () => { again = await winners(2000); }, { seed: 7 });
  await runTest(async () => { other = await winners(2000); }, { seed: 8 });
  const firstClause = first.filter((index) => index === 0).length;
  // Binomial(2000, 1/2): 1000 ± 3 standard deviations (22) is far inside 900..1100.
  expect(firstClause).toBeGreaterThan(900);
  expect(firstClause).toBeLessThan(1100);
  expect(again).toEqual(first);
  expect(other).not.toEqual(first);
});
