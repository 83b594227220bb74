/**
 * The task frame: a coroutine's frame is also its `Task`, so a call
 * allocates one object. This module holds its fields, the lifecycle states
 * and the markers a step function and the scheduler exchange.
 *
 * ## Example
 * ```js
 * function fetchUser$Frame(id$) {
 *   this.$state = 0;                    // the machine, as for every lowered function
 *   this.$step = fetchUser$step;
 *   this.id$ = id$;                     // the function's own slots
 *   this.$taskState = 0;                // created; flags above the low three bits
 *   this.$awaitedOrOutcome = void 0;    // what it is suspended on; once its body is done, the outcome
 *   this.$parent = void 0;              // the task it was started in
 *   this.$extra = void 0;               // children, signal, failures: made on first need
 *   this.$waiters = void 0;             // one task or callback, or an array of them
 *   this.$suspension = void 0;          // when it last suspended, and the async context it resumes in
 * }
 * ```
 *
 * ## Implementation
 * Every field a runtime needs but rarely uses (the children, the
 * `AbortController`, the cancellation error, the failures of a scope) lives
 * in `$extra`, made the first time one is needed, so a suspended coroutine
 * with two live locals is ten fields. The status and the flags share one
 * small integer, `$taskState`. What a task awaits and its outcome share a
 * field: a task awaits nothing once its body is done, and has no outcome
 * before (the `JOINING` flag, set when the body is done, says which). Names all contain `$`, as every frame field
 * does (docs/architecture.md, "Frame fields"): a local cannot shadow `then`.
 *
 * ## References
 * - docs/coroutines.md (the lifecycle)
 * - kotlinx.coroutines `JobSupport` (state and children in one object)
 */


/** Where and when a task last suspended (suspension.ts makes and shares these records). */
export interface Suspension {
  readonly context: unknown;
  /** The time of its clock (clock.ts `clockOf`) in the turn in which the task suspended, in whole milliseconds. */
  readonly since: number;
}

/** How the ready queue or a timer resumes a task (ready-queue.ts); the queue passes the task's `$suspension` when it has read it. */
export type Resumption = (task: TaskFrame, mode: number, value: unknown, suspension?: Suspension) => void;

export var CREATED = 0;
export var RUNNING = 1;
export var SUSPENDED = 2;
export var COMPLETED = 3;
export var FAILED = 4;
export var CANCELLED = 5;
export var STATUS_MASK = 7;
export var STATUS_NAMES = ['created', 'running', 'suspended', 'completed', 'failed', 'cancelled'];

/** `cancel()` was called (or the parent was cancelled): every later `await` throws. */
export var CANCEL_REQUESTED = 8;
/** Made by `nonCancellable`: neither `cancel()` nor its parent's cancellation reaches it. */
export var NON_CANCELLABLE = 16;
/** Awaited once settled, or `then` was called: its failure has a reader even with no waiter left. */
export var OBSERVED = 32;
/** Its body has finished (`$awaitedOrOutcome` is its outcome); it waits for its children before settling. */
export var JOINING = 64;
/** Its body finished by throwing (the error is in `$awaitedOrOutcome` while joining). */
export var BODY_FAILED = 128;
/** A scope: a child that fails cancels it at once, observed or not. */
export var SCOPE = 256;
/** Listed in its parent's children (done at its first suspension). */
export var REGISTERED = 512;
/** Suspended on a `nonCancellable` task: cancellation waits for it. */
export var SHIELDED = 1024;
/** A root task that is listed for `dump()`. */
export var LISTED = 2048;
/** A flow's producer (an `async function*` coroutine): a step that returns before its end has yielded. */
export var FLOW = 4096;
/**
 * Runs only as its consumer pulls (a flow's producer, a flow operator's
 * stage): when its parent's body ends, it is cancelled instead of joined, so
 * a consumer that stops pulling leaves nothing waiting for it forever.
 */
export var PULLED = 8192;
/**
 * Its body returned a thenable (a task, a promise, a channel operation),
 * which it awaits before it finishes, as an async function's promise is
 * resolved with what it returns: its step is done, and its next resumption
 * is the thenable's outcome, not a call of the step.
 */
export var ADOPTING = 16384;
/** Started by a scope's `launch`: its failure fails the scope at once, even when someone awaits it (a nursery's child). */
export var LAUNCHED = 32768;
/**
 * Given an `$extra` or a waiter before it ever suspended (`REGISTERED`): a
 * body that ends with neither flag has nobody to tell and no children, known
 * without reading two more fields of every coroutine's frame.
 */
export var ATTACHED = 65536;

/** What a step function or the runtime keeps for rare needs. */
export interface TaskExtra {
  children: Set<TaskFrame> | undefined;
  abort: AbortController | undefined;
  cancellation: Error | undefined;
  failures: unknown[] | undefined;
  timer: unknown;
  timedOut: boolean;
  /** Children that failed with nobody to receive it, whose failure is handed to it at the end of the drain (task-lifecycle.ts `checkObserved`), or when it settles, if that comes first. */
  unobserved: TaskFrame[] | undefined;
  /** What to undo once it settles: the listeners `cancelOn` put on outside signals, which would keep it alive. */
  onSettled: (() => void)[] | undefined;
}

/** A step function over a task frame, in the protocol of every lowered step (docs/architecture.md, "The step function"). */
export type TaskStep = (frame: TaskFrame, state: number, mode: number, value: unknown) => unknown;

export type Waiter = TaskFrame | ((task: TaskFrame) => void);

export interface TaskFrame {
  $state: number;
  $step: TaskStep;
  $taskState: number;
  /** What it awaits until its body is done (`awaitedBy`); from then on the body's outcome, and once settled its result or error. */
  $awaitedOrOutcome: unknown;
  $parent: TaskFrame | undefined;
  $extra: TaskExtra | undefined;
  /** One waiter, an array of a few, or a `Set` of many (task-lifecycle.ts `addWaiter`); `undefined` when none. */
  $waiters: Waiter | Waiter[] | Set<Waiter> | undefined;
  /** Shared by the tasks that suspend in one context during one turn (suspension.ts). */
  $suspension: Suspension | undefined;
  /** Sets the frame's slots that no closure reads to `undefined` (on the prototype: emitted once per coroutine, link-coroutine.ts). */
  $clearSlots(this: TaskFrame): void;
  /** Only on tasks the runtime makes itself (scopes, launches): the function they run. */
  $body?: Function;
}

/**
 * Something the scheduler suspends on without a promise (a delay, a yield, a
 * channel operation): `$suspend` either parks the task, arranges its
 * resumption and returns `SUSPEND`, or returns the awaited value at once
 * (throws its error) when there is nothing to wait for.
 */
export interface SchedulerAwaitable {
  $suspend(task: TaskFrame): unknown;
  /** Awaited in a cancelled task, it will never run: what it holds goes back (a send's element to `onUndelivered`). */
  $refuse?(): void;
}

/**
 * What a task parked by a `SchedulerAwaitable` other than a delay awaits (a
 * channel operation, a select): the scheduler calls `$withdraw` when the
 * task is cancelled, so the wait is taken back before the task resumes with
 * its `CancellationError`; `$describe` says what it waits for in a dump.
 * `$waiting` is false once the wait has queued the task's resumption: the
 * task is then, in effect, `QUEUED`, with no write to the task to say so
 * (awaited-operation.ts `resumeWaiter`).
 */
export interface ParkedWait {
  $waiting(task: TaskFrame): boolean;
  $withdraw(task: TaskFrame): void;
  $describe(): string;
}

export function isParkedWait(value: unknown): value is ParkedWait {
  return typeof value === 'object' && value !== null && typeof (value as ParkedWait).$withdraw === 'function';
}

/** A step returns this when the continuation is registered and the task must wait. */
export var SUSPEND = { toString: function () { return 'SUSPEND'; } };
/** A step returns this when the awaited value is there already: the driver calls the step again at once. */
export var READY = { toString: function () { return 'READY'; } };
/** What a task awaits when its resumption is already in the ready queue. */
export var QUEUED = { toString: function () { return 'queued'; } };
/**
 * What a flow's producer awaits while parked at a `yield` until its consumer
 * pulls again: a wait of the scheduler's (a cancellation resumes it with a
 * throw at the `yield`, so its `finally` blocks run).
 */
export var AT_YIELD: ParkedWait = {
  $waiting: function atYield() { return true; },
  $withdraw: function leaveYield() {},
  $describe: function describeYield() { return 'its consumer, at a yield'; },
};

/**
 * The constructor whose `prototype` every task inherits (task-prototype.ts
 * gives it the getters and methods, link-coroutine.ts puts it under each
 * frame's prototype): `instanceof Task` tells a task from any other value by
 * walking the value's prototype chain, never by reading one of its fields.
 * A field read there would see the frames of every coroutine of the program
 * and every other awaited value, and such a site is megamorphic.
 */
export function Task(): never {
  throw new TypeError('a Task is made by calling a coroutine, scope() or launch()');
}

export function isTask(value: unknown): value is TaskFrame {
  return value instanceof Task;
}

/**
 * What a task whose body has not finished is suspended on (or `QUEUED`, or a
 * `ParkedWait` no longer `$waiting`, also while it runs after a resumption
 * from the queue); `undefined` once its body is done.
 */
export function awaitedBy(task: TaskFrame): unknown {
  return task.$taskState & JOINING || (task.$taskState & STATUS_MASK) >= COMPLETED ? undefined : task.$awaitedOrOutcome;
}

/**
 * The task the ready queue is running (task-lifecycle.ts `resumeQueued`).
 * Its `$taskState` keeps `SUSPENDED` while it runs, and this says it is
 * running: a resumption from the queue and the suspension after it each
 * wrote the status to a field of every coroutine's frame, a store V8 makes
 * generically at such a site (megamorphic, about a hundred instructions), a
 * tenth of a message between two coroutines. One task at a time runs from
 * the queue, so one variable tells it.
 */
var resumedFromQueue: TaskFrame | undefined;

/** Makes `task` the one the ready queue runs (`undefined`: none); returns the one before. */
export function setResumedFromQueue(task: TaskFrame | undefined): TaskFrame | undefined {
  var previous = resumedFromQueue;
  resumedFromQueue = task;
  return previous;
}

export function statusOf(task: TaskFrame): number {
  var status = task.$taskState & STATUS_MASK;
  return status === SUSPENDED && task === resumedFromQueue ? RUNNING : status;
}

export function setStatus(task: TaskFrame, status: number): void {
  task.$taskState = (task.$taskState & ~STATUS_MASK) | status;
}

export function extraOf(task: TaskFrame): TaskExtra {
  var extra = task.$extra;
  if (extra !== undefined) return extra;
  task.$taskState |= ATTACHED;
  return (task.$extra = { children: undefined, abort: undefined, cancellation: undefined, failures: undefined, timer: undefined, timedOut: false, unobserved: undefined, onSettled: undefined });
}

