/**
 * The pinned test262 suite: where its archive is, and its unpacked copy in
 * the repository's git-ignored `.cache/`.
 *
 * ## Example
 *
 * ```ts
 * const suite = openSuite(repositoryRoot());
 * // first call: unpacks ../shared/test262/test262-be13516f.tar.gz into
 * //   .cache/test262-be13516f/ (a few seconds); later calls reuse it
 * suite.testDirectory   // …/.cache/test262-be13516f/test262/test
 * suite.harnessDirectory // …/.cache/test262-be13516f/test262/harness
 * ```
 *
 * ## Implementation
 *
 * The archive sits in `shared/test262/` beside the repository (a copy of
 * shared/ is laid beside every checkout, CI's included). The cache folder is
 * named after the archive, so a new pin unpacks beside the old one instead of
 * mixing with it. Unpacking goes to a temporary sibling folder that is renamed
 * into place only once `tar` succeeded: an interrupted run leaves no
 * half-filled cache that a later run would trust. Two runs unpacking at the
 * same time both succeed; the loser of the rename drops its copy.
 *
 * ## References
 *
 * `shared/test262/README.md`; test262's INTERPRETING.md.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface Suite {
  /** The archive's name without `.tar.gz`, e.g. `test262-be13516f`. */
  readonly name: string;
  /** The unpacked `test262/` folder. */
  readonly root: string;
  readonly testDirectory: string;
  readonly harnessDirectory: string;
  /** The git-ignored folder the suite is unpacked in, which also keeps what runs remember. */
  readonly cacheDirectory: string;
}

/** The repository this package lives in (`dist/` and `src/` are both two levels below it). */
export function repositoryRoot(): string {
  return path.resolve(__dirname, '..', '..', '..');
}

/** The one `test262-*.tar.gz` in `shared/test262/` beside the repository. */
export function findArchive(root: string): string {
  const directory = path.resolve(root, '..', 'shared', 'test262');
  const archives = fs.existsSync(directory) ? fs.readdirSync(directory).filter((name) => /^test262-.*\.tar\.gz$/.test(name)) : [];
  if (archives.length !== 1) {
    throw new Error(`expected exactly one test262-*.tar.gz in ${directory}, found ${archives.length}`);
  }
  return path.join(directory, archives[0]);
}

/** Unpacks `archive` into `cacheDirectory` unless an earlier run did, and describes the result. */
export function unpackSuite(archive: string, cacheDirectory: string): Suite {
  const name = path.basename(archive).replace(/\.tar\.gz$/, '');
  const target = path.join(cacheDirectory, name);
  if (!isUnpacked(target)) {
    fs.mkdirSync(cacheDirectory, { recursive: true });
    const staging = fs.mkdtempSync(path.join(cacheDirectory, `${name}.partial-`));
    try {
      execFileSync('tar', ['-xzf', archive, '-C', staging], { stdio: ['ignore', 'ignore', 'inherit'] });
      fs.renameSync(staging, target);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (!isUnpacked(target)) throw error;
    }
  }
  const root = path.join(target, 'test262');
  return { name, root, testDirectory: path.join(root, 'test'), harnessDirectory: path.join(root, 'harness'), cacheDirectory };
}

/** The suite of this repository, unpacked into its `.cache/`. */
export function openSuite(root: string = repositoryRoot()): Suite {
  return unpackSuite(findArchive(root), path.join(root, '.cache'));
}

function isUnpacked(target: string): boolean {
  return fs.existsSync(path.join(target, 'test262', 'INTERPRETING.md'));
}
