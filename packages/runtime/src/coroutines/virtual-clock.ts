/**
 * Virtual time for the test scheduler: a `Clock` whose `now` moves only when
 * the test scheduler advances it, whose timers are entries in a list, and
 * whose turns of the event loop (`defer`, what `yieldNow` waits for) are
 * callbacks the test scheduler runs when it chooses.
 *
 * ## Example
 * ```js
 * var clock = new VirtualClock();
 * setClock(clock);
 * clock.setTimer(() => console.log('at 100'), 100);
 * clock.fireNext(); // now() === 100, prints
 * ```
 *
 * ## Implementation
 * Timers are kept sorted by (due time, order set): a test has few of them
 * (the timer heap of timer-heap.ts sets one clock timer for all sleeping
 * tasks), so an insertion into a sorted array is the plain choice. Time is
 * whole milliseconds and starts at 0.
 *
 * ## References
 * - kotlinx-coroutines-test `TestCoroutineScheduler` (`advanceTimeBy`, `currentTime`)
 * - Go `testing/synctest` (a bubble's fake clock)
 */
import type { Clock } from './clock';

interface VirtualTimer {
  due: number;
  order: number;
  run: () => void;
}

export class VirtualClock implements Clock {
  private time = 0;
  private timers: VirtualTimer[] = [];
  private turns: Array<() => void> = [];
  private nextOrder = 0;

  now(): number {
    return this.time;
  }

  setTimer(run: () => void, milliseconds: number): unknown {
    var timer: VirtualTimer = { due: this.time + Math.max(0, Math.ceil(+milliseconds || 0)), order: this.nextOrder++, run: run };
    // Never due: not listed, so time never jumps to it and a test waiting only on it is deadlocked.
    if (timer.due === Infinity) return timer;
    var at = this.timers.length;
    while (at > 0 && this.timers[at - 1].due > timer.due) at--;
    this.timers.splice(at, 0, timer);
    return timer;
  }

  clearTimer(timer: unknown): void {
    var at = this.timers.indexOf(timer as VirtualTimer);
    if (at >= 0) this.timers.splice(at, 1);
  }

  defer(run: () => void): void {
    this.turns.push(run);
  }

  /** When the earliest timer is due, or `undefined` when none is set. */
  nextDue(): number | undefined {
    return this.timers.length ? this.timers[0].due : undefined;
  }

  hasTurns(): boolean {
    return this.turns.length > 0;
  }

  /** Runs the deferred callbacks queued so far (one turn of the loop). */
  runTurn(): void {
    var turns = this.turns;
    this.turns = [];
    for (var i = 0; i < turns.length; i++) turns[i]();
  }

  /** Moves time to the earliest timer and runs every timer due then. */
  fireNext(): void {
    var due = this.nextDue();
    if (due === undefined) return;
    this.time = Math.max(this.time, due);
    while (this.timers.length && this.timers[0].due <= this.time) this.timers.shift()!.run();
  }

  /** Moves time forward to `time` (never back); timers due by then are not run. */
  moveTo(time: number): void {
    if (time > this.time) this.time = time;
  }
}
