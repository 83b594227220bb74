/**
 * How an output carries its source map (`--source-maps inline|file|none`):
 * the `sources` rewritten relative to where the output lands, and the
 * `//# sourceMappingURL=` comment that points at the map.
 *
 * Example:
 *   src/lib/tree.ts → out/lib/tree.js, --source-maps file
 *   out/lib/tree.js      … //# sourceMappingURL=tree.js.map
 *   out/lib/tree.js.map  { "file": "tree.js", "sources": ["../../src/lib/tree.ts"], … }
 *   --source-maps inline
 *   out/lib/tree.js      … //# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2…
 *
 * Implementation:
 *   A map's `sources` are resolved against the map's own location, so they
 *   are written relative to the output's directory (for stdout, the working
 *   directory), with forward slashes as URLs need; `sourcesContent` stays, so
 *   a debugger shows the original without the source tree at hand. The
 *   comment goes on a line of its own at the end, where tools look for it, as
 *   tsc and Babel write it.
 *
 * References:
 *   https://tc39.es/ecma426/ (Source Map, "Linking generated code to source maps")
 *   https://babeljs.io/docs/babel-cli#compile-with-source-maps
 */

import { basename, dirname, relative, sep } from 'node:path';
import type { RawSourceMap } from '@coro/host';

export type SourceMapMode = 'none' | 'inline' | 'file';

export interface PlacedOutput {
  /** The code, ending with the comment that links the map (unless the mode is `none`). */
  readonly code: string;
  /** The map file to write beside the output, for `file`. */
  readonly mapFile?: { readonly path: string; readonly content: string };
}

export interface OutputPlace {
  readonly mode: SourceMapMode;
  /** Absolute path of the original source file. */
  readonly sourcePath: string;
  /** Absolute path of the output file; undefined when it goes to standard output. */
  readonly outputPath: string | undefined;
}

export function placeOutput(code: string, map: RawSourceMap | undefined, place: OutputPlace): PlacedOutput {
  if (place.mode === 'none' || map === undefined) return { code };
  const directory = place.outputPath === undefined ? process.cwd() : dirname(place.outputPath);
  const placed: RawSourceMap = {
    version: 3,
    ...(place.outputPath === undefined ? {} : { file: basename(place.outputPath) }),
    sources: [relative(directory, place.sourcePath).split(sep).join('/')],
    sourcesContent: map.sourcesContent,
    names: map.names,
    mappings: map.mappings,
  };
  const json = JSON.stringify(placed);
  const separator = code === '' || code.endsWith('\n') ? '' : '\n';

  if (place.mode === 'inline') {
    const url = `data:application/json;charset=utf-8;base64,${Buffer.from(json, 'utf8').toString('base64')}`;
    return { code: `${code}${separator}//# sourceMappingURL=${url}\n` };
  }
  if (place.outputPath === undefined) throw new Error('a source map file needs an output file to sit beside');
  const mapPath = `${place.outputPath}.map`;
  return { code: `${code}${separator}//# sourceMappingURL=${basename(mapPath)}\n`, mapFile: { path: mapPath, content: json + '\n' } };
}
