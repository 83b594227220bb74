#!/usr/bin/env node
/**
 * `npm run pack`: writes an installable tarball of every public package
 * (every workspace not marked `private`) into one folder, `.packs/` at the
 * repository root unless a folder is named, and prints their paths.
 *
 *   npm run pack                    # .packs/coro-cli-0.1.0.tgz, .packs/coro-compiler-0.1.0.tgz, …
 *   node scripts/pack.js /tmp/packs # after `npm run build`
 *   cd ../my-app && npm install ../coro/.packs/*.tgz
 *
 * The tarballs are what `npm publish` would upload (`npm pack` on each
 * package: its `files`, README and package.json). They are installed
 * together, so the `@coro/*` dependencies between them resolve to each
 * other instead of the registry, where nothing is published yet. The folder
 * is emptied first, so it never holds tarballs of older versions.
 * `npm run pack` builds the packages first; run this file on its own only
 * after `npm run build`.
 */
'use strict';

const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');

const root = join(__dirname, '..');
const destination = resolve(process.argv[2] ?? join(root, '.packs'));

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const publicPackages = manifest.workspaces
  .flatMap((pattern) => workspaceDirectories(pattern))
  .filter((directory) => !JSON.parse(readFileSync(join(root, directory, 'package.json'), 'utf8')).private);

rmSync(destination, { recursive: true, force: true });
mkdirSync(destination, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const packed = JSON.parse(
  execFileSync(npm, ['pack', '--json', '--pack-destination', destination, ...publicPackages.flatMap((directory) => ['--workspace', directory])], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
for (const { filename } of packed) console.log(relative(process.cwd(), join(destination, filename)) || filename);

/** `packages/*` → ['packages/cli', 'packages/compiler', …]; a plain path stays itself. */
function workspaceDirectories(pattern) {
  if (!pattern.endsWith('/*')) return [pattern];
  const parent = pattern.slice(0, -2);
  return readdirSync(join(root, parent))
    .filter((name) => existsSync(join(root, parent, name, 'package.json')))
    .sort()
    .map((name) => `${parent}/${name}`);
}
