'use strict';
/**
 * Issue 11, transform throughput on suspend-dense files: the compilers of
 * ../transform-throughput on ten files written for this case (services,
 * stream stages, parsers, a scheduler, a chat server, a migration runner)
 * where nearly every function is a generator, an async function or an async
 * generator. The other corpus has far fewer suspend functions per line, so
 * it mostly times parsing and copying untouched code; this one times the
 * lowering itself.
 *
 * The files keep every suspension point out of for-of loops, destructuring,
 * template literals and spreads, which regenerator refuses without
 * @babel/preset-env: every row lowers all of them.
 */
const path = require('path');
const base = require('../transform-throughput/case');
const { readFiles, filesUnder, SOURCE_FILE } = require('../transform-throughput/corpus');

module.exports = {
  ...base,
  title: 'Transform throughput, suspend-dense',
  issue: 11,
  order: 8.1,
  summary:
    'each compiler lowers ten files written for the case in which nearly every function is a suspend function, with source maps, in one process; lines of input per second of CPU time',
  basedOn: 'transform-throughput',
  references: [{ variant: 'swc', value: 70000 }],
  settings: { processes: 3, warmupRuns: 5, samples: 20 },

  prepare({ repoRoot, quick, log }) {
    const files = filesUnder(path.join(__dirname, 'corpus')).filter((file) => SOURCE_FILE.test(file));
    return base.prepareCorpus(readFiles(repoRoot, files), { quick, log });
  },
};
