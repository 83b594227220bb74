/**
 * The `before` transformer: lowers the suspend functions of each file tsc
 * emits, with `@coro/compiler`.
 *
 * ## Example
 * ```ts
 * // ts-patch (tsconfig.json): { "plugins": [{ "transform": "@coro/tsc-plugin", "runtime": "require" }] }
 * // calls coroTransformer(program, { runtime: 'require' }, extras) itself.
 *
 * // program.emit:
 * const diagnostics: ts.Diagnostic[] = [];
 * const result = program.emit(undefined, undefined, undefined, false, {
 *   before: [coroTransformer(program, { runtime: 'require' }, { ts, addDiagnostic: (d) => diagnostics.push(d) })],
 * });
 *
 * // ts-loader: getCustomTransformers: (program) => ({ before: [coroTransformer(program)] })
 * ```
 *
 * ## Implementation
 * The signature is ts-patch's "program" plugin pattern,
 * `(program, config, extras)`, so the one function serves tspc and callers
 * of `program.emit` alike; `extras` only needs `ts` and `addDiagnostic`.
 * For each file that can hold a suspension point (./may-suspend.ts), the
 * compiler lowers its text, and the result is spliced back into the host's
 * tree (./lowered-source-file.ts), before tsc's own transformers run: they
 * then strip types, elide imports and rewrite modules on the lowered code.
 * A file coro refuses (any error diagnostic, or an exception out of the
 * compiler) is never emitted half-lowered: with `addDiagnostic` the
 * diagnostics join tsc's (which fails the build) and the file's JavaScript
 * is withheld (./withheld-output.ts) while the rest of the program is
 * written; without it, the emit stops with a `CoroDiagnosticsError` whose
 * message has file, line, column and a code frame.
 * Options that cannot be read are one diagnostic for the whole program (or
 * an exception, without `addDiagnostic`), and then no file is lowered.
 * The compiler lowers the file's text, so coro must be the first `before`
 * transformer: a file another transformer already replaced is refused
 * rather than lowered from text that no longer says what the tree does; a
 * reordering made in place is kept (./statement-order.ts) where it can be.
 * The runtime binding follows the `runtime` option, or the file's emit
 * (./default-runtime.ts); a file the `coroutines` globs match (relative to
 * the tsconfig's directory) has all its async functions lowered as
 * coroutines; the source type is the one tsc decided (a file
 * with `import`/`export`, or any file under `moduleDetection: force`, is a
 * module).
 *
 * ## References
 * https://github.com/nonara/ts-patch#source-transformer-entry-point ("program" type, `extras.addDiagnostic`)
 * https://github.com/TypeStrong/ts-loader#getcustomtransformers
 * TypeScript 6.0 `CustomTransformers` (`before` runs ahead of tsc's own transformers)
 */
import type * as ts from 'typescript';
import { dirname } from 'node:path';
import { transform, type RuntimeMode, type TransformResult } from '@coro/compiler';
import { coroutinePathFilter, traceFilename } from '@coro/host';
import { crashDiagnostic, diagnosticsError, fromCoroDiagnostic, optionsDiagnostic, orderDiagnostic, withoutTypeScriptDuplicates } from './coro-diagnostics';
import { defaultRuntime } from './default-runtime';
import { assertSameTypeScript, hostTypeScript, type TypeScript } from './host-typescript';
import { spliceLowered } from './lowered-source-file';
import { mayHoldSuspension } from './may-suspend';
import { readPluginOptions, type CoroPluginOptions } from './plugin-options';
import { SourceReorderedError } from './statement-order';
import { withholdOutput } from './withheld-output';

/** What the host hands over: ts-patch's `extras`, or the same two members from a caller of `program.emit`. */
export interface CoroTransformerHost {
  /** The TypeScript that runs the emit; the `typescript` package when absent. */
  readonly ts?: unknown;
  /** Where diagnostics go; when absent, a file coro cannot lower stops the emit with a `CoroDiagnosticsError`. */
  readonly addDiagnostic?: (diagnostic: ts.Diagnostic) => unknown;
}

export function coroTransformer(program?: ts.Program, options?: unknown, host?: CoroTransformerHost): ts.TransformerFactory<ts.SourceFile> {
  const typescript = hostTypeScript(host?.ts);
  const addDiagnostic = host?.addDiagnostic;
  let pluginOptions: CoroPluginOptions = {};
  let optionsError: unknown;
  try {
    pluginOptions = readPluginOptions(options);
  } catch (error) {
    if (addDiagnostic === undefined) throw error;
    addDiagnostic(optionsDiagnostic(typescript, error));
    optionsError = error;
  }

  return (context) => {
    const root = configDirectory(program, context.getCompilerOptions());
    const isCoroutineFile = coroutinePathFilter(pluginOptions.coroutines ?? [], root);
    const refuse = (sourceFile: ts.SourceFile, diagnostics: readonly ts.Diagnostic[]): ts.SourceFile => {
      if (addDiagnostic === undefined || !withholdOutput(context, sourceFile)) throw diagnosticsError(typescript, diagnostics);
      for (const diagnostic of withoutTypeScriptDuplicates(typescript, diagnostics, program, sourceFile)) addDiagnostic(diagnostic);
      return sourceFile;
    };

    return (sourceFile) => {
      assertSameTypeScript(typescript, sourceFile);
      if (sourceFile.isDeclarationFile || !mayHoldSuspension(typescript, sourceFile)) return sourceFile;
      if (optionsError !== undefined) {
        // Reported once already; no file is lowered on a guess.
        if (!withholdOutput(context, sourceFile)) throw optionsError;
        return sourceFile;
      }
      if (typescript.getOriginalNode(sourceFile) !== sourceFile) return refuse(sourceFile, [orderDiagnostic(typescript, sourceFile)]);
      let result: TransformResult;
      try {
        const runtime = pluginOptions.runtime ?? defaultRuntime(typescript, sourceFile, context.getCompilerOptions());
        result = lower(typescript, sourceFile, root, runtime, isCoroutineFile(sourceFile.fileName), pluginOptions);
      } catch (error) {
        return refuse(sourceFile, [crashDiagnostic(typescript, sourceFile, error)]);
      }
      const diagnostics = result.diagnostics.map((diagnostic) => fromCoroDiagnostic(typescript, sourceFile, diagnostic));
      if (result.diagnostics.some((diagnostic) => diagnostic.category === 'error')) return refuse(sourceFile, diagnostics);
      if (addDiagnostic !== undefined) for (const diagnostic of diagnostics) addDiagnostic(diagnostic);
      if (result.map === null) return sourceFile;
      try {
        return spliceLowered(typescript, context, sourceFile, { code: result.code, map: result.map });
      } catch (error) {
        if (error instanceof SourceReorderedError) return refuse(sourceFile, [orderDiagnostic(typescript, sourceFile, error.node)]);
        return refuse(sourceFile, [crashDiagnostic(typescript, sourceFile, error)]);
      }
    };
  };
}

function lower(typescript: TypeScript, sourceFile: ts.SourceFile, root: string, runtime: RuntimeMode, coroutines: boolean, options: CoroPluginOptions): TransformResult {
  return transform(sourceFile.text, {
    filename: sourceFile.fileName,
    traceFilename: traceFilename(sourceFile.fileName, root),
    runtime,
    coroutines,
    coroutineBudget: options.coroutineBudget,
    evalAndWith: options.evalAndWith,
    sourceMap: true,
    sourceType: typescript.isExternalModule(sourceFile) ? 'module' : 'script',
  });
}

/** The root the `coroutines` globs and the files' trace names are read from: the tsconfig's directory, else the program's working directory. */
function configDirectory(program: ts.Program | undefined, compilerOptions: ts.CompilerOptions): string {
  const configFile = compilerOptions.configFilePath;
  if (typeof configFile === 'string') return dirname(configFile);
  return program?.getCurrentDirectory() ?? process.cwd();
}
