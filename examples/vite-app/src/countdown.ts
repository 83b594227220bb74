// Async functions and async generators: each `await` lets the other task run,
// so two countdowns started together take turns; `finally` runs when the task
// ends, even by a throw; `for await` reads an async generator to its end.

export async function countdown(name: string, from: number, log: (line: string) => void): Promise<string> {
  for (let n = from; n > 0; n--) {
    log(`${name} ${n}`);
    await null;
  }
  return `${name} done`;
}

export async function guarded(task: () => Promise<string>, log: (line: string) => void): Promise<string> {
  log('guard on');
  try {
    return await task();
  } catch (error) {
    return `caught ${(error as Error).message}`;
  } finally {
    log('guard off');
  }
}

/** The text in pieces of `size`, one per tick, as a stream would deliver it. */
export async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += size) {
    await null;
    yield text.slice(start, start + size);
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}
