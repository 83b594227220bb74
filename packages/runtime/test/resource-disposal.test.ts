import {
  addDisposable,
  asyncDisposalThrew,
  beginAsyncDisposal,
  disposeResources,
  DISPOSAL_DONE,
  endAsyncDisposal,
  newDisposables,
  nextAsyncDisposal,
  SuppressedError,
} from '../src';

const dispose = (Symbol as unknown as { dispose: symbol }).dispose;
const asyncDispose = (Symbol as unknown as { asyncDispose: symbol }).asyncDispose;

function syncResource(log: string[], name: string, failWith?: string): object {
  return {
    [dispose]() {
      log.push('dispose ' + name);
      if (failWith) throw new Error(failWith);
    },
  };
}

/** Runs an async disposal as the machine does, naming each await it takes. */
async function runAsyncDisposal(disposables: ReturnType<typeof newDisposables>, log: string[], throwing = false, error?: unknown): Promise<void> {
  beginAsyncDisposal(disposables, throwing, error);
  for (;;) {
    const awaited = nextAsyncDisposal(disposables);
    if (awaited === DISPOSAL_DONE) break;
    log.push(awaited === undefined ? 'await undefined' : 'await result');
    try {
      await awaited;
    } catch (rejection) {
      asyncDisposalThrew(disposables, rejection);
    }
  }
  endAsyncDisposal(disposables);
}

describe('using: AddDisposableResource', () => {
  test('null and undefined are no resource of a using declaration', () => {
    const disposables = newDisposables();
    expect(addDisposable(disposables, null, false)).toBeNull();
    expect(addDisposable(disposables, undefined, false)).toBeUndefined();
    expect(disposables.resources).toHaveLength(0);
  });

  test('a primitive, an object without a dispose method and a dispose that is no function are TypeErrors', () => {
    const disposables = newDisposables();
    expect(() => addDisposable(disposables, 1, false)).toThrow(TypeError);
    expect(() => addDisposable(disposables, {}, false)).toThrow(TypeError);
    expect(() => addDisposable(disposables, { [dispose]: 1 }, false)).toThrow(TypeError);
    expect(() => addDisposable(disposables, { [dispose]() {} }, true)).not.toThrow();
    expect(() => addDisposable(disposables, {}, true)).toThrow(TypeError);
  });

  test('the value is bound as it is', () => {
    const value = { [dispose]() {} };
    expect(addDisposable(newDisposables(), value, false)).toBe(value);
  });
});

describe('using: DisposeResources', () => {
  test('resources are disposed last first, each with itself as this', () => {
    const log: string[] = [];
    const disposables = newDisposables();
    const first = { [dispose](this: unknown) { log.push(this === first ? 'first' : 'wrong this'); } };
    addDisposable(disposables, first, false);
    addDisposable(disposables, syncResource(log, 'second'), false);
    disposeResources(disposables, false, undefined);
    expect(log).toEqual(['dispose second', 'first']);
  });

  test('a pending throw stands when no disposer throws (the finally rethrows it)', () => {
    const disposables = newDisposables();
    addDisposable(disposables, syncResource([], 'a'), false);
    expect(() => disposeResources(disposables, true, new Error('body'))).not.toThrow();
  });

  test("disposers' errors suppress the pending one, in the order they are thrown", () => {
    const log: string[] = [];
    const disposables = newDisposables();
    addDisposable(disposables, syncResource(log, 'a', 'a failed'), false);
    addDisposable(disposables, syncResource(log, 'b', 'b failed'), false);
    let thrown: unknown;
    try {
      disposeResources(disposables, true, 'body failed');
    } catch (e) {
      thrown = e;
    }
    expect(log).toEqual(['dispose b', 'dispose a']);
    const outer = thrown as { error: Error; suppressed: { error: Error; suppressed: unknown } };
    expect(outer).toBeInstanceOf(SuppressedError);
    expect(outer.error.message).toBe('a failed');
    expect(outer.suppressed).toBeInstanceOf(SuppressedError);
    expect(outer.suppressed.error.message).toBe('b failed');
    expect(outer.suppressed.suppressed).toBe('body failed');
  });

  test("a disposer's error after a normal completion is thrown as it is", () => {
    const disposables = newDisposables();
    const failure = new Error('only failure');
    addDisposable(disposables, { [dispose]() { throw failure; } }, false);
    expect(() => disposeResources(disposables, false, undefined)).toThrow(failure);
  });
});

describe('await using: DisposeResources with awaits', () => {
  test('each async result is awaited before the next disposer runs; a sync dispose is called, its result not awaited', async () => {
    const log: string[] = [];
    const disposables = newDisposables();
    addDisposable(disposables, { [asyncDispose]: () => { log.push('async a'); return Promise.resolve(); } }, true);
    addDisposable(disposables, syncResource(log, 'b'), false);
    addDisposable(disposables, syncResource(log, 'c (sync dispose used async)'), true);
    await runAsyncDisposal(disposables, log);
    expect(log).toEqual(['dispose c (sync dispose used async)', 'await result', 'dispose b', 'async a', 'await result']);
  });

  test('await using null awaits once at the end; before a sync resource, it awaits first', async () => {
    const alone: string[] = [];
    const onlyNull = newDisposables();
    addDisposable(onlyNull, null, true);
    await runAsyncDisposal(onlyNull, alone);
    expect(alone).toEqual(['await undefined']);

    const log: string[] = [];
    const disposables = newDisposables();
    addDisposable(disposables, syncResource(log, 'sync'), false);
    addDisposable(disposables, undefined, true);
    await runAsyncDisposal(disposables, log);
    expect(log).toEqual(['await undefined', 'dispose sync']);
  });

  test('only sync resources: no await at all', async () => {
    const log: string[] = [];
    const disposables = newDisposables();
    addDisposable(disposables, syncResource(log, 'sync'), false);
    await runAsyncDisposal(disposables, log);
    expect(log).toEqual(['dispose sync']);
  });

  test('a rejection and a throw of a sync dispose used async both suppress the pending error', async () => {
    const disposables = newDisposables();
    addDisposable(disposables, { [asyncDispose]: () => Promise.reject(new Error('rejected')) }, true);
    addDisposable(disposables, syncResource([], 'sync', 'threw'), true);
    let thrown: unknown;
    await runAsyncDisposal(disposables, [], true, 'body').catch((e) => (thrown = e));
    const outer = thrown as { error: Error; suppressed: { error: Error; suppressed: unknown } };
    expect(outer.error.message).toBe('rejected');
    expect(outer.suppressed.error.message).toBe('threw');
    expect(outer.suppressed.suppressed).toBe('body');
  });
});

describe('SuppressedError', () => {
  test('is an Error named SuppressedError with non-enumerable error and suppressed', () => {
    const e = new SuppressedError('inner', 'outer', 'message');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('SuppressedError');
    expect(e.message).toBe('message');
    expect(e.error).toBe('inner');
    expect(e.suppressed).toBe('outer');
    expect(Object.keys(e)).toEqual([]);
    expect(Object.prototype.toString.call(e)).toBe('[object Error]');
  });
});
