/**
 * A synchronous call on a thread whose stack is far larger than the main
 * thread's: for the rare input that nests deeper than the recursive passes
 * of TypeScript and coro can walk on Node's default stack (about a megabyte,
 * a few thousand levels of a syntax tree).
 *
 * ## Example
 * ```ts
 * const reply = callOnLargeStack(path.join(__dirname, 'transform-thread.js'), { code, options });
 * // undefined if the thread gave no reply in time
 * ```
 *
 * ## Implementation
 * The thread runs `threadModule` with `resourceLimits.stackSizeMb` set,
 * reading `workerData.input`; it posts its reply on a port and then sets a
 * shared flag. The caller blocks on that flag with `Atomics.wait` and takes
 * the reply with `receiveMessageOnPort`, so the call stays synchronous, as
 * `transform` is for every integration. A thread that dies without a reply
 * cannot be heard while the caller blocks: the wait has a deadline.
 *
 * ## References
 * Node.js `worker_threads`: `resourceLimits`, `receiveMessageOnPort`;
 * ECMAScript 2025, 25.4.12 Atomics.wait.
 */
import { existsSync } from 'fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';

/** Enough for hundreds of thousands of nested levels; only reserved address space until used. */
const STACK_SIZE_MB = 1024;
const DEADLINE_MS = 120_000;

/** What a thread module finds in `workerData`. */
export interface LargeStackCall {
  readonly input: unknown;
  readonly port: MessagePort;
  /** Set to 1 (and notified) once the reply is posted. */
  readonly replied: Int32Array;
}

/**
 * The reply `threadModule` (a JavaScript file) posted for `input`; undefined
 * if there is no such file (coro's sources run by a TypeScript test runner)
 * or no reply came before the deadline.
 */
export function callOnLargeStack(threadModule: string, input: unknown): unknown {
  if (!existsSync(threadModule)) return undefined;
  const { port1, port2 } = new MessageChannel();
  const replied = new Int32Array(new SharedArrayBuffer(4));
  const workerData = { input, port: port2, replied };
  const worker = new Worker(threadModule, { workerData, transferList: [port2], resourceLimits: { stackSizeMb: STACK_SIZE_MB } });
  try {
    Atomics.wait(replied, 0, 0, DEADLINE_MS);
    return receiveMessageOnPort(port1)?.message;
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** In a thread module: hands `reply` to the blocked caller. */
export function replyToCaller(call: LargeStackCall, reply: unknown): void {
  call.port.postMessage(reply);
  Atomics.store(call.replied, 0, 1);
  Atomics.notify(call.replied, 0);
}
