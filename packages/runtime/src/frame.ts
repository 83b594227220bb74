/**
 * The frame: the one object a lowered generator call allocates. It is also
 * the generator object the caller sees.
 *
 * ## Example
 *
 * ```js
 * function count$Frame(n) {
 *   this.$state = 0;           // suspendedStart
 *   this.$step = count$step;   // hoisted, shared by every call
 *   this.n = n;                // slots live across a yield
 *   this.i = undefined;
 * }
 * ```
 *
 * ## Implementation
 *
 * Types only: the shape emitted code gives a frame and the runtime relies on.
 * `$state` is `>= 0` while suspended (the state to resume at), `-1` while
 * running, `-2` once completed. `$delegate`/`$delegateNext` exist only on
 * frames of functions containing `yield*`.
 *
 * ## References
 *
 * - docs/architecture.md, "Emitted code ↔ runtime contract"
 * - ECMA-262 §27.5.2 Properties of Generator Instances ([[GeneratorState]])
 */

/** How a generator is resumed: 0 = next(value), 1 = throw(value), 2 = return(value). */
export type ResumeMode = 0 | 1 | 2;

/** Runs the machine from `state` to its next suspension; returns the yielded or completion value. */
export type StepFunction = (frame: GeneratorFrame, state: number, mode: ResumeMode, value: unknown) => unknown;

export interface GeneratorFrame {
  $state: number;
  $step: StepFunction;
  $delegate?: object | undefined;
  $delegateNext?: Function | undefined;
}

/**
 * A frame that can `await`: `$onFulfilled`/`$onRejected` are the reactions
 * every `await` of this call registers, made at the first one; `$awaited`
 * holds an awaited primitive until its reaction runs.
 */
export interface AwaitingFrame extends GeneratorFrame {
  /** The primitive being awaited (see `registerAwait`). */
  $awaited: unknown;
  $onFulfilled: ((value: unknown) => void) | undefined;
  $onRejected: ((reason: unknown) => void) | undefined;
}

/** The frame of a lowered async function; `$resolve`/`$reject` settle the caller's promise. */
export interface AsyncFrame extends AwaitingFrame {
  $resolve: Function | undefined;
  $reject: Function | undefined;
}

/**
 * The frame of a lowered async generator, which is also the async generator
 * object. `$phase` is the spec's [[AsyncGeneratorState]] (see
 * async-generator.ts); `$state` is where the machine resumes, as for sync
 * generators. The oldest request made by `next`/`throw`/`return` is
 * `$requestMode` (0/1/2, or -1 for none), `$requestValue` and the resolving
 * functions `$resolve`/`$reject` of its promise; later ones wait in `$queue`,
 * four slots each. `$returnPending` marks the await of a `return()` received
 * at a `yield`, which resumes the machine with mode 2.
 */
export interface AsyncGeneratorFrame extends AwaitingFrame {
  $phase: number;
  $requestMode: number;
  $requestValue: unknown;
  $queue: unknown[];
  $returnPending: boolean;
  $resolve: Function | undefined;
  $reject: Function | undefined;
}

/**
 * The frame of a coroutine, which is also its `Task`: the task fields come
 * instead of the awaiting ones. Their meaning and precise types are in
 * coroutines/task-frame.ts, the only code that reads them.
 */
export interface CoroutineFrame extends GeneratorFrame {
  $taskState: number;
  $outcome: unknown;
  $parent: unknown;
  $extra: unknown;
  $waiters: unknown;
  $awaiting: unknown;
  $since: number;
  $context: unknown;
}
