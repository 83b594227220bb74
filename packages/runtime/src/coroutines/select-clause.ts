/**
 * One clause of a `select` (select.ts): what it waits for. Made by select.ts's
 * `onReceive`, `onSend`, `onTimeout`, `onJoin` and by a channel's own
 * `onReceive()`/`onSend()`.
 *
 * ## Example
 * `ch.onReceive()` is `new SelectClause(RECEIVE, ch, undefined, 0, undefined)`.
 *
 * ## Implementation
 * A module of its own, which knows no channel: a channel makes its clauses
 * here, and select.ts, which parks waiters on channels, imports both (a
 * channel importing select.ts would close an import cycle).
 *
 * ## References
 * docs/coroutines.md, "select".
 */
import type { TaskFrame } from './task-frame';

export var RECEIVE = 0;
export var SEND = 1;
export var TIMEOUT = 2;
export var JOIN = 3;

export class SelectClause {
  /** `$channel`: the channel of a receive or send clause (select.ts reads it as a `Channel`). */
  constructor(readonly $kind: number, readonly $channel: unknown, readonly $element: unknown, readonly $milliseconds: number, readonly $task: TaskFrame | undefined) {}
}
