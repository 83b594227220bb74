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
 * running (a generator's step writes it first thing), `-2` once completed,
 * and `-3 - n` while suspended inside a `yield*` that resumes at `n`: a
 * generator's step leaves it so when it returns an inner result, which
 * `resumeGenerator` hands on unwrapped, as it does every iterator result a
 * generator's step makes (./resume-generator.ts). The
 * `await` of an async function with a `$task` leaves `$state` alone: the
 * step hands the runtime the state to resume at, which keeps it in the task
 * (./async-function.ts).
 *
 * Runtime copies: one realm may hold several copies of the runtime (the
 * inline runtime of each file, the one a function made by
 * `%GeneratorFunction%` brings; see ./function-constructor.ts), and one
 * copy's prototype methods may resume another copy's frames. So the values
 * a step hands the driver (`AWAITING`, `AWAITED_PRIMITIVE`,
 * `NOTHING_TO_AWAIT`, `uninitialized`) are registered symbols, the same in
 * every copy, and no check is an `instanceof` of a copy's own class.
 *
 * ## References
 *
 * - docs/architecture.md, "Emitted code ↔ runtime contract"
 * - ECMA-262 §27.5.2 Properties of Generator Instances ([[GeneratorState]])
 */

/** How a generator is resumed: 0 = next(value), 1 = throw(value), 2 = return(value). */
export type ResumeMode = 0 | 1 | 2;

/**
 * Runs the machine from `state` to its next suspension (a generator's marks its frame running
 * first); returns the yielded or completion value, which a generator's step returns as an
 * iterator result (`{ value, done }`, or a `yield*`'s inner result as it is).
 */
export type StepFunction = (frame: GeneratorFrame, state: number, mode: ResumeMode, value: unknown) => unknown;

export interface GeneratorFrame {
  $state: number;
  $step: StepFunction;
}

/**
 * The frame of a lowered async function that may await more than once:
 * `$task` is `undefined` until its first `await`, then the runtime's object
 * holding the resolving functions of the caller's promise, the await
 * reactions and the state to resume at (async-function.ts). The step reads
 * it and hands it to `awaitValue`.
 */
export interface AsyncFrame extends GeneratorFrame {
  $task: unknown;
}

/**
 * The frame of a lowered async generator, which is also the async generator
 * object. `$state` is where the machine resumes, as for sync generators;
 * everything else the driver keeps (the spec's [[AsyncGeneratorState]], the
 * requests made by `next`/`throw`/`return`, the await reactions) is in
 * `$queue`, an object of the driver's made at the first request
 * (async-generator.ts), `undefined` before.
 */
export interface AsyncGeneratorFrame extends GeneratorFrame {
  $queue: unknown;
}

/**
 * The frame of a coroutine, which is also its `Task`: the task fields come
 * instead of the awaiting ones. Their meaning and precise types are in
 * coroutines/task-frame.ts, the only code that reads them.
 */
export interface CoroutineFrame extends GeneratorFrame {
  $taskState: number;
  $awaitedOrOutcome: unknown;
  $parent: unknown;
  $extra: unknown;
  $waiters: unknown;
  $suspension: unknown;
}
