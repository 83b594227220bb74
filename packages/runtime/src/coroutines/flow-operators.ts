/**
 * Flow operators: `map`, `filter`, `take`, `buffer(n)`, `conflate`,
 * `merge`, `zip`, and the terminal `collectLatest`. Each takes flows (or any
 * async iterable) and gives a flow-like async iterable, pulled the same way.
 *
 * ## Example
 * ```js
 * for await (const line of take(map(filter(lines(file), (l) => l !== ''), parse), 10)) …
 * await collectLatest(queries, async (q) => show(await search(q)));  // a new query cancels the last search
 * ```
 *
 * ## Implementation
 * An operator is a stage: a runtime task (a hand-written step, as
 * runtime-task.ts's) that iterates its upstream and sends what it makes into
 * a channel its consumer receives from. The channel sets the pace: a
 * rendezvous for `map`, `filter`, `take` and `zip` (the upstream runs at
 * most one element ahead of the consumer), `n` for `buffer(n)`, one slot
 * dropping the oldest for `conflate` (a slow consumer sees the latest).
 * The stage starts at the first pull, as a child of the consumer, flagged
 * `PULLED`: the consumer's end cancels it rather than waiting for it, and
 * `return()` (leaving a `for await`) cancels it too; either way the
 * cancellation reaches its upstream's pull, so the producers' `finally`
 * blocks run (cancellation travels upstream). An upstream that is not a flow
 * is closed by its `return()`, which `return()` of the operator waits for
 * (and a stage that fails, before its failure goes on), as a loop over an
 * async generator waits for its `return()`. An upstream that fails closes
 * the channel with its error, which the consumer's next pull throws.
 * `collectLatest(flow, fn)` is a task: for each value it cancels the task of
 * the previous one and starts `fn(value)`, then waits for the last.
 *
 * ## References
 * - kotlinx.coroutines.flow operators (`buffer`, `conflate`, `merge`, `zip`, `collectLatest`)
 */
import { Channel, channel, checkCount, type ChannelOptions, type Undelivered } from './channel';
import { ClosedChannelError, isCancellation } from './errors';
import { RuntimeTask, type RuntimeTaskFrame } from './runtime-task';
import { awaitInCoroutine, cancelTask, runAsChildOf, runningTask, startTask } from './task-lifecycle';
import { nameStep } from './task-description';
import { CANCEL_REQUESTED, isTask, PULLED, type TaskFrame } from './task-frame';
import type { Task } from './task-prototype';

type Source<T> = AsyncIterable<T>;

/** What a stage does with each upstream value: a value to send, `SKIP`, or the end (`take`). */
interface StageRule {
  /** The value to await, then send (or test, for `filter`). */
  apply(value: unknown): unknown;
  filters: boolean;
  /** How many values to send before the stage ends (`take`); Infinity otherwise. */
  limit: number;
}

interface StageFrame extends RuntimeTaskFrame {
  $upstream: AsyncIterator<unknown>;
  /** The upstream when it is a channel: an element received from it and not handed on goes back to its `onUndelivered`. */
  $origin: Channel<unknown> | undefined;
  $out: Channel<unknown>;
  $rule: StageRule;
  $pulled: unknown;
  /** Whether the stage holds `$pulled`, an element of `$origin`, until it is handed on. */
  $holding: boolean;
  $sent: number;
  $outlet: Outlet;
  /** What the upstream's `return()` gave when a cancellation stopped the stage, which could not wait for it: the operator's `return()` does. */
  $closing: PromiseLike<Closed> | undefined;
  /** The stage's failure, kept while it waits for its upstream's `return()` (state 5). */
  $failure: unknown;
  /** Where the stage stood when it failed. */
  $failedAt: number;
}

/** The channel of a flow-like iterable, the stages that send into it, and how many of them still do. */
interface Outlet {
  channel: Channel<unknown>;
  stages: TaskFrame[];
  open: number;
  /** A buffering outlet over one channel hands what it drops or discards to that channel's `onUndelivered`. */
  reportsUndelivered: boolean;
}

/**
 * A stage is done sending: the last one closes the channel. One that failed
 * closes it with its error at once, after cancelling the others (a `merge`
 * whose source failed), so the consumer's pull throws once they have been
 * told to stop (kotlinx's `merge` cancels its other flows the same way).
 */
function closeOutlet(outlet: Outlet, error?: unknown): void {
  if (error === undefined) {
    if (--outlet.open === 0) outlet.channel.close();
    return;
  }
  var current = runningTask();
  for (var i = 0; i < outlet.stages.length; i++) if (outlet.stages[i] !== current) cancelTask(outlet.stages[i], undefined, false);
  outlet.channel.close(error);
}

var runStage = nameStep(function runStage(task: TaskFrame, state: number, mode: number, value: unknown): unknown {
  var stage = task as StageFrame;
  if (state === 5) {
    // The upstream has closed: its own failure to close gives way to the stage's, as a loop left by a throw keeps its throw.
    if (mode === 1 && stage.$taskState & CANCEL_REQUESTED) throw value;
    return stageEnd(stage, stage.$failure, stage.$failedAt);
  }
  try {
    return stageStep(stage, state, mode, value);
  } catch (error) {
    return stageFailed(stage, error);
  }
}, 'flow stage');

/** The stage's loop: pull, apply, send. Any failure, thrown at once or resumed with, goes to `stageFailed`. */
function stageStep(stage: StageFrame, state: number, mode: number, value: unknown): unknown {
  if (mode === 1) throw value;
  for (;;) {
    switch (state) {
      case 0:
        if (stage.$sent >= stage.$rule.limit) {
          closeOutlet(stage.$outlet);
          stage.$state = 4;
          return awaitInCoroutine(stage, stage.$upstream.return ? stage.$upstream.return() : undefined);
        }
        stage.$state = 1;
        return awaitInCoroutine(stage, stage.$upstream.next());
      case 1: {
        var result = value as IteratorResult<unknown>;
        if (result.done) {
          closeOutlet(stage.$outlet);
          return undefined;
        }
        stage.$pulled = result.value;
        stage.$holding = stage.$origin !== undefined;
        stage.$state = 2;
        return awaitInCoroutine(stage, stage.$rule.apply(result.value));
      }
      case 2:
        if (stage.$rule.filters) {
          if (!value) {
            stage.$holding = false;
            state = 0;
            continue;
          }
          value = stage.$pulled;
        }
        stage.$state = 3;
        return awaitInCoroutine(stage, stage.$out.send(value));
      case 3:
        stage.$holding = false;
        stage.$pulled = undefined;
        stage.$sent++;
        state = 0;
        continue;
      default:
        return undefined;
    }
  }
}

/**
 * Where the stage stood when it failed says what the failure is. The
 * upstream's or the function's failure is the consumer's: its next pull
 * throws it (a failure once the consumer has left, or a sibling closed the
 * channel first, fails the stage instead, so it does not vanish). A send
 * refused by a closed channel means nobody reads any more: the stage ends
 * quietly. A cancellation stays one. Whatever ends the stage before its
 * upstream ended closes that upstream.
 */
function stageFailed(stage: StageFrame, error: unknown): unknown {
  var at = stage.$state;
  if (stage.$holding) returnHeld(stage, at, error);
  var closes = at !== 4 && (at !== 1 || isCancellation(error));
  if (isCancellation(error)) {
    if (closes) stage.$closing = abandonUpstream(stage.$upstream);
    throw error;
  }
  if (!closes) return stageEnd(stage, error, at);
  // As a loop left by a throw closes its iterator (ECMA-262 AsyncIteratorClose awaits `return()`): the upstream's
  // `finally` blocks run before the failure reaches the consumer.
  stage.$failure = error;
  stage.$failedAt = at;
  stage.$state = 5;
  return awaitInCoroutine(stage, closeUpstream(stage.$upstream));
}

/** What a stage that failed at `at` does with `error` once its upstream is closed. */
function stageEnd(stage: StageFrame, error: unknown, at: number): unknown {
  stage.$failure = undefined;
  if (at === 4) throw error;
  if (at === 3) {
    if (error instanceof ClosedChannelError && stage.$out.isClosed) return undefined;
    throw error;
  }
  if (stage.$out.isClosed) throw error;
  closeOutlet(stage.$outlet, error);
  return undefined;
}

/**
 * A stage over a channel is one of its receivers: an element it received
 * and could not hand on because its consumer left (a cancellation, or its
 * send refused by the closed outlet) is handed to the channel's
 * `onUndelivered` (`'cancelled'`), so that leaving a loop over
 * `map(channel, f)` loses no element silently. A buffering outlet
 * (`buffer`, `conflate`) reports the send it refuses itself; an element
 * whose function failed was delivered to it.
 */
function returnHeld(stage: StageFrame, at: number, error: unknown): void {
  var held = stage.$pulled;
  stage.$holding = false;
  stage.$pulled = undefined;
  if (at === 3 && stage.$outlet.reportsUndelivered) return;
  if (isCancellation(error) || (at === 3 && error instanceof ClosedChannelError)) giveBack(stage.$origin!, held);
}

/** An element received from `source` that its consumer left before it was handed on: to the channel's `onUndelivered`. */
function giveBack(source: Source<unknown>, element: unknown): void {
  if (source instanceof Channel) source.undelivered(element, 'cancelled');
}

/** The upstream's `return()`, or `undefined` when it has none or it throws (the stage has a failure of its own to report, or none). */
function closeUpstream(upstream: AsyncIterator<unknown>): unknown {
  if (typeof upstream.return !== 'function') return undefined;
  try {
    return upstream.return();
  } catch (error) {
    return undefined;
  }
}

/**
 * Closes an upstream that a cancellation made the stage stop pulling: its
 * `return()`, not awaited by the cancelled stage (docs/coroutines.md rule
 * 9), but kept, so that `return()` of the operator (a loop left by `break`)
 * waits for it. A flow's `return()` does its work once awaited, so it is
 * `then`-ed; a flow is also the stage's child, which the stage's end joins
 * anyway, so it is not kept. The call is made outside the cancelled stage:
 * the task an operator's `return()` starts would be its child, cancelled at
 * once.
 */
function abandonUpstream(upstream: AsyncIterator<unknown>): PromiseLike<Closed> | undefined {
  var closing = runAsChildOf(undefined, function close() { return closeUpstream(upstream); });
  if (closing === null || typeof closing !== 'object' || typeof (closing as PromiseLike<unknown>).then !== 'function') return undefined;
  var closed = (closing as PromiseLike<unknown>).then(closedWell, failedToClose);
  return isTask(upstream) ? undefined : closed;
}

/** A failure of an upstream's `return()`, held as a value: nobody may wait for it, and a rejection nobody handles ends the process. */
interface FailedToClose {
  $failedToClose: unknown;
}

/** What a closing gives: `undefined`, or how it failed. */
type Closed = FailedToClose | undefined;

function closedWell(): Closed {
  return undefined;
}

function failedToClose(error: unknown): Closed {
  return { $failedToClose: error };
}

/** Both upstreams' closings (zip's), as one: the left one's failure, or else the right one's. */
function bothClosed(left: PromiseLike<Closed> | undefined, right: PromiseLike<Closed> | undefined): PromiseLike<Closed> | undefined {
  if (left === undefined || right === undefined) return left || right;
  return Promise.all([left, right]).then(function firstFailure(closed) { return closed[0] || closed[1]; });
}

function iteratorOf<T>(source: Source<T>): AsyncIterator<T> {
  return source[Symbol.asyncIterator]();
}

/** A flow-like iterable whose stages start at its first pull, as children of the puller. */
class OperatorFlow<T> implements AsyncIterable<T>, AsyncIterator<T> {
  private outlet: Outlet | undefined = undefined;
  private stages: TaskFrame[] = [];

  constructor(private readonly sources: Source<unknown>[], private readonly rule: StageRule, private readonly options: { capacity: number; channel?: ChannelOptions<unknown> }) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.outlet === undefined) this.start();
    return this.outlet!.channel[Symbol.asyncIterator]().next() as Promise<IteratorResult<T>>;
  }

  /** Leaving the loop: the stages are cancelled, and with them their upstreams' pulls. */
  return(value?: unknown): Promise<IteratorResult<T>> {
    for (var i = 0; i < this.stages.length; i++) cancelTask(this.stages[i], undefined, false);
    if (this.outlet) this.outlet.channel.cancel();
    return joinStages(this.stages, { value: value, done: true }) as unknown as Promise<IteratorResult<T>>;
  }

  private start(): void {
    var origin = this.sources.length === 1 && this.sources[0] instanceof Channel ? (this.sources[0] as Channel<unknown>) : undefined;
    // Its elements are the origin's own: a buffering stage applies no function.
    var reports = origin !== undefined && this.options.capacity > 0;
    var options = reports ? Object.assign({}, this.options.channel, { onUndelivered: function returnToOrigin(element: unknown, why: Undelivered) { origin!.undelivered(element, why); } }) : this.options.channel;
    var outlet: Outlet = (this.outlet = { channel: channel<unknown>(this.options.capacity, options), stages: this.stages, open: this.sources.length, reportsUndelivered: reports });
    for (var i = 0; i < this.sources.length; i++) {
      var stage = new RuntimeTask(undefined, PULLED, runStage) as StageFrame;
      stage.$upstream = iteratorOf(this.sources[i]);
      stage.$origin = this.sources[i] instanceof Channel ? (this.sources[i] as Channel<unknown>) : undefined;
      stage.$out = outlet.channel;
      stage.$rule = this.rule;
      stage.$pulled = undefined;
      stage.$holding = false;
      stage.$sent = 0;
      stage.$outlet = outlet;
      stage.$closing = undefined;
      stage.$failure = undefined;
      stage.$failedAt = 0;
      this.stages.push(startTask(stage));
    }
  }
}

interface JoinFrame extends RuntimeTaskFrame {
  $stages: TaskFrame[];
  $next: number;
  $failed: boolean;
  $failure: unknown;
  $result: unknown;
}

var runJoinStages = nameStep(function runJoinStages(task: TaskFrame, state: number, mode: number, value: unknown): unknown {
  var join = task as JoinFrame;
  var failure = state === 1 && mode === 1 && !isCancellation(value) ? value : state === 2 && value !== undefined ? (value as FailedToClose).$failedToClose : undefined;
  if (failure !== undefined && !join.$failed) {
    join.$failed = true;
    join.$failure = failure;
  }
  // Each stage, then what its upstream's return() gave when the stage was cancelled: its finally blocks have run.
  var closing = state === 1 ? (join.$stages[join.$next - 1] as StageFrame | ZipFrame).$closing : undefined;
  if (closing !== undefined) {
    join.$state = 2;
    return awaitInCoroutine(join, closing);
  }
  if (join.$next < join.$stages.length) {
    join.$state = 1;
    return awaitInCoroutine(join, join.$stages[join.$next++]);
  }
  if (join.$failed) throw join.$failure;
  return join.$result;
}, 'flow stages closing');

/**
 * What `return()` of an operator gives once it has cancelled its stages: the
 * stages' end, so that leaving a `for await` goes on once the upstreams'
 * `finally` blocks have run, as leaving a loop over a flow or an async
 * generator does (it awaits `return()`). A stage that fails on the way (a
 * `finally` that throws) makes it throw.
 */
function joinStages(stages: TaskFrame[], result: IteratorResult<unknown>): unknown {
  // Never pulled: nothing to wait for, but return() still gives a promise, as the protocol has it.
  if (!stages.length) return Promise.resolve(result);
  var join = new RuntimeTask(undefined, 0, runJoinStages) as JoinFrame;
  join.$stages = stages;
  join.$next = 0;
  join.$failed = false;
  join.$failure = undefined;
  join.$result = result;
  return startTask(join);
}

function identity(value: unknown): unknown {
  return value;
}

var RENDEZVOUS = { capacity: 0 };

/** Arguments are checked at the call, as `Iterator.prototype.map` and `take` check theirs, not at the first pull, far from the mistake. */
function checkFunction(fn: unknown, operator: string): void {
  if (typeof fn !== 'function') throw new TypeError(operator + ': the function argument is not a function');
}

export function map<T, R>(source: Source<T>, fn: (value: T) => R | PromiseLike<R>): AsyncIterable<R> {
  checkFunction(fn, 'map');
  return new OperatorFlow<R>([source], { apply: fn as (value: unknown) => unknown, filters: false, limit: Infinity }, RENDEZVOUS);
}

export function filter<T>(source: Source<T>, keep: (value: T) => unknown): AsyncIterable<T> {
  checkFunction(keep, 'filter');
  return new OperatorFlow<T>([source], { apply: keep as (value: unknown) => unknown, filters: true, limit: Infinity }, RENDEZVOUS);
}

/** The first `count` values; then the upstream is closed (its `return()`), so its `finally` blocks run. */
export function take<T>(source: Source<T>, count: number): AsyncIterable<T> {
  checkCount(count, 'take: the count');
  return new OperatorFlow<T>([source], { apply: identity, filters: false, limit: count }, RENDEZVOUS);
}

/** Lets the upstream run up to `capacity` values ahead of the consumer. */
export function buffer<T>(source: Source<T>, capacity: number): AsyncIterable<T> {
  checkCount(capacity, 'buffer: the capacity');
  return new OperatorFlow<T>([source], { apply: identity, filters: false, limit: Infinity }, { capacity: capacity });
}

/** The upstream never waits; a slow consumer gets the latest value, the ones it missed are dropped. */
export function conflate<T>(source: Source<T>): AsyncIterable<T> {
  return new OperatorFlow<T>([source], { apply: identity, filters: false, limit: Infinity }, { capacity: 1, channel: { overflow: 'drop-oldest' } });
}

/** The values of all `sources` as they come; ends when all have ended. */
export function merge<T>(...sources: Source<T>[]): AsyncIterable<T> {
  return new OperatorFlow<T>(sources, { apply: identity, filters: false, limit: Infinity }, RENDEZVOUS);
}

interface ZipFrame extends RuntimeTaskFrame {
  $left: AsyncIterator<unknown>;
  $right: AsyncIterator<unknown>;
  /** The sources, for the elements it holds when they are channels (`returnHeld`). */
  $sources: [Source<unknown>, Source<unknown>];
  $first: unknown;
  $second: unknown;
  $out: Channel<unknown>;
  /** As a stage's: what its upstreams' `return()` gave when a cancellation stopped it. */
  $closing: PromiseLike<Closed> | undefined;
}

var runZip = nameStep(function runZip(task: TaskFrame, state: number, mode: number, value: unknown): unknown {
  var zip = task as ZipFrame;
  try {
    return zipStep(zip, state, mode, value);
  } catch (error) {
    return zipFailed(zip, error);
  }
}, 'zip');

function zipStep(zip: ZipFrame, state: number, mode: number, value: unknown): unknown {
  if (mode === 1) throw value;
  for (;;) {
    switch (state) {
      case 0:
        zip.$state = 1;
        return awaitInCoroutine(zip, zip.$left.next());
      case 1:
        if ((value as IteratorResult<unknown>).done) return endZip(zip, zip.$right);
        zip.$first = (value as IteratorResult<unknown>).value;
        zip.$state = 2;
        return awaitInCoroutine(zip, zip.$right.next());
      case 2:
        if ((value as IteratorResult<unknown>).done) {
          // The left value has no pair and is never handed on.
          giveBack(zip.$sources[0], zip.$first);
          zip.$first = undefined;
          return endZip(zip, zip.$left);
        }
        zip.$state = 3;
        zip.$second = (value as IteratorResult<unknown>).value;
        return awaitInCoroutine(zip, zip.$out.send([zip.$first, zip.$second]));
      case 3:
        zip.$first = zip.$second = undefined;
        state = 0;
        continue;
      default:
        return undefined;
    }
  }
}

/** As `stageFailed`, for two upstreams: the one that failed (left in state 1, right in 2) is not closed. */
function zipFailed(zip: ZipFrame, error: unknown): unknown {
  var at = zip.$state;
  // What it holds when its consumer leaves goes back to its channels, as a stage's does (`returnHeld`).
  if ((at === 2 || at === 3) && (isCancellation(error) || (at === 3 && error instanceof ClosedChannelError))) {
    giveBack(zip.$sources[0], zip.$first);
    if (at === 3) giveBack(zip.$sources[1], zip.$second);
  }
  zip.$first = zip.$second = undefined;
  if (at !== 4) {
    var left = at !== 1 || isCancellation(error) ? abandonUpstream(zip.$left) : undefined;
    var right = at !== 2 || isCancellation(error) ? abandonUpstream(zip.$right) : undefined;
    if (isCancellation(error)) zip.$closing = bothClosed(left, right);
  }
  if (isCancellation(error) || at === 4) throw error;
  if (zip.$out.isClosed) {
    if (at === 3 && error instanceof ClosedChannelError) return undefined;
    throw error;
  }
  zip.$out.close(error);
  return undefined;
}

/** One side ended: the other is closed (its `finally` blocks run), then the pairs end. */
function endZip(zip: ZipFrame, other: AsyncIterator<unknown>): unknown {
  zip.$out.close();
  zip.$state = 4;
  return awaitInCoroutine(zip, other.return ? other.return() : undefined);
}

/** Pairs `[a, b]` of the values of two sources, pulled in step; ends with the shorter, closing the other. */
export function zip<A, B>(left: Source<A>, right: Source<B>): AsyncIterable<[A, B]> {
  var out = channel<unknown>(0);
  var started: TaskFrame | undefined;
  var iterator = out[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]: function zipIterator() {
      return {
        next: function next() {
          if (started === undefined) {
            var frame = new RuntimeTask(undefined, PULLED, runZip) as ZipFrame;
            frame.$closing = undefined;
            frame.$left = iteratorOf(left);
            frame.$right = iteratorOf(right);
            frame.$sources = [left, right];
            frame.$first = undefined;
            frame.$second = undefined;
            frame.$out = out;
            started = startTask(frame);
          }
          return iterator.next() as Promise<IteratorResult<[A, B]>>;
        },
        return: function stopZip(value?: unknown) {
          if (started !== undefined) cancelTask(started, undefined, false);
          out.cancel();
          return joinStages(started === undefined ? [] : [started], { value: value, done: true }) as unknown as Promise<IteratorResult<[A, B]>>;
        },
      };
    },
  };
}

interface CollectLatestFrame extends RuntimeTaskFrame {
  $upstream: AsyncIterator<unknown>;
  $latest: TaskFrame | undefined;
}

var runCollectLatest = nameStep(function runCollectLatest(task: TaskFrame, state: number, mode: number, value: unknown): unknown {
  var collect = task as CollectLatestFrame;
  if (mode === 1) throw value;
  if (state === 2) return undefined;
  if (state === 1) {
    var result = value as IteratorResult<unknown>;
    if (result.done) {
      collect.$state = 2;
      return awaitInCoroutine(collect, collect.$latest);
    }
    if (collect.$latest !== undefined) cancelTask(collect.$latest, undefined, false);
    var body = collect.$body;
    var element = result.value;
    collect.$latest = startTask(new RuntimeTask(function collectOne() { return body!(element); }, 0, runCollectedValue));
  }
  collect.$state = 1;
  return awaitInCoroutine(collect, collect.$upstream.next());
}, 'collectLatest');

var runCollectedValue = nameStep(function runCollectedValue(task: TaskFrame, state: number, mode: number, value: unknown): unknown {
  if (state === 0) {
    task.$state = 1;
    return awaitInCoroutine(task, (task as RuntimeTaskFrame).$body());
  }
  if (mode === 1) throw value;
  return value;
}, 'collectLatest value');

/** Runs `fn` for each value; a new value cancels the run for the previous one. Settles when the source has ended and the last run has. */
export function collectLatest<T>(source: Source<T>, fn: (value: T) => unknown): Task<void> {
  checkFunction(fn, 'collectLatest');
  var frame = new RuntimeTask(fn, 0, runCollectLatest) as CollectLatestFrame;
  frame.$upstream = iteratorOf(source);
  frame.$latest = undefined;
  return startTask(frame) as unknown as Task<void>;
}
