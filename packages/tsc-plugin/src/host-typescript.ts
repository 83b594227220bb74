/**
 * The TypeScript the plugin works with: the host's own, never a second copy.
 *
 * ## Example
 * ```ts
 * hostTypeScript(extras?.ts)         // ts-patch hands over the compiler it patched
 * hostTypeScript(undefined)          // program.emit from user code: the `typescript` peer dependency
 * hostTypeScript({ version: '7.0.0' })
 * // throws: TypeScript 7.0.0 has no JavaScript compiler API … use `coro transpile` … or `@coro/vite-plugin`
 * ```
 *
 * ## Implementation
 * Nodes made by one copy of TypeScript must not reach another copy's
 * transformers: each copy has its own node constructors, factory and emit
 * bookkeeping. ts-patch's `tspc` runs a patched compiler loaded apart from
 * `require('typescript')`, and hands that instance over in its `extras`;
 * ts-jest hands over its `compilerModule`. Only when nothing is handed over
 * (a `program.emit` call from the user's own code) is the `typescript` peer
 * dependency loaded, which is the user's own install.
 * A caller that hands over nothing but emits with another copy would mix
 * nodes without noticing; every file is checked to come from the same copy
 * (its SourceFile prototype), and the error says what to pass.
 * TypeScript 7 (the native compiler) has no JavaScript API and runs no
 * transformers; a plugin handed one says so and names the integrations that
 * do not need it, instead of failing somewhere deep in an undefined function.
 * TypeScript 5 and 6 are supported (CI runs tspc on 5.9 and 6.0 side by
 * side, packages/tsc-plugin/test/typescript-versions.test.ts); the compiler
 * API the plugin uses (factory, transformation context, source maps) has
 * not changed between them. Older majors are refused by name.
 *
 * ## References
 * https://github.com/nonara/ts-patch#source-transformer-entry-point ("program" type, `extras.ts`)
 * docs/architecture.md, "Platform facts that shape the choices" (TypeScript 7)
 */
import type * as ts from 'typescript';

export type TypeScript = typeof ts;

const FIRST_SUPPORTED_MAJOR = 5;
const FIRST_UNSUPPORTED_MAJOR = 7;

export function hostTypeScript(handed: unknown): TypeScript {
  const candidate = handed ?? (require('typescript') as unknown);
  const version = (candidate as { version?: unknown } | null)?.version;
  const major = typeof version === 'string' ? Number.parseInt(version, 10) : Number.NaN;
  if (Number.isNaN(major)) {
    throw new Error('@coro/tsc-plugin: what it was handed as TypeScript has no version; hand over the `typescript` module itself');
  }
  if (major >= FIRST_UNSUPPORTED_MAJOR) {
    throw new Error(
      `@coro/tsc-plugin: TypeScript ${String(version)} has no JavaScript compiler API, so it cannot run transformer plugins. ` +
        'Lower suspend functions with `coro transpile` (package @coro/cli) or with `@coro/vite-plugin` instead, ' +
        'or build with TypeScript 6 or 5 (npm install --save-dev typescript@~6.0.3, or typescript@~5.9.3).',
    );
  }
  if (major < FIRST_SUPPORTED_MAJOR) {
    throw new Error(`@coro/tsc-plugin: TypeScript ${String(version)} is older than coro supports; build with TypeScript 5 or 6.`);
  }
  return candidate as TypeScript;
}

const sourceFilePrototypes = new WeakMap<TypeScript, object>();

/** Throws when `sourceFile` was made by another copy of TypeScript than `typescript`. */
export function assertSameTypeScript(typescript: TypeScript, sourceFile: ts.SourceFile): void {
  let prototype = sourceFilePrototypes.get(typescript);
  if (prototype === undefined) {
    prototype = Object.getPrototypeOf(typescript.createSourceFile('probe.ts', '', typescript.ScriptTarget.Latest)) as object;
    sourceFilePrototypes.set(typescript, prototype);
  }
  if (Object.getPrototypeOf(sourceFile) !== prototype) {
    throw new Error(
      `@coro/tsc-plugin: ${sourceFile.fileName} comes from another copy of TypeScript than the one the plugin was given (${typescript.version}). ` +
        'Hand over the TypeScript that runs the emit: coroTransformer(program, options, { ts }).',
    );
  }
}
