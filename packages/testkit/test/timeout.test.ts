import { callWithTimeout, TimeoutError } from '@coro/testkit';

describe('callWithTimeout', () => {
  test('returns what the call returns', () => {
    expect(callWithTimeout(() => ({ answer: 42 }), 1000)).toEqual({ answer: 42 });
  });

  test("passes the call's own exception through unchanged", () => {
    const error = new RangeError('mine');
    expect(() =>
      callWithTimeout(() => {
        throw error;
      }, 1000),
    ).toThrow(error);
  });

  test('stops an endless synchronous loop in host code', () => {
    let thrown: unknown;
    try {
      callWithTimeout(
        () => {
          for (;;) {}
        },
        100,
        'the loop',
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TimeoutError);
    expect((thrown as Error).message).toBe('the loop did not finish within 100 ms (endless loop?)');
  });

  test('the process carries on normally after a timeout', () => {
    expect(() => callWithTimeout(() => { for (;;) {} }, 50)).toThrow(TimeoutError);
    expect(callWithTimeout(() => [1, 2].map((x) => x * 2), 1000)).toEqual([2, 4]);
  });
});
