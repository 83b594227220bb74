/**
 * Channels: `channel<T>(capacity, options)`, a queue between coroutines with
 * backpressure. Capacity 0 is a rendezvous (a send waits for a receiver), N
 * a buffer of N, `Infinity` unbounded. When the buffer is full the overflow
 * policy decides: `suspend` (the sender waits), `drop-oldest`, `drop-latest`.
 *
 * ## Example
 * ```js
 * const jobs = channel(10);
 * scope(async (s) => {
 *   s.launch(async () => { for (const url of urls) await jobs.send(url); jobs.close(); });
 *   for await (const url of jobs) await fetchPage(url);
 * });
 * ```
 *
 * ## Implementation
 * One buffer and two queues of waiters (fifo-queue.ts), as Go's `hchan`:
 * receivers wait only while the buffer is empty and no sender waits; senders
 * wait only while the buffer is full (or, at capacity 0, no receiver waits).
 * An operation is a small object, lazy as a Rust future: it does its work
 * when it is awaited, not when it is made. Awaited in a coroutine it is a
 * `SchedulerAwaitable`: it completes at once when it can (no tick), or parks
 * the task itself in the queue (`$awaitedOrOutcome` is the operation); from ordinary
 * code its `then` does the same with a promise. A waiter that is handed its
 * element is resumed through the ready queue; a cancelled one is withdrawn
 * from its queue first (task-lifecycle.ts `interruptAwait` → `$withdraw`).
 * A `select` (select.ts) parks one waiter per clause in the same queues.
 *
 * Where an element is, always (docs/coroutines.md, "Channels"): received by
 * exactly one receiver, or in the buffer, or held by its waiting sender, or
 * handed once to `onUndelivered` (dropped by the overflow policy, discarded
 * by `cancel`, or its send failed or was cancelled while it waited). A
 * receiver cancelled after an element was handed to it keeps the element:
 * its `receive` returns it and the next `await` throws.
 *
 * ## References
 * - Go `runtime/chan.go`; kotlinx.coroutines `Channel`, `BufferOverflow`, `onUndeliveredElement`
 * - tokio `mpsc` and the data loss of `select!` on cancel this design avoids
 */
import { shareError } from './async-stack-trace';
import { ClosedChannelError } from './errors';
import { FifoQueue, WaiterQueue } from './fifo-queue';
import { RECEIVE as RECEIVE_CLAUSE, SelectClause, SEND as SEND_CLAUSE } from './select-clause';
import { AwaitedOperation } from './awaited-operation';
import { failureEvents } from './task-lifecycle';
import { SUSPEND, type TaskFrame } from './task-frame';

export type Overflow = 'suspend' | 'drop-oldest' | 'drop-latest';

/** Why an element was not delivered. */
export type Undelivered = 'dropped' | 'cancelled' | 'closed';

export interface ChannelOptions<T> {
  /** When the buffer is full: the sender waits (default), or the oldest or the newest element is dropped. */
  overflow?: Overflow;
  /** Receives every element the channel could not deliver, once. */
  onUndelivered?: (element: T, why: Undelivered) => void;
  /** Shown in `dump()` beside a task waiting on the channel. */
  name?: string;
}

/**
 * A party waiting in a channel's queue: an operation, or one clause of a
 * select. The channel calls one of these once and takes the waiter out.
 */
export interface ChannelWaiter<T> {
  /** Whether it waits in a queue of the channel (fifo-queue.ts `WaiterQueue`). */
  $parked: boolean;
  /** What a waiting sender offers. */
  $element: T | undefined;
  /** A waiting receiver gets an element. */
  $take(element: T): void;
  /** A waiting sender's element was taken. */
  $taken(): void;
  /** A waiting receiver finds the channel closed (`cause`: what it was closed with; `end()`: what a `receive` throws, one for all). */
  $closed(cause: unknown, end: () => unknown): void;
  /** A waiting sender's channel was cancelled: its element went to `onUndelivered`. */
  $refused(error: Error): void;
}

var SEND = 0;
var RECEIVE = 1;
var NEXT = 2;
/** The kind's bits in an operation's `state`, and the bit set once it is awaited. */
var KIND = 3;
var AWAITED = 4;
var PARKED = 8;
var KIND_NAMES = ['send to', 'receive from', 'receive from'];

/** The result of `tryReceive`: an element, or that there is none now (`undefined`), or that there never will be (`done`). */
export type TryReceiveResult<T> = { value: T; done: false } | { value: undefined; done: true } | undefined;

export class Channel<T> implements AsyncIterable<T> {
  readonly capacity: number;
  readonly name: string | undefined;
  private readonly overflow: Overflow;
  private readonly onUndelivered: ((element: T, why: Undelivered) => void) | undefined;
  private readonly buffer = new FifoQueue<T>();
  private readonly senders = new WaiterQueue<ChannelWaiter<T>>();
  private readonly receivers = new WaiterQueue<ChannelWaiter<T>>();
  private closed = false;
  private closeCause: unknown = undefined;

  constructor(capacity: number = 0, options: ChannelOptions<T> = {}) {
    checkCount(capacity, 'channel: the capacity');
    var overflow = options.overflow || 'suspend';
    if (overflow !== 'suspend' && overflow !== 'drop-oldest' && overflow !== 'drop-latest') throw new RangeError('channel: overflow is suspend, drop-oldest or drop-latest');
    if (overflow !== 'suspend' && capacity === 0) throw new RangeError('channel: a drop policy needs a buffer (capacity >= 1)');
    this.capacity = capacity;
    this.overflow = overflow;
    this.onUndelivered = options.onUndelivered;
    this.name = options.name;
  }

  /** Elements in the buffer. */
  get size(): number {
    return this.buffer.length;
  }

  /** Closed for sending (`close` or `cancel` was called). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends `element`, waiting while the buffer is full; throws `ClosedChannelError` once the channel is closed. */
  send(element: T): ChannelOperation<T, void> {
    return new ChannelOperation(this, SEND, element);
  }

  /** The next element, waiting while there is none; once closed and drained, throws the close's cause, or `ClosedChannelError`. */
  receive(): ChannelOperation<T, T> {
    return new ChannelOperation(this, RECEIVE, undefined);
  }

  /** Sends without waiting: false (and the element stays the caller's) when the send would have to wait. */
  trySend(element: T): boolean {
    return this.$sendNow(element) !== SUSPEND;
  }

  /** Receives without waiting. */
  tryReceive(): TryReceiveResult<T> {
    var element = this.$receiveNow(NEXT);
    return element === SUSPEND ? undefined : (element as TryReceiveResult<T>);
  }

  /**
   * No more sends. Elements in the buffer, and those of senders already
   * waiting, are still received, in order; then receivers see the end (an
   * iteration ends; `receive` throws `cause`, or `ClosedChannelError`).
   * Returns false if it was closed already.
   */
  close(cause?: unknown): boolean {
    if (this.closed) return false;
    this.closed = true;
    this.closeCause = cause;
    // Receivers wait only when nothing is buffered and no sender waits: they all see the end now.
    var receivers = this.receivers.takeAll();
    var end = cause === undefined ? oneErrorFor(function endOfChannel() { return new ClosedChannelError('receive from a closed channel'); }) : function theCause() { return cause; };
    for (var i = 0; i < receivers.length; i++) receivers[i].$closed(cause, end);
    return true;
  }

  /**
   * Closes the channel and discards what it holds: buffered elements and the
   * elements of waiting senders go to `onUndelivered` ('cancelled'), and the
   * waiting senders throw `ClosedChannelError`.
   */
  cancel(cause?: unknown): void {
    this.close(cause);
    var buffered = this.buffer.takeAll();
    for (var i = 0; i < buffered.length; i++) this.undelivered(buffered[i], 'cancelled');
    var senders = this.senders.takeAll();
    var refusal = oneErrorFor(function refusal() { return new ClosedChannelError('send to a cancelled channel', cause); });
    for (var j = 0; j < senders.length; j++) {
      this.undelivered(senders[j].$element as T, 'cancelled');
      senders[j].$refused(refusal());
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    var channel = this;
    return {
      next: function next() { return new ChannelOperation(channel, NEXT, undefined) as unknown as Promise<IteratorResult<T>>; },
      // Leaving a loop stops receiving; the channel stays open for its other receivers.
      return: function stopReceiving(value?: unknown) { return Promise.resolve({ value: value, done: true } as IteratorResult<T>); },
    };
  }

  /** Sends now if it can: `undefined` when done (delivered, buffered or dropped by policy), `SUSPEND` when it must wait. */
  $sendNow(element: T): unknown {
    if (this.closed) {
      this.undelivered(element, 'closed');
      throw new ClosedChannelError('send to a closed channel', this.closeCause);
    }
    var receiver = this.receivers.shift();
    if (receiver !== undefined) {
      receiver.$take(element);
      return undefined;
    }
    if (this.buffer.length < this.capacity) {
      this.buffer.push(element);
      return undefined;
    }
    if (this.overflow === 'suspend') return SUSPEND;
    if (this.overflow === 'drop-latest') {
      this.undelivered(element, 'dropped');
      return undefined;
    }
    var oldest = this.buffer.shift() as T;
    this.buffer.push(element);
    this.undelivered(oldest, 'dropped');
    return undefined;
  }

  /** Whether a send would complete (or fail) without waiting. */
  $canSend(): boolean {
    return this.closed || this.receivers.length > 0 || this.buffer.length < this.capacity || this.overflow !== 'suspend';
  }

  /** Whether a receive would complete (or see the end) without waiting. */
  $canReceive(): boolean {
    return this.buffer.length > 0 || this.senders.length > 0 || this.closed;
  }

  /**
   * Receives now if it can: the element (`NEXT`: an iterator result), or the
   * end once closed and drained (`RECEIVE` throws; `NEXT` gives `done`), or
   * `SUSPEND` when it must wait.
   */
  $receiveNow(kind: number): unknown {
    var element: T;
    if (this.buffer.length > 0) {
      element = this.buffer.shift() as T;
      var sender = this.senders.shift();
      if (sender !== undefined) {
        this.buffer.push(sender.$element as T);
        sender.$taken();
      }
    } else {
      var direct = this.senders.shift();
      if (direct === undefined) {
        if (!this.closed) return SUSPEND;
        if (kind === NEXT && this.closeCause === undefined) return { value: undefined, done: true };
        throw this.endError();
      }
      element = direct.$element as T;
      direct.$taken();
    }
    return kind === NEXT ? { value: element, done: false } : element;
  }

  /** `$receiveNow` giving an iterator result (a select's receive clause). */
  $receiveResultNow(): unknown {
    return this.$receiveNow(NEXT);
  }

  /** What a receive throws once the channel is closed and drained. */
  endError(): unknown {
    return this.closeCause === undefined ? new ClosedChannelError('receive from a closed channel') : this.closeCause;
  }

  /** The close's cause, `undefined` for a plain close. */
  get $closeCause(): unknown {
    return this.closeCause;
  }

  /** A select clause that receives from this channel. */
  onReceive(): SelectClause {
    return new SelectClause(RECEIVE_CLAUSE, this, undefined, 0, undefined);
  }

  /** A select clause that sends `element` to this channel. */
  onSend(element: T): SelectClause {
    return new SelectClause(SEND_CLAUSE, this, element, 0, undefined);
  }

  $park(waiter: ChannelWaiter<T>, sending: boolean): void {
    (sending ? this.senders : this.receivers).push(waiter);
  }

  /** Takes a waiter back (it was cancelled, or its select won elsewhere); whether it was still waiting. */
  $unpark(waiter: ChannelWaiter<T>, sending: boolean): boolean {
    return (sending ? this.senders : this.receivers).remove(waiter);
  }

  /**
   * Hands `element` to the hook. The hook runs inside a cancellation, a close or a send, whose
   * work must go on whatever it does: its failure is reported as a failure nobody receives (an
   * unhandled rejection; a failed test under `runTest`), as kotlinx reports one of
   * `onUndeliveredElement` to the exception handler.
   */
  undelivered(element: T, why: Undelivered): void {
    if (!this.onUndelivered) return;
    try {
      this.onUndelivered(element, why);
    } catch (error) {
      failureEvents.unhandled(error);
    }
  }
}

/**
 * One `send`, `receive` or iterator `next`: awaited once, in a coroutine (it
 * parks the task itself) or by ordinary code (`then`, a promise).
 */
export interface ChannelOperation<T, Outcome> {
  catch<R = never>(onRejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<Outcome | R>;
  finally(onFinally?: (() => void) | null): Promise<Outcome>;
}

export class ChannelOperation<T, Outcome = unknown> extends AwaitedOperation implements PromiseLike<Outcome>, ChannelWaiter<T> {
  $element: T | undefined;
  /** Its kind (`SEND`, `RECEIVE`, `NEXT`), `AWAITED` once awaited and `PARKED` while it waits in the channel: one field where three would make every operation bigger. */
  private state: number;

  constructor(private readonly channel: Channel<T>, kind: number, element: T | undefined) {
    super();
    this.$element = element;
    this.state = kind;
  }

  private get kind(): number {
    return this.state & KIND;
  }

  get $parked(): boolean {
    return (this.state & PARKED) !== 0;
  }

  set $parked(parked: boolean) {
    this.state = parked ? this.state | PARKED : this.state & ~PARKED;
  }

  /** Completes now, or parks `task`. */
  $suspend(task: TaskFrame): unknown {
    var outcome = this.attempt();
    if (outcome !== SUSPEND) return outcome;
    this.task = task;
    task.$awaitedOrOutcome = this;
    this.channel.$park(this, this.kind === SEND);
    return SUSPEND;
  }

  then<R1 = Outcome, R2 = never>(onFulfilled?: ((value: Outcome) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    var operation = this;
    var done = new Promise(function performOperation(resolve, reject) {
      var outcome = operation.attempt();
      if (outcome !== SUSPEND) return resolve(outcome);
      operation.waitWithPromise(resolve, reject);
      operation.channel.$park(operation, operation.kind === SEND);
    });
    return (done as Promise<Outcome>).then(onFulfilled, onRejected);
  }

  /** Awaited in a cancelled task: it never runs, and a send's element goes to `onUndelivered` (`'cancelled'`), as a waiting send's does when it is cancelled. */
  $refuse(): void {
    if (this.state & AWAITED) return;
    this.state |= AWAITED;
    if (this.kind !== SEND) return;
    var element = this.$element as T;
    this.$element = undefined;
    this.channel.undelivered(element, 'cancelled');
  }

  private attempt(): unknown {
    if (this.state & AWAITED) throw new TypeError('a channel operation is awaited once; call send() or receive() again');
    this.state |= AWAITED;
    return this.kind === SEND ? this.channel.$sendNow(this.$element as T) : this.channel.$receiveNow(this.kind);
  }

  $take(element: T): void {
    this.resumeWaiter(0, this.kind === NEXT ? { value: element, done: false } : element);
  }

  $taken(): void {
    this.$element = undefined;
    this.resumeWaiter(0, undefined);
  }

  $closed(cause: unknown, end: () => unknown): void {
    if (this.kind === NEXT && cause === undefined) this.resumeWaiter(0, { value: undefined, done: true });
    else this.resumeWaiter(1, end());
  }

  $refused(error: Error): void {
    this.$element = undefined;
    this.resumeWaiter(1, error);
  }

  /** The task was cancelled while it waited: out of the queue; a waiting sender's element goes to `onUndelivered`. */
  $withdraw(): void {
    this.task = undefined;
    if (!this.channel.$unpark(this, this.kind === SEND) || this.kind !== SEND) return;
    var element = this.$element as T;
    this.$element = undefined;
    this.channel.undelivered(element, 'cancelled');
  }

  $describe(): string {
    return KIND_NAMES[this.kind] + ' channel' + (this.channel.name ? ' ' + this.channel.name : '') + ' (' + this.channel.size + ' buffered)';
  }
}

/**
 * The error that every waiter a close or a cancel ends is resumed with: one
 * for all of them, made at the first that needs one (a channel closed under
 * 100,000 receivers made as many errors, each with its stack captured). Its
 * stack is the close's, where each had one alike; no waiter's `at async`
 * lines are appended to it (async-stack-trace.ts `shareError`), as they
 * would name the first waiter's chain for all.
 */
function oneErrorFor(make: () => Error): () => Error {
  var error: Error | undefined;
  return function sharedError() { return error || (error = shareError(make())); };
}

/** A capacity or a count: a whole number >= 0, or `Infinity` (what `what` names is said in the error). */
export function checkCount(count: number, what: string): void {
  if (!(count >= 0) || (count !== Infinity && Math.floor(count) !== count)) throw new RangeError(what + ' is a whole number >= 0, or Infinity');
}

/** A channel of `capacity` (0: rendezvous; `Infinity`: unbounded). */
export function channel<T>(capacity: number = 0, options?: ChannelOptions<T>): Channel<T> {
  return new Channel<T>(capacity, options);
}
