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
 * Loading the compiler (TypeScript among it) takes far longer than one call,
 * so the worker signals once it is loaded, and only calls are timed
 * (sync-worker.ts).
 *
 * ## References
 * Node.js `worker_threads`: `receiveMessageOnPort`, `Worker#terminate`;
 * ECMA-262 25.4 `Atomics.wait` / `Atomics.notify`. The same pattern as
 * the `synckit` package.
 */
import type { CompilerDiagnostic, TransformOptions } from './compiler-contract';
import { SyncWorker } from './sync-worker';

export type IsolatedOutcome =
  | { kind: 'done'; output: { code: string; diagnostics: readonly CompilerDiagnostic[] } }
  | { kind: 'threw'; message: string }
  | { kind: 'timeout' }
  /** The compiler could not be loaded at all. */
  | { kind: 'unavailable'; message: string };

/** Runs in the worker, after the preamble of sync-worker.ts. */
const WORKER_SOURCE = `
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

export class IsolatedTransform {
  private readonly worker: SyncWorker<{ code: string; options: TransformOptions }, IsolatedOutcome>;

  /** `compiler` is what the worker `require`s; by default `@coro/compiler` as this package resolves it. */
  constructor(private readonly compiler: string) {
    this.worker = new SyncWorker(WORKER_SOURCE, { compiler });
  }

  call(code: string, options: TransformOptions, timeoutMs: number): IsolatedOutcome {
    const outcome = this.worker.call({ code, options }, timeoutMs);
    switch (outcome.kind) {
      case 'answer':
        return outcome.body;
      case 'timeout':
        return { kind: 'timeout' };
      case 'unavailable':
        return { kind: 'unavailable', message: outcome.body === null ? `${this.compiler}: ${outcome.message}` : outcome.message };
    }
  }

  /** Stops the worker; the next call starts a new one. */
  close(): void {
    this.worker.close();
  }
}
