#!/usr/bin/env node
/**
 * Long differential fuzzing runs of the compiler, from the built dist/ of
 * @coro/testkit (run `npm run fuzz`, which builds first).
 *
 *   node scripts/fuzz.js [--seed N] [--count N] [--time SECONDS] [--jobs N] [--native]
 *                        [--sync | --async-share F] [--exclude NAME,...] [--keep-going]
 *
 * Checks seeds N, N+1, N+2, ... (a random N unless given, printed first so
 * the run can be repeated) until --count programs were checked or --time
 * seconds passed (default: 60 s when neither is given). On the first failure
 * it shrinks the program, prints the report (smallest program, both traces,
 * the lowered code), writes the full failing program to a temporary file and
 * exits 1. Exits 0 when every program passed, 2 on a usage error.
 *
 * --jobs N checks on N worker threads (default: one per core, at most 8);
 * the report is then about the smallest failing seed of the first batch that
 * has one, which is the same seed a --jobs 1 run from the same start finds.
 *
 * --native checks the program generator instead of the compiler: every
 * program is only run natively and must run to its end without an engine
 * error it did not mean to provoke, nor a promise rejection left unhandled
 * (see checkNative in differential.ts).
 *
 * What is generated: by default about 70% of the seeds make async programs
 * (async functions and arrows, async generators, beside generators) and the
 * rest programs of generators only. --sync makes generators only (for such a
 * seed, the same program as before async programs existed); --async-share F
 * sets the share of async programs (0..1). --exclude leaves constructs out,
 * to look past a bug already known (the names: EXCLUDABLE_CONSTRUCTS in
 * packages/testkit/src/fuzz/excludable-constructs.ts, listed by a wrong
 * name). Both change what a seed generates: a replay must pass them again
 * (the report says how).
 * About 30% of the seeds print their program without semicolons, as code
 * relying on automatic semicolon insertion is written, and about 20% print
 * it as TypeScript (annotations, assertions, generic arguments, type-only
 * statements): such a program is lowered as a `.ts` file, and the native
 * program and the lowered output both run as TypeScript's emit of them.
 *
 * --keep-going does not stop at the first failure: each failing seed is
 * listed as it is found, and at the end the first one is shrunk and reported
 * (exit 1 if any failed).
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const USAGE =
  'usage: node scripts/fuzz.js [--seed N] [--count N] [--time SECONDS] [--jobs N] [--native]\n' +
  '                            [--sync | --async-share F] [--exclude NAME,...] [--keep-going]';

function parseArguments(argv) {
  const options = {
    seed: undefined,
    count: undefined,
    time: undefined,
    jobs: undefined,
    native: false,
    keepGoing: false,
    asyncShare: undefined,
    exclude: [],
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--help' || argument === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (argument === '--native' || argument === '--keep-going' || argument === '--sync') {
      if (argument === '--native') options.native = true;
      if (argument === '--keep-going') options.keepGoing = true;
      if (argument === '--sync') options.asyncShare = 0;
      continue;
    }
    const match = /^--(seed|count|time|jobs|async-share|exclude)(?:=(.*))?$/.exec(argument);
    if (match === null) usageError(`unknown argument '${argument}'`);
    const value = match[2] !== undefined ? match[2] : argv[++index];
    if (match[1] === 'exclude') {
      if (value === undefined || value === '') usageError('--exclude needs construct names');
      options.exclude.push(...value.split(','));
      continue;
    }
    if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) usageError(`--${match[1]} needs a non-negative number`);
    if (match[1] === 'async-share') options.asyncShare = Number(value);
    else options[match[1]] = Number(value);
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed)) usageError('--seed needs an integer');
  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs >= 1)) usageError('--jobs needs a positive integer');
  if (options.asyncShare !== undefined && options.asyncShare > 1) usageError('--async-share needs a number from 0 to 1');
  return options;
}

/** The generator's options from the command line; `undefined` for the defaults. */
function generateOptions(fuzz, options) {
  const unknown = options.exclude.filter((name) => !Object.prototype.hasOwnProperty.call(fuzz.EXCLUDABLE_CONSTRUCTS, name));
  if (unknown.length > 0) {
    const known = Object.entries(fuzz.EXCLUDABLE_CONSTRUCTS).map(([name, what]) => `  ${name}: ${what}`);
    usageError(`--exclude: unknown construct(s) ${unknown.join(', ')}; known:\n${known.join('\n')}`);
  }
  if (options.asyncShare === undefined && options.exclude.length === 0) return undefined;
  return { asyncShare: options.asyncShare, exclude: options.exclude.length > 0 ? options.exclude : undefined };
}

function usageError(message) {
  console.error(`fuzz: ${message}\n${USAGE}`);
  process.exit(2);
}

function loadFuzzer() {
  const entry = path.join(__dirname, '..', 'packages', 'testkit', 'dist', 'fuzz', 'index.js');
  if (!fs.existsSync(entry)) {
    console.error(`fuzz: ${path.relative(process.cwd(), entry)} is missing; build first (npm run fuzz builds, or npx turbo run build)`);
    process.exit(2);
  }
  return require(entry);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const fuzz = loadFuzzer();
  const generate = generateOptions(fuzz, options);
  const firstSeed = options.seed !== undefined ? options.seed : Math.floor(Math.random() * 2 ** 31);
  const count = options.count !== undefined ? options.count : Infinity;
  const seconds = options.time !== undefined ? options.time : options.count !== undefined ? Infinity : 60;
  const jobs = options.jobs !== undefined ? options.jobs : fuzz.defaultThreadCount();
  const started = Date.now();
  const deadline = started + seconds * 1000;

  const limits = [count !== Infinity ? `${count} programs` : null, seconds !== Infinity ? `${seconds} s` : null].filter(Boolean);
  const what = options.native ? 'native runs only (checking the program generator)' : `native against lowered, ${jobs} thread(s)`;
  const programs =
    options.asyncShare === 0 ? ', generators only' : options.asyncShare !== undefined ? `, ${options.asyncShare} of them async` : '';
  const excluded = options.exclude.length > 0 ? `, without ${options.exclude.join(', ')}` : '';
  console.log(`fuzz: seed ${firstSeed} (repeat with --seed ${firstSeed}), up to ${limits.join(' or ')}, ${what}${programs}${excluded}`);

  let checked = 0;
  let lastProgress = started;
  const reportProgress = () => {
    const now = Date.now();
    if (now - lastProgress < 5000) return;
    lastProgress = now;
    const rate = (checked / ((now - started) / 1000)).toFixed(0);
    const failed = failures.length > 0 ? `, ${failures.length} failed` : '';
    console.log(`fuzz: ${checked} programs checked (seeds ${firstSeed}..${firstSeed + checked - 1})${failed}, ${rate}/s`);
  };

  const failures = [];
  const pool = options.native ? null : new fuzz.FuzzPool({ threads: jobs, generate });
  try {
    while (checked < count && Date.now() < deadline) {
      const size = Math.min(count - checked, options.native ? 1 : jobs * 10);
      const seeds = Array.from({ length: size }, (_, index) => firstSeed + checked + index);
      if (options.native) {
        checkNativeOrExit(fuzz, seeds[0], generate);
      } else {
        const failing = (await pool.check(seeds)).filter((verdict) => verdict.failure !== null);
        if (failing.length > 0 && !options.keepGoing) {
          await pool.close();
          reportFailureAndExit(fuzz, failing[0], checked + seeds.indexOf(failing[0].seed) + 1, generate);
        }
        for (const verdict of failing) {
          failures.push(verdict);
          console.log(`fuzz: seed ${verdict.seed} fails: ${verdict.failure.kind}${verdict.failure.mode ? ` (${verdict.failure.mode})` : ''}: ${verdict.failure.message.split('\n')[0]}`);
        }
      }
      checked += size;
      reportProgress();
    }
  } finally {
    if (pool !== null) await pool.close();
  }
  const elapsed = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length > 0) {
    console.log(`fuzz: ${failures.length} of ${checked} programs failed (seeds ${firstSeed}..${firstSeed + checked - 1}) in ${elapsed} s: ${failures.map((verdict) => verdict.seed).join(' ')}`);
    reportFailureAndExit(fuzz, failures[0], null, generate);
  }
  console.log(`fuzz: all ${checked} programs passed (seeds ${firstSeed}..${firstSeed + checked - 1}) in ${elapsed} s`);
}

function checkNativeOrExit(fuzz, seed, generate) {
  const program = fuzz.generateProgram(seed, generate);
  const problems = fuzz.wellFormedProblems(program);
  const check = fuzz.checkNative(fuzz.printProgram(program), undefined, program.typescript);
  if (check.problem !== null) problems.push(check.problem);
  if (problems.length === 0) return;
  console.log(`fuzz: seed ${seed} makes an unsound program: ${problems.join('; ')}\n`);
  console.log(fuzz.printProgramBody(program));
  console.log(`Native trace:\n${check.execution.trace.join('\n')}`);
  process.exit(1);
}

function reportFailureAndExit(fuzz, verdict, ordinal, generate) {
  const which = ordinal === null ? 'the first failure' : `program ${ordinal} of this run`;
  console.log(`fuzz: seed ${verdict.seed} fails (${verdict.failure.kind}), ${which}; shrinking...`);
  const outcome = fuzz.fuzzSeed(verdict.seed, { generate });
  if (outcome.failure === null) {
    console.log(`fuzz: seed ${verdict.seed} passes when rerun in this thread: a flaky check (${verdict.failure.message})`);
    process.exit(1);
  }
  const shrunk = fuzz.shrinkFailure(outcome, { generate, timeLimitMs: 120000 });
  console.log('');
  console.log(fuzz.formatReport(shrunk));
  const file = path.join(os.tmpdir(), `coro-fuzz-seed-${verdict.seed}.js`);
  fs.writeFileSync(file, fuzz.printProgram(shrunk.program));
  console.log(`\nThe smallest failing program, prelude included, is in ${file}`);
  fuzz.closeCompiler();
  process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
