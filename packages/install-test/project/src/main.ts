// The program's entry: what `node lib/main.js` (coro transpile),
// `node dist/main.js` (tspc) and the bundles run. The `.js` specifier is the
// one Node and TypeScript's nodenext resolution agree on for ./program.ts.

import { main } from './program.js';

main((line) => console.log(line));
