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
 * DESIGN.md, "The runtime".
 */
import { inlineRuntime } from '@coro/runtime/inline';

export type RuntimeMode = 'import' | 'require' | 'inline';

export const RUNTIME_MODULE = '@coro/runtime';

export function runtimePreamble(mode: RuntimeMode, binding: string, helpers: readonly string[]): string {
  switch (mode) {
    case 'import':
      return `import * as ${binding} from "${RUNTIME_MODULE}";`;
    case 'require':
      return `var ${binding} = require("${RUNTIME_MODULE}");`;
    case 'inline':
      return inlineRuntime(helpers, binding);
  }
}
