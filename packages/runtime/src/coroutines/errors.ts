/**
 * The errors of the coroutine runtime: `CancellationError` (thrown at the
 * `await` of a cancelled task), `TimeoutError` (thrown by `withTimeout`),
 * and how the failures of one scope become the one error it throws.
 *
 * ## Example
 * ```js
 * try { await delay(1000); } catch (e) { e instanceof CancellationError; e.reason; }
 * ```
 *
 * ## Implementation
 * A scope whose children failed throws the first failure itself when it is
 * the only one, so `catch (e) { if (e instanceof HttpError) … }` works as it
 * would without the scope; when several failed it throws an `AggregateError`
 * whose `errors` are all of them in the order they happened (the first is
 * also its `cause`). Not `SuppressedError`: that pairs one error with the one
 * it replaced while disposing, a chain of two, where sibling failures are
 * peers none of which caused another; it is also missing from Node 20.
 * Cancellation errors of the siblings the first failure cancelled are not
 * failures and are left out (docs/coroutines.md, "Failures").
 *
 * ## References
 * - ECMA-262 §20.5.7 AggregateError Objects
 * - Trio `ExceptionGroup` of a nursery; kotlinx.coroutines "exceptions aggregation"
 */
import { SuppressedError } from '../resource-disposal';

export class CancellationError extends Error {
  readonly reason: unknown;
  constructor(reason?: unknown) {
    super(reason === undefined ? 'the task was cancelled' : 'the task was cancelled: ' + describeReason(reason));
    this.name = 'CancellationError';
    this.reason = reason;
  }
}

export class TimeoutError extends Error {
  readonly milliseconds: number;
  constructor(milliseconds: number) {
    super('timed out after ' + milliseconds + ' ms');
    this.name = 'TimeoutError';
    this.milliseconds = milliseconds;
  }
}

/**
 * A `CancellationError`, or what an `await using` makes of one: disposing of
 * a resource in a cancelled task, an `await` throws the cancellation again,
 * and the disposal wraps the two in a `SuppressedError` (ECMA-262
 * DisposeResources). One made of cancellations only is still the task's
 * cancellation, not a failure; one that holds another error is a cleanup
 * that failed.
 */
export function isCancellation(error: unknown): error is CancellationError {
  if (error instanceof CancellationError) return true;
  return error instanceof SuppressedError && isCancellation(error.error) && isCancellation(error.suppressed);
}

/** The `CancellationError` a cancellation (`isCancellation`) is or wraps: the first one, which the disposal's `SuppressedError`s keep as what they suppressed. */
export function firstCancellation(error: unknown): CancellationError {
  while (!(error instanceof CancellationError)) error = (error as { suppressed: unknown }).suppressed;
  return error;
}

/** The one error a task whose children (or body) failed throws; `what` names the failures, after their count. */
export function combinedFailure(failures: readonly unknown[], what: string = 'tasks of one scope failed'): unknown {
  if (failures.length === 1) return failures[0];
  return new AggregateError(failures, failures.length + ' ' + what, { cause: failures[0] });
}

function describeReason(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/** Sending to a closed channel, or receiving from one closed without a cause once it is drained. */
export class ClosedChannelError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause: cause });
    this.name = 'ClosedChannelError';
  }
}
