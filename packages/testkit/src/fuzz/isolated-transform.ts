/**
 * Calling the compiler's `transform` with a time limit.
 *
 * ## Example
 * ```ts
 * const isolated = new IsolatedTransform();
 * const outcome = isolated.call(source, { filename: 'fuzz.js', runtime: 'inline', sourceMap: false, sourceType: 'script' }, 3000);
 * // { kind: 'done', output } | { kind: 'threw', message } | { kind: 'timeout' } | { kind: 'unavailable', message }
 * isolated.close();
 * ```
 *
 * ## Implementation
 * A random program can send a compiler into an endless loop, and a
 * synchronous call in our own thread cannot be interrupted: the fuzzer, and a
 * CI job with it, would hang. So `transform` runs in a worker thread, and the
 * caller blocks on `Atomics.wait` with a timeout, then takes the answer with
 * `receiveMessageOnPort`: the call stays synchronous, like `transform` itself,
 * and a timeout terminates the worker (the next call starts a fresh one).
 *
 * The worker numbers its answers and publishes the count of answers in a
 * shared cell after posting each one. The caller does not trust a wake-up
 * alone: the message may become visible to `receiveMessageOnPort` a moment
 * after the notify (seen here, and in synckit's issues #185/#217), so once the
 * count says the answer exists, the caller polls for it until the deadline.
 * Loading the compiler (TypeScript among it) takes far longer than one call,
 * so the worker signals once it is loaded, and only calls are timed.
 *
 * ## References
 * Node.js `worker_threads`: `receiveMessageOnPort`, `Worker#terminate`;
 * ECMA-262 25.4 `Atomics.wait` / `Atomics.notify`. The same pattern as
 * the `synckit` package.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import type { CompilerDiagnostic, TransformOptions } from './differential';

export type IsolatedOutcome =
  | { kind: 'done'; output: { code: string; diagnostics: readonly CompilerDiagnostic[] } }
  | { kind: 'threw'; message: string }
  | { kind: 'timeout' }
  /** The compiler could not be loaded at all. */
  | { kind: 'unavailable'; message: string };

/** What the worker sends: one `loaded` (or a load failure) first, then one outcome per call. */
type WorkerMessage = IsolatedOutcome | { kind: 'loaded' };

/** Generous: loading TypeScript on a slow, busy CI machine. */
const LOAD_TIMEOUT_MS = 60_000;

/** Runs in the worker. Plain JavaScript, so it does not depend on how this package is built. */
const WORKER_SOURCE = `
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
let transform;
try {
  transform = require(workerData.compiler).transform;
  answer({ kind: 'loaded' });
} catch (error) {
  answer({ kind: 'unavailable', message: 'cannot load ' + workerData.compiler + ': ' + (error && error.stack || String(error)) });
}
port.on('message', (request) => {
  let message;
  try {
    const output = transform(request.code, request.options);
    const diagnostics = (output.diagnostics || []).map((d) => ({
      message: String(d.message), category: d.category, line: d.line, column: d.column, code: d.code,
    }));
    message = { kind: 'done', output: { code: String(output.code), diagnostics } };
  } catch (error) {
    message = { kind: 'threw', message: error && error.stack ? String(error.stack) : String(error) };
  }
  answer(message);
});
`;

interface Running {
  worker: Worker;
  port: MessagePort;
  /** The number of answers the worker has posted. */
  cell: Int32Array;
  /** The number of answers this side has asked for (the `loaded` message counts as one). */
  asked: number;
}

export class IsolatedTransform {
  private running: Running | null = null;

  /** `compiler` is what the worker `require`s; by default `@coro/compiler` as this package resolves it. */
  constructor(private readonly compiler: string) {}

  call(code: string, options: TransformOptions, timeoutMs: number): IsolatedOutcome {
    const running = this.start();
    if (!('worker' in running)) return running;
    running.port.postMessage({ code, options });
    const message = this.await(running, ++running.asked, timeoutMs);
    return message.kind === 'loaded' ? { kind: 'threw', message: 'the transform worker answered out of turn' } : message;
  }

  /** Stops the worker; the next call starts a new one. */
  close(): void {
    if (this.running === null) return;
    void this.running.worker.terminate();
    this.running.port.close();
    this.running = null;
  }

  private start(): Running | IsolatedOutcome {
    if (this.running !== null) return this.running;
    const { port1, port2 } = new MessageChannel();
    const cell = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, signal: cell.buffer, compiler: this.compiler },
      transferList: [port2],
    });
    // A worker must not keep the process alive once its caller is done with it.
    worker.unref();
    const running: Running = { worker, port: port1, cell, asked: 1 };
    this.running = running;
    const first = this.await(running, 1, LOAD_TIMEOUT_MS);
    if (first.kind === 'loaded') return running;
    this.close();
    return first.kind === 'timeout' ? { kind: 'unavailable', message: `${this.compiler} did not load within ${LOAD_TIMEOUT_MS} ms` } : first;
  }

  /** Blocks until answer number `sequence` arrives, or the time is up. */
  private await(running: Running, sequence: number, timeoutMs: number): WorkerMessage {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const received = receiveMessageOnPort(running.port);
      if (received !== undefined) {
        const answer = received.message as { sequence: number; body: WorkerMessage };
        if (answer.sequence === sequence) return answer.body;
        continue; // an older answer: cannot happen while calls are sequential, harmless if it does
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        this.close();
        return { kind: 'timeout' };
      }
      const answered = Atomics.load(running.cell, 0);
      // Sleep until the worker says it answered; once it has, the message is late: poll every millisecond.
      Atomics.wait(running.cell, 0, answered, answered >= sequence ? Math.min(remaining, 1) : remaining);
    }
  }
}
