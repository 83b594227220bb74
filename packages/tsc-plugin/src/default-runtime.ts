/**
 * How a file reaches `@coro/runtime` when the plugin options do not say:
 * decided per file, from how tsc is going to emit it.
 *
 * ## Example
 * - `src/main.ts` with an `import` or `export` (any `module` setting): `import`,
 *   which tsc then turns into `require`, `define` or `System.register` as it
 *   does the file's other imports;
 * - a script (no `import`/`export`) emitted as CommonJS (`module: commonjs`,
 *   or `node16`/`nodenext` in a CommonJS package): `require`;
 * - any other script (a browser script, a script under `module: esnext`):
 *   `inline`, as there is nothing to load the runtime with.
 *
 * ## Implementation
 * Giving a module the ESM `import` and letting tsc's own module transform
 * rewrite it keeps the runtime import in step with every other import of the
 * file (interop helpers, `module` kind, `verbatimModuleSyntax`). A script has
 * no import to be rewritten: adding one would turn it into a module, so it
 * gets `require` where the emitted file will run as CommonJS, and the inline
 * helpers elsewhere. The module kind is computed as tsc computes it when
 * `module` is not set (CommonJS only for an ES5 target); `node16`/`nodenext`
 * use the format TypeScript inferred for the file from its extension and
 * the nearest package.json.
 *
 * ## References
 * https://www.typescriptlang.org/tsconfig/#module
 * https://www.typescriptlang.org/docs/handbook/modules/reference.html#node16-node18-node20-nodenext
 */
import type * as ts from 'typescript';
import type { RuntimeMode } from '@coro/compiler';
import type { TypeScript } from './host-typescript';

export function defaultRuntime(typescript: TypeScript, sourceFile: ts.SourceFile, options: ts.CompilerOptions): RuntimeMode {
  if (typescript.isExternalModule(sourceFile)) return 'import';
  return emitsCommonJs(typescript, sourceFile, options) ? 'require' : 'inline';
}

function emitsCommonJs(typescript: TypeScript, sourceFile: ts.SourceFile, options: ts.CompilerOptions): boolean {
  if (/\.c[jt]s$/i.test(sourceFile.fileName)) return true;
  if (/\.m[jt]s$/i.test(sourceFile.fileName)) return false;
  const { ModuleKind, ScriptTarget } = typescript;
  const module = options.module ?? (options.target === ScriptTarget.ES5 ? ModuleKind.CommonJS : ModuleKind.ESNext);
  if (module >= ModuleKind.Node16 && module <= ModuleKind.NodeNext) return sourceFile.impliedNodeFormat !== ModuleKind.ESNext;
  return module === ModuleKind.CommonJS;
}
