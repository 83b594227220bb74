/**
 * Checking seeds on every core.
 *
 * ## Example
 * ```ts
 * const pool = new FuzzPool({ threads: 2 });
 * const verdicts = await pool.check([1, 2, 3]);   // [{ seed: 1, failure: null }, ...], in seed order
 * await pool.close();
 * ```
 *
 * ## Implementation
 * One check costs about 45 ms of CPU on average over the default mix of
 * seeds (a native run, two lowered runs, each in a fresh `vm` context, about
 * 4 to 5 ms each; the two transforms about 25 ms together), so the 3,000
 * seeds of the test are two and a half minutes on one core. Each
 * worker thread loads this package's built fuzz module and runs
 * {@link fuzzSeed} on the seeds it is handed, a small batch at a time so that
 * a slow seed (a transform timeout) does not hold up the others; it has a
 * compiler worker and a sandbox worker of its own (differential.ts). Only verdicts come back; shrinking a failure is sequential and
 * happens in the caller's thread, on the seed it names.
 *
 * The workers run the built JavaScript next to this file; when this module is
 * itself run from TypeScript sources (ts-jest on `src/`), there is nothing a
 * worker could load, and the pool checks the seeds in the calling thread.
 *
 * ## References
 * Node.js `worker_threads`.
 */
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { fuzzSeed, type FuzzOptions } from './seed';
import type { Failure } from './differential';

export interface SeedVerdict {
  seed: number;
  failure: Failure | null;
}

/** Fuzz options that can cross a thread boundary: no stand-in transform function. */
export type PoolFuzzOptions = Omit<FuzzOptions, 'transform'>;

export interface PoolOptions extends PoolFuzzOptions {
  /** Worker threads. Default: the number of cores, at most 8. */
  threads?: number;
  /** Seeds handed to a worker at a time. Default 10. */
  batchSize?: number;
  /**
   * Stop handing out seeds once this many failed (default: never). A broken
   * compiler can fail, or hang until the transform timeout, on most seeds;
   * a handful of failures says as much as hundreds and bounds the run time.
   */
  stopAfterFailures?: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const fuzz = require(workerData.module);
parentPort.on('message', (seeds) => {
  const verdicts = seeds.map((seed) => ({ seed, failure: fuzz.fuzzSeed(seed, workerData.options).failure }));
  parentPort.postMessage(verdicts);
});
`;

export function defaultThreadCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, 8));
}

export class FuzzPool {
  private readonly threads: number;
  private readonly batchSize: number;
  private readonly stopAfterFailures: number;
  private readonly options: PoolFuzzOptions;
  private workers: Worker[] = [];

  constructor(options: PoolOptions = {}) {
    const { threads, batchSize, stopAfterFailures, ...fuzzOptions } = options;
    this.threads = threads ?? defaultThreadCount();
    this.batchSize = batchSize ?? 10;
    this.stopAfterFailures = stopAfterFailures ?? Infinity;
    this.options = fuzzOptions;
  }

  /**
   * Checks `seeds` and returns one verdict per checked seed, in the order
   * given: all of them, unless `stopAfterFailures` cut the run short.
   */
  async check(seeds: readonly number[]): Promise<SeedVerdict[]> {
    const verdicts = new Map<number, SeedVerdict>();
    let failures = 0;
    const record = (verdict: SeedVerdict) => {
      verdicts.set(verdict.seed, verdict);
      if (verdict.failure !== null) failures++;
    };
    if (this.threads <= 1 || !__filename.endsWith('.js')) {
      for (const seed of seeds) {
        if (failures >= this.stopAfterFailures) break;
        record({ seed, failure: fuzzSeed(seed, this.options).failure });
      }
    } else {
      this.startWorkers(path.join(__dirname, 'index.js'));
      let next = 0;
      await Promise.all(
        this.workers.map(async (worker) => {
          while (next < seeds.length && failures < this.stopAfterFailures) {
            const batch = seeds.slice(next, next + this.batchSize);
            next += batch.length;
            for (const verdict of await this.run(worker, batch)) record(verdict);
          }
        }),
      );
    }
    return seeds.filter((seed) => verdicts.has(seed)).map((seed) => verdicts.get(seed) as SeedVerdict);
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private startWorkers(fuzzModule: string): void {
    while (this.workers.length < this.threads) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: fuzzModule, options: this.options } });
      // Idle workers must not keep a finished process (or a jest worker) alive.
      worker.unref();
      this.workers.push(worker);
    }
  }

  private run(worker: Worker, seeds: number[]): Promise<SeedVerdict[]> {
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        worker.unref();
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (verdicts: SeedVerdict[]) => {
        cleanup();
        resolve(verdicts);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`fuzz worker exited with code ${code} while checking seeds ${seeds.join(', ')}`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // Referenced only while it works: an awaited answer must keep the process alive.
      worker.ref();
      worker.postMessage(seeds);
    });
  }
}
