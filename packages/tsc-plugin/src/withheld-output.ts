/**
 * Keeps tsc from writing the JavaScript of a file coro could not lower,
 * while the rest of the program is still emitted.
 *
 * ## Example
 * `tspc` on a project where `src/bad.ts` holds a direct `eval` in a
 * generator: the diagnostic is printed, the exit status is non-zero,
 * `out/good.js` is written, and neither `out/bad.js` nor `out/bad.js.map`.
 * `out/bad.d.ts` is written: declarations do not depend on coro.
 *
 * ## Implementation
 * A `before` transformer cannot drop a file from the emit, and returning the
 * file unlowered would write code that coro refused. tsc writes every output
 * through `writeFile` of the emit host it made for this one emit (TypeScript
 * 6.0 `emitter.ts`, `printSourceFileOrBundle` → `writeFile(host, …)`), and
 * each transformation context hands that host out (`getEmitHost`, marked
 * internal). The plugin wraps that `writeFile` once per host and skips the
 * JavaScript and source map of the withheld files; everything else goes
 * through untouched. TypeScript 6 is the last compiler with this API, so
 * this internal shape no longer moves; where a host has none (`ts.transform`,
 * which writes nothing), `withholdOutput` says so and the caller fails the
 * emit instead.
 *
 * ## References
 * https://github.com/microsoft/TypeScript/blob/v6.0.3/src/compiler/emitter.ts (`printSourceFileOrBundle`)
 * https://github.com/microsoft/TypeScript/blob/v6.0.3/src/compiler/transformer.ts (`getEmitHost`)
 */
import type * as ts from 'typescript';

type WriteFile = (
  fileName: string,
  text: string,
  writeByteOrderMark: boolean,
  onError?: (message: string) => void,
  sourceFiles?: readonly ts.SourceFile[],
  data?: unknown,
) => void;

interface EmitHost {
  writeFile: WriteFile;
}

const DECLARATION_OUTPUT = /\.d\.[cm]?ts(\.map)?$/i;
const withheldOfHost = new WeakMap<EmitHost, Set<string>>();

/** Withholds the JavaScript output of `sourceFile` from this emit; false when the host offers no way to. */
export function withholdOutput(context: ts.TransformationContext, sourceFile: ts.SourceFile): boolean {
  const host = (context as { getEmitHost?: () => EmitHost | undefined }).getEmitHost?.();
  if (host === undefined || typeof host.writeFile !== 'function') return false;
  let withheld = withheldOfHost.get(host);
  if (withheld === undefined) {
    const withheldFiles = new Set<string>();
    const write = host.writeFile;
    host.writeFile = function writeUnlessWithheld(fileName, text, writeByteOrderMark, onError, sourceFiles, data) {
      const fromWithheld = sourceFiles?.some((file) => withheldFiles.has(file.fileName)) ?? false;
      if (fromWithheld && !DECLARATION_OUTPUT.test(fileName)) return;
      write.call(host, fileName, text, writeByteOrderMark, onError, sourceFiles, data);
    };
    withheldOfHost.set(host, withheldFiles);
    withheld = withheldFiles;
  }
  withheld.add(sourceFile.fileName);
  return true;
}
