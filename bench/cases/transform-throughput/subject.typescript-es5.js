'use strict';
// TypeScript's ES5 downlevel as the typescript-es5 variant
// (bench/variants/typescript-es5.js) runs it, with source maps, and with
// modules kept as written, as the Babel and coro subjects keep them.
const ts = require('typescript');

const COMPILER_OPTIONS = {
  target: ts.ScriptTarget.ES5,
  module: ts.ModuleKind.ESNext,
  ignoreDeprecations: '6.0',
  downlevelIteration: true,
  importHelpers: false,
  sourceMap: true,
};

exports.transformFile = function transformFile({ filename, text }) {
  const result = ts.transpileModule(text, { fileName: filename, reportDiagnostics: true, compilerOptions: COMPILER_OPTIONS });
  const error = result.diagnostics.find((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
  if (error) throw new Error(`${filename}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  return result.outputText;
};
