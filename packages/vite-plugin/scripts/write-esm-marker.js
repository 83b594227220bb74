/**
 * Writes dist/esm/package.json, which tells Node that the `.js` files of the
 * ES module build (tsconfig.esm.json) are ES modules.
 *
 * ## Example
 *
 * After `tsc -p tsconfig.esm.json`, `node scripts/write-esm-marker.js`
 * writes `{ "type": "module" }` to dist/esm/package.json, and
 * `import coro from '@coro/vite-plugin'` in a vite.config.ts loads
 * dist/esm/index.js as an ES module.
 *
 * ## Implementation
 *
 * Node decides a `.js` file's module system by the nearest package.json;
 * a marker in the output directory keeps the `.js` names tsc writes, which
 * the sources' relative imports name, instead of renaming files to `.mjs`.
 *
 * ## References
 *
 * - https://nodejs.org/docs/latest-v20.x/api/packages.html#type
 */
'use strict';
const fs = require('fs');
const path = require('path');

fs.writeFileSync(path.join(__dirname, '..', 'dist', 'esm', 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
