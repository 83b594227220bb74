/**
 * A synchronous call into a worker thread, with a time limit.
 *
 * ## Example
 * ```ts
 * const worker = new SyncWorker(`
 *   answer({ kind: 'loaded' });
 *   port.on('message', (request) => answer({ kind: 'done', double: request * 2 }));
 * `, {});
 * worker.call(21, 1000);   // { kind: 'answer', body: { kind: 'done', double: 42 } }
 * worker.close();
 * ```
 *
 * ## Implementation
 * The caller blocks on `Atomics.wait` with a timeout, then takes the answer
 * with `receiveMessageOnPort`: the call stays synchronous, and a call that
 * does not return in time terminates the worker (the next call starts a
 * fresh one). The worker's source runs after a preamble that binds `port`,
 * `workerData` and `answer(body)`; it must answer `{ kind: 'loaded' }` once
 * it is ready (or anything else to say why it cannot be), then once per
 * request. Loading (TypeScript, say) takes far longer than a call, so only
 * calls are timed against the caller's limit.
 *
 * The worker numbers its answers and publishes the count of answers in a
 * shared cell after posting each one. The caller does not trust a wake-up
 * alone: the message may become visible to `receiveMessageOnPort` a moment
 * after the notify (seen here, and in synckit's issues #185/#217), so once the
 * count says the answer exists, the caller polls for it until the deadline.
 *
 * ## References
 * Node.js `worker_threads`: `receiveMessageOnPort`, `Worker#terminate`;
 * ECMA-262 25.4 `Atomics.wait` / `Atomics.notify`. The same pattern as
 * the `synckit` package.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';

export type SyncWorkerOutcome<Answer> =
  | { kind: 'answer'; body: Answer }
  | { kind: 'timeout' }
  /** The worker did not load: its first answer (a failure), or a load timeout. */
  | { kind: 'unavailable'; body: unknown; message: string };

/** Generous: loading TypeScript on a slow, busy CI machine. */
const DEFAULT_LOAD_TIMEOUT_MS = 60_000;

/** Runs in the worker before its own source. Plain JavaScript, so it does not depend on how this package is built. */
const PREAMBLE = `
const { workerData } = require('worker_threads');
const { port, signal } = workerData;
const cell = new Int32Array(signal);
let answers = 0;
function answer(body) {
  answers++;
  port.postMessage({ sequence: answers, body });
  Atomics.store(cell, 0, answers);
  Atomics.notify(cell, 0);
}
`;

interface Running {
  worker: Worker;
  port: MessagePort;
  /** The number of answers the worker has posted. */
  cell: Int32Array;
  /** The number of answers this side has asked for (the `loaded` message counts as one). */
  asked: number;
}

export class SyncWorker<Request, Answer> {
  private running: Running | null = null;

  constructor(
    private readonly source: string,
    private readonly data: Record<string, unknown>,
    private readonly loadTimeoutMs = DEFAULT_LOAD_TIMEOUT_MS,
  ) {}

  call(request: Request, timeoutMs: number): SyncWorkerOutcome<Answer> {
    const running = this.start();
    if (!('worker' in running)) return running;
    running.port.postMessage(request);
    const message = this.await(running, ++running.asked, timeoutMs);
    return message === null ? { kind: 'timeout' } : { kind: 'answer', body: message as Answer };
  }

  /** Stops the worker; the next call starts a new one. */
  close(): void {
    if (this.running === null) return;
    void this.running.worker.terminate();
    this.running.port.close();
    this.running = null;
  }

  private start(): Running | Extract<SyncWorkerOutcome<Answer>, { kind: 'unavailable' }> {
    if (this.running !== null) return this.running;
    const { port1, port2 } = new MessageChannel();
    const cell = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(PREAMBLE + this.source, {
      eval: true,
      workerData: { ...this.data, port: port2, signal: cell.buffer },
      transferList: [port2],
    });
    // A worker must not keep the process alive once its caller is done with it.
    worker.unref();
    const running: Running = { worker, port: port1, cell, asked: 1 };
    this.running = running;
    const first = this.await(running, 1, this.loadTimeoutMs) as { kind?: unknown; message?: unknown } | null;
    if (first !== null && first.kind === 'loaded') return running;
    this.close();
    if (first === null) return { kind: 'unavailable', body: null, message: `the worker did not load within ${this.loadTimeoutMs} ms` };
    return { kind: 'unavailable', body: first, message: typeof first.message === 'string' ? first.message : 'the worker did not load' };
  }

  /** Blocks until answer number `sequence` arrives (its body), or the time is up (`null`, and the worker is stopped). */
  private await(running: Running, sequence: number, timeoutMs: number): unknown {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const received = receiveMessageOnPort(running.port);
      if (received !== undefined) {
        const answer = received.message as { sequence: number; body: unknown };
        if (answer.sequence === sequence) return answer.body;
        continue; // an older answer: cannot happen while calls are sequential, harmless if it does
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        this.close();
        return null;
      }
      const answered = Atomics.load(running.cell, 0);
      // Sleep until the worker says it answered; once it has, the message is late: poll every millisecond.
      Atomics.wait(running.cell, 0, answered, answered >= sequence ? Math.min(remaining, 1) : remaining);
    }
  }
}
