/**
 * How emitted coroutines reach `@coro/runtime/coroutines`: a second binding
 * beside the main one, written only into files that hold a coroutine.
 *
 * ## Example
 * `runtime: 'require'` gives
 * `var $coroutines = require("@coro/runtime/coroutines");`, and a coroutine's
 * wrapper calls `$coroutines.startCoroutine(new f$Frame(…))`.
 *
 * ## Implementation
 * Every reference goes through `ref` (`ModuleReferences`), typed by the
 * entry's own exports, as `RuntimeReferences` is for the main entry. There
 * is no inline form: the scheduler (its ready queue, clock and task tree)
 * must be one per program, and a copy written into each file would make one
 * per file.
 *
 * ## References
 * - runtime-binding.ts; docs/coroutines.md, "Compiled form"
 */
import type * as Coroutines from '@coro/runtime/coroutines';
import { ModuleReferences, type RuntimeMode } from './runtime-binding';

export type CoroutineExport = keyof typeof Coroutines;

export const COROUTINE_MODULE = '@coro/runtime/coroutines';

export class CoroutineReferences extends ModuleReferences<CoroutineExport> {}

export function coroutinePreamble(mode: Exclude<RuntimeMode, 'inline'>, binding: string): string {
  return mode === 'import' ? `import * as ${binding} from "${COROUTINE_MODULE}";` : `var ${binding} = require("${COROUTINE_MODULE}");`;
}
