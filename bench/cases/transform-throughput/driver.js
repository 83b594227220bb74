'use strict';
const path = require('path');
const { transformFile } = require('./subject');

let corpus;

// A suspend function left in the output means the transform did not do the
// work it is timed for (a construct it skips, options that make it skip the
// file). Checked once, outside the timed runs.
exports.setup = function setup({ caseDir, input }) {
  const { countSuspendFunctions } = require(path.join(caseDir, 'suspend-functions'));
  corpus = input;
  for (const file of corpus) {
    const left = countSuspendFunctions(transformFile(file), file.filename);
    if (left > 0) throw new Error(`${file.filename}: ${left} suspend function(s) left in the output`);
  }
};

exports.run = function run() {
  let files = 0;
  let lines = 0;
  for (const file of corpus) {
    if (typeof transformFile(file) !== 'string') throw new Error(`${file.filename}: the transform returned no code`);
    files++;
    lines += file.lines;
  }
  return { files, lines };
};
