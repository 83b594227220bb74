/**
 * Runs a page's module script in node: `node page-runner.mjs <file or http URL>`.
 *
 * Example:
 *   node page-runner.mjs dist/assets/index-Bx3k.js
 *   node page-runner.mjs http://127.0.0.1:5173/src/main.ts
 *   // prints what the page appends to its #output element
 *
 * Implementation:
 *   The pages under test touch two DOM calls: `document.querySelector(…)
 *   .append(text)` to show their output, and Vite's module-preload polyfill
 *   asks `document.createElement('link').relList.supports('modulepreload')`,
 *   and returns at once when the answer is yes. Those two are given; the
 *   output goes to stdout. A URL is loaded over HTTP with the module hooks
 *   in ./http-module-hooks.mjs, so a module served by a Vite dev server runs
 *   with every import it makes fetched from that server, as a browser does.
 *
 * References:
 *   https://developer.mozilla.org/docs/Web/API/Element/append
 *   https://nodejs.org/docs/latest-v20.x/api/module.html#customization-hooks
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const target = process.argv[2];

globalThis.document = {
  createElement: () => ({ relList: { supports: () => true } }),
  querySelector: () => ({ append: (text) => process.stdout.write(String(text)) }),
};

if (/^https?:/.test(target)) {
  register('./http-module-hooks.mjs', import.meta.url);
  await import(target);
} else {
  await import(pathToFileURL(target).href);
}
