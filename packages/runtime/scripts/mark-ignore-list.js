/**
 * Marks every source map of the built runtime as ignore-listed: a debugger
 * or a stack-trace viewer that reads `ignoreList` hides the runtime's frames
 * and steps over them, so what a user sees between their own frames is their
 * own code, not how the machine is stepped.
 *
 * ## Example
 *
 * `dist/resume-generator.js.map` gets
 * `"ignoreList": [0], "x_google_ignoreList": [0]` (its one source,
 * `../src/resume-generator.ts`, which the package ships).
 *
 * ## Implementation
 *
 * Runs after tsc and the ES module build, over every `.js.map` under
 * `dist/`: every source of a runtime map is runtime code. The older
 * `x_google_ignoreList` name is written too, for the tools that read only it.
 *
 * ## References
 *
 * - Source Map Revision 3 (ECMA-426), the `ignoreList` field
 * - https://developer.chrome.com/docs/devtools/x-google-ignore-list
 */
'use strict';
const fs = require('fs');
const path = require('path');

function mapsUnder(directory) {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return mapsUnder(full);
    return entry.name.endsWith('.js.map') ? [full] : [];
  });
}

for (const file of mapsUnder(path.join(__dirname, '..', 'dist'))) {
  const map = JSON.parse(fs.readFileSync(file, 'utf8'));
  const all = map.sources.map((_, index) => index);
  fs.writeFileSync(file, JSON.stringify({ ...map, ignoreList: all, x_google_ignoreList: all }));
}
