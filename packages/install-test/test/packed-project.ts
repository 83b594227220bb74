/**
 * A new project outside the repository with coro's packed packages installed,
 * and packages from the registry at the versions of the repository's lock
 * file, as the install tests start from.
 *
 * Example:
 *   const { workspace, project } = packedProject('coro-install-', 'my-app', ['typescript', 'vite']);
 *   // <tmp>/coro-install-XXXX/my-app/node_modules: @coro/*, typescript, vite
 *
 * Implementation:
 *   scripts/pack.js packs every public package into the workspace; the
 *   project is what `npm init` makes (`"type": "commonjs"`). npm prefers its
 *   cache, so a second run needs no download, and runs no install scripts.
 *
 * References:
 *   scripts/pack.js; install.test.ts, libraries.test.ts
 */

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { run, succeed } from './commands';

const REPO = resolve(__dirname, '../../..');

export function packedProject(prefix: string, name: string, fromRegistry: readonly string[]): { workspace: string; project: string } {
  const workspace = mkdtempSync(join(tmpdir(), prefix));
  const project = join(workspace, name);
  mkdirSync(project);
  const packs = join(workspace, 'packs');
  succeed(run(`node ${JSON.stringify(join(REPO, 'scripts/pack.js'))} ${JSON.stringify(packs)}`, REPO));

  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', type: 'commonjs', private: true }, null, 2)}\n`);
  const tarballs = readdirSync(packs).map((file) => JSON.stringify(join(packs, file)));
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
  const pinned = fromRegistry.map((pkg) => `${pkg}@${lock.packages[`node_modules/${pkg}`].version}`);
  succeed(run(`npm install --prefer-offline --no-audit --no-fund --ignore-scripts ${[...tarballs, ...pinned].join(' ')}`, project));
  return { workspace, project };
}
