/**
 * Turns the inputs named on the command line (files, directories, globs)
 * into the list of files to lower and, with `--copy-files`, to copy.
 *
 * Example:
 *   coro transpile src 'lib/*.ts' main.js --ignore 'src/*.test.js' -d out
 *   resolveInputs(['src', 'lib/*.ts', 'main.js'], { extensions, ignore: ['src/*.test.js'], … })
 *   // → lower: src/a.js      as a.js          (relative to the directory)
 *   //          src/x/b.js    as x/b.js
 *   //          lib/c.ts      as c.ts          (relative to the glob's static base, lib/)
 *   //          main.js       as main.js       (a file keeps its name only)
 *   //   src/a.test.js is left out; watch: [src, lib, main.js]
 *
 * Implementation:
 *   Each input is what exists on disk first: an existing file or directory
 *   is taken as a path even if its name contains glob characters. Otherwise
 *   it is a glob when it has any (tinyglobby), relative to the working
 *   directory, and an error when not. Layouts follow Babel: a file is
 *   written under its own name, a directory's files keep their paths
 *   relative to it, and a glob's matches (a quoted glob, which the shell did
 *   not expand) keep theirs relative to the glob's static part.
 *   `--ignore` globs are relative to the working directory, like the inputs,
 *   and apply to what directories and globs find; a file named on the
 *   command line is always taken, as tsc takes `files` whatever `exclude`
 *   says. A directory is walked by ./source-files.ts (sorted, cycle-safe);
 *   with ignore globs, tinyglobby lists the same tree without the ignored
 *   files and the walk keeps what both found. Globs, like the walk, skip
 *   dot-files, `node_modules` and the out dir. Everything found is checked
 *   here, before anything is written, so a wrong input is a usage error
 *   (exit 2) and never a half-done build.
 *
 * References:
 *   https://babeljs.io/docs/babel-cli#compile-directories
 *   https://github.com/SuperchupuDev/tinyglobby#options
 *   https://www.typescriptlang.org/tsconfig/#exclude (explicit files win over exclude)
 */

import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { escapePath, globSync, isDynamicPattern } from 'tinyglobby';
import { canonicalPath } from './canonical-path';
import { UsageError } from './exit-code';
import { checkOutDir } from './output-layout';
import { hasExtension, isDeclarationFile, isSourceFileName, singleSourceFile, walkDirectory, type SourceFile } from './source-files';

export interface InputSelection {
  readonly extensions: readonly string[];
  readonly ignore: readonly string[];
  readonly copyFiles: boolean;
  /** The out dir, never read as input; undefined without one. */
  readonly outDir: string | undefined;
}

export interface ResolvedInputs {
  readonly lower: readonly SourceFile[];
  /** Non-source files under directory inputs, with `--copy-files`. */
  readonly copy: readonly SourceFile[];
  /** What a watcher must watch: the named files and directories, and each glob's static base. */
  readonly watchRoots: readonly string[];
}

const ALWAYS_IGNORED = ['**/node_modules/**'];

export function resolveInputs(inputs: readonly string[], selection: InputSelection): ResolvedInputs {
  const lower: SourceFile[] = [];
  const copy: SourceFile[] = [];
  const watchRoots: string[] = [];
  const globIgnore = [...ALWAYS_IGNORED, ...selection.ignore, ...outDirPatterns(selection.outDir)];

  for (const input of inputs) {
    const stats = statSync(input, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      if (selection.outDir !== undefined) checkOutDir(input, selection.outDir);
      const found = readableOrUsageError(() => directoryFiles(input, selection));
      const sources = found.filter((file) => isSourceFileName(file.relativePath, selection.extensions));
      if (sources.length === 0 && !selection.copyFiles) {
        throw new UsageError(`no ${selection.extensions.join(' ')} files found in '${input}'`);
      }
      lower.push(...sources);
      if (selection.copyFiles) copy.push(...found.filter((file) => !isSourceFileName(file.relativePath, selection.extensions)));
      watchRoots.push(resolve(input));
    } else if (stats?.isFile()) {
      if (!hasExtension(input, selection.extensions)) {
        throw new UsageError(`'${input}' is not a ${selection.extensions.join(' ')} file or a directory`);
      }
      if (isDeclarationFile(input)) throw new UsageError(`'${input}' is a declaration file; it holds no code to lower`);
      lower.push(singleSourceFile(input));
      watchRoots.push(resolve(input));
    } else if (stats === undefined && isDynamicPattern(input)) {
      const base = staticBase(input);
      const matches = readableOrUsageError(() => globSync([input], { absolute: true, dot: false, ignore: globIgnore }))
        .filter((path) => isSourceFileName(path, selection.extensions))
        .sort();
      if (matches.length === 0) throw new UsageError(`no ${selection.extensions.join(' ')} files match '${input}'`);
      lower.push(...matches.map((path) => ({ path, relativePath: relative(resolve(base), path) })));
      watchRoots.push(resolve(base));
    } else {
      throw new UsageError(stats === undefined ? `cannot find '${input}'` : `'${input}' is not a file or a directory`);
    }
  }
  return { lower, copy, watchRoots };
}

/** Every file the walk finds under `directory` (which skips node_modules and the out dir itself), minus what --ignore matches. */
function directoryFiles(directory: string, selection: InputSelection): SourceFile[] {
  const excludedDirectories = new Set(selection.outDir === undefined ? [] : [canonicalPath(selection.outDir)]);
  const walked = walkDirectory(directory, { excludedDirectories });
  if (selection.ignore.length === 0) return walked;
  const prefix = escapePath(relative(process.cwd(), resolve(directory)));
  const kept = new Set(globSync([prefix === '' ? '**' : `${prefix}/**`], { absolute: true, dot: false, ignore: selection.ignore }));
  return walked.filter((file) => kept.has(file.path));
}

/** `lib/*.ts` → `lib`; `*.ts` → `.`: the directory a glob's matches are laid out from. */
function staticBase(pattern: string): string {
  const segments = pattern.split('/');
  const firstDynamic = segments.findIndex((segment) => isDynamicPattern(segment));
  return join(...segments.slice(0, firstDynamic), '.');
}

function outDirPatterns(outDir: string | undefined): string[] {
  if (outDir === undefined) return [];
  const relativeOutDir = relative(process.cwd(), resolve(outDir));
  return relativeOutDir === '' ? [] : [`${escapePath(relativeOutDir)}/**`];
}

/** A directory the walk cannot read (permissions, a race with a delete) is a problem of the command, found before any write. */
function readableOrUsageError<T>(walk: () => T): T {
  try {
    return walk();
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw new UsageError(`cannot read the input: ${(error as Error).message}`);
  }
}
