/**
 * The top-level code of a fuzz program: what calls its functions and prints what comes out.
 *
 * ## Example
 * ```js
 * try {                                     // settle: calls started together beside a raw promise chain
 *   ticker('c0', 4);
 *   settle('c0 all', Promise.all([f1(2), later(3, 1)]));
 * } catch (e) {
 *   caught('c0', e);
 * }
 * try {                                     // asyncDrive: queued and awaited requests to an async generator
 *   run('c1', async () => {
 *     const it0 = ag2('a');
 *     astep('c1 it0', it0, 'next', undefined);
 *     await astep('c1 it0', it0, 'return', later(5, 1));
 *     await adrain('c1 it0', it0);
 *   });
 * } catch (e) {
 *   caught('c1', e);
 * }
 * ```
 *
 * ## Implementation
 * A consumer only calls functions of the flavor it knows how to drive: sync
 * consumers (`drive`, `spread`, `forOf`, `destructure`) call generators,
 * `settle` calls async functions, `asyncDrive` and `forAwait` call async
 * generators (`forAwait` sometimes a generator: `for await` over a sync
 * iterator). Usually the callee is the last function of its flavor: it may
 * call the others, so it is the richest. Every promise a consumer gets is
 * handed to a prelude helper that attaches its handlers at once; nothing a
 * consumer passes to `next` or `throw` is a promise (those are not awaited,
 * a rejected one would stay unhandled), while `return` values may be, since
 * an async generator awaits them.
 *
 * For a program of generators only, the draws are exactly those the fuzzer
 * made before it knew async code, so such a seed still prints the same program.
 */
import type { AsyncDriveAction, Consumer, DriveAction, Expr, FunctionDecl, FunctionFlavor, IteratorMethod, SettleStyle } from './ast';
import type { ExcludableConstruct } from './excludable-constructs';
import { constant, type Names } from './names';
import type { Random } from './random';

export class ConsumerGenerator {
  constructor(
    private readonly rng: Random,
    private readonly names: Names,
    private readonly functions: readonly FunctionDecl[],
    private readonly exclude: readonly ExcludableConstruct[],
  ) {}

  consumer(tag: string): Consumer {
    const has = (flavor: FunctionFlavor) => this.functions.some((decl) => decl.flavor === flavor);
    const sync = has('generator') ? 1 : 0;
    const kind = this.rng.weighted({
      drive: 5 * sync,
      spread: 1.5 * sync,
      forOf: 1.5 * sync,
      destructure: 1 * sync,
      settle: has('async') ? 5 : 0,
      asyncDrive: has('asyncGenerator') ? 5 : 0,
      forAwait: has('asyncGenerator') ? 2.5 : 0,
    });
    switch (kind) {
      case 'drive': {
        const iterators = [{ name: 'it0', call: this.topLevelCall(['generator']) }];
        if (this.rng.chance(0.2)) iterators.push({ name: 'it1', call: this.topLevelCall(['generator']) });
        const actions: DriveAction[] = [];
        const count = this.rng.int(1, 8);
        for (let index = 0; index < count; index++) {
          actions.push(this.driveAction(iterators.map((iterator) => iterator.name), index === 0));
        }
        return { kind: 'drive', tag, iterators, actions, drain: this.rng.chance(0.8) };
      }
      case 'spread':
        return { kind: 'spread', tag, call: this.topLevelCall(['generator']), viaArrayFrom: this.rng.chance(0.3) };
      case 'forOf':
        return { kind: 'forOf', tag, call: this.topLevelCall(['generator']), breakAfter: this.rng.chance(0.6) ? this.rng.int(1, 4) : null };
      case 'destructure':
        return { kind: 'destructure', tag, call: this.topLevelCall(['generator']), count: this.rng.int(1, 3) };
      case 'settle':
        return this.settle(tag);
      case 'asyncDrive':
        return this.asyncDrive(tag);
      case 'forAwait':
        return this.forAwait(tag);
    }
  }

  private topLevelCall(flavors: readonly FunctionFlavor[]): Expr {
    const callees = this.functions.filter((decl) => flavors.includes(decl.flavor));
    const callee = this.rng.chance(0.6) ? callees[callees.length - 1] : this.rng.pick(callees);
    return { kind: 'genCall', callee: callee.name, args: callee.params.map(() => constant(this.rng)) };
  }

  private driveAction(iterators: string[], first: boolean): DriveAction {
    // throw()/return() before the first next() only complete the generator; keep that, but rarely.
    const method = first && this.rng.chance(0.85) ? 'next' : this.rng.weighted({ next: 6, throw: 1.2, return: 1.2, callFns: 0.8 });
    if (method === 'callFns') return { kind: 'callFns' };
    let value: Expr;
    if (method === 'throw') {
      value = this.thrownIn();
    } else {
      value = this.rng.chance(0.3) ? { kind: 'undefined' } : constant(this.rng);
    }
    return { kind: 'resume', iterator: this.rng.pick(iterators), method: method as IteratorMethod, value };
  }

  private thrownIn(): Expr {
    return this.rng.chance(0.8) ? { kind: 'newError', message: `thrown${this.names.fresh('')}` } : constant(this.rng);
  }

  /** Beside most async consumers, a raw promise chain that prints once per job. */
  private ticks(): number {
    return this.rng.chance(0.65) ? this.rng.int(1, 8) : 0;
  }

  private settle(tag: string): Consumer {
    const ticks = this.ticks();
    const style = this.rng.weighted<SettleStyle>({ each: 3, all: 1.5, allSettled: 0.7, race: 0.7, any: 0.5, inTurn: 1.5 });
    const calls: Expr[] = [];
    const count = this.rng.int(1, 3);
    for (let index = 0; index < count; index++) calls.push(this.rng.chance(0.75) ? this.topLevelCall(['async']) : this.settledValue());
    return { kind: 'settle', tag, ticks, calls, style };
  }

  /** A promise or thenable to settle beside the calls, or to hand to `return()`. */
  private settledValue(): Expr {
    const how = this.rng.weighted({ later: 3, resolved: 1, rejected: 1, laterRejected: 0.7, thenable: 1.5, rejectingThenable: 0.5 });
    const rejects = how === 'rejected' || how === 'laterRejected' || how === 'rejectingThenable';
    const value: Expr = rejects ? { kind: 'newError', message: `rejected${this.names.fresh('')}` } : constant(this.rng);
    const ticks = how === 'later' || how === 'laterRejected' || how === 'thenable' ? this.rng.int(0, 3) : 0;
    return { kind: 'promise', how, value, ticks };
  }

  private asyncDrive(tag: string): Consumer {
    const ticks = this.ticks();
    const iterators = [{ name: 'it0', call: this.topLevelCall(['asyncGenerator']) }];
    if (this.rng.chance(0.2)) iterators.push({ name: 'it1', call: this.topLevelCall(['asyncGenerator']) });
    const names = iterators.map((iterator) => iterator.name);
    const actions: AsyncDriveAction[] = [];
    const count = this.rng.int(1, 8);
    for (let index = 0; index < count; index++) actions.push(this.asyncDriveAction(names, index === 0));
    return { kind: 'asyncDrive', tag, ticks, iterators, actions, drain: this.rng.chance(0.8) };
  }

  private asyncDriveAction(iterators: string[], first: boolean): AsyncDriveAction {
    const returns = this.exclude.includes('asyncReturnRequest') ? 0 : 1.5;
    const method = first && this.rng.chance(0.85) ? 'next' : this.rng.weighted({ next: 6, throw: 1.2, return: returns, callFns: 0.6 });
    if (method === 'callFns') return { kind: 'callFns' };
    let value: Expr;
    if (method === 'throw') value = this.thrownIn();
    else if (method === 'return' && this.rng.chance(0.35)) value = this.settledValue();
    else value = this.rng.chance(0.3) ? { kind: 'undefined' } : constant(this.rng);
    // Not waiting queues the next request behind this one (AsyncGeneratorEnqueue).
    const wait = this.rng.chance(0.45);
    return { kind: 'request', iterator: this.rng.pick(iterators), method: method as IteratorMethod, value, wait };
  }

  private forAwait(tag: string): Consumer {
    const ticks = this.ticks();
    const flavors: FunctionFlavor[] = this.rng.chance(0.15) && this.functions.some((decl) => decl.flavor === 'generator') ? ['generator'] : ['asyncGenerator'];
    const call = this.topLevelCall(flavors);
    const exit = !this.exclude.includes('asyncReturnRequest') && this.rng.chance(0.55)
      ? { after: this.rng.int(1, 3), how: this.rng.weighted({ break: 2, return: 1, throw: 1 }) }
      : null;
    return { kind: 'forAwait', tag, ticks, call, exit };
  }
}

