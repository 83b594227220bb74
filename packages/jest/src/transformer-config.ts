/**
 * The options a Jest config hands to `@coro/jest`, checked once when Jest
 * creates the transformer.
 *
 * Example:
 *   transform: { '\\.[jt]sx?$': ['@coro/jest', { runtime: 'require', jsx: 'react-jsx', coroutines: ['src/jobs/**'] }] }
 *   readTransformerConfig({ runtime: 'require', jsx: 'react-jsx' })   // → the same, typed
 *   readTransformerConfig({ runtime: 'esm' })
 *   // → throws "@coro/jest: runtime must be one of import, require, inline; got 'esm'"
 *
 * Implementation:
 *   A mistyped option would otherwise surface as a puzzling failure in every
 *   test file, or not at all; refusing it names the option. Unknown keys are
 *   refused for the same reason. `runtime` and `evalAndWith` are coro's options; `jsx` is
 *   tsconfig's option of that name, because Jest runs the code as it comes
 *   out and JSX has to be compiled by then. The default is the classic
 *   `React.createElement`, which `@jsx` pragmas can redirect, as Babel 7's
 *   default is. `coroutines` is coro's option as the Vite plugin and the
 *   CLI take it: globs, here relative to Jest's rootDir, of the files whose
 *   async functions are all coroutines (@coro/host's coroutine-paths.ts).
 *
 * References:
 *   https://jestjs.io/docs/configuration#transform-objectstring-pathtotransformer--pathtotransformer-object
 *   https://www.typescriptlang.org/tsconfig/#jsx
 */

import { coroutineBudget, coroutinePatterns, type EvalAndWith, type JsxEmit, type RuntimeMode } from '@coro/host';

export interface TransformerConfig {
  /** How lowered code reaches `@coro/runtime`; default `require` (or, when Jest runs ES modules, per file). */
  readonly runtime?: RuntimeMode;
  /** Default `react`. */
  readonly jsx?: JsxEmit;
  /** Globs, relative to Jest's rootDir, of the files whose async functions are all coroutines. Default: none. */
  readonly coroutines?: readonly string[];
  /** Loop iterations between two turns a coroutine gives the others. Default: no counting. */
  readonly coroutineBudget?: number;
  /** A suspend function with direct `eval` or `with`: `lower` (default) or `refuse`. */
  readonly evalAndWith?: EvalAndWith;
}

const RUNTIMES: readonly RuntimeMode[] = ['import', 'require', 'inline'];
const JSX_EMITS: readonly JsxEmit[] = ['react', 'react-jsx', 'preserve'];
const EVAL_AND_WITH: readonly EvalAndWith[] = ['lower', 'refuse'];
const KNOWN_KEYS = new Set(['runtime', 'jsx', 'coroutines', 'coroutineBudget', 'evalAndWith']);

export function readTransformerConfig(config: unknown): TransformerConfig {
  if (config === undefined || config === null) return {};
  if (typeof config !== 'object' || Array.isArray(config)) {
    throw new Error(`@coro/jest: the transformer config must be an object such as { runtime: 'require' }; got ${JSON.stringify(config)}`);
  }
  const record = config as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) throw new Error(`@coro/jest: unknown option '${key}'; the options are ${[...KNOWN_KEYS].join(', ')}`);
  }
  const coroutines = record.coroutines === undefined ? undefined : coroutinePatterns('@coro/jest: coroutines', record.coroutines);
  return {
    runtime: oneOf('runtime', record.runtime, RUNTIMES),
    jsx: oneOf('jsx', record.jsx, JSX_EMITS),
    coroutines,
    coroutineBudget: record.coroutineBudget === undefined ? undefined : coroutineBudget('@coro/jest: coroutineBudget', record.coroutineBudget),
    evalAndWith: oneOf('evalAndWith', record.evalAndWith, EVAL_AND_WITH),
  };
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new Error(`@coro/jest: ${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return value as T;
}
