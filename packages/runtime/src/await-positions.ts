/**
 * Where a suspended function stands: the original `file:line:col` of the
 * `await` of each resume state, and the name a stack trace gives the
 * function. Read by the `at async` lines of lowered async functions
 * (awaiting-callers.ts) and by coroutines' dumps and stack lines
 * (coroutines/task-description.ts).
 *
 * ## Example
 * ```js
 * // emitted once per async function that awaits, beside its tables:
 * $coro.describeAwaits(load$Frame, "Store.load", "src/store.js", [1, "4:17", 2, "9:5"]);
 * awaitPosition(frame);   // "src/store.js:9:5" while the call is suspended in state 2
 * ```
 *
 * ## Implementation
 * The compiler writes the table as pairs (state, "line:col"); it becomes
 * an object indexed by state once, when the function is described, and
 * hangs on the frame constructor, which every call's frame shares: nothing
 * per call. A frame finds it through its step function, or its
 * `constructor` (the frame constructor's own prototype, which async
 * functions' frames keep).
 *
 * ## References
 * - docs/architecture.md, "Frame fields" (`$state` is the resume state)
 */

export interface StatePositions {
  readonly $name: string;
  readonly $file: string;
  readonly $positions: { [state: number]: string };
}

interface DescribedFrame {
  $awaits?: StatePositions;
}

/** Pairs (state, "line:col") as the compiler writes them, made an object indexed by state. */
export function statePositions(name: string, file: string, table: readonly (number | string)[]): StatePositions {
  var positions: { [state: number]: string } = {};
  for (var i = 0; i < table.length; i += 2) positions[table[i] as number] = table[i + 1] as string;
  return { $name: name, $file: file, $positions: positions };
}

/** `file:line:col` of the `await` where a function described by `described` stands in `state`. */
export function positionAt(described: StatePositions | undefined, state: number): string | undefined {
  var at = described && described.$positions[state];
  return at ? described!.$file + ':' + at : undefined;
}

/**
 * Emitted code: the name and `await` positions of an async function or
 * async generator, on its frame constructor and, when given, its step
 * function (an async generator's frame inherits its function's
 * `prototype`, not the constructor's: its step is how it is found).
 */
export function describeAwaits(Frame: Function, name: string, file: string, table: readonly (number | string)[], step?: Function): void {
  var described = statePositions(name, file, table);
  (Frame as DescribedFrame).$awaits = described;
  if (step) (step as DescribedFrame).$awaits = described;
}

export function awaitsOf(frame: object): StatePositions | undefined {
  var step = (frame as { $step?: DescribedFrame }).$step;
  if (step && step.$awaits) return step.$awaits;
  var Frame = (frame as { constructor?: DescribedFrame }).constructor;
  return Frame ? Frame.$awaits : undefined;
}
