// A job scheduler: workers pull jobs from a queue, run them with retries and
// report progress; every step is an await on storage or on the job itself.
export interface Job { id: string; attempts: number; payload: unknown; runAt: number }
export interface JobStore {
  claim(worker: string, now: number): Promise<Job | undefined>;
  complete(id: string, result: unknown): Promise<void>;
  fail(id: string, error: string, retryAt: number | undefined): Promise<void>;
  heartbeat(worker: string): Promise<void>;
}
export type Handler = (payload: unknown, signal: { cancelled: boolean }) => Promise<unknown>;

const MAX_ATTEMPTS = 5;

export class Worker {
  private running = false;
  private readonly signal = { cancelled: false };
  processed = 0;

  constructor(private readonly name: string, private readonly store: JobStore, private readonly handler: Handler) {}

  async runOnce(now: number): Promise<boolean> {
    const job = await this.store.claim(this.name, now);
    if (!job) return false;
    try {
      const result = await this.handler(job.payload, this.signal);
      await this.store.complete(job.id, result);
      this.processed++;
    } catch (error) {
      const retryAt = job.attempts + 1 < MAX_ATTEMPTS ? now + 1000 * Math.pow(2, job.attempts) : undefined;
      await this.store.fail(job.id, String(error), retryAt);
    }
    return true;
  }

  async run(idleDelay: number): Promise<number> {
    this.running = true;
    let beats = 0;
    try {
      while (this.running && !this.signal.cancelled) {
        const worked = await this.runOnce(Date.now());
        if (++beats % 10 === 0) await this.store.heartbeat(this.name);
        if (!worked) await new Promise((resolve) => setTimeout(resolve, idleDelay));
      }
    } finally {
      this.running = false;
      await this.store.heartbeat(this.name);
    }
    return this.processed;
  }

  stop(): void {
    this.running = false;
    this.signal.cancelled = true;
  }
}

export async function drainQueue(store: JobStore, handler: Handler, workers: number): Promise<number> {
  const pool: Worker[] = [];
  for (let i = 0; i < workers; i++) pool.push(new Worker('w' + i, store, handler));
  let total = 0;
  for (;;) {
    let worked = 0;
    for (let i = 0; i < pool.length; i++) {
      if (await pool[i].runOnce(Date.now())) worked++;
    }
    total += worked;
    if (worked === 0) return total;
  }
}

export function* schedule(start: number, every: number, count: number): Generator<number> {
  for (let k = 0; k < count; k++) yield start + k * every;
}

export function* cron(hours: number[], minutes: number[], days: number): Generator<{ day: number; hour: number; minute: number }> {
  for (let day = 0; day < days; day++) {
    for (let h = 0; h < hours.length; h++) {
      for (let m = 0; m < minutes.length; m++) yield { day, hour: hours[h], minute: minutes[m] };
    }
  }
}
