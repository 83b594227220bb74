/**
 * What a channel operation, a select and a flow pull share: an operation
 * awaited once, by a coroutine (the task parks on it) or by ordinary code
 * (`then` gives a promise), and resumed the same way either way.
 *
 * ## Example
 * ```js
 * await ch.receive();              // in a coroutine: the task waits in the channel
 * ch.receive().then(console.log);  // from ordinary code: a promise waits instead
 * ```
 *
 * ## Implementation
 * A base class with the three places a waiter can be, and `resumeWaiter`,
 * which resumes the task through the ready queue (never calling it) or
 * settles the promise.
 *
 * ## References
 * - task-lifecycle.ts `wake`; channel.ts, select.ts, flow.ts
 */
import { wake } from './task-lifecycle';
import type { TaskFrame } from './task-frame';

export class AwaitedOperation {
  /** The coroutine parked on the operation. */
  protected task: TaskFrame | undefined = undefined;
  /** The promise of `then`, for ordinary code. */
  protected resolve: ((value: unknown) => void) | undefined = undefined;
  protected reject: ((error: unknown) => void) | undefined = undefined;

  /** Resumes whoever waits with the outcome: `mode` 0 a value, 1 an error. */
  protected resumeWaiter(mode: number, value: unknown): void {
    var task = this.task;
    if (task !== undefined) {
      this.task = undefined;
      wake(task, mode, value);
    } else if (this.resolve !== undefined) {
      if (mode === 0) this.resolve(value);
      else this.reject!(value);
    }
  }
}
