#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: every case in bench/cases/, in every variant of
 * bench/variants/, each measurement in a fresh node process; prints one table
 * per case and writes them into BENCHMARKS.md.
 *
 * Exit status: 0 when every measurement the harness is responsible for
 * succeeded, even if coro (an optional variant) is n/a; 1 on a harness error
 * (an exception here, or a failure of a non-optional variant); 2 on bad usage.
 */
const path = require('path');
const { loadCases } = require('./cases');
const allVariants = require('./variants');
const { prepareWorkspace } = require('./workspace');
const { measureCase } = require('./measure-case');
const { describeRun, loadAverage } = require('./report/machine');
const { renderResults } = require('./report/results');
const { writeResultsSection } = require('./report/benchmarks-file');

const REPO_ROOT = path.resolve(__dirname, '..');
const WORK_DIR = path.join(__dirname, '.work');
const BENCHMARKS_FILE = path.join(REPO_ROOT, 'BENCHMARKS.md');

const USAGE = `usage: node bench/run.js [options]
  --quick          small sizes, 1 process per variant: checks the harness
  --repeat N       processes per variant and case (default: 5 for timings,
                   3 for heap figures; see bench/measure/settings.js)
  --case A,B       only these cases (folder names under bench/cases)
  --variant A,B    only these variants
  --no-write       leave BENCHMARKS.md alone
BENCHMARKS.md is only written by a complete run: no --quick, --case or --variant.`;

class UsageError extends Error {}

function parseArguments(args) {
  const options = { quick: false, repeat: null, cases: null, variants: null, write: true };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    const value = () => {
      if (k + 1 >= args.length) throw new UsageError(`${arg} needs a value`);
      return args[++k];
    };
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--no-write') options.write = false;
    else if (arg === '--repeat') {
      options.repeat = Number(value());
      if (!Number.isInteger(options.repeat) || options.repeat < 1) throw new UsageError('--repeat needs a positive integer');
    } else if (arg === '--case') options.cases = value().split(',');
    else if (arg === '--variant') options.variants = value().split(',');
    else throw new UsageError(`unknown option ${arg}`);
  }
  return options;
}

function select(all, wanted, what) {
  if (!wanted) return all;
  const unknown = wanted.filter((id) => !all.some((item) => item.id === id));
  if (unknown.length > 0) {
    throw new UsageError(`unknown ${what}: ${unknown.join(', ')} (known: ${all.map((item) => item.id).join(', ')})`);
  }
  return all.filter((item) => wanted.includes(item.id));
}

const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const startedAt = new Date();
  const options = parseArguments(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const run = describeRun({ repoRoot: REPO_ROOT, argv: process.argv, startedAt });
  const cases = select(loadCases(), options.cases, 'case');
  const variants = select(allVariants, options.variants, 'variant');
  const complete = !options.quick && !options.cases && !options.variants;

  prepareWorkspace(WORK_DIR, REPO_ROOT);
  const caseResults = [];
  for (const benchCase of cases) {
    log(`${benchCase.id}: ${benchCase.title}`);
    const caseStart = Date.now();
    caseResults.push(
      await measureCase({ benchCase, variants: variants.filter((variant) => !benchCase.variants || benchCase.variants.includes(variant.id)), repeat: options.repeat, quick: options.quick, workDir: WORK_DIR, repoRoot: REPO_ROOT, log }),
    );
    log(`  (${((Date.now() - caseStart) / 1000).toFixed(1)} s)`);
  }

  const harnessErrors = caseResults.flatMap((caseResult) =>
    caseResult.rows
      .filter((row) => row.status === 'n/a' && !row.optional)
      .map((row) => `${caseResult.benchCase.id} / ${row.variant}: ${row.reason}`),
  );
  const totals = { seconds: (Date.now() - startedAt.getTime()) / 1000, loadAtEnd: loadAverage() };
  const markdown = renderResults({ run, totals, caseResults });
  console.log(`\n${markdown}\n`);

  if (harnessErrors.length > 0) {
    log(`harness errors (BENCHMARKS.md not written):\n${harnessErrors.map((e) => `  ${e}`).join('\n')}`);
    return 1;
  }
  if (options.write && complete) {
    writeResultsSection(BENCHMARKS_FILE, markdown);
    log(`wrote ${path.relative(process.cwd(), BENCHMARKS_FILE) || 'BENCHMARKS.md'}`);
  } else if (options.write) {
    log('BENCHMARKS.md not written: only a complete run (no --quick, --case, --variant) writes it');
  }
  return 0;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    if (error instanceof UsageError) {
      log(`${error.message}\n${USAGE}`);
      process.exitCode = 2;
    } else {
      log(`bench: harness error: ${error && error.stack ? error.stack : error}`);
      process.exitCode = 1;
    }
  },
);
