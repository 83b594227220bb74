'use strict';
/**
 * Issue 10, output size: what a program costs to ship once it is lowered,
 * minified and gzipped, against the same program as written. The files are
 * the realistic ones of the transform-throughput case (its services, parsers
 * and iterators, and this repository's package sources that hold a suspend
 * function), kept only when regenerator and TypeScript lower them whole, so
 * every row ships the same program. coro's files import @coro/runtime, which
 * is counted once; regenerator and TypeScript write their helpers into each
 * file, as their users get them without a helpers package.
 *
 * Beside each figure, the size of all the realistic files, for the variants
 * that lower every one (regenerator does not; TypeScript leaves async private
 * methods as they are, so its figure there counts some functions unlowered).
 *
 * Beside coro's figure: the runtime that a small program of generators only
 * (kinds/generators-without-delegation.js, and kinds/generators.js with a
 * `yield*`), and one with every kind (kinds/all-kinds.js), pulls in once the
 * bundler has tree-shaken @coro/runtime.
 */
const fs = require('fs');
const path = require('path');
const { readFiles, filesUnder, SOURCE_FILE } = require('../transform-throughput/corpus');
const { prepareCorpus } = require('../transform-throughput/case');
const { countSuspendFunctions } = require('../transform-throughput/suspend-functions');
const regenerator = require('../transform-throughput/subject.regenerator');
const ts = require('typescript');

const KINDS = [
  { file: 'generators-without-delegation.js', title: 'generators, no yield*' },
  { file: 'generators.js', title: 'generators' },
  { file: 'all-kinds.js', title: 'all kinds' },
];

function realisticFiles(repoRoot) {
  const written = filesUnder(path.join(__dirname, '..', 'transform-throughput', 'corpus')).filter((file) => SOURCE_FILE.test(file));
  const packagesDir = path.join(repoRoot, 'packages');
  const sources = fs
    .readdirSync(packagesDir)
    .flatMap((name) => filesUnder(path.join(packagesDir, name, 'src')))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  return readFiles(repoRoot, [...written, ...sources]).filter((file) => countSuspendFunctions(file.text, file.filename) > 0);
}

/**
 * Whether `code` holds a `for await` statement. regenerator's plugins turn an
 * async function into a generator and leave its `for await` in it, which no
 * engine or bundler accepts (Babel needs its async-generator plugin first).
 */
function holdsForAwait(code, filename) {
  const kind = filename.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const visit = (node) => (ts.isForOfStatement(node) && node.awaitModifier !== undefined) || ts.forEachChild(node, visit) === true;
  return visit(ts.createSourceFile(filename, code, ts.ScriptTarget.Latest, false, kind));
}

module.exports = {
  title: 'Output size',
  order: 9,
  summary:
    'the realistic files, lowered, bundled by Rolldown (every file an entry, so a shared runtime is one chunk, tree-shaken) with its minifier, each chunk gzip -9; total bytes, and the ratio to the source put through the same steps',
  measure: 'size',
  params: {},
  variants: ['native', 'coro', 'regenerator', 'typescript-es5'],
  baselines: ['native'],
  expected: ({ files }, key) => (key === 'files' ? files : undefined),
  targets: [{ variant: 'coro', baseline: 'native', max: 1.8 }],
  references: [
    { variant: 'coro', baseline: 'native', ratio: 2.95 },
    { variant: 'regenerator', baseline: 'native', ratio: 2.24 },
    { variant: 'typescript-es5', baseline: 'native', ratio: 2.1 },
  ],

  prepare({ repoRoot, log }) {
    const offered = realisticFiles(repoRoot);
    const shipped = offered.filter((file) => {
      let code;
      try {
        code = regenerator.transformFile(file);
      } catch {
        return true; // prepareCorpus leaves it out, and says why
      }
      if (!holdsForAwait(code, file.filename)) return true;
      log(`  left out ${file.filename}: regenerator: leaves \`for await\` in a generator`);
      return false;
    });
    const { params, input, notes } = prepareCorpus(shipped, { quick: false, log });
    const programs = KINDS.map(({ file, title }) => {
      const filename = path.relative(repoRoot, path.join(__dirname, 'kinds', file)).split(path.sep).join('/');
      return { filename, title, text: fs.readFileSync(path.join(__dirname, 'kinds', file), 'utf8'), sourceType: 'module' };
    });
    return {
      params,
      input: { files: input, allFiles: offered, programs },
      notes: [
        ...notes,
        ...(shipped.length < offered.length
          ? [`- ${offered.length - shipped.length} more files are left out because regenerator's output keeps a \`for await\` inside a generator, which does not parse.`]
          : []),
        `- (all ${offered.length} files): every realistic file, for the variants that lower them all; TypeScript leaves async private methods as they are, so its figure there counts some functions unlowered.`,
        '- coro also shows the runtime, minified and gzip -9, that a program of generators only (without and with `yield*`) and one of every kind pull from @coro/runtime after tree-shaking (targets: ≤ 1 KB and ≤ 2 KB).',
      ],
    };
  },
};
