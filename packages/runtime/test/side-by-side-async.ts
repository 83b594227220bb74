/**
 * Test support for the async runtime: hand-made lowered async functions and
 * async generators (frames shaped like the compiler's output, see
 * fixtures/async and fixtures/async-generators), and traces of promise jobs
 * that compare them with their native twins tick by tick.
 *
 * A trace is what `say` recorded, interleaved with `tick n` entries from a
 * ticker: a chain of `Promise.resolve().then` jobs started before the
 * scenario, so the position of an entry between two ticks tells in which
 * round of promise jobs it happened.
 */
import { asyncStarted, linkAsyncFunction, linkAsyncGenerator, notAConstructor, rejectedPromise } from '../src';
import { errorName, Step } from './side-by-side';

export type Say = (...parts: unknown[]) => void;
export type Trace = unknown[];

// Captured so that tests may patch the globals while a trace runs.
const RealPromise = Promise;
const realThen = Promise.prototype.then;
const realSetImmediate = setImmediate;

function nextJob(job: () => void) {
  realThen.call(new RealPromise<void>((resolve) => resolve()), job);
}

/** Resolves once every promise job queued so far (and every job those queue) has run. */
export function flushJobs(): Promise<void> {
  return new RealPromise((resolve) => realSetImmediate(resolve));
}

/** How a value appears in a trace: primitives as text, errors by kind, promises as `<promise>`. */
export function show(value: unknown): unknown {
  if (value instanceof RealPromise) return '<promise>';
  if (value instanceof Error) return errorName(value);
  if (typeof value === 'object' && value !== null) {
    if ('done' in value && 'value' in value) return '{' + show((value as any).value) + ', ' + (value as any).done + '}';
    return JSON.stringify(value);
  }
  return typeof value === 'symbol' ? value.toString() : String(value);
}

/**
 * Runs `scenario` beside a ticker of `ticks` promise jobs, then waits until
 * no job is left. Entries are strings: `say('got', 1)` records "got 1".
 */
export async function traceJobs(scenario: (say: Say) => void, ticks = 12): Promise<Trace> {
  const trace: Trace = [];
  const say: Say = (...parts) => { trace.push(parts.map(show).join(' ')); };
  let tick = 0;
  const ticker = () => {
    if (tick < ticks) {
      trace.push('tick ' + ++tick);
      nextJob(ticker);
    }
  };
  nextJob(ticker);
  scenario(say);
  trace.push('sync end');
  await flushJobs();
  return trace;
}

/** Records how `promise` settles: "label fulfilled …" or "label rejected …". */
export function record(say: Say, label: string, promise: unknown): void {
  realThen.call(
    promise as Promise<unknown>,
    (value) => say(label, 'fulfilled', value),
    (reason) => say(label, 'rejected', reason),
  );
}

/**
 * Traces `scenario` run with the native function, then with the lowered
 * one, and expects the same trace. Returns the native trace, for the test
 * to pin down what it must contain (so that two equally wrong traces fail).
 */
export async function expectSameJobs<F>(native: F, lowered: F, scenario: (fn: F, say: Say) => void, ticks?: number): Promise<Trace> {
  const expected = await traceJobs((say) => scenario(native, say), ticks);
  const actual = await traceJobs((say) => scenario(lowered, say), ticks);
  expect(actual).toEqual(expected);
  return expected;
}

/** The frame fields of a lowered async function that settles its own promise (`awaitValue`). */
function initAsyncFrame(frame: any, step: Step) {
  frame.$state = 0;
  frame.$step = step;
  frame.$task = undefined;
}

/**
 * A lowered async function: `fn(...args)` makes one frame, `init` stores
 * the arguments in it, and `startAsync` runs it, as the compiler's wrapper
 * `function f(x) { try { return $coro.asyncStarted(f$step(new f$Frame(x), 0, 0, void 0)); } catch … }` does.
 * `awaitsOnce` gives the frame of an `awaitOnce` function (no settlers).
 */
/** What the compiler's wrapper does with a new frame: runs its step in a `try`, and returns the caller's promise. */
export function startAsync(frame: any): Promise<unknown> {
  try {
    return asyncStarted(frame.$step(frame, 0, 0, undefined));
  } catch (error) {
    return rejectedPromise(error);
  }
}

export function loweredAsync(step: Step, init?: (frame: any, ...args: any[]) => void, awaitsOnce = false): (...args: any[]) => Promise<any> {
  function Frame(this: any, args: any[]) {
    if (awaitsOnce) {
      this.$state = 0;
      this.$step = step;
    } else {
      initAsyncFrame(this, step);
    }
    if (init) init(this, ...args);
  }
  function asyncFunction(this: unknown, ...args: any[]) {
    return new.target ? notAConstructor() : startAsync(new (Frame as any)(args));
  }
  return linkAsyncFunction(asyncFunction, Frame);
}

/** A lowered async generator function: its frame is the async generator object. */
export function loweredAsyncGenerator(step: Step, init?: (frame: any, ...args: any[]) => void): (...args: any[]) => any {
  function Frame(this: any, args: any[]) {
    this.$state = 0;
    this.$step = step;
    this.$queue = undefined;
    if (init) init(this, ...args);
  }
  function asyncGenerator(this: unknown, ...args: any[]) {
    return new.target ? notAConstructor() : new (Frame as any)(args);
  }
  return linkAsyncGenerator(asyncGenerator, Frame);
}

/** A native promise whose `constructor` is read through a getter that says so and answers `answer()`. */
export function promiseWithConstructorGetter(say: Say, value: unknown, answer: () => unknown): Promise<unknown> {
  const promise = new RealPromise((resolve) => resolve(value));
  Object.defineProperty(promise, 'constructor', {
    get() {
      say('read constructor');
      return answer();
    },
  });
  return promise;
}

/** A thenable that says when its `then` is read and called, and settles as `settle` does. */
export function loggingThenable(say: Say, label: string, settle: (resolve: (v: unknown) => void, reject: (e: unknown) => void) => void): PromiseLike<unknown> {
  return {
    get then() {
      say('read then of', label);
      return (resolve: (v: unknown) => void, reject: (e: unknown) => void) => {
        say('then called for', label);
        settle(resolve, reject);
      };
    },
  } as PromiseLike<unknown>;
}
