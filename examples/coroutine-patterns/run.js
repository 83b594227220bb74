#!/usr/bin/env node
/**
 * `npm start` (or `node run.js`): lowers src/ with `coro transpile` and runs
 * the result with node, source maps on.
 *
 * Example:
 *   $ node examples/coroutine-patterns/run.js
 *   $ coro transpile src --out-dir out --source-maps file
 *   $ node --enable-source-maps out/main.js
 *   visited /
 *   …
 *
 * Implementation:
 *   As examples/cli-run/run.js: the `coro` executable is found through
 *   `@coro/cli`'s `bin`, resolved from this directory. The lowered file
 *   imports `@coro/runtime` and `@coro/runtime/coroutines`.
 *
 * References:
 *   ../../docs/coroutines.md
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv.length > 2) fail('usage: node run.js (it takes no arguments)');

const require = createRequire(import.meta.url);
const cliManifest = require.resolve('@coro/cli/package.json');
const coro = join(dirname(cliManifest), JSON.parse(readFileSync(cliManifest, 'utf8')).bin.coro);

step(['coro', 'transpile', 'src', '--out-dir', 'out', '--source-maps', 'file'], [coro, 'transpile', 'src', '--out-dir', 'out', '--source-maps', 'file']);
if (!readFileSync(join(here, 'out', 'pipeline.js'), 'utf8').includes('@coro/runtime/coroutines')) fail('out/pipeline.js does not use the coroutine runtime');
step(['node', '--enable-source-maps', 'out/main.js'], ['--enable-source-maps', join('out', 'main.js')]);

/** Shows the command as a user would type it, and runs it with this node. */
function step(shown, args) {
  console.log(`$ ${shown.join(' ')}`);
  const result = spawnSync(process.execPath, args, { cwd: here, stdio: 'inherit' });
  if (result.status !== 0) fail(`${shown[0]} exited with ${result.status ?? result.signal}`);
}

function fail(message) {
  console.error(`coroutine-patterns example failed: ${message}`);
  process.exit(1);
}
