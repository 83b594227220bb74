/**
 * Running a fuzz program in a sandbox on a worker thread, and recording the
 * promise rejections it leaves unhandled.
 *
 * ## Example
 * ```ts
 * const isolated = new IsolatedExecution();
 * isolated.run(`Promise.reject(new Error('x')); console.log('a');`, { filename: 'fuzz.js', timeoutMs: 2000 });
 * // { trace: ['a', 'unhandled rejection Error(x)'], outcome: 'completed', truncated: false }
 * isolated.close();
 * ```
 *
 * ## Implementation
 * `execute` (../execute.ts) drains the sandbox's promise jobs before it
 * returns, but Node only decides which rejections went unhandled after the
 * host's current task: by then `execute` has long returned, and the default
 * answer (Node 20: throw) crashes the host process, a jest worker or a fuzz
 * campaign with it. So programs run on a worker thread that listens for
 * `unhandledRejection`, runs `execute` for each request and answers on the
 * next turn of its event loop (`setImmediate`), when Node has reported every
 * rejection of that run; each becomes a trace line
 * `unhandled rejection <what>` after the program's own lines. A lowering
 * that leaks a rejection then shows as a trace difference, and a generated
 * program that leaves one is unsound (differential.ts).
 *
 * The worker runs one program at a time, so whatever it hears between a
 * request and its answer belongs to that program. It is replaced by a fresh
 * one every {@link RUNS_PER_WORKER} runs: each `vm` context leaves some memory
 * behind that no garbage collection returns (tens of kilobytes here, more
 * with the inline runtime), which adds up to gigabytes over a long campaign,
 * and ending the thread returns all of it. It also keeps jest's async
 * hooks away from the sandbox: with hooks on, a `vm` timeout that fires while
 * promise jobs run leaves Node's async-hook stack corrupted (execute.ts).
 *
 * The worker loads the built `execute.js` next to this package's `dist/`;
 * when this module runs from TypeScript sources (ts-jest on `src/`), there is
 * nothing it could load, and programs run in the calling thread, as before,
 * with no record of unhandled rejections.
 *
 * ## References
 * Node.js `process` event `'unhandledRejection'`; HTML's "notify about
 * rejected promises" (HostPromiseRejectionTracker, ECMA-262 27.2.1.9).
 */
import * as path from 'path';
import { execute, type ExecuteOptions, type ExecutionResult } from '../execute';
import { SyncWorker } from './sync-worker';

/** The first words of the trace line an unhandled rejection adds. */
export const UNHANDLED_REJECTION = 'unhandled rejection';

/** Runs before the worker is replaced by a fresh one, and what the `vm` contexts kept is freed. */
const RUNS_PER_WORKER = 1500;

/** How much longer than the sandbox's own timeout a run may take before the worker is stopped. */
const RUN_MARGIN_MS = 10_000;

type RunAnswer = { kind: 'done'; result: ExecutionResult; unhandled: string[] } | { kind: 'threw'; message: string };

/** Runs in the worker, after the preamble of sync-worker.ts. */
const WORKER_SOURCE = `
const { execute } = require(workerData.execute);
const { formatValue } = require(workerData.format);
let unhandled = null;
function describeRejection(reason) {
  try {
    if (reason !== null && typeof reason === 'object' && typeof reason.message === 'string') {
      return reason.name === 'Error' ? 'Error(' + reason.message + ')' : String(reason.name);
    }
    return 'value ' + formatValue(reason);
  } catch (error) {
    return 'a value that cannot be described';
  }
}
process.on('unhandledRejection', (reason) => {
  if (unhandled !== null) unhandled.push(describeRejection(reason));
});
answer({ kind: 'loaded' });
port.on('message', (request) => {
  unhandled = [];
  let result;
  try {
    result = execute(request.code, request.options);
  } catch (error) {
    unhandled = null;
    answer({ kind: 'threw', message: error && error.stack ? String(error.stack) : String(error) });
    return;
  }
  // Node reports the rejections left unhandled once this task is over: answer after that.
  setImmediate(() => {
    const lines = unhandled;
    unhandled = null;
    answer({ kind: 'done', result, unhandled: lines });
  });
});
`;

export class IsolatedExecution {
  private readonly worker: SyncWorker<{ code: string; options: ExecuteOptions }, RunAnswer> | null;
  private runs = 0;

  constructor() {
    const built = __filename.endsWith('.js');
    this.worker = built
      ? new SyncWorker(WORKER_SOURCE, {
          execute: path.join(__dirname, '..', 'execute.js'),
          format: path.join(__dirname, '..', 'format.js'),
        })
      : null;
  }

  /** Runs `code` like `execute`, with a trace line per rejection the program left unhandled. */
  run(code: string, options: ExecuteOptions): ExecutionResult {
    if (this.worker === null) return execute(code, options);
    if (++this.runs % RUNS_PER_WORKER === 0) this.worker.close();
    const timeoutMs = options.timeoutMs ?? 5000;
    const outcome = this.worker.call({ code, options }, timeoutMs + RUN_MARGIN_MS);
    switch (outcome.kind) {
      case 'answer': {
        if (outcome.body.kind === 'threw') throw new Error(`execute threw in the sandbox worker: ${outcome.body.message}`);
        const { result, unhandled } = outcome.body;
        if (unhandled.length === 0) return result;
        return { ...result, trace: [...result.trace, ...unhandled.map((what) => `${UNHANDLED_REJECTION} ${what}`)] };
      }
      case 'timeout': {
        const line = `timeout after ${timeoutMs} ms (the sandbox worker did not answer)`;
        return { trace: [line], error: line, outcome: 'timeout', truncated: false };
      }
      case 'unavailable':
        throw new Error(`cannot start the sandbox worker: ${outcome.message}`);
    }
  }

  /** Stops the worker; the next run starts a new one. */
  close(): void {
    this.worker?.close();
  }
}
