// Retrying HTTP calls with back-off, timeouts and circuit breaking: the
// plumbing of a service client, almost all of it async.
export interface Response { status: number; body: string; headers: Record<string, string> }
export type Fetch = (url: string, init?: { method?: string; body?: string }) => Promise<Response>;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out after ' + ms + ' ms')), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function retry<T>(attempt: (k: number) => Promise<T>, attempts: number, baseDelay: number): Promise<T> {
  let lastError: unknown;
  for (let k = 0; k < attempts; k++) {
    try {
      return await attempt(k);
    } catch (error) {
      lastError = error;
      if (k + 1 < attempts) await sleep(baseDelay * Math.pow(2, k));
    }
  }
  throw lastError;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;

  constructor(private readonly threshold: number, private readonly coolDown: number) {}

  async call<T>(work: () => Promise<T>): Promise<T> {
    if (this.failures >= this.threshold) {
      if (Date.now() - this.openedAt < this.coolDown) throw new Error('circuit open');
      this.failures = this.threshold - 1;
    }
    try {
      const result = await work();
      this.failures = 0;
      return result;
    } catch (error) {
      this.failures++;
      if (this.failures >= this.threshold) this.openedAt = Date.now();
      throw error;
    }
  }
}

export async function getJson<T>(fetch: Fetch, url: string, breaker: CircuitBreaker): Promise<T> {
  const response = await breaker.call(() => retry((k) => withTimeout(fetch(url), 1000 + k * 500), 3, 100));
  if (response.status === 404) throw new Error('not found: ' + url);
  if (response.status >= 400) throw new Error('HTTP ' + response.status + ' for ' + url);
  return JSON.parse(response.body) as T;
}

export async function postJson(fetch: Fetch, url: string, payload: unknown): Promise<number> {
  const response = await retry(() => fetch(url, { method: 'POST', body: JSON.stringify(payload) }), 2, 50);
  return response.status;
}

export async function* paginate<T>(fetch: Fetch, url: string, breaker: CircuitBreaker): AsyncGenerator<T> {
  let next: string | undefined = url;
  while (next) {
    const page: { items: T[]; next?: string } = await getJson(fetch, next, breaker);
    for (let i = 0; i < page.items.length; i++) yield page.items[i];
    next = page.next;
  }
}

export async function firstMatching<T>(items: AsyncGenerator<T>, test: (item: T) => boolean): Promise<T | undefined> {
  try {
    for (let step = await items.next(); !step.done; step = await items.next()) {
      if (test(step.value)) return step.value;
    }
    return undefined;
  } finally {
    await items.return(undefined);
  }
}
