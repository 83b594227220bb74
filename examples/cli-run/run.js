#!/usr/bin/env node
/**
 * `npm start` (or `node run.js`): lowers src/ with `coro transpile`, checks
 * that no generator or async function is left, and runs the result with
 * node, source maps on.
 *
 * Example:
 *   $ node examples/cli-run/run.js
 *   $ coro transpile src --out-dir out --source-maps file
 *   coro: lowered 2 files in 61 ms
 *   $ node --enable-source-maps out/main.js
 *   apple: 12 (running total 12)
 *   …
 *
 * Implementation:
 *   The `coro` executable is found the way a project that installed
 *   `@coro/cli` would find it: through the package's `bin`, resolved from
 *   this directory (in this repository, the workspace's `node_modules`).
 *   Everything runs in this directory, so the paths printed are the ones to
 *   type. The exit status is 1 when a step fails.
 *
 * References:
 *   ../../README.md (`coro transpile`)
 *   https://nodejs.org/docs/latest-v20.x/api/module.html#modulecreaterequirefilename
 */

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv.length > 2) fail('usage: node run.js (it takes no arguments)');
const outDir = 'out';

const require = createRequire(import.meta.url);
const cliManifest = require.resolve('@coro/cli/package.json');
const coro = join(dirname(cliManifest), JSON.parse(readFileSync(cliManifest, 'utf8')).bin.coro);

step(['coro', 'transpile', 'src', '--out-dir', outDir, '--source-maps', 'file'], [coro, 'transpile', 'src', '--out-dir', outDir, '--source-maps', 'file']);

for (const file of readdirSync(join(here, outDir)).filter((name) => name.endsWith('.js'))) {
  const code = readFileSync(join(here, outDir, file), 'utf8');
  const left = code.split('\n').find((line) => /^\s*(export\s+)?(async\s+)?function\s*\*|^\s*(export\s+)?async\s+function\b/.test(line));
  if (left !== undefined) fail(`${outDir}/${file} still holds a suspend function: ${left.trim()}`);
}

step(['node', '--enable-source-maps', `${outDir}/main.js`], ['--enable-source-maps', join(outDir, 'main.js')]);

/** Shows the command as a user would type it, and runs it with this node. */
function step(shown, args) {
  console.log(`$ ${shown.join(' ')}`);
  const result = spawnSync(process.execPath, args, { cwd: here, stdio: 'inherit' });
  if (result.status !== 0) fail(`${shown[0]} exited with ${result.status ?? result.signal}`);
}

function fail(message) {
  console.error(`cli-run example failed: ${message}`);
  process.exit(1);
}
