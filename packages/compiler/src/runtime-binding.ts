/**
 * How emitted code reaches `@coro/runtime`: an ESM import, a CommonJS
 * require, or the needed pieces written into the file.
 *
 * ## Example
 * `runtimePreamble('require', '$coro', ['linkGenerator'])` is
 * `var $coro = require("@coro/runtime");`.
 *
 * ## Implementation
 * The inline form asks the runtime package (its compile-time subpath,
 * `@coro/runtime/inline`) for exactly the helpers the file uses (and what
 * they depend on), so the output runs as a plain script.
 *
 * ## References
 * docs/architecture.md, "Emitted code ↔ runtime contract" (the three ways to reach the runtime).
 */
import { inlineRuntime } from '@coro/runtime/inline';
import type * as Runtime from '@coro/runtime';

/** A name lowered code may read from `@coro/runtime`: the runtime's own exports are the one list. */
export type RuntimeExport = keyof typeof Runtime;

/**
 * The output's binding of one runtime entry and the exports it reads. Every
 * emitted reference goes through `ref`, so the file's preamble (and the
 * inline runtime) holds exactly what the output uses, with no second look
 * at the emitted text.
 */
export class ModuleReferences<Export extends string> {
  private readonly used = new Set<Export>();

  constructor(readonly binding: string) {}

  /** `$coro.name`, noting that the output uses `name`. */
  ref(name: Export): string {
    this.used.add(name);
    return `${this.binding}.${name}`;
  }

  /** The exports referenced so far, sorted (the output is deterministic). */
  get exports(): Export[] {
    return [...this.used].sort();
  }

  get isUsed(): boolean {
    return this.used.size > 0;
  }
}

/** `@coro/runtime`'s main entry, as the output reaches it. */
export class RuntimeReferences extends ModuleReferences<RuntimeExport> {}

export type RuntimeMode = 'import' | 'require' | 'inline';

export const RUNTIME_MODULE = '@coro/runtime';

/** `declared`: the names the file declares, which an inline runtime reads from `globalThis` instead. */
export function runtimePreamble(mode: RuntimeMode, binding: string, helpers: readonly string[], declared: readonly string[]): string {
  switch (mode) {
    case 'import':
      return `import * as ${binding} from "${RUNTIME_MODULE}";`;
    case 'require':
      return `var ${binding} = require("${RUNTIME_MODULE}");`;
    case 'inline':
      return inlineRuntime(helpers, binding, declared);
  }
}
