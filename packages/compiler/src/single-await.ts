/**
 * Whether an async function awaits at most once per call, and never under
 * a `try`: then the promise its caller receives can be the one `then`
 * derives at that await, with no resolving functions of its own.
 *
 * ## Example
 * ```js
 * async function chain(depth) {
 *   if (depth === 0) return 0;
 *   return 1 + await chain(depth - 1);   // the only await on every path
 * }
 * ```
 * lowers its await to `$coro.awaitOnce($frame, …)`: the reaction that
 * resumes the machine returns the completion, which settles the derived
 * promise in the same job in which native code would settle its own.
 *
 * ## Implementation
 * On the control-flow graph liveness built: from no await can another (or
 * the same) await be reached, and no await lies in a region with a handler
 * or finalizer (its rejection must reach the body only when nothing in the
 * body could catch it, and then it simply rejects the derived promise).
 *
 * ## References
 * ECMAScript 2025, 27.2.5.4.1 PerformPromiseThen (the derived promise is
 * resolved with the handler's result, or rejected with what it throws);
 * 27.7.5.2 AsyncBlockStart.
 */
import { finalizerOf, handlerOf, type MachineIR } from './ir';

export function awaitsAtMostOnce(ir: MachineIR, successors: readonly (readonly number[])[]): boolean {
  const instructions = ir.instructions;
  const awaits = instructions.flatMap((ins, i) => (ins.op === 'await' ? [i] : []));
  if (awaits.length === 0) return false;
  for (const a of awaits) {
    const region = instructions[a].region;
    if (handlerOf(region) || finalizerOf(region)) return false;
    const seen = new Set<number>();
    const pending = [...successors[a]];
    while (pending.length) {
      const i = pending.pop()!;
      if (seen.has(i)) continue;
      seen.add(i);
      if (instructions[i].op === 'await') return false;
      pending.push(...successors[i]);
    }
  }
  return true;
}
