/**
 * Names the lowered code introduces, chosen so they never capture or shadow
 * a name of the user's code.
 *
 * ## Example
 * A generator whose body already uses `$frame` gets `$frame1` for its frame
 * parameter; everything else keeps its preferred name.
 *
 * ## Implementation
 * A name is free when no identifier of the file uses it and no enclosing
 * machine has taken it. Suffixes count up from 1; the choice depends only on
 * the input, so output is deterministic.
 *
 * ## References
 * Babel's `scope.generateUid` follows the same idea.
 */
import type { RuntimeReferences } from './runtime-binding';

export class NameAllocator {
  private readonly taken: Set<string>;

  /** `shared` (the file's identifiers) is read, never copied: one allocator is made per lowered function. */
  constructor(private readonly shared: ReadonlySet<string>, reserved: Iterable<string> = []) {
    this.taken = new Set(reserved);
  }

  /** A name not used so far, preferring `preferred`. */
  fresh(preferred: string): string {
    let name = preferred;
    for (let i = 1; this.has(name); i++) name = preferred + i;
    this.taken.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.shared.has(name) || this.taken.has(name);
  }
}

/** The names of a step function's own scaffolding. */
export interface MachineNames {
  readonly frame: string;
  readonly state: string;
  readonly mode: string;
  readonly value: string;
  /** Label of the dispatch loop, for jumps out of nested native loops. */
  readonly loop: string;
  readonly error: string;
  /** How emitted code reaches `@coro/runtime`. */
  readonly runtime: RuntimeReferences;
}

export function machineNames(allocator: NameAllocator, runtime: RuntimeReferences): MachineNames {
  return {
    frame: allocator.fresh('$frame'),
    state: allocator.fresh('$state'),
    mode: allocator.fresh('$mode'),
    value: allocator.fresh('$value'),
    loop: allocator.fresh('$machine'),
    error: allocator.fresh('$error'),
    runtime,
  };
}
