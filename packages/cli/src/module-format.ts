/**
 * How one output file takes part in a module system: ES module or CommonJS,
 * decided as Node will decide when it runs the file (or as `--module` says),
 * and so how the lowered code is written: as an ES module or a script, its
 * `import`/`export` kept or converted, and how it reaches @coro/runtime.
 * A combination that cannot run is refused before anything is written.
 *
 * Example:
 *   const decide = createModuleDecider({ module: undefined, runtime: undefined });
 *   // /p/package.json: "type": "commonjs" (what `npm init` writes)
 *   decide('/p/src/a.ts', 'export function* g() {}')
 *   // → { format: 'commonjs', sourceType: 'module', convert: true, runtime: 'require' }
 *   decide('/p/src/b.mts', 'function* g() {}')
 *   // → { format: 'esm', sourceType: 'module', convert: false, runtime: 'import' }
 *   createModuleDecider({ module: undefined, runtime: 'require' })('/p/src/b.mts', …)
 *   // → UsageError: src/b.mts: --runtime require cannot run in an ES module (…)
 *   createModuleDecider({ module: 'preserve', runtime: undefined })('/p/src/a.ts', 'export …')
 *   // → UsageError: src/a.ts: Node runs the output as CommonJS, where `import`/`export` …
 *
 * Implementation:
 *   Node's order: the extension (`.mjs`/`.mts` ES module, `.cjs`/`.cts`
 *   CommonJS; TypeScript's become the matching JavaScript ones), then the
 *   nearest package.json's `"type"`, then, where it has none, the file's own
 *   syntax (Node's detection; a TypeScript file written as CommonJS,
 *   `import x = require()` or `export =`, is CommonJS, as TypeScript emits it). `--module esm|commonjs` overrides it, for
 *   output that a bundler or another tool reads instead of Node;
 *   `--module preserve` keeps the file's own syntax. The extension is kept,
 *   and every loader reads it as Node does, so `--module commonjs` on a
 *   `.mjs`/`.mts` file and `--module esm` on a `.cjs`/`.cts` one are
 *   refused (TypeScript would leave such a `.mjs` an ES module anyway, with
 *   the runtime's `require` added). ES module output is
 *   lowered as a module (strict, as Node will run it) and imports the
 *   runtime by default; CommonJS output of a file with `import`/`export` is
 *   converted (by TypeScript's transpileModule, as the Jest transformer
 *   does) and requires the runtime. TypeScript's CommonJS syntax
 *   (`import x = require()`, `export =`) in ES module output is refused:
 *   TypeScript would write `require` and `module.exports` there (or, for
 *   an ES module target, drop the import). The refusals are usage errors, so the
 *   command exits 2 and writes nothing: `require` is not defined in an ES
 *   module, and `import` is a syntax error in CommonJS.
 *
 * References:
 *   https://nodejs.org/docs/latest-v20.x/api/packages.html#determining-module-system
 *   https://nodejs.org/docs/latest-v20.x/api/esm.html#no-require-exports-or-moduleexports
 *   @coro/host (createSourceTypeResolver, createPackageTypeResolver)
 */

import { dirname } from 'node:path';
import { createPackageTypeResolver, createSourceTypeResolver, isCommonJsTypeScript, typeScriptCommonJsStatement, type RuntimeMode, type SourceType } from '@coro/host';
import { displayPath } from './display-path';
import { UsageError } from './exit-code';

export type ModuleOption = 'commonjs' | 'esm' | 'preserve';
export type ModuleFormat = 'commonjs' | 'esm';

export interface ModuleDecision {
  readonly format: ModuleFormat;
  /** How the compiler parses the file. */
  readonly sourceType: SourceType;
  /** Whether `import`/`export` are rewritten to `require`/`exports`. */
  readonly convert: boolean;
  readonly runtime: RuntimeMode;
}

export interface ModuleSettings {
  /** Undefined: as Node decides. */
  readonly module: ModuleOption | undefined;
  /** Undefined: `import` in ES module output, `require` in CommonJS. */
  readonly runtime: RuntimeMode | undefined;
}

/** Decides for a source path and its text; throws a UsageError when the output could not run. */
export type ModuleDecider = (path: string, text: string) => ModuleDecision;

export function createModuleDecider(settings: ModuleSettings): ModuleDecider {
  const sourceTypeOf = createSourceTypeResolver();
  const packageTypeOf = createPackageTypeResolver();

  const nodeFormatOf = (path: string, ownFormat: ModuleFormat): ModuleFormat => {
    const byExtension = extensionFormatOf(path);
    if (byExtension) return byExtension;
    const packageType = packageTypeOf(dirname(path));
    if (packageType === 'module') return 'esm';
    if (packageType === 'commonjs') return 'commonjs';
    return ownFormat;
  };

  return (path, text) => {
    const parsedAs = sourceTypeOf(path, text);
    // A module of TypeScript's CommonJS syntax is emitted as CommonJS: its syntax says so, as `import` says ES module.
    const ownFormat: ModuleFormat = parsedAs === 'module' && !isCommonJsTypeScript(path, text) ? 'esm' : 'commonjs';
    const nodeFormat = nodeFormatOf(path, ownFormat);
    const format = settings.module === undefined ? nodeFormat : settings.module === 'preserve' ? ownFormat : settings.module;
    const file = displayPath(path);

    // The extension stays, and decides for every loader: --module cannot make a .mjs CommonJS or a .cjs an ES module.
    const byExtension = extensionFormatOf(path);
    if ((settings.module === 'commonjs' || settings.module === 'esm') && byExtension !== undefined && settings.module !== byExtension) {
      const extension = /\.\w+$/.exec(path)?.[0] ?? '';
      throw new UsageError(
        byExtension === 'esm'
          ? `${file}: --module commonjs cannot run in a ${extension} file, which Node loads as an ES module, where require and exports are not defined; ` +
              `drop --module commonjs for it, or name it .js or .cjs`
          : `${file}: --module esm cannot run in a ${extension} file, which Node loads as CommonJS, where import and export are syntax errors; ` +
              `drop --module esm for it, or name it .js or .mjs`,
      );
    }
    if (settings.module === 'preserve' && ownFormat === 'esm' && nodeFormat === 'commonjs') {
      throw new UsageError(
        `${file}: Node runs the output as CommonJS (${whyCommonJs(path)}), where import and export are syntax errors; ` +
          `drop --module preserve to convert them, or make the package "type": "module"`,
      );
    }
    // A .mts file is an ES module whatever --module preserve makes of its syntax.
    const commonJs = format === 'esm' || byExtension === 'esm' ? typeScriptCommonJsStatement(path, text) : undefined;
    if (commonJs !== undefined) {
      throw new UsageError(
        `${file}: the output is an ES module (${whyEsm(path)}), where \`${commonJs}\` cannot run: TypeScript writes it with ` +
          `require or module.exports, which an ES module does not have; write it with import and export, or name the file .cts`,
      );
    }
    if (format === 'esm') {
      if (settings.runtime === 'require') {
        throw new UsageError(
          `${file}: --runtime require cannot run in ES module output, where require is not defined; ` +
            `use --runtime import or inline, or --module commonjs`,
        );
      }
      return { format, sourceType: 'module', convert: false, runtime: settings.runtime ?? 'import' };
    }
    if (parsedAs === 'script' && settings.runtime === 'import') {
      throw new UsageError(
        `${file}: --runtime import cannot run in CommonJS output of a script, which has no import; ` +
          `use --runtime require or inline, or --module esm`,
      );
    }
    return { format, sourceType: parsedAs, convert: parsedAs === 'module', runtime: settings.runtime ?? 'require' };
  };

  function extensionFormatOf(path: string): ModuleFormat | undefined {
    if (/\.m[jt]sx?$/i.test(path)) return 'esm';
    if (/\.c[jt]sx?$/i.test(path)) return 'commonjs';
    return undefined;
  }

  function whyEsm(path: string): string {
    if (/\.m[jt]sx?$/i.test(path)) return 'its extension';
    if (settings.module === 'esm') return '--module esm';
    return packageTypeOf(dirname(path)) === 'module' ? 'package.json "type": "module"' : 'import or export in it';
  }

  function whyCommonJs(path: string): string {
    if (/\.c[jt]sx?$/i.test(path)) return 'its extension';
    return packageTypeOf(dirname(path)) === 'commonjs' ? 'package.json "type": "commonjs"' : 'no import or export in it';
  }
}
