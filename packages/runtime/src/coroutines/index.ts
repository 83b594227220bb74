/**
 * `@coro/runtime/coroutines`: the one entry point of coroutines, both what
 * users call (tasks, scopes, cancellation, time, dumps) and what code
 * compiled from `"use coroutine"` calls. A program without coroutines never
 * loads it: the main entry `@coro/runtime` does not import it.
 *
 * ## Example
 * ```js
 * import { scope, delay, withTimeout, dump, formatDump } from '@coro/runtime/coroutines';
 * ```
 *
 * ## Implementation
 * Plain bindings, as in the main entry (no re-export getters on hot paths).
 * The modules behind it: task-frame.ts (fields, states), task-lifecycle.ts
 * (run, await, settle, cancel), ready-queue.ts, async-context.ts,
 * suspension.ts, live-roots.ts, task-prototype.ts (`Task`), runtime-task.ts,
 * scope.ts, time.ts, clock.ts, timer-heap.ts, errors.ts,
 * task-description.ts, async-stack-trace.ts, dump.ts, link-coroutine.ts;
 * channel.ts, fifo-queue.ts, select.ts, actor.ts; test-scheduler.ts,
 * virtual-clock.ts, random-choice.ts; flow.ts, flow-operators.ts,
 * awaited-operation.ts.
 *
 * ## References
 * - docs/coroutines.md
 */
import * as tasks from './task-prototype';
import * as lifecycle from './task-lifecycle';
import * as errors from './errors';
import * as scopes from './scope';
import * as time from './time';
import * as clocks from './clock';
import * as dumps from './dump';
import * as linking from './link-coroutine';
import * as frames from './task-frame';
import * as channels from './channel';
import * as selects from './select';
import * as actors from './actor';
import * as testing from './test-scheduler';
import * as flows from './flow';
import * as operators from './flow-operators';

export var Task = tasks.Task;
export var TaskPrototype = tasks.TaskPrototype;
export var CancellationError = errors.CancellationError;
export var TimeoutError = errors.TimeoutError;
export var ClosedChannelError = errors.ClosedChannelError;
export var isCancellation = errors.isCancellation;
export var scope = scopes.scope;
export var launchDetached = scopes.launchDetached;
export var nonCancellable = scopes.nonCancellable;
export var delay = time.delay;
export var yieldNow = time.yieldNow;
export var withTimeout = time.withTimeout;
export var withTimeoutOrUndefined = time.withTimeoutOrUndefined;
export var budget = time.budget;
export var spendBudget = time.spendBudget;
export var setClock = clocks.setClock;
export var systemClock = clocks.systemClock;
export var dump = dumps.dump;
export var formatDump = dumps.formatDump;
export var channel = channels.channel;
export var Channel = channels.Channel;
export var select = selects.select;
export var onReceive = selects.onReceive;
export var onSend = selects.onSend;
export var onTimeout = selects.onTimeout;
export var onJoin = selects.onJoin;
export var actor = actors.actor;
export var Actor = actors.Actor;
export var runTest = testing.runTest;
export var exploreSchedules = testing.exploreSchedules;
export var advanceTimeBy = testing.advanceTimeBy;
export var currentTime = testing.currentTime;
export var ScheduleError = testing.ScheduleError;
export var currentTask = lifecycle.runningTask as () => tasks.Task | undefined;
export var startCoroutine = linking.startCoroutine;
export var startCoroutineWith = linking.startCoroutineWith;
export var linkCoroutine = linking.linkCoroutine;
export var linkTaskFrame = linking.linkTaskFrame;
export var linkFlow = flows.linkFlow;
export var map = operators.map;
export var filter = operators.filter;
export var take = operators.take;
export var buffer = operators.buffer;
export var conflate = operators.conflate;
export var merge = operators.merge;
export var zip = operators.zip;
export var collectLatest = operators.collectLatest;
export var awaitInCoroutine = lifecycle.awaitInCoroutine;
export var awaitInline = lifecycle.awaitInline;
export var SUSPEND = frames.SUSPEND;
export var READY = frames.READY;
export type { Task as TaskType } from './task-prototype';
export type { Scope } from './scope';
export type { Clock } from './clock';
export type { TaskSnapshot } from './dump';
export type { Delay } from './time';
export type { Channel as ChannelType, ChannelOperation, ChannelOptions, Overflow, Undelivered, TryReceiveResult } from './channel';
export type { SelectResult, SelectClause } from './select';
export type { Actor as ActorType, ActorOptions, Reply } from './actor';
export type { TestOptions, ExploreOptions } from './test-scheduler';
