'use strict';
/**
 * TypeScript's ES5 downlevel (`__generator` / `__awaiter` / `__values`), the
 * helpers emitted into the file. Only the subject module goes through it; the
 * driver stays as written, so the figures measure the generator machinery and
 * not ES5 for-of loops in the consumer.
 */
const ts = require('typescript');

const COMPILER_OPTIONS = {
  target: ts.ScriptTarget.ES5,
  module: ts.ModuleKind.CommonJS,
  ignoreDeprecations: '6.0',
  downlevelIteration: true,
  importHelpers: false,
  noEmitHelpers: false,
};

module.exports = {
  id: 'typescript-es5',
  description: `typescript ${ts.version} \`transpileModule\`, target ES5, downlevelIteration, helpers emitted in the file`,
  optional: false,
  lower(source, { filename }) {
    const result = ts.transpileModule(source, {
      // transpileModule reads a .js name as JavaScript that needs allowJs; the
      // subject is plain JavaScript, which is also valid TypeScript.
      fileName: filename.replace(/\.js$/, '.ts'),
      reportDiagnostics: true,
      compilerOptions: COMPILER_OPTIONS,
    });
    const errors = (result.diagnostics || []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
      throw new Error(`typescript: ${ts.flattenDiagnosticMessageText(errors[0].messageText, '\n')}`);
    }
    return result.outputText;
  },
};
