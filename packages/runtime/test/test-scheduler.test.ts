/**
 * The test scheduler: virtual time with auto-advance, advanceTimeBy,
 * deadlock, stall and leak detection with dumps, and seeded schedules whose
 * failing seed replays.
 */
import { advanceTimeBy, currentTime, delay, exploreSchedules, launchDetached, nonCancellable, runTest, scope, channel, yieldNow, ScheduleError, withTimeout, TimeoutError } from '../src/coroutines';

test('delays and timeouts complete at once in virtual time when every task is blocked', async () => {
  const started = Date.now();
  await runTest(async () => {
    await delay(60_000);
    expect(currentTime()).toBe(60_000);
    await expect(withTimeout(1000, () => delay(5000))).rejects.toThrow(TimeoutError);
    expect(currentTime()).toBe(61_000);
  });
  expect(Date.now() - started).toBeLessThan(30_000);
});

test('advanceTimeBy runs the timers due in order, even while another task keeps yielding', () => runTest(async () => {
  const log: string[] = [];
  await scope(async (s) => {
    let spinning = true;
    s.launch(async () => { while (spinning) await yieldNow(); });
    s.launch(async () => { await delay(30); log.push('30 at ' + currentTime()); });
    s.launch(async () => { await delay(10); log.push('10 at ' + currentTime()); });
    await advanceTimeBy(20);
    expect([log, currentTime()]).toEqual([['10 at 10'], 20]);
    await advanceTimeBy(20);
    expect([log, currentTime()]).toEqual([['10 at 10', '30 at 30'], 40]);
    spinning = false;
  });
}));

test('a deadlock fails the test with the dump of the blocked tasks', async () => {
  // Every task waits on the scheduler itself (a task, a channel): a coroutine's awaits, written out.
  const failure = runTest(() => {
    const ch = channel<number>(0, { name: 'replies' });
    return scope((s) => {
      s.launch(() => ch.receive());
      return ch.receive();
    });
  });
  await expect(failure).rejects.toThrow(/deadlock: every coroutine is blocked and no timer is pending\n(.|\n)*receive from channel replies/);
});

test('a timer that is never due (Infinity) does not move virtual time: a test waiting only on it is deadlocked', async () => {
  await runTest(async () => {
    await withTimeout(Infinity, () => delay(10));
    expect(currentTime()).toBe(10);
  });
  await expect(runTest(() => withTimeout(Infinity, () => delay(Infinity)))).rejects.toThrow(/deadlock(.|\n)*delay \(Infinity ms left\)/);
});

test('a task sleeping on the system clock beside a test keeps its own time, and the test its own', async () => {
  const started = Date.now();
  // A scope's body awaits the delay as a coroutine does: its task sleeps in the scheduler's heap.
  const outside = scope(() => delay(200));
  await runTest(async () => {
    await scope(() => delay(1_000_000));
    expect(currentTime()).toBe(1_000_000);
  });
  await outside;
  expect(Date.now() - started).toBeGreaterThanOrEqual(190);
});

test('a task of the program awaited by the test is waited for in real time, as a promise is, not taken for a deadlock', async () => {
  const outside = scope(() => delay(50));
  await runTest(async () => {
    expect(await scope(() => outside)).toBeUndefined();
    expect(currentTime()).toBe(0);
  });
});

test('leaked tasks that ignore their cancellation are reported with their dump after stallTimeout, and the test ends', async () => {
  const failure = runTest(async () => {
    launchDetached(() => nonCancellable(() => delay(Infinity)));
    // Its cleanup sleeps in virtual time, and ends: only the other one is left.
    launchDetached(() => nonCancellable(() => delay(100)));
    await delay(10);
  }, { stallTimeout: 500 });
  await expect(failure).rejects.toThrow(/2 coroutines were still alive when the test ended \(leaked\)(.|\n)*\n1 coroutine of the test did not end within 500 ms \(stallTimeout\) of being cancelled(.|\n)*:\nlaunchDetached suspended 100 ms, awaiting nonCancellable\n  nonCancellable suspended 100 ms, awaiting delay \(Infinity ms left\)$/);
});

test('a failing test with a task that ignores its cancellation fails with its own error as the cause', async () => {
  const failure = runTest(async () => {
    launchDetached(() => nonCancellable(() => delay(Infinity)));
    throw new Error('the assertion');
  }, { stallTimeout: 20 });
  const error: Error = await failure.then(() => undefined, (e) => e);
  expect(error.message).toMatch(/^runTest: the test failed \(the cause\), and 1 coroutine of the test did not end/);
  expect((error.cause as Error).message).toBe('the assertion');
});

test('a promise that never settles fails the test as stalled after stallTimeout real milliseconds', async () => {
  await expect(runTest(() => new Promise(() => {}), { stallTimeout: 50 })).rejects.toThrow(/stalled: no coroutine resumed for 50 ms/);
});

test('a coroutine alive when the test ends is a leak, reported with its dump and then cancelled', async () => {
  let leaked: { state: string } | undefined;
  const failure = runTest(async () => {
    leaked = launchDetached(() => delay(1000));
    await delay(10);
  });
  await expect(failure).rejects.toThrow(/1 coroutine was still alive when the test ended \(leaked\):\nlaunchDetached suspended 10 ms, awaiting delay \(990 ms left\)/);
  expect(leaked!.state).toBe('cancelled');
});

test('a detached task that fails with nobody to receive its error fails the test instead of the process', async () => {
  await expect(runTest(async () => {
    launchDetached(async () => { await delay(1); throw new Error('detached failed'); });
    await delay(10);
  })).rejects.toThrow('detached failed');
  const failure = runTest(async () => {
    launchDetached(async () => { await delay(1); throw new Error('first'); });
    launchDetached(async () => { await delay(2); throw new Error('second'); });
    await delay(10);
  });
  await expect(failure).rejects.toThrow('2 failures of the test that nobody received');
  await expect(failure.catch((error) => error.errors.map((e: Error) => e.message))).resolves.toEqual(['first', 'second']);
});

test('the body\'s failure fails the test', async () => {
  await expect(runTest(async () => { await delay(5); throw new Error('assertion'); })).rejects.toThrow('assertion');
});

/**
 * A race a plain run misses: the user assumes `init` finished first, which
 * only the scheduler's own order (first come, first served) promises. The
 * launched tasks wait in the timer heap themselves, so their resumptions
 * are the ready queue's to order.
 */
async function initRace(): Promise<void> {
  let ready = false;
  let usedTooEarly = false;
  await scope(async (s) => {
    s.launch(() => delay(10)).then(() => { ready = true; });
    s.launch(() => delay(10)).then(() => { usedTooEarly = !ready; });
  });
  await delay(0);
  if (usedTooEarly) throw new Error('used before init');
}

test('exploreSchedules finds a race a plain run misses, and its seed replays it', async () => {
  await runTest(initRace);
  const found = await exploreSchedules(initRace, { runs: 50 }).then(() => undefined, (error) => error);
  expect(found).toBeInstanceOf(ScheduleError);
  expect(found.message).toMatch(/the schedule of seed \d+ failed .* used before init/);
  await expect(runTest(initRace, { seed: found.seed })).rejects.toThrow('used before init');
  await expect(runTest(initRace, { seed: found.seed })).rejects.toThrow('used before init');
});

test('currentTime and advanceTimeBy are only for a running test; tests run one at a time', async () => {
  expect(() => currentTime()).toThrow('only inside runTest');
  const outer = runTest(() => delay(1));
  await expect(runTest(() => undefined)).rejects.toThrow('already running');
  await outer;
});
