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
 * settles the promise. `catch` and `finally` are `Promise.prototype`'s,
 * which call `then`, as a task's are: ordinary code chains on an operation
 * (`ch.send(x).catch(report)`) as on a promise.
 *
 * ## References
 * - task-lifecycle.ts `wake`; channel.ts, select.ts, flow.ts
 */
import { wakeFromParkedWait } from './task-lifecycle';
import type { TaskFrame } from './task-frame';

/** The promise's functions, when ordinary code awaits the operation (`then`). */
interface PromiseSettlers {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export class AwaitedOperation {
  /** The coroutine parked on the operation. */
  protected task: TaskFrame | undefined = undefined;
  /** The promise of `then`, for ordinary code: one field for both functions, so that the operations coroutines make (by far the most) stay small. */
  private settlers: PromiseSettlers | undefined = undefined;

  /** Ordinary code waits: the outcome settles the promise of `then`. */
  protected waitWithPromise(resolve: (value: unknown) => void, reject: (error: unknown) => void): void {
    this.settlers = { resolve: resolve, reject: reject };
  }

  /** Whether `task` still waits here: false once its resumption is queued (or it was withdrawn). */
  $waiting(task: TaskFrame): boolean {
    return this.task === task;
  }

  /**
   * Resumes whoever waits with the outcome: `mode` 0 a value, 1 an error. A
   * task's resumption is queued with nothing written to the task: from now
   * on the operation says it no longer waits (`$waiting`), which is what
   * `QUEUED` in the task's field said, a store to a field of every
   * coroutine's frame (a megamorphic site, about a hundred instructions, one
   * per message between coroutines).
   */
  protected resumeWaiter(mode: number, value: unknown): void {
    var task = this.task;
    if (task !== undefined) {
      this.task = undefined;
      wakeFromParkedWait(task, mode, value);
    } else if (this.settlers !== undefined) {
      if (mode === 0) this.settlers.resolve(value);
      else this.settlers.reject(value);
    }
  }
}

export interface AwaitedOperation {
  catch(onRejected?: ((reason: any) => unknown) | null): Promise<unknown>;
  finally(onFinally?: (() => void) | null): Promise<unknown>;
}

/** `Promise.prototype`'s own `catch` and `finally`, which are generic: they call the receiver's `then`. */
export function addPromiseMethods(prototype: object): void {
  Object.defineProperty(prototype, 'catch', { value: Promise.prototype.catch, writable: true, configurable: true });
  Object.defineProperty(prototype, 'finally', { value: Promise.prototype.finally, writable: true, configurable: true });
}

addPromiseMethods(AwaitedOperation.prototype);
