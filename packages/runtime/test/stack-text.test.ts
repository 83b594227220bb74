/**
 * The `at async` lines where the engine formats stacks through a
 * `Error.prepareStackTrace` function (Node 20 has one; Jest's test context
 * has none, so every other test of the lines makes its edits at once): the
 * lines wait for the first read of `stack`, and a rejection nobody prints
 * makes no stack text at all.
 */
type Runtime = typeof import('../src');
type SideBySide = typeof import('./side-by-side-async');

interface Formatter {
  (error: unknown, trace: unknown[]): string;
  calls: number;
}

/** A formatter as V8's default writes the text, counting the texts it makes. */
function countingFormatter(): Formatter {
  const format = ((error: Error, trace: unknown[]) => {
    format.calls++;
    return [String(error), ...trace.map((site) => `    at ${String(site)}`)].join('\n');
  }) as Formatter;
  format.calls = 0;
  return format;
}

interface Lowered {
  runtime: Runtime;
  leaf: (make: () => unknown) => Promise<unknown>;
  top: (inner: () => unknown) => Promise<unknown>;
}

/** A fresh runtime, loaded after `formatter` is installed, with two lowered functions. */
function loadWith(formatter: Formatter): Lowered {
  let lowered: Lowered | undefined;
  (Error as { prepareStackTrace?: unknown }).prepareStackTrace = formatter;
  jest.isolateModules(() => {
    const runtime: Runtime = require('../src');
    const { loweredAsync }: SideBySide = require('./side-by-side-async');
    // async function leaf(make) { await null; throw make(); }
    const leafStep = (frame: any, state: number, mode: number, value: unknown) => {
      if (mode !== 0) throw value;
      if (state === 0) return runtime.awaitValue(frame, frame.$task, null, 1);
      frame.$state = -2;
      throw frame.make();
    };
    runtime.describeAwaits(leafStep, 'leaf', 'leaf.js', '1 1:30');
    // async function top(inner) { await null; return await inner(); }
    const topStep = (frame: any, state: number, mode: number, value: unknown): unknown => {
      if (mode !== 0) throw value;
      if (state === 0) return runtime.awaitValue(frame, frame.$task, null, 1);
      if (state === 1) return runtime.awaitValue(frame, frame.$task, frame.inner(), 2);
      frame.$state = -2;
      return value;
    };
    runtime.describeAwaits(topStep, 'top', 'top.js', '1 3:5 2 3:22');
    lowered = {
      runtime,
      leaf: loweredAsync(leafStep, (frame, make) => (frame.make = make)) as Lowered['leaf'],
      top: loweredAsync(topStep, (frame, inner) => (frame.inner = inner)) as Lowered['top'],
    };
  });
  return lowered!;
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('not rejected');
}

function asyncLines(error: Error): string[] {
  return String(error.stack)
    .split('\n')
    .filter((line) => line.startsWith('    at async '))
    .map((line) => line.slice('    at async '.length));
}

const original = (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
afterEach(() => {
  (Error as { prepareStackTrace?: unknown }).prepareStackTrace = original;
});

describe('at async lines made with the stack text', () => {
  test('a rejection through awaits makes no stack text; the first read of `stack` has the lines', async () => {
    const formatter = countingFormatter();
    const { top, leaf } = loadWith(formatter);
    const error = await rejectionOf(top(() => top(() => leaf(() => new Error('late')))));
    expect(formatter.calls).toBe(0);
    expect(asyncLines(error)).toEqual(['top (top.js:3:22)', 'top (top.js:3:22)']);
    expect(formatter.calls).toBe(1);
    expect(String(error.stack).split('\n')[0]).toBe('Error: late');
  });

  test('an error whose text was read before it rejected gets its lines at once', async () => {
    const formatter = countingFormatter();
    const { top, leaf } = loadWith(formatter);
    const error = await rejectionOf(
      top(() =>
        leaf(() => {
          const made = new Error('read early');
          expect(String(made.stack)).not.toContain('at async');
          return made;
        }),
      ),
    );
    expect(asyncLines(error)).toEqual(['top (top.js:3:22)']);
    expect(formatter.calls).toBe(1);
  });

  test('lines made partly before and partly after the first read keep their order', async () => {
    const formatter = countingFormatter();
    const { top, leaf } = loadWith(formatter);
    const error = await rejectionOf(
      top(async () => {
        const inner = await rejectionOf(top(() => leaf(() => new Error('halfway'))));
        expect(asyncLines(inner)).toEqual(['top (top.js:3:22)']);
        throw inner;
      }),
    );
    // The outer `top` awaited a native async function (no line of its own there), then got its line at once.
    expect(asyncLines(error)).toEqual(['top (top.js:3:22)', 'top (top.js:3:22)']);
  });

  test('a formatter the program installs later gets the lines written at once, not left waiting', async () => {
    const formatter = countingFormatter();
    const { top, leaf } = loadWith(formatter);
    const own = countingFormatter();
    (Error as { prepareStackTrace?: unknown }).prepareStackTrace = own;
    const error = await rejectionOf(top(() => leaf(() => new Error('own formatter'))));
    expect(own.calls).toBe(1);
    expect(asyncLines(error)).toEqual(['top (top.js:3:22)']);
  });

  test('what the runtime keeps on an error is seen by no enumeration', async () => {
    const { top, leaf } = loadWith(countingFormatter());
    const made = Object.assign(new Error('kept'), { code: 'E_KEPT' });
    const error = await rejectionOf(top(() => leaf(() => made)));
    expect(Object.keys(error)).toEqual(['code']);
    expect(JSON.stringify(error)).toBe('{"code":"E_KEPT"}');
    expect({ ...error }).toEqual({ code: 'E_KEPT' });
    expect(Object.getOwnPropertySymbols(error).every((key) => !Object.getOwnPropertyDescriptor(error, key)!.enumerable)).toBe(true);
  });

});
