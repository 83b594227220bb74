'use strict';
// The typescript-es5 variant's options (bench/variants/typescript-es5.js),
// with the module syntax kept for the bundler: ES5, helpers in each file.
const ts = require('typescript');

exports.lowerFile = function lowerFile({ filename, text }) {
  return ts.transpileModule(text, {
    fileName: filename.replace(/\.js$/, '.ts'),
    compilerOptions: {
      target: ts.ScriptTarget.ES5,
      module: ts.ModuleKind.ESNext,
      ignoreDeprecations: '6.0',
      downlevelIteration: true,
      importHelpers: false,
      noEmitHelpers: false,
    },
  }).outputText;
};
