/**
 * The coroutine scheduler, driven by hand-written coroutine frames (what the
 * compiler emits for `"use coroutine"`, written out): no tick for settled
 * values, direct continuations, a queue that keeps the stack flat,
 * cancellation, scopes, time through a replaced clock, async context, dumps.
 */
import { AsyncLocalStorage } from 'async_hooks';
import { getEventListeners } from 'events';
import {
  awaitInCoroutine, CancellationError, delay, dump, formatDump, launchDetached, linkTaskFrame, scope, setClock, startCoroutine, systemClock, Task, withTimeout, type Clock,
} from '../src/coroutines';

type Step = (frame: any, state: number, mode: number, value: unknown) => unknown;

/** A coroutine whose frame keeps its arguments in `args` and its locals in `locals`. */
function coroutine(name: string, step: Step, positions: (number | string)[] = []): (...args: unknown[]) => any {
  function Frame(this: any, args: unknown[]) {
    this.$state = 0;
    this.$step = step;
    this.args = args;
    this.locals = {};
    this.$taskState = 0;
    this.$awaitedOrOutcome = undefined;
    this.$parent = undefined;
    this.$extra = undefined;
    this.$waiters = undefined;
    this.$suspension = undefined;
  }
  linkTaskFrame(Frame, step, name, 'test.js', positions);
  return (...args) => startCoroutine(new (Frame as any)(args));
}

/** async (value) => await value, as a coroutine */
const awaitIt = coroutine('awaitIt', (frame, state, mode, value) => {
  if (state === 0) {
    frame.$state = 1;
    return awaitInCoroutine(frame, frame.args[0]);
  }
  if (mode === 1) throw value;
  frame.$state = -2;
  return value;
}, [1, '1:20']);

/** async (value, log) => { try { await value; } catch (e) { log(e); throw e; } finally { log('finally') } } */
const guarded = coroutine('guarded', (frame, state, mode, value) => {
  const log = frame.args[1] as (what: unknown) => void;
  if (state === 0) {
    frame.$state = 1;
    return awaitInCoroutine(frame, frame.args[0]);
  }
  try {
    if (mode === 1) {
      log(value instanceof CancellationError ? 'cancelled: ' + (value as CancellationError).reason : value);
      throw value;
    }
    return value;
  } finally {
    log('finally');
    frame.$state = -2;
  }
});

const flushTimers = () => new Promise((resolve) => setTimeout(resolve, 0));

let deepest = false;
/** async (n) => { await Promise.resolve(); return await (n === 0 ? never : nest(n - 1)); }: each level starts the next from a resumption, so the chain is deep and the stack flat */
const nest = coroutine('nest', (frame, state, mode, value) => {
  if (state === 0) {
    frame.$state = 1;
    return awaitInCoroutine(frame, Promise.resolve());
  }
  if (state === 1) {
    frame.$state = 2;
    const n = frame.args[0] as number;
    if (n === 0) deepest = true;
    return awaitInCoroutine(frame, n === 0 ? new Promise(() => {}) : nest(n - 1));
  }
  if (mode === 1) throw value;
  frame.$state = -2;
  return value;
});

test('awaiting a settled task or a plain value continues with no microtask', () => {
  let microtaskRan = false;
  queueMicrotask(() => (microtaskRan = true));
  const inner = awaitIt(42);
  const outer = awaitIt(inner);
  const plain = awaitIt('plain');
  expect([inner.state, outer.state, outer.result, plain.result, microtaskRan]).toEqual(['completed', 'completed', 42, 'plain', false]);
});

/** async (n, gate) => { await Promise.resolve(); return await (n === 0 ? gate : chainOnGate(n - 1, gate)); }: a chain of children, each awaiting the next */
const chainOnGate = coroutine('chainOnGate', (frame, state, mode, value) => {
  if (state === 0) {
    frame.$state = 1;
    return awaitInCoroutine(frame, Promise.resolve());
  }
  if (state === 1) {
    frame.$state = 2;
    const [n, gate] = frame.args as [number, Promise<never>];
    return awaitInCoroutine(frame, n === 0 ? gate : chainOnGate(n - 1, gate));
  }
  if (mode === 1) throw value;
  frame.$state = -2;
  return value;
});

test('a failure rethrown up a chain of 2,000 children, each awaited by its parent, makes no CancellationError on the way', async () => {
  let reject!: (error: Error) => void;
  const gate = new Promise<never>((_, no) => (reject = no));
  const top = chainOnGate(2000, gate);
  while (!deepest2000(top)) await new Promise((resolve) => setImmediate(resolve));
  let messageReads = 0;
  const failure = new Error();
  void failure.stack; // formatted now, before the message is counted
  Object.defineProperty(failure, 'message', { get: () => { messageReads++; return 'bottom'; } });
  reject(failure);
  await expect(top).rejects.toBe(failure);
  // A CancellationError's message quotes its reason's: each level cancelled its (no longer existing) children with one.
  expect(messageReads).toBe(0);
});

/** Whether the chain under `top` has reached its bottom (2,000 levels: each level starts the next after a tick). */
function deepest2000(top: any): boolean {
  let depth = 0;
  for (let task = top; task && task.state === 'suspended'; task = task.$awaitedOrOutcome) if (++depth > 2000) return true;
  return false;
}

test('a pending task resumes its awaiter directly, and a chain of 10,000 completions keeps the stack flat', async () => {
  let release!: (value: string) => void;
  const gate = new Promise<string>((resolve) => (release = resolve));
  let task = awaitIt(gate);
  for (let i = 0; i < 10000; i++) task = awaitIt(task);
  expect(task.state).toBe('suspended');
  release('through');
  await expect(task).resolves.toBe('through');
});

test('a task the ready queue resumes is running while its step runs, for itself and the children it starts, and suspended after', async () => {
  const seen: string[] = [];
  let self: any;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const peek = coroutine('peek', (frame) => {
    seen.push('child sees ' + self.state);
    frame.$state = -2;
    return undefined;
  });
  const observe = coroutine('observe', (frame, state) => {
    if (state === 0) {
      frame.$state = 1;
      return awaitInCoroutine(frame, Promise.resolve());
    }
    if (state === 1) {
      seen.push('resumed: ' + self.state);
      frame.$state = 2;
      return awaitInCoroutine(frame, gate);
    }
    if (state === 2) {
      frame.$state = 3;
      return awaitInCoroutine(frame, peek());
    }
    self.cancel('while running');
    seen.push('cancelled while running: ' + self.state);
    frame.$state = 4;
    return awaitInCoroutine(frame, new Promise(() => {}));
  });
  self = observe();
  seen.push('after the call: ' + self.state);
  await flushTimers();
  seen.push('at the gate: ' + self.state);
  release();
  await expect(self).rejects.toBeInstanceOf(CancellationError);
  expect(seen).toEqual(['after the call: suspended', 'resumed: running', 'at the gate: suspended', 'child sees running', 'cancelled while running: running']);
  expect(self.state).toBe('cancelled');
});

test('cancel() throws a CancellationError at the await, finally runs, and twice is a no-op', async () => {
  const log: unknown[] = [];
  const task = guarded(new Promise(() => {}), (what: unknown) => log.push(what));
  task.cancel('stop');
  task.cancel('again');
  await expect(task).rejects.toBeInstanceOf(CancellationError);
  expect(log).toEqual(['cancelled: stop', 'finally']);
  expect(task.state).toBe('cancelled');
  expect(task.signal.aborted).toBe(true);
  task.cancel('after the end');
  expect(task.error.reason).toBe('stop');
});

test('a task cancelled while its body has returned and it waits for its children ends cancelled, not with the body\'s value', async () => {
  const log: unknown[] = [];
  const joining = scope((s: any) => {
    s.launch(() => guarded(new Promise(() => {}), (what: unknown) => log.push(what)));
    return 'body done';
  });
  expect(formatDump(dump())).toContain('awaiting its children');
  joining.cancel('stop');
  await expect(joining).rejects.toBeInstanceOf(CancellationError);
  expect([joining.state, joining.error.reason, log]).toEqual(['cancelled', 'stop', ['cancelled: stop', 'finally']]);
  const finished = scope(() => 'no children');
  finished.cancel('late');
  expect([finished.state, finished.result]).toEqual(['completed', 'no children']);
});

test('a scope rethrows the first failure after cancelling the siblings, AggregateError for several', async () => {
  const log: unknown[] = [];
  const one = scope((s: any) => {
    s.launch(() => guarded(new Promise(() => {}), (what: unknown) => log.push(what)));
    s.launch(() => Promise.reject(new Error('first')));
  });
  await expect(one).rejects.toThrow('first');
  expect(log).toEqual(['cancelled: Error: first', 'finally']);
  const two = scope((s: any) => {
    s.launch(() => Promise.reject(new Error('a')));
    s.launch(() => Promise.reject(new Error('b')));
  });
  const error = await two.then(() => undefined, (e: AggregateError) => e);
  expect(error).toBeInstanceOf(AggregateError);
  expect((error as AggregateError).errors.map((e: Error) => e.message)).toEqual(['a', 'b']);
});

test('withTimeout runs on the replaceable clock and cancels what runs inside', async () => {
  const timers: { at: number; run: () => void }[] = [];
  let now = 0;
  const virtual: Clock = {
    now: () => now,
    setTimer: (run, ms) => { const timer = { at: now + ms, run }; timers.push(timer); return timer; },
    clearTimer: (timer) => { timers.splice(timers.indexOf(timer as never), 1); },
    defer: (run) => { setImmediate(run); },
  };
  const previous = setClock(virtual);
  try {
    const log: unknown[] = [];
    const task = withTimeout(50, () => guarded(delay(1000), (what: unknown) => log.push(what)));
    expect(timers.map((t) => t.at).sort((a, b) => a - b)).toEqual([50, 1000]);
    now = 50;
    timers.find((t) => t.at === 50)!.run();
    await expect(task).rejects.toThrow('timed out after 50 ms');
    expect(log).toEqual(['cancelled: TimeoutError: timed out after 50 ms', 'finally']);
  } finally {
    expect(setClock(previous)).toBe(virtual);
  }
  expect(setClock(systemClock)).toBe(systemClock);
});

test('dumping and cancelling a chain of 50,000 tasks, each awaiting the next, keep the stack flat', async () => {
  const top = nest(50_000);
  while (!deepest) await new Promise((resolve) => setImmediate(resolve));
  expect(formatDump().split('\n').length).toBeGreaterThan(50_000);
  top.cancel();
  await expect(top).rejects.toThrow(CancellationError);
});

test('cancelOn stops listening to the outside signal once the task settles', async () => {
  const controller = new AbortController();
  for (let i = 0; i < 20; i++) await scope(() => new Promise((resolve) => setTimeout(resolve, 1))).cancelOn(controller.signal);
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  const cancelled = scope(() => new Promise(() => {})).cancelOn(controller.signal);
  controller.abort('stop');
  await expect(cancelled).rejects.toThrow('the task was cancelled: stop');
});

test('cancelling 50,000 tasks that await one task takes linear time', async () => {
  const shared = launchDetached(() => new Promise(() => {}));
  const waiting = scope((s) => {
    for (let i = 0; i < 50_000; i++) s.launch(() => shared);
    return new Promise(() => {});
  });
  await new Promise((resolve) => setTimeout(resolve, 1));
  const started = Date.now();
  waiting.cancel();
  await expect(waiting).rejects.toThrow(CancellationError);
  expect(Date.now() - started).toBeLessThan(3000);
  shared.cancel();
});

test('waiters of one task resume in the order they came, also once one of many is taken out', async () => {
  for (const count of [5, 40]) {
    const resumed: number[] = [];
    /** async (task, index) => { await task; resumed.push(index); } */
    const waitFor = coroutine('waitFor', (frame, state, mode, value) => {
      if (state === 0) {
        frame.$state = 1;
        return awaitInCoroutine(frame, frame.args[0]);
      }
      if (mode === 1) throw value;
      resumed.push(frame.args[1] as number);
      frame.$state = -2;
      return undefined;
    });
    let open!: (value: unknown) => void;
    const shared = awaitIt(new Promise((resolve) => (open = resolve)));
    const waiters = Array.from({ length: count }, (_, index) => waitFor(shared, index));
    waiters[2].cancel();
    await expect(waiters[2]).rejects.toThrow(CancellationError);
    open('done');
    await Promise.all(waiters.filter((_, index) => index !== 2));
    expect(resumed).toEqual(Array.from({ length: count }, (_, index) => index).filter((index) => index !== 2));
  }
});

test('a sleeper cancelled when the event loop runs late does not put the others behind host timers that came due after them', async () => {
  const order: string[] = [];
  let first!: any;
  setTimeout(() => first.cancel(), 1); // a host timer ahead of the scheduler's own in Node's list of 1 ms timers
  first = launchDetached(() => delay(1));
  const second = launchDetached(() => delay(2)).then(() => order.push('delay(2)'));
  setTimeout(() => order.push('host timer of 10 ms'), 10);
  const blockedUntil = Date.now() + 30;
  while (Date.now() < blockedUntil); // every deadline passes while the loop is busy
  await second;
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(order).toEqual(['delay(2)', 'host timer of 10 ms']);
});

test('a timer longer than a host timer takes, or Infinity, does not fire early (a host fires those after 1 ms)', async () => {
  const fired: string[] = [];
  const long = systemClock.setTimer(() => fired.push('long'), 2 ** 31 + 10);
  const never = systemClock.setTimer(() => fired.push('never'), Infinity);
  await expect(withTimeout(2 ** 40, () => new Promise((resolve) => setTimeout(() => resolve('in time'), 5)))).resolves.toBe('in time');
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(fired).toEqual([]);
  systemClock.clearTimer(long);
  systemClock.clearTimer(never);
});

test('dump() shows a suspended root task with its position and what it awaits', async () => {
  const task = awaitIt(new Promise(() => {}));
  const listed = dump().find((snapshot) => snapshot.position === 'test.js:1:20');
  expect(listed).toMatchObject({ name: 'awaitIt', state: 'suspended', awaiting: 'a promise', children: [] });
  task.cancel();
  await flushTimers();
  expect(dump().some((snapshot) => snapshot.position === 'test.js:1:20')).toBe(false);
});

test('AsyncLocalStorage sees the context a task started in after the queue resumes it', async () => {
  const storage = new AsyncLocalStorage<string>();
  const seen: unknown[] = [];
  const report = coroutine('report', (frame, state, mode, value) => {
    if (state === 0) {
      frame.$state = 1;
      return awaitInCoroutine(frame, delay(1));
    }
    seen.push(storage.getStore());
    frame.$state = -2;
    return undefined;
  });
  const tasks = [storage.run('first', () => report()), storage.run('second', () => report())];
  await Promise.all(tasks);
  expect(seen).toEqual(['first', 'second']);
});

test('tasks that suspend in one context share one capture and one suspension record; another store gets its own', async () => {
  const storage = new AsyncLocalStorage<string>();
  const sleep = coroutine('sleep', (frame, state) => {
    if (state === 0) {
      frame.$state = 1;
      return awaitInCoroutine(frame, delay(1));
    }
    frame.$state = -2;
    return storage.getStore();
  });
  const same = storage.run('one', () => [sleep(), sleep(), sleep()]);
  const other = storage.run('two', () => sleep());
  expect(new Set(same.map((task) => task.$suspension)).size).toBe(1);
  expect(other.$suspension.context).not.toBe(same[0].$suspension.context);
  expect(await Promise.all([...same, other])).toEqual(['one', 'one', 'one', 'two']);
});

test('a task started under AsyncLocalStorage.run inside a resumed task keeps that store, its sibling the parent\'s', async () => {
  const storage = new AsyncLocalStorage<string>();
  const seen: string[] = [];
  const report = coroutine('report', (frame, state) => {
    if (state === 0) {
      frame.$state = 1;
      return awaitInCoroutine(frame, delay(1));
    }
    seen.push(frame.args[0] + ' sees ' + storage.getStore());
    frame.$state = -2;
    return undefined;
  });
  const parent = coroutine('parent', (frame, state) => {
    if (state === 0) {
      frame.$state = 1;
      return awaitInCoroutine(frame, delay(1));
    }
    if (state === 1) {
      // Resumed by the queue inside its own capture: a child started under run() must not share it.
      frame.locals.children = [storage.run('inner', () => report('inside run')), report('beside it')];
      frame.$state = 2;
      return awaitInCoroutine(frame, frame.locals.children[0]);
    }
    if (state === 2) {
      frame.$state = 3;
      return awaitInCoroutine(frame, frame.locals.children[1]);
    }
    frame.$state = -2;
    return storage.getStore();
  });
  const outer = storage.run('outer', () => parent());
  expect(await outer).toBe('outer');
  expect(seen).toEqual(['inside run sees inner', 'beside it sees outer']);
});

/**
 * A coroutine that sleeps twice: after the first sleep it calls `act(name)`
 * (resumed by the queue, in the capture it shares with its siblings), after
 * the second it records `name sees <see()>`.
 */
function twoSleeps(act: (name: string) => void, see: () => unknown, seen: string[]) {
  return coroutine('sleeper', (frame, state) => {
    if (state === 0) {
      frame.$state = 1;
      return awaitInCoroutine(frame, delay(1));
    }
    if (state === 1) {
      act(frame.args[0] as string);
      frame.$state = 2;
      return awaitInCoroutine(frame, delay(1));
    }
    seen.push(frame.args[0] + ' sees ' + see());
    frame.$state = -2;
    return undefined;
  });
}

test('enterWith in a task resumed by the queue changes its own store, not that of the tasks sharing its context', async () => {
  const storage = new AsyncLocalStorage<string>();
  const seen: string[] = [];
  const sleeper = twoSleeps((name) => { if (name === 'enters') storage.enterWith('entered'); }, () => storage.getStore(), seen);
  const tasks = storage.run('start', () => [sleeper('enters'), sleeper('stays')]);
  expect(tasks[0].$suspension.context).toBe(tasks[1].$suspension.context);
  await Promise.all(tasks);
  expect(seen.sort()).toEqual(['enters sees entered', 'stays sees start']);
});

test('a storage first used inside a task resumed in a shared capture stays that task\'s', async () => {
  // The capture was made before `late` existed, so its resource has no key of `late`'s: enterWith adds one.
  let late: AsyncLocalStorage<string> | undefined;
  const seen: string[] = [];
  const enterLate = (name: string) => {
    if (name !== 'enters') return;
    late = new AsyncLocalStorage<string>();
    late.enterWith('entered');
  };
  const sleeper = twoSleeps(enterLate, () => late!.getStore(), seen);
  const tasks = [sleeper('enters'), sleeper('stays')];
  expect(tasks[0].$suspension.context).toBe(tasks[1].$suspension.context);
  await Promise.all(tasks);
  expect(seen.sort()).toEqual(['enters sees entered', 'stays sees undefined']);
});

test('AsyncLocalStorage.run inside a resumed task leaves the shared capture as it was', async () => {
  const storage = new AsyncLocalStorage<string>();
  const seen: string[] = [];
  const runInside = (name: string) => { if (name === 'runs') storage.run('inside run', () => seen.push('inside run sees ' + storage.getStore())); };
  const sleeper = twoSleeps(runInside, () => storage.getStore(), seen);
  const tasks = storage.run('start', () => [sleeper('runs'), sleeper('stays')]);
  await Promise.all(tasks);
  expect(seen.sort()).toEqual(['inside run sees inside run', 'runs sees start', 'stays sees start']);
  expect(tasks[0].$suspension.context).toBe(tasks[1].$suspension.context);
});

test('dump() lists the roots still suspended, however many settled before them', async () => {
  const sleep = coroutine('sleep', (frame, state, mode, value) => {
    if (state === 0) {
      frame.$state = 1;
      return awaitInCoroutine(frame, delay(frame.args[0] as number));
    }
    if (mode === 1) throw value;
    frame.$state = -2;
    return undefined;
  });
  const sleeping = () => dump().filter((snapshot) => snapshot.name === 'sleep').length;
  const short = Array.from({ length: 8 }, () => sleep(1));
  const long = [sleep(60_000), sleep(60_000)];
  expect(sleeping()).toBe(10);
  await Promise.all(short);
  expect(sleeping()).toBe(2);
  for (const task of long) task.cancel();
  await Promise.all(long.map((task) => task.then(null, () => undefined)));
  expect(sleeping()).toBe(0);
});

test('Task.of gives back the task it is given, typed, and refuses a promise or a plain value with a TypeError', async () => {
  const task = awaitIt(new Promise(() => {}));
  expect(Task.of(task as unknown as PromiseLike<unknown>)).toBe(task);
  (task as { cancel(): void }).cancel();
  const settled = scope(async () => 7);
  expect(await Task.of(settled)).toBe(7);
  expect(() => Task.of(Promise.resolve(1))).toThrow(new TypeError('Task.of: a promise is not a Task: a task is what a coroutine ("use coroutine"), scope() or launch() returns'));
  expect(() => Task.of(42 as unknown as PromiseLike<number>)).toThrow(TypeError);
});
