'use strict';
// coro as a build runs it: source maps on (the default), the runtime imported
// by modules and required by scripts, as `coro transpile` chooses.
const { transform } = require('@coro/compiler');

exports.transformFile = function transformFile({ filename, text, sourceType }) {
  const result = transform(text, { filename, sourceType, runtime: sourceType === 'module' ? 'import' : 'require' });
  const error = result.diagnostics.find((diagnostic) => diagnostic.category === 'error');
  if (error) throw new Error(`${filename}:${error.line}:${error.column}: ${error.message}`);
  return result.code;
};
