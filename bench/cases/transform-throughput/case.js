'use strict';
/**
 * Issue 4, transform throughput: how many lines per second each compiler
 * lowers, in one process, warm, on the same files. The corpus (corpus.js) is
 * read once when the case starts and handed to every process, so edits made
 * to the checkout during a run do not reach only some of the measurements.
 *
 * A file stays in the corpus only when both established compilers lower every
 * suspend function in it, so all rows time the same work. regenerator lowers
 * only ES5 syntax around a suspension point (a destructuring, for-of,
 * template literal or spread that holds one needs @babel/preset-env's
 * transforms first, which this repository does not install) and refuses most
 * realistic files; TypeScript leaves async private methods as they are. coro
 * does not choose its corpus: a file it refuses, or leaves a suspend function
 * in, makes its row n/a with the reason.
 */
const { readCorpus } = require('./corpus');
const { countSuspendFunctions } = require('./suspend-functions');

const JUDGES = ['regenerator', 'typescript-es5'];
const QUICK_SHARE = 10;
const REGENERATOR_LIMITS =
  'regenerator lowers only ES5 syntax around a suspension point: without @babel/preset-env it refuses a destructuring, for-of, template literal or spread that holds one.';

function firstLine(text) {
  return String(text).split('\n')[0];
}

/** Why `transformFile` does not do the whole job on `file`, or null when it does. */
function shortfall(transformFile, file) {
  let code;
  try {
    code = transformFile(file);
  } catch (error) {
    const line = firstLine(error.message);
    const at = line.indexOf(`${file.filename}: `);
    return at === -1 ? line : line.slice(at + file.filename.length + 2);
  }
  const left = countSuspendFunctions(code, file.filename);
  return left > 0 ? `leaves ${left} suspend function(s) as they are` : null;
}

module.exports = {
  title: 'Transform throughput',
  order: 8,
  summary:
    "each compiler lowers every file of a corpus (this repository's fixture inputs and package sources, and files written for the case) with source maps, in one process; lines of input per second of CPU time",
  measure: 'time',
  params: {},
  // One run lowers the whole corpus, two seconds or more for regenerator, so
  // fewer runs than the default; the driver's setup pass and the first
  // (untimed) run warm the compilers up as well.
  settings: { processes: 3, warmupRuns: 2, samples: 5 },
  display: { unit: 'lines/s', unitsPerRun: ({ lines }) => lines },
  baselines: ['regenerator', 'typescript-es5'],
  expected: ({ files, lines }) => ({ files, lines }),
  targets: [{ variant: 'coro', min: 30000 }],
  references: [
    { variant: 'regenerator', value: 3500 },
    { variant: 'typescript-es5', value: 10400 },
    { variant: 'swc', value: 99500 },
  ],

  prepare({ repoRoot, quick, log }) {
    return prepareCorpus(readCorpus(repoRoot), { quick, log });
  },

  prepareCorpus,
};

/**
 * The files of `all` that every judge lowers whole (a tenth of them for a
 * quick run): the case's params, input and notes.
 */
function prepareCorpus(all, { quick, log }) {
  const offered = quick ? all.filter((_, index) => index % QUICK_SHARE === 0) : all;
  const judges = JUDGES.map((id) => ({ id, transformFile: require(`./subject.${id}`).transformFile }));
  const leftOutBy = new Map(JUDGES.map((id) => [id, 0]));
  const kept = [];
  for (const file of offered) {
    let accepted = true;
    for (const { id, transformFile } of judges) {
      const reason = shortfall(transformFile, file);
      if (reason === null) continue;
      accepted = false;
      leftOutBy.set(id, leftOutBy.get(id) + 1);
      log(`  left out ${file.filename}: ${id}: ${reason}`);
    }
    if (accepted) kept.push(file);
  }
  if (kept.length === 0) throw new Error('transform throughput: no file of the corpus is lowered whole by every compiler');

  const lines = kept.reduce((sum, file) => sum + file.lines, 0);
  const leftOut = offered.length - kept.length;
  log(`  corpus: ${kept.length} files, ${lines.toLocaleString('en-US')} lines; ${leftOut} left out`);
  const counts = [...leftOutBy]
    .filter(([, count]) => count > 0)
    .map(([id, count]) => `${id} ${count}`)
    .join(', ');
  const notes =
    leftOut === 0
      ? []
      : [
          `- ${leftOut} of ${offered.length} files are left out, so that every row does the same work: those that ${JUDGES.join(' or ')} refuses or does not lower whole (${counts}; the run's log names them and says why).${leftOutBy.get('regenerator') > 0 ? ` ${REGENERATOR_LIMITS}` : ''}`,
        ];
  return { params: { files: kept.length, lines }, input: kept, notes };
}
