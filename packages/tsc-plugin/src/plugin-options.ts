/**
 * The plugin's options, as they come from `compilerOptions.plugins` in a
 * tsconfig (ts-patch), from ts-jest's `astTransformers`, or from code.
 *
 * ## Example
 * ```jsonc
 * // tsconfig.json
 * { "compilerOptions": { "plugins": [{ "transform": "@coro/tsc-plugin", "runtime": "inline", "coroutines": ["src/jobs/**"] }] } }
 * ```
 * `readPluginOptions({ transform: '@coro/tsc-plugin', runtime: 'inline' })` is `{ runtime: 'inline' }`;
 * `readPluginOptions({ runtime: 'esm' })` throws: unknown runtime "esm"; use 'import', 'require' or 'inline'.
 *
 * ## Implementation
 * A tsconfig is JSON nobody type-checks, so every value is checked here and a
 * wrong one fails the build with a message that names it (a tsc diagnostic
 * under tspc, an exception from code); a misspelt option that silently did
 * nothing would be worse. ts-patch leaves its own keys
 * (`import`, `isEsm`, `tsConfig`, `resolvePathAliases`) in the object it
 * passes, so they are accepted and ignored.
 * Without `runtime`, each file gets the default that fits how it is emitted
 * (see ./default-runtime.ts). `coroutines` names, by globs relative to the
 * tsconfig's directory (as its `include` is read), the files whose async
 * functions are all coroutines (docs/coroutines.md, "Opting in").
 *
 * ## References
 * https://github.com/nonara/ts-patch#plugin-options (plugin entries and their keys)
 * docs/architecture.md, "Emitted code ↔ runtime contract" (`import`, `require`, `inline`)
 */
import type { EvalAndWith, RuntimeMode } from '@coro/compiler';
import { coroutineBudget, coroutinePatterns } from '@coro/host';

export interface CoroPluginOptions {
  /** How lowered code reaches `@coro/runtime`; by default chosen per file from how tsc emits it. */
  readonly runtime?: RuntimeMode;
  /** Globs of the files whose async functions are all coroutines, as if each began with `"use coroutine"`. */
  readonly coroutines?: readonly string[];
  /** Loop iterations between two turns a coroutine gives the others. Default: no counting. */
  readonly coroutineBudget?: number;
  /** A suspend function with direct `eval` or `with`: `'lower'` (default) or `'refuse'`. */
  readonly evalAndWith?: EvalAndWith;
}

const RUNTIME_MODES: readonly unknown[] = ['import', 'require', 'inline'];
const EVAL_AND_WITH: readonly unknown[] = ['lower', 'refuse'];
const TS_PATCH_KEYS = new Set(['transform', 'import', 'isEsm', 'tsConfig', 'resolvePathAliases', 'type', 'after', 'afterDeclarations', 'transformProgram', 'name']);
const OWN_KEYS = new Set(['runtime', 'coroutines', 'coroutineBudget', 'evalAndWith']);

export function readPluginOptions(raw: unknown): CoroPluginOptions {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`@coro/tsc-plugin: options must be an object, not ${JSON.stringify(raw)}`);
  }
  const entries = raw as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    if (!OWN_KEYS.has(key) && !TS_PATCH_KEYS.has(key)) {
      throw new Error(`@coro/tsc-plugin: unknown option '${key}'; the options are: ${[...OWN_KEYS].join(', ')}`);
    }
  }
  const { runtime, evalAndWith } = entries;
  if (runtime !== undefined && !RUNTIME_MODES.includes(runtime)) {
    throw new Error(`@coro/tsc-plugin: unknown runtime ${JSON.stringify(runtime)}; use 'import', 'require' or 'inline'`);
  }
  if (evalAndWith !== undefined && !EVAL_AND_WITH.includes(evalAndWith)) {
    throw new Error(`@coro/tsc-plugin: unknown evalAndWith ${JSON.stringify(evalAndWith)}; use 'lower' or 'refuse'`);
  }
  return {
    ...(runtime !== undefined && { runtime: runtime as RuntimeMode }),
    ...(entries.coroutines !== undefined && { coroutines: coroutinePatterns('@coro/tsc-plugin: coroutines', entries.coroutines) }),
    ...(entries.coroutineBudget !== undefined && { coroutineBudget: coroutineBudget('@coro/tsc-plugin: coroutineBudget', entries.coroutineBudget) }),
    ...(evalAndWith !== undefined && { evalAndWith: evalAndWith as EvalAndWith }),
  };
}
