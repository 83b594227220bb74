/**
 * The messages between the pool and its worker processes.
 *
 * ## Example
 *
 * ```ts
 * const job: Job = { id: 7, path: 'language/expressions/yield/star-array.js', mode: 'strict' };
 * const reply: WorkerMessage = { id: 7, kind: 'outcome', translation: 'native', outcome: { status: 'pass' } };
 * ```
 *
 * ## Implementation
 *
 * Plain JSON over the `fork` IPC channel. One job is one test in one mode;
 * the worker answers with a `started` and an `outcome` per translation it
 * runs, then `done`.
 *
 * ## References
 *
 * ./worker.ts, ./pool.ts.
 */
import type { Mode } from './mode';
import type { Outcome } from './outcome';
import type { Translation } from './translation';

export interface Job {
  readonly id: number;
  readonly path: string;
  readonly mode: Mode;
  /** The native outcome an earlier run measured (native-outcomes.ts): only the lowered run happens. */
  readonly native?: Outcome;
  /** Only the native run happens: recording the native table (native-table.ts). */
  readonly nativeOnly?: boolean;
}

export type WorkerMessage =
  /** Sent once, when the worker has loaded its modules and listens for jobs. */
  | { readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'started'; readonly translation: Translation['name'] }
  | { readonly id: number; readonly kind: 'outcome'; readonly translation: Translation['name']; readonly outcome: Outcome }
  | { readonly id: number; readonly kind: 'done' };
