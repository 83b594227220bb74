'use strict';
// coro as a bundled program uses it: every file imports @coro/runtime, which
// the bundler includes once and tree-shakes to what the files call.
const { transform } = require('@coro/compiler');

exports.lowerFile = function lowerFile({ filename, text }) {
  const result = transform(text, { filename, sourceType: 'module', runtime: 'import', sourceMap: false });
  const error = result.diagnostics.find((diagnostic) => diagnostic.category === 'error');
  if (error) throw new Error(`${filename}:${error.line}:${error.column}: ${error.message}`);
  return result.code;
};

// The part of @coro/runtime that lowered `code` reaches (lowered code names
// each runtime export as a property of its `$coro` namespace).
exports.runtimeEntry = function runtimeEntry(code) {
  const names = [...new Set(Array.from(code.matchAll(/\$coro\.(\w+)/g), (match) => match[1]))];
  return `export { ${names.join(', ')} } from '@coro/runtime';\n`;
};
