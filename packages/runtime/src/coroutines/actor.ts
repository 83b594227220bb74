/**
 * Actors: `actor(async (mailbox) => …)` is a task that owns its state and
 * reads messages from a bounded mailbox; `send` posts one (waiting while the
 * mailbox is full), `ask` posts one carrying a reply and waits for the
 * answer, with an optional timeout. The actor is a child of the task that
 * started it, so its failure fails that task (a scope at once), and a scope
 * ends only once its actors have.
 *
 * ## Example
 * ```js
 * const account = actor(async (mailbox) => {
 *   let balance = 0;
 *   for await (const message of mailbox) {
 *     if (message.kind === 'deposit') balance += message.amount;
 *     else message.reply(balance);
 *   }
 * });
 * await account.send({ kind: 'deposit', amount: 10 });
 * const balance = await account.ask((reply) => ({ kind: 'balance', reply }), 1000);
 * account.close();
 * ```
 *
 * ## Implementation
 * The mailbox is a channel (channel.ts) of the given capacity. The actor's
 * task runs the body with the mailbox; when the body ends, the mailbox is
 * cancelled (messages left go to `onUndelivered`) and every `ask` still
 * waiting for an answer fails: with the actor's failure, or a
 * `ClosedChannelError` when it stopped without answering. An `ask` is a task
 * of its own (a hand-written step: send, then receive the answer from a
 * one-slot channel), so it can be cancelled, awaited from ordinary code, and
 * put under `withTimeout`; its reply is a function that can be called once
 * (later calls are ignored), with `reply.fail(error)` to answer with an
 * error.
 *
 * ## References
 * - kotlinx.coroutines `actor`; Akka `ask` with a timeout; Erlang/OTP supervision
 */
import { channel, type Channel, type ChannelOperation, type ChannelOptions } from './channel';
import { ClosedChannelError } from './errors';
import { RuntimeTask, type RuntimeTaskFrame } from './runtime-task';
import { awaitInCoroutine, startTask } from './task-lifecycle';
import { nameStep } from './task-description';
import { withTimeout } from './time';
import type { Task } from './task-prototype';
import type { TaskFrame } from './task-frame';

export interface ActorOptions<M> extends ChannelOptions<M> {
  /** The mailbox's capacity (default 16); senders wait while it is full. */
  capacity?: number;
}

/** Answers an `ask`: call it with the answer, or `fail` with an error. */
export interface Reply<R> {
  (answer: R): void;
  fail(error: unknown): void;
}

interface ActorFrame extends RuntimeTaskFrame {
  $mailbox: Channel<unknown>;
  $waitingAnswers: Set<Channel<unknown>>;
}

interface AskFrame extends RuntimeTaskFrame {
  $actor: Actor<unknown>;
  $answer: Channel<unknown>;
}

var runActor = nameStep(function runActor(task: TaskFrame, state: number, mode: number, value: unknown): unknown {
  var frame = task as ActorFrame;
  if (state === 0) {
    frame.$state = 1;
    return awaitInCoroutine(frame, frame.$body(frame.$mailbox));
  }
  var stopped = mode === 1 ? value : new ClosedChannelError('the actor stopped before it answered');
  frame.$mailbox.cancel(mode === 1 ? value : undefined);
  frame.$waitingAnswers.forEach(function failAnswer(answer) { answer.close(stopped); });
  frame.$waitingAnswers.clear();
  if (mode === 1) throw value;
  return value;
}, 'actor');

var runAsk = nameStep(function runAsk(task: TaskFrame, state: number, mode: number, value: unknown): unknown {
  var frame = task as AskFrame;
  var waiting = (frame.$actor.task as unknown as ActorFrame).$waitingAnswers;
  if (state === 0) {
    var answer = (frame.$answer = channel<unknown>(1));
    waiting.add(answer);
    frame.$state = 1;
    return awaitInCoroutine(frame, frame.$actor.send(frame.$body(replyTo(answer))));
  }
  if (state === 1 && mode === 0) {
    frame.$state = 2;
    return awaitInCoroutine(frame, frame.$answer.receive());
  }
  waiting.delete(frame.$answer);
  // A mailbox is cancelled with the error that stopped its actor: an ask still waiting to post fails with that error itself, as one waiting for its answer does, so a scope that receives both counts one failure.
  if (mode === 1 && state === 1 && value instanceof ClosedChannelError && value.cause !== undefined) throw value.cause;
  if (mode === 1) throw value;
  return value;
}, 'ask');

function replyTo(answer: Channel<unknown>): Reply<unknown> {
  var reply = function reply(value: unknown) {
    if (!answer.isClosed) answer.trySend(value);
    answer.close();
  } as Reply<unknown>;
  reply.fail = function fail(error: unknown) { answer.close(error === undefined ? new Error('the actor failed the ask') : error); };
  return reply;
}

export class Actor<M> {
  /** The actor's own task: settles when its body ends. */
  readonly task: Task<void>;
  private readonly mailbox: Channel<M>;

  constructor(body: (mailbox: Channel<M>) => unknown, options: ActorOptions<M>) {
    this.mailbox = channel<M>(options.capacity === undefined ? 16 : options.capacity, options);
    var frame = new RuntimeTask(body, 0, runActor) as ActorFrame;
    frame.$mailbox = this.mailbox as Channel<unknown>;
    frame.$waitingAnswers = new Set();
    this.task = startTask(frame) as unknown as Task<void>;
  }

  /** Posts `message`, waiting while the mailbox is full; throws `ClosedChannelError` once the actor is closed or stopped. */
  send(message: M): ChannelOperation<M, void> {
    return this.mailbox.send(message);
  }

  /** Posts `message` if the mailbox has room; false otherwise. */
  trySend(message: M): boolean {
    return this.mailbox.trySend(message);
  }

  /** Posts the message `build(reply)` makes and waits for the answer; after `timeout` ms, a `TimeoutError`. */
  ask<R>(build: (reply: Reply<R>) => M, timeout?: number): Task<R> {
    var actor = this;
    var start = function startAsk(): Task<R> {
      var frame = new RuntimeTask(build, 0, runAsk) as AskFrame;
      frame.$actor = actor as Actor<unknown>;
      return startTask(frame) as unknown as Task<R>;
    };
    return timeout === undefined ? start() : withTimeout(timeout, start);
  }

  /** No more messages: the actor handles those in its mailbox, then its iteration ends. */
  close(): void {
    this.mailbox.close();
  }
}

/** Starts an actor as a child of the running task. */
export function actor<M>(body: (mailbox: Channel<M>) => unknown, options: ActorOptions<M> = {}): Actor<M> {
  return new Actor(body, options);
}
