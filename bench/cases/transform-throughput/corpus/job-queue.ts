// A job queue of the kind a service keeps in memory: jobs are retried with
// exponential backoff, at most `concurrency` run at once, and finished jobs
// can be drained as an async stream.

export interface Job<T> {
  id: string;
  attempts: number;
  run(signal: AbortSignal): Promise<T>;
}

export type JobOutcome<T> =
  | { id: string; status: 'done'; value: T; attempts: number }
  | { id: string; status: 'failed'; error: unknown; attempts: number };

export interface QueueOptions {
  concurrency: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

const DEFAULTS: QueueOptions = { concurrency: 4, maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 5000 };

export class RetryableError extends Error {
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'RetryableError';
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function backoffDelay(attempt: number, options: QueueOptions, random = Math.random): number {
  const exponential = options.baseDelayMs * 2 ** (attempt - 1);
  const capped = Math.min(exponential, options.maxDelayMs);
  return Math.round(capped / 2 + random() * (capped / 2));
}

export class JobQueue<T> {
  readonly #options: QueueOptions;
  readonly #pending: Job<T>[] = [];
  readonly #outcomes: JobOutcome<T>[] = [];
  readonly #waiters: Array<() => void> = [];
  readonly #controller = new AbortController();
  #running = 0;
  #closed = false;

  constructor(options: Partial<QueueOptions> = {}) {
    this.#options = { ...DEFAULTS, ...options };
  }

  get size(): number {
    return this.#pending.length + this.#running;
  }

  add(id: string, run: (signal: AbortSignal) => Promise<T>): void {
    if (this.#closed) throw new Error(`queue is closed; cannot add ${id}`);
    this.#pending.push({ id, attempts: 0, run });
    this.#pump();
  }

  close(): void {
    this.#closed = true;
    this.#wake();
  }

  cancel(reason = new Error('queue cancelled')): void {
    this.#pending.length = 0;
    this.#controller.abort(reason);
    this.close();
  }

  async *outcomes(): AsyncGenerator<JobOutcome<T>, void, undefined> {
    for (;;) {
      while (this.#outcomes.length > 0) yield this.#outcomes.shift()!;
      if (this.#closed && this.size === 0) return;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  async drain(): Promise<{ done: T[]; failed: Array<{ id: string; error: unknown }> }> {
    const done: T[] = [];
    const failed: Array<{ id: string; error: unknown }> = [];
    this.close();
    for await (const outcome of this.outcomes()) {
      if (outcome.status === 'done') done.push(outcome.value);
      else failed.push({ id: outcome.id, error: outcome.error });
    }
    return { done, failed };
  }

  #pump(): void {
    while (this.#running < this.#options.concurrency && this.#pending.length > 0) {
      const job = this.#pending.shift()!;
      this.#running++;
      this.#execute(job).finally(() => {
        this.#running--;
        this.#pump();
        this.#wake();
      });
    }
  }

  async #execute(job: Job<T>): Promise<void> {
    const signal = this.#controller.signal;
    while (job.attempts < this.#options.maxAttempts) {
      job.attempts++;
      try {
        const value = await job.run(signal);
        this.#outcomes.push({ id: job.id, status: 'done', value, attempts: job.attempts });
        return;
      } catch (error) {
        const lastAttempt = job.attempts >= this.#options.maxAttempts;
        if (signal.aborted || lastAttempt || !(error instanceof RetryableError)) {
          this.#outcomes.push({ id: job.id, status: 'failed', error, attempts: job.attempts });
          return;
        }
        const delay = error.retryAfterMs ?? backoffDelay(job.attempts, this.#options);
        try {
          await sleep(delay, signal);
        } catch (abort) {
          this.#outcomes.push({ id: job.id, status: 'failed', error: abort, attempts: job.attempts });
          return;
        }
      }
    }
  }

  #wake(): void {
    const waiters = this.#waiters.splice(0);
    for (const wake of waiters) wake();
  }
}

export async function runAll<T>(
  tasks: Record<string, (signal: AbortSignal) => Promise<T>>,
  options?: Partial<QueueOptions>,
): Promise<Map<string, T>> {
  const queue = new JobQueue<T>(options);
  for (const [id, task] of Object.entries(tasks)) queue.add(id, task);
  const results = new Map<string, T>();
  const errors: string[] = [];
  queue.close();
  for await (const outcome of queue.outcomes()) {
    if (outcome.status === 'done') results.set(outcome.id, outcome.value);
    else errors.push(`${outcome.id} after ${outcome.attempts} attempts: ${String(outcome.error)}`);
  }
  if (errors.length > 0) throw new AggregateError([], `some jobs failed:\n${errors.join('\n')}`);
  return results;
}
