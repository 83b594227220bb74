/**
 * `select`: waits on several channel operations, a timeout and task
 * completions at once; exactly one clause wins, and the others are
 * withdrawn without a trace (no element sent, none taken).
 *
 * ## Example
 * ```js
 * const { index, value, done } = await select([jobs.onReceive(), results.onSend(last), onTimeout(1000), worker]);
 * ```
 *
 * ## Implementation
 * First a poll: the clauses that can complete now are collected and one of
 * them is chosen uniformly at random (Go's rule: no clause starves another,
 * whatever their order), by the scheduler's source of choices, which the test
 * scheduler seeds (random-choice.ts), so the choice replays from the seed.
 * Only the winner is performed. When none is ready, one waiter per clause is
 * parked (in the channels' queues, on the clock, among the task's waiters);
 * the first to fire wins and takes every other registration back before it
 * completes, synchronously: no other party can see a losing clause after
 * the winner. A channel hands an element only to the waiter it takes out of
 * its queue, so a losing receive clause never holds one. Among waiters of
 * one channel the order is first come, first served.
 *
 * A losing or withdrawn send clause did not send: its element stays the
 * caller's, and `onUndelivered` is not called (an offer, not a send).
 *
 * ## References
 * - Go `runtime/select.go` (`selectgo`: poll in random order, then enqueue on all)
 * - kotlinx.coroutines `select`, `selectUnbiased`
 */
import { clockOf, systemClock, type Clock } from './clock';
import { ClosedChannelError } from './errors';
import { chooseIndex } from './random-choice';
import { AwaitedOperation } from './awaited-operation';
import { addWaiter, removeWaiter } from './task-lifecycle';
import { COMPLETED, isTask, OBSERVED, statusOf, SUSPEND, type TaskFrame } from './task-frame';
import type { Channel, ChannelWaiter } from './channel';
import { JOIN, RECEIVE, SelectClause, SEND, TIMEOUT } from './select-clause';

export { SelectClause };

/** What a select gives: the index of the clause that won, its value, and for a receive whether the channel had ended. */
export interface SelectResult {
  index: number;
  value: unknown;
  done: boolean;
}


/** Wins when `channel` has an element (or has ended: `done`). */
export function onReceive<T>(channel: Channel<T>): SelectClause {
  return new SelectClause(RECEIVE, channel, undefined, 0, undefined);
}

/** Wins when `channel` takes `element`. */
export function onSend<T>(channel: Channel<T>, element: T): SelectClause {
  return new SelectClause(SEND, channel, element, 0, undefined);
}

/** Wins after `milliseconds` of the scheduler's clock. */
export function onTimeout(milliseconds: number): SelectClause {
  return new SelectClause(TIMEOUT, undefined, undefined, Math.max(0, +milliseconds || 0), undefined);
}

/** Wins when `task` settles: its result, or the select throws its error. */
export function onJoin(task: PromiseLike<unknown>): SelectClause {
  if (!isTask(task)) throw new TypeError('onJoin: a Task (a coroutine call, scope or launch)');
  return new SelectClause(JOIN, undefined, undefined, 0, task);
}

function clauseOf(clause: SelectClause | PromiseLike<unknown>): SelectClause {
  if (clause instanceof SelectClause) return clause;
  return onJoin(clause);
}

/** Waits for the first of `clauses` (a task stands for `onJoin(task)`). */
export function select(clauses: ReadonlyArray<SelectClause | PromiseLike<unknown>>): Selection {
  if (!clauses.length) throw new TypeError('select: at least one clause');
  return new Selection(clauses.map(clauseOf));
}

/** One clause parked in a channel's queue. */
class ChannelRegistration implements ChannelWaiter<unknown> {
  $element: unknown;
  $parked = false;
  constructor(readonly selection: Selection, readonly index: number) {
    this.$element = selection.clauses[index].$element;
  }

  $take(element: unknown): void {
    this.selection.win(this.index, 0, { index: this.index, value: element, done: false });
  }

  $taken(): void {
    this.selection.win(this.index, 0, { index: this.index, value: undefined, done: false });
  }

  $closed(cause: unknown): void {
    if (cause === undefined) this.selection.win(this.index, 0, { index: this.index, value: undefined, done: true });
    else this.selection.win(this.index, 1, cause);
  }

  $refused(error: Error): void {
    this.selection.win(this.index, 1, error);
  }
}

/** A select, awaited once: in a coroutine it parks the task; from ordinary code `then` gives a promise. */
export interface Selection {
  catch<R = never>(onRejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<SelectResult | R>;
  finally(onFinally?: (() => void) | null): Promise<SelectResult>;
}

export class Selection extends AwaitedOperation implements PromiseLike<SelectResult> {
  private registrations: unknown[] | undefined = undefined;
  private used = false;
  private finished = false;
  /** The clock its timeout clauses are set on: the waiting task's. */
  private clock: Clock = systemClock;

  constructor(readonly clauses: SelectClause[]) {
    super();
  }

  $suspend(task: TaskFrame): unknown {
    var outcome = this.poll();
    if (outcome !== SUSPEND) return outcome;
    this.task = task;
    task.$awaitedOrOutcome = this;
    this.register();
    return SUSPEND;
  }

  then<R1 = SelectResult, R2 = never>(onFulfilled?: ((value: SelectResult) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    var selection = this;
    var done = new Promise<SelectResult>(function performSelect(resolve, reject) {
      var outcome = selection.poll();
      if (outcome !== SUSPEND) return resolve(outcome as SelectResult);
      selection.waitWithPromise(resolve as (value: unknown) => void, reject);
      selection.register();
    });
    return done.then(onFulfilled, onRejected);
  }

  /** Performs one clause that can complete now, chosen uniformly among them; `SUSPEND` when none can. */
  private poll(): unknown {
    if (this.used) throw new TypeError('a select is awaited once');
    this.used = true;
    var ready: number[] = [];
    for (var i = 0; i < this.clauses.length; i++) if (canCompleteNow(this.clauses[i])) ready.push(i);
    if (!ready.length) return SUSPEND;
    var index = ready[chooseIndex(ready.length)];
    var clause = this.clauses[index];
    if (clause.$kind === RECEIVE) {
      var received = channelOf(clause).$receiveResultNow() as IteratorResult<unknown>;
      return { index: index, value: received.value, done: !!received.done };
    }
    if (clause.$kind === SEND) {
      if (channelOf(clause).isClosed) throw new ClosedChannelError('send to a closed channel', channelOf(clause).$closeCause);
      channelOf(clause).$sendNow(clause.$element);
      return { index: index, value: undefined, done: false };
    }
    if (clause.$kind === TIMEOUT) return { index: index, value: undefined, done: false };
    var task = clause.$task!;
    task.$taskState |= OBSERVED;
    if (statusOf(task) === COMPLETED) return { index: index, value: task.$awaitedOrOutcome, done: false };
    throw task.$awaitedOrOutcome;
  }

  private register(): void {
    this.clock = clockOf(this.task);
    var registrations: unknown[] = (this.registrations = []);
    var selection = this;
    this.clauses.forEach(function registerClause(clause, index) {
      if (clause.$kind === RECEIVE || clause.$kind === SEND) {
        var waiter = new ChannelRegistration(selection, index);
        channelOf(clause).$park(waiter, clause.$kind === SEND);
        registrations.push(waiter);
      } else if (clause.$kind === TIMEOUT) {
        registrations.push(selection.clock.setTimer(function timeoutClauseFired() {
          registrations[index] = undefined;
          selection.win(index, 0, { index: index, value: undefined, done: false });
        }, clause.$milliseconds));
      } else {
        var joined = function joinClauseSettled(task: TaskFrame) {
          task.$taskState |= OBSERVED;
          if (statusOf(task) === COMPLETED) selection.win(index, 0, { index: index, value: task.$awaitedOrOutcome, done: false });
          else selection.win(index, 1, task.$awaitedOrOutcome);
        };
        addWaiter(clause.$task!, joined);
        registrations.push(joined);
      }
    });
  }

  /** The first clause to fire: every other registration is taken back, then the select completes. */
  win(index: number, mode: number, value: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.withdrawAll(index);
    this.resumeWaiter(mode, value);
  }

  private withdrawAll(except: number): void {
    var registrations = this.registrations;
    if (!registrations) return;
    this.registrations = undefined;
    for (var i = 0; i < registrations.length; i++) {
      if (i === except || registrations[i] === undefined) continue;
      var clause = this.clauses[i];
      if (clause.$kind === RECEIVE || clause.$kind === SEND) channelOf(clause).$unpark(registrations[i] as ChannelWaiter<unknown>, clause.$kind === SEND);
      else if (clause.$kind === TIMEOUT) this.clock.clearTimer(registrations[i]);
      else removeWaiter(clause.$task!, registrations[i] as (task: TaskFrame) => void);
    }
  }

  /** The task was cancelled while it waited: every clause is taken back. */
  $withdraw(): void {
    this.finished = true;
    this.task = undefined;
    this.withdrawAll(-1);
  }

  $describe(): string {
    return 'select of ' + this.clauses.length + ' clauses';
  }
}

function canCompleteNow(clause: SelectClause): boolean {
  if (clause.$kind === RECEIVE) return channelOf(clause).$canReceive();
  if (clause.$kind === SEND) return channelOf(clause).$canSend();
  if (clause.$kind === TIMEOUT) return clause.$milliseconds === 0;
  return statusOf(clause.$task!) >= COMPLETED;
}

/** The channel of a receive or send clause. */
function channelOf(clause: SelectClause): Channel<unknown> {
  return clause.$channel as Channel<unknown>;
}
