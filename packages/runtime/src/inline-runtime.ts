/**
 * `@coro/runtime/inline`: `inlineRuntime(names, binding, declared)`, the
 * runtime as a self-contained ES5 script fragment, for output compiled with
 * `runtime: 'inline'`.
 *
 * ## Example
 *
 * ```js
 * const { inlineRuntime } = require('@coro/runtime/inline');
 * inlineRuntime(['getIterator'], '$coro');
 * // var $coro = (function () {
 * // "use strict";
 * // function getIterator(value) { … }
 * // function getMethod(value, key) { … }
 * // …
 * // return { getIterator: getIterator };
 * // })();
 * inlineRuntime(['getIterator'], '$coro', ['Symbol']);
 * // var $coro = (function (Symbol) { … })(globalThis.Symbol);
 * ```
 *
 * ## Implementation
 *
 * The build compiles every runtime module and `scripts/build-inline-sources.js`
 * cuts the output into its top-level declarations, each with the names of the
 * declarations it refers to, in `dist/inline-sources.json`. This function
 * takes the requested exports and everything they reach, in a fixed order
 * (sorted names, dependencies first), so the same names always give the same
 * text. The fragment stands in the file's own scope: a global it reads that
 * the file declares too (`declared`: `const Promise = require('bluebird')`,
 * `import Promise from 'bluebird'`) would be the file's binding, in its dead
 * zone or not the engine's at all, so those globals are handed in as
 * parameters, read from `globalThis`. It runs in the compiler (Node), never
 * in lowered code, so it is a subpath of its own: the main entry, which
 * lowered code and bundles load, holds only what lowered code calls. Its ES
 * module build re-exports this CommonJS one (scripts/build-esm.js), so
 * `import` and `require` share the sources, loaded once.
 *
 * ## References
 *
 * - docs/architecture.md, "Runtime exports used by emitted code"
 * - https://nodejs.org/docs/latest-v20.x/api/packages.html#subpath-exports
 */

interface InlineSources {
  /** The runtime's public exports, sorted. */
  exports: string[];
  declarations: { [name: string]: { code: string; dependencies: string[]; globals: string[] } };
}

var inlineSources: InlineSources | undefined;

/** `declared`: names the file declares, which the fragment must not take for the globals of those names. */
export function inlineRuntime(names: readonly string[], binding: string, declared: readonly string[] = []): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(binding)) throw new Error('inlineRuntime: "' + binding + '" is not an identifier');
  var sources = loadInlineSources();
  var requested = sortedUnique(names);
  var written: { [name: string]: boolean } = {};
  var code: string[] = [];
  var globals: string[] = [];
  var properties: string[] = [];
  for (var i = 0; i < requested.length; i++) {
    if (sources.exports.indexOf(requested[i]) < 0) throw new Error('inlineRuntime: @coro/runtime has no export "' + requested[i] + '"');
    writeDeclaration(sources, requested[i], written, code, globals);
    properties.push(requested[i] + ': ' + requested[i]);
  }
  var shadowed = sortedUnique(globals).filter(function (name) { return declared.indexOf(name) >= 0; });
  var values = shadowed.map(function (name) { return 'globalThis.' + name; });
  return (
    'var ' + binding + ' = (function (' + shadowed.join(', ') + ') {\n"use strict";\n' + code.join('\n') +
    '\nreturn { ' + properties.join(', ') + ' };\n})(' + values.join(', ') + ');\n'
  );
}

function writeDeclaration(sources: InlineSources, name: string, written: { [name: string]: boolean }, code: string[], globals: string[]) {
  if (written[name]) return;
  written[name] = true;
  var declaration = sources.declarations[name];
  for (var i = 0; i < declaration.dependencies.length; i++) writeDeclaration(sources, declaration.dependencies[i], written, code, globals);
  code.push(declaration.code);
  globals.push.apply(globals, declaration.globals);
}

function sortedUnique(names: readonly string[]): string[] {
  var sorted = names.slice().sort();
  return sorted.filter(function (name, index) { return name !== sorted[index - 1]; });
}

function loadInlineSources(): InlineSources {
  // Written by the build next to this file's compiled copy; the path also
  // resolves from src/, where the package's own tests load this module.
  return inlineSources || (inlineSources = require('../dist/inline-sources.json') as InlineSources);
}
