/**
 * Flows: an `async function*` under `"use coroutine"` is a cold stream on
 * the coroutine machine. Calling it runs nothing; each pull (`next()`, a
 * `for await` step) runs the producer until its next `yield`, so it goes only
 * as fast as its consumer (backpressure). Its `await`s suspend to the
 * scheduler as a coroutine's do. Leaving the consumer's loop (`return()`),
 * or cancelling the consumer, resumes the producer at its `yield` with a
 * return or a cancellation: its `finally` blocks run (cancellation travels
 * upstream).
 *
 * ## Example
 * ```js
 * "use coroutine";
 * async function* ticks(n) { try { for (let i = 0; i < n; i++) { await delay(10); yield i; } } finally { console.log('closed'); } }
 * for await (const t of ticks(1e9)) if (t === 3) break;  // prints closed
 * ```
 *
 * ## Implementation
 * The frame the compiler emits is an async generator's (the same step
 * function: a return from the step before its end, `$state !== -2`, is a
 * `yield`), with a task's fields in place of the async generator's request
 * queue: the producer is a task flagged `FLOW`, whose `await` is
 * `awaitInCoroutine`. A pull (`FlowPull`, made per `next`/`return`/`throw`)
 * runs the producer synchronously inside the consumer's step, as a call of
 * a coroutine runs: a producer that reaches its `yield` without suspending
 * hands the value back with no tick. One that suspends on the way parks the
 * consumer on the pull; the yield (task-lifecycle.ts `parkAtYield` →
 * `flowEvents.yielded`) or the producer's end (a waiter callback) resumes it.
 * The producer's parent is its first consumer: cancelling the consumer
 * cancels the producer first (at its `yield`, or at the `await` it stands
 * in), and a consumer whose body ends leaves no flow parked at a `yield`
 * (task-lifecycle.ts `closeAbandonedFlows`). `return()` of a producer that is
 * running (its consumer was cancelled mid-pull) cancels it. A value yielded
 * while no pull waits (the consumer was withdrawn) is held for the next pull.
 *
 * ## References
 * - kotlinx.coroutines `Flow` (cold, sequential, cancellation-transparent)
 * - ECMA-262 §27.6 AsyncGenerator objects (the request protocol this simplifies)
 */
import { AwaitedOperation } from './awaited-operation';
import { addWaiter, cancelTask, flowEvents, removeWaiter, resume, runningTask, startTask } from './task-lifecycle';
import { TaskPrototype } from './task-prototype';
import { AT_YIELD, awaitedBy, COMPLETED, CREATED, FLOW, PULLED, STATUS_MASK, statusOf, SUSPEND, type TaskFrame } from './task-frame';

interface FlowFrame extends TaskFrame {
  /** The pull waiting for the producer's next value or end. */
  $pull?: FlowPull | undefined;
  /** A value yielded while no pull waited. */
  $held?: { value: unknown } | undefined;
}

var NEXT = 0;
var THROW = 1;
var RETURN = 2;

export var FlowPrototype: object = Object.create(TaskPrototype);

function defineMethod(name: string | symbol, method: Function): void {
  Object.defineProperty(FlowPrototype, name, { value: method, configurable: true, enumerable: false, writable: true });
}

defineMethod(Symbol.asyncIterator, function flowIterator(this: FlowFrame) {
  return this;
});
defineMethod('next', function next(this: FlowFrame, value?: unknown) {
  return new FlowPull(this, NEXT, value);
});
defineMethod('return', function returnFlow(this: FlowFrame, value?: unknown) {
  return new FlowPull(this, RETURN, value);
});
defineMethod('throw', function throwIntoFlow(this: FlowFrame, error?: unknown) {
  return new FlowPull(this, THROW, error);
});
// A flow is iterated, not awaited: `await flow` gives the flow itself, not its end.
defineMethod('then', undefined as unknown as Function);
defineMethod('catch', undefined as unknown as Function);
defineMethod('finally', undefined as unknown as Function);
Object.defineProperty(FlowPrototype, Symbol.toStringTag, { value: 'Flow', configurable: true });

/** Emitted code's link for an `async function*` coroutine: its frames are flows. */
export function linkFlow<F extends Function | null>(fn: F, Frame: Function): F {
  Object.setPrototypeOf(Frame.prototype, FlowPrototype);
  return fn;
}

flowEvents.yielded = function flowYielded(producer: TaskFrame, value: unknown): void {
  var flow = producer as FlowFrame;
  var pull = flow.$pull;
  if (pull === undefined) {
    flow.$held = { value: value };
    return;
  }
  flow.$pull = undefined;
  removeWaiter(flow, flowEnded);
  pull.deliver(0, { value: value, done: false });
};

/** The producer settled while a pull waited: its end (the return value) or its error. */
function flowEnded(task: TaskFrame): void {
  var flow = task as FlowFrame;
  var pull = flow.$pull;
  if (pull === undefined) return;
  flow.$pull = undefined;
  if (statusOf(flow) === COMPLETED) pull.deliver(0, { value: flow.$awaitedOrOutcome, done: true });
  else pull.deliver(1, flow.$awaitedOrOutcome);
}

/** One `next`, `return` or `throw` of a flow, awaited once. */
export class FlowPull extends AwaitedOperation implements PromiseLike<IteratorResult<unknown>> {
  private used = false;
  private parked = false;
  private delivered = false;
  private outcomeMode = 0;
  private outcome: unknown = undefined;

  constructor(private readonly flow: FlowFrame, private readonly mode: number, private readonly value: unknown) {
    super();
  }

  $suspend(consumer: TaskFrame): unknown {
    var outcome = this.pull(consumer);
    if (outcome !== SUSPEND) return outcome;
    this.task = consumer;
    consumer.$awaitedOrOutcome = this;
    return SUSPEND;
  }

  then<R1 = IteratorResult<unknown>, R2 = never>(onFulfilled?: ((value: IteratorResult<unknown>) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    var pull = this;
    var done = new Promise<IteratorResult<unknown>>(function performPull(resolve, reject) {
      var outcome = pull.pull(runningTask());
      if (outcome !== SUSPEND) return resolve(outcome as IteratorResult<unknown>);
      pull.waitWithPromise(resolve as (value: unknown) => void, reject);
    });
    return done.then(onFulfilled, onRejected);
  }

  /** Runs the producer to its next `yield` or its end: the iterator result now, or `SUSPEND` once this pull waits. */
  private pull(consumer: TaskFrame | undefined): unknown {
    if (this.used) throw new TypeError('a flow pull is awaited once; call next() again');
    this.used = true;
    var flow = this.flow;
    if (flow.$pull !== undefined) throw new TypeError('a flow is pulled by one consumer at a time: await each next() before the next');
    var status = statusOf(flow);
    if (flow.$held !== undefined && this.mode === NEXT) {
      var held = flow.$held.value;
      flow.$held = undefined;
      return { value: held, done: false };
    }
    if (status >= COMPLETED || (status === CREATED && this.mode !== NEXT)) return this.closedResult(status);
    if (status !== CREATED && awaitedBy(flow) !== AT_YIELD) {
      // The producer runs or waits for something else (its consumer was cancelled mid-pull): a return stops it.
      if (this.mode !== RETURN) throw new TypeError('a flow is pulled by one consumer at a time: await each next() before the next');
      cancelTask(flow, undefined, false);
      return { value: this.value, done: true };
    }
    flow.$pull = this;
    // The pull waits on the producer before it runs, so that an end during the pull, a failure
    // too, is received by the pull; a producer that fails with no pull waiting (its consumer
    // was withdrawn) fails its parent as any task's unreceived failure does.
    addWaiter(flow, flowEnded);
    if (status === CREATED) {
      flow.$taskState |= FLOW | PULLED;
      startTask(flow, consumer === undefined ? null : consumer);
    } else {
      resume(flow, this.mode, this.value);
    }
    if (this.delivered) return this.settledOutcome();
    this.parked = true;
    return SUSPEND;
  }

  /** A pull of a flow that has ended, or a `return`/`throw` before it started (then it never will). */
  private closedResult(status: number): unknown {
    if (status === CREATED) {
      // ECMA-262 AsyncGeneratorAwaitReturn / AsyncGeneratorResumeNext: a generator closed in suspendedStart completes.
      this.flow.$state = -2;
      this.flow.$taskState = (this.flow.$taskState & ~STATUS_MASK) | COMPLETED;
    }
    if (this.mode === THROW) throw this.value;
    return { value: this.mode === RETURN ? this.value : undefined, done: true };
  }

  private settledOutcome(): unknown {
    if (this.outcomeMode === 1) throw this.outcome;
    return this.outcome;
  }

  /** The producer's answer: kept when it comes during the pull itself, else handed to the waiting consumer. */
  deliver(mode: number, value: unknown): void {
    if (!this.parked) {
      this.delivered = true;
      this.outcomeMode = mode;
      this.outcome = value;
      return;
    }
    this.resumeWaiter(mode, value);
  }

  /** The consumer was cancelled while it waited: it stops waiting (the producer, its child, is cancelled too). */
  $withdraw(): void {
    this.task = undefined;
    if (this.flow.$pull === this) {
      this.flow.$pull = undefined;
      removeWaiter(this.flow, flowEnded);
    }
  }

  $describe(): string {
    return 'the next value of a flow';
  }
}
