/**
 * The `at async` lines the runtime writes for an error that escapes a
 * resumed lowered async function: the functions awaiting it, at the
 * positions their `describeAwaits` tables give, once per error.
 */
import { awaitInAsyncGenerator, awaitOnce, awaitValue, describeAwaits, linkAsyncGenerator, startAsync } from '../src';

type StepFn = (frame: any, state: number, mode: number, value: unknown) => unknown;

/** A lowered async function as the compiler emits one: frame constructor, step, description. */
function lowered(name: string, table: (number | string)[], step: StepFn): (...args: unknown[]) => Promise<unknown> {
  function Frame(this: any, args: unknown[]) {
    this.$state = 0;
    this.$step = step;
    this.$task = undefined;
    this.args = args;
  }
  describeAwaits(Frame, name, 'app.js', table);
  return (...args: unknown[]) => startAsync(new (Frame as any)(args));
}

function asyncLines(error: unknown): string[] {
  return String((error as Error).stack).split('\n').filter((line) => line.startsWith('    at async '));
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

// async function inner(message) { await null; throw new Error(message); }   (awaits once)
const inner = lowered('inner', [1, '1:33'], (frame, state, mode, value) => {
  if (mode !== 0) throw value;
  if (state === 0) { frame.$state = 1; return awaitOnce(frame, null); }
  throw new Error(frame.args[0]);
});
// async function middle(message) { return await inner(message); }   (awaits once)
const middle = lowered('Service.middle', [1, '2:40'], (frame, state, mode, value) => {
  if (mode !== 0) throw value;
  if (state === 0) { frame.$state = 1; return awaitOnce(frame, inner(frame.args[0])); }
  return value;
});
// async function outer(message) { await 0; try { return await middle(message); } catch (e) { throw e; } }
const outer = lowered('', [1, '3:33', 2, '3:60'], (frame, state, mode, value) => {
  if (state === 0) { frame.$state = 1; return awaitValue(frame, 0); }
  if (state === 1) { frame.$state = 2; return awaitValue(frame, middle(frame.args[0])); }
  if (mode === 1) throw value;
  return value;
});

test('an error made in a resumed function ends with the functions awaiting it, each where it awaits', async () => {
  const error = await rejectionOf(outer('boom'));
  expect(asyncLines(error)).toEqual(['    at async Service.middle (app.js:2:40)', '    at async app.js:3:60']);
});

test('a caller that catches the error and throws it again adds nothing', async () => {
  const error = await rejectionOf(outer('again'));
  expect(asyncLines(error)).toHaveLength(2);
});

test('a rejection a resumed function was resumed with, thrown on, gets no lines: it was not made there', async () => {
  const made = new Error('made elsewhere');
  const passOn = lowered('passOn', [1, '4:1'], (frame, state, mode, value) => {
    if (state === 0) { frame.$state = 1; return awaitValue(frame, Promise.reject(made)); }
    if (mode === 1) throw value;
    return value;
  });
  const caller = lowered('caller', [1, '5:1'], (frame, state, mode, value) => {
    if (state === 0) { frame.$state = 1; return awaitValue(frame, passOn()); }
    if (mode === 1) throw value;
    return value;
  });
  expect(await rejectionOf(caller())).toBe(made);
  expect(asyncLines(made)).toEqual([]);
});

test('a promise awaited after another await is not linked: the chain ends there', async () => {
  const late = lowered('late', [1, '6:1', 2, '6:20'], (frame, state, mode, value) => {
    if (state === 0) { frame.pending = inner('late'); frame.$state = 1; return awaitValue(frame, 0); }
    if (state === 1) { frame.$state = 2; return awaitValue(frame, frame.pending); }
    if (mode === 1) throw value;
    return value;
  });
  expect(asyncLines(await rejectionOf(late()))).toEqual([]);
});

test('the lines stop at Error.stackTraceLimit frames, as V8 counts them', async () => {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    expect(asyncLines(await rejectionOf(outer('limited')))).toEqual([]);
  } finally {
    Error.stackTraceLimit = limit;
  }
});

test("a stack that a user's Error.prepareStackTrace makes something other than text is left as it is", async () => {
  const prepare = Error.prepareStackTrace;
  const sites = ['site'];
  Error.prepareStackTrace = () => sites;
  try {
    const error = (await rejectionOf(outer('structured'))) as Error;
    expect(error.stack).toBe(sites);
  } finally {
    Error.prepareStackTrace = prepare;
  }
});

test('thrown values that are not objects, and frozen errors, pass through unchanged', async () => {
  const thrower = (thrown: unknown) =>
    lowered('thrower', [1, '7:1'], (frame, state, mode, value) => {
      if (state === 0) { frame.$state = 1; return awaitOnce(frame, null); }
      throw thrown;
    });
  const frozen = Object.freeze(new Error('frozen'));
  for (const thrown of ['text', 42, frozen]) {
    const run = thrower(thrown);
    const wrapper = lowered('wrapper', [1, '8:1'], (frame, state, mode, value) => {
      if (mode !== 0) throw value;
      if (state === 0) { frame.$state = 1; return awaitOnce(frame, run()); }
      return value;
    });
    expect(await rejectionOf(wrapper())).toBe(thrown);
  }
  expect(asyncLines(frozen)).toEqual([]);
});

test('an async generator awaiting a call, and a function awaiting the generator\'s next(), are in the chain', async () => {
  // async function* lines() { yield await inner('in generator'); }
  const step: StepFn = (frame, state, mode, value) => {
    if (mode !== 0) throw value;
    if (state === 0) { frame.$state = 1; return awaitInAsyncGenerator(frame, inner(frame.args[0])); }
    frame.$state = -2;
    return value;
  };
  function Frame(this: any, args: unknown[]) {
    this.$state = 0;
    this.$step = step;
    this.$queue = undefined;
    this.args = args;
  }
  describeAwaits(Frame, 'lines', 'app.js', [1, '9:20'], step);
  const lines = linkAsyncGenerator(function (...args: unknown[]) { return new (Frame as any)(args); }, Frame);
  // async function consume() { for await (const line of lines('in generator')) … }
  const consume = lowered('consume', [1, '10:23'], (frame, state, mode, value) => {
    if (state === 0) { frame.$state = 1; return awaitValue(frame, (lines as any)('in generator').next()); }
    if (mode === 1) throw value;
    return value;
  });
  const error = await rejectionOf(consume());
  expect(asyncLines(error)).toEqual(['    at async lines (app.js:9:20)', '    at async consume (app.js:10:23)']);
});
