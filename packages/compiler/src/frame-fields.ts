/**
 * The fields the runtime keeps on a frame: the one list the frame
 * constructor (emit.ts), the layout's reserved names (layout.ts), the
 * runtime's frame types (`@coro/runtime` frame.ts, checked by a test) and
 * the table in docs/architecture.md (checked by a test) all follow.
 *
 * ## Example
 * An async generator's frame constructor begins
 * ```js
 * this.$state = 0;
 * this.$step = g$step;
 * ```
 * then the function's own slots, then `$queue`.
 *
 * ## Implementation
 * Fields come in groups, each written when the function needs it: every
 * frame has the machine's; an async function that may await more than once
 * has the awaiting group (its task) and an async generator its queue: the
 * runtime keeps the rest in an object of its own, of one shape for every
 * function, so its accesses stay monomorphic; a coroutine has the coroutine
 * group instead of the awaiting one (its frame is its `Task`). Each field
 * has its initial value, so every frame of a function has one shape from the
 * start. (`yield*` keeps its iterator in slots of the function's own.)
 *
 * ## References
 * rustc `compiler/rustc_mir_transform/src/coroutine.rs` (the prefix of a
 * coroutine's layout that the runtime owns); ECMAScript 2025, 27.5.2 and
 * 27.6.2 (generator and async generator instance slots).
 */

export type FrameFieldGroup = 'machine' | 'asyncGenerator' | 'awaiting' | 'coroutine';

export interface FrameField {
  readonly name: string;
  readonly group: FrameFieldGroup;
  /** The value the frame constructor writes; `step` is the function's step function. */
  readonly initial: string;
}

export const FRAME_FIELDS: readonly FrameField[] = [
  { name: '$state', group: 'machine', initial: '0' },
  { name: '$step', group: 'machine', initial: 'step' },
  { name: '$queue', group: 'asyncGenerator', initial: 'void 0' },
  { name: '$task', group: 'awaiting', initial: 'void 0' },
  { name: '$taskState', group: 'coroutine', initial: '0' },
  { name: '$awaitedOrOutcome', group: 'coroutine', initial: 'void 0' },
  { name: '$parent', group: 'coroutine', initial: 'void 0' },
  { name: '$extra', group: 'coroutine', initial: 'void 0' },
  { name: '$waiters', group: 'coroutine', initial: 'void 0' },
  { name: '$suspension', group: 'coroutine', initial: 'void 0' },
];

/** Every runtime field name: no slot of the function's own may take one. */
export const RUNTIME_FIELD_NAMES: ReadonlySet<string> = new Set(FRAME_FIELDS.map((f) => f.name));

/** The fields of `groups`, in the order the constructor writes them. */
export function fieldsOf(...groups: FrameFieldGroup[]): FrameField[] {
  return FRAME_FIELDS.filter((f) => groups.includes(f.group));
}
