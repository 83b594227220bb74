/**
 * Frame layout: which variable lives in which frame field, and the names of
 * the step function's locals.
 *
 * ## Example
 * `function* g(a) { const t = a * 2; yield t; const u = t + 1; yield u; }`:
 * `a` is read only before the first yield (an input, its own field), `t` and
 * `u` are never live together, so both use the field `t`.
 *
 * ## Implementation
 * Greedy colouring in variable order (deterministic): each frame variable
 * takes the first field whose occupants it does not interfere with. Inputs
 * and captured variables get fields of their own. Every other variable
 * becomes a `var` of the step function, named after the variable unless that
 * name is taken.
 *
 * Binding storage. A function whose names are resolved at run time (direct
 * `eval`, `with`: dynamic-scope.ts) lays its bindings out in `'scope'`
 * storage: none is a frame field or a step local, each is a variable of the
 * scope the wrapper makes per call, written by its own name (a parameter, or
 * the function's own name, is the wrapper's; a second binding of one name
 * gets a fresh name). The machine's temporaries are laid out as always.
 *
 * Field names. The frame is the object a caller holds (a generator is its
 * frame), so a field must never take a name that the iteration protocol,
 * `Object.prototype`, the thenable check or the runtime reads (`next`, `then`,
 * `constructor`, `toString`, `__proto__`, …). Every field name contains a `$`,
 * which none of those names does: a user binding `x` lives in `x$`, the
 * runtime's own fields and the compiler's temporaries start with `$`. A field
 * shared by bindings whose lifetimes never meet names them all (`from$i$`, up
 * to three); one shared by a binding and a temporary, or by temporaries of
 * different names, is `$slot`: its name never suggests just one occupant.
 *
 * ## References
 * rustc `compiler/rustc_mir_transform/src/coroutine.rs` (overlapping saved
 * locals); Chaitin-style register allocation.
 */
import type { Variable } from './ir';
import type { Liveness } from './liveness';
import type { NameAllocator } from './names';
import { RUNTIME_FIELD_NAMES } from './frame-fields';

export interface FrameSlot {
  readonly field: string;
  readonly variables: Variable[];
}

/**
 * Where the bindings the machine manages live: `'frame'`, in frame fields when they live across a
 * suspension and as step locals otherwise; `'scope'`, as variables of the wrapper's per-call scope.
 */
export type BindingStorage = 'frame' | 'scope';

export interface FrameLayout {
  readonly slots: readonly FrameSlot[];
  /** Inputs in the order the frame constructor takes them. */
  readonly inputs: readonly Variable[];
  readonly locals: readonly string[];
  /** With `'scope'` storage: the names the wrapper declares for the bindings (parameters are its own already). */
  readonly scoped: readonly string[];
  /** How a variable is written in the step function: `$frame.x` or `x`. */
  access(v: Variable): string;
  /** Like `access`, for a call's callee: a frame field is called without the frame as `this`. */
  callee(v: Variable): string;
  fieldOf(v: Variable): string | undefined;
}


/** See "Field names" above. */
function sharedFieldName(occupants: readonly Variable[]): string {
  const names = [...new Set(occupants.map((v) => v.name))];
  if (occupants.every((v) => v.origin === 'binding')) return names.length <= 3 ? `${names.join('$')}$` : '$slot';
  if (names.length > 1 || occupants.some((v) => v.origin === 'binding')) return '$slot';
  if (!names[0].startsWith('$')) throw new Error(`internal: the compiler's variable ${names[0]} must start with $`);
  return names[0];
}

export function layoutFrame(
  variables: readonly Variable[],
  liveness: Liveness,
  allocator: NameAllocator,
  /** Names no step local may take: free references, and what the engine itself binds in the step function. */
  takenNames: ReadonlySet<string>,
  frameName: string,
  storage: BindingStorage,
): FrameLayout {
  const inScope = (v: Variable) => storage === 'scope' && v.origin === 'binding';
  const slots: FrameSlot[] = [];
  const slotOf = new Map<Variable, FrameSlot>();
  const fields = new Set(RUNTIME_FIELD_NAMES);
  /** The suffix the next field named after `preferred` tries first. */
  const nextSuffix = new Map<string, number>();
  const fieldName = (preferred: string) => {
    let name = preferred;
    if (fields.has(name)) {
      let i = nextSuffix.get(preferred) ?? 1;
      while (fields.has((name = preferred + i))) i++;
      nextSuffix.set(preferred, i + 1);
    }
    fields.add(name);
    return name;
  };

  // Inputs first: the constructor writes them, and a later variable may reuse an input's field once it is dead.
  const ordered = [...variables.filter((v) => liveness.inputs.has(v)), ...variables.filter((v) => !liveness.inputs.has(v))];
  for (const v of ordered) {
    if (!liveness.frame.has(v) || inScope(v)) continue;
    let slot: FrameSlot | undefined;
    if (!v.captured) {
      slot = slots.find((s) => !s.variables.some((o) => o.captured || liveness.interferes(o, v)));
    }
    if (!slot) {
      slot = { field: '', variables: [] };
      slots.push(slot);
    }
    slot.variables.push(v);
    slotOf.set(v, slot);
  }
  for (const slot of slots) {
    (slot as { field: string }).field = fieldName(sharedFieldName(slot.variables));
  }

  const localOf = new Map<Variable, string>();
  const locals: string[] = [];
  const scoped: string[] = [];
  const localNames = new Set<string>();
  // In the per-call scope the wrapper's own names come first, then the function scope's: what
  // `eval` reads by a name is the outermost binding of it.
  const named =
    storage === 'scope' ? [...variables.filter((v) => v.input), ...variables.filter((v) => v.binding !== undefined && v.binding.scope.node === v.binding.scope.owner), ...variables] : variables;
  for (const v of named) {
    if (slotOf.has(v) || localOf.has(v)) continue;
    if (v.input && inScope(v)) {
      localNames.add(v.name);
      localOf.set(v, v.name);
      continue;
    }
    // A binding keeps its own name unless that name is taken or another local has it;
    // other bindings of that name elsewhere in the function are scoped apart from it.
    const keep = v.origin === 'binding' && !takenNames.has(v.name) && !localNames.has(v.name);
    const name = keep ? v.name : allocator.fresh(v.name);
    localNames.add(name);
    localOf.set(v, name);
    (inScope(v) ? scoped : locals).push(name);
  }

  const inputs = variables.filter((v) => liveness.inputs.has(v) && !inScope(v));
  return {
    slots,
    inputs,
    locals,
    scoped,
    access: (v) => {
      const slot = slotOf.get(v);
      return slot ? `${frameName}.${slot.field}` : localOf.get(v)!;
    },
    callee: (v) => {
      const slot = slotOf.get(v);
      return slot ? `(0, ${frameName}.${slot.field})` : localOf.get(v)!;
    },
    fieldOf: (v) => slotOf.get(v)?.field,
  };
}
