// A client for a JSON API that pages its lists with cursors. Pages are read
// lazily with an async generator, requests are retried on 429 and 5xx, and a
// token bucket keeps the client under the server's rate limit.

export interface HttpResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

export type Transport = (request: { method: string; url: string; body?: string }) => Promise<HttpResponse>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    message: string,
  ) {
    super(`${status} from ${url}: ${message}`);
    this.name = 'ApiError';
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.refilledAt = now();
  }

  async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
      this.refilledAt = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await delay(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    }
  }
}

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly transport: Transport,
    private readonly bucket = new TokenBucket(10, 5),
    private readonly maxRetries = 3,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(path, this.baseUrl).toString();
    let attempt = 0;
    for (;;) {
      await this.bucket.take();
      const response = await this.transport({ method, url, body: body === undefined ? undefined : JSON.stringify(body) });
      if (response.status >= 200 && response.status < 300) {
        return (response.body === '' ? undefined : JSON.parse(response.body)) as T;
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= this.maxRetries) throw new ApiError(response.status, url, response.body.slice(0, 200));
      attempt++;
      const retryAfter = Number(response.headers.get('retry-after'));
      await delay(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 100 * 2 ** attempt);
    }
  }

  async *pages<T>(path: string, pageSize = 100): AsyncGenerator<Page<T>, void, undefined> {
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (cursor !== null) query.set('cursor', cursor);
      const page: Page<T> = await this.request<Page<T>>('GET', `${path}?${query}`);
      yield page;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  async *items<T>(path: string, pageSize?: number): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages<T>(path, pageSize)) yield* page.items;
  }
}

export async function collect<T>(source: AsyncIterable<T>, limit = Infinity): Promise<T[]> {
  const items: T[] = [];
  if (limit <= 0) return items;
  for await (const item of source) {
    items.push(item);
    if (items.length >= limit) break;
  }
  return items;
}

export async function* mapConcurrent<T, U>(
  source: AsyncIterable<T>,
  concurrency: number,
  mapper: (item: T) => Promise<U>,
): AsyncGenerator<U, void, undefined> {
  const inFlight = new Set<Promise<{ promise: Promise<unknown>; value: U }>>();
  const start = (item: T) => {
    const promise: Promise<{ promise: Promise<unknown>; value: U }> = mapper(item).then((value) => ({ promise, value }));
    inFlight.add(promise);
  };
  for await (const item of source) {
    start(item);
    if (inFlight.size >= concurrency) {
      const { promise, value } = await Promise.race(inFlight);
      inFlight.delete(promise as Promise<{ promise: Promise<unknown>; value: U }>);
      yield value;
    }
  }
  while (inFlight.size > 0) {
    const { promise, value } = await Promise.race(inFlight);
    inFlight.delete(promise as Promise<{ promise: Promise<unknown>; value: U }>);
    yield value;
  }
}

interface User {
  id: string;
  name: string;
  teamId: string | null;
}

interface Team {
  id: string;
  name: string;
}

export async function usersByTeam(client: ApiClient): Promise<Map<string, string[]>> {
  const teams = new Map<string, Team>();
  for await (const team of client.items<Team>('/teams')) teams.set(team.id, team);
  const members = new Map<string, string[]>();
  for await (const user of client.items<User>('/users', 500)) {
    const team = user.teamId === null ? undefined : teams.get(user.teamId);
    const key = team ? team.name : '(no team)';
    const list = members.get(key) ?? [];
    list.push(user.name);
    members.set(key, list);
  }
  return members;
}

export async function renameAll(client: ApiClient, renames: Array<[id: string, name: string]>): Promise<number> {
  let renamed = 0;
  const updates = mapConcurrent(
    (async function* () {
      yield* renames;
    })(),
    4,
    ([id, name]) => client.request<User>('PATCH', `/users/${encodeURIComponent(id)}`, { name }),
  );
  try {
    for await (const user of updates) if (user.name) renamed++;
  } finally {
    await updates.return();
  }
  return renamed;
}
