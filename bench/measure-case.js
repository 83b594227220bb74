'use strict';
/**
 * Measures one case in every variant.
 *
 * The case's own `prepare`, if any, runs first and once, so every process
 * works on the same input (a snapshot of files others may be editing). Every
 * variant's module is built next (in this process; build time is not
 * measured). Then the case is measured `processes` times (the measurement
 * kind's setting, or --repeat), each time once per
 * variant in table order, every measurement in its own process: interleaving
 * the variants spreads slow drifts of the machine over all of them instead of
 * charging them to one. A variant's figure is the median of its processes'
 * figures; the range of those figures is kept to show the noise.
 *
 * A variant that fails (cannot be built, crashes, times out, or returns
 * something else than the case expects) is not measured further and gets its
 * reason. Whether that is a harness error is the variant's `optional` flag.
 */
const fs = require('fs');
const path = require('path');
const { isDeepStrictEqual } = require('util');
const { VariantUnavailable } = require('./variants/unavailable');
const { writeVariantFiles, writeCrowdFile, writeJob } = require('./workspace');
const { runMeasurement } = require('./measure/spawn');
const measurementSettings = require('./measure/settings');
const { median } = require('./stats');

const TIMEOUT_MS = 180 * 1000;
const CROWD_SOURCE = path.join(__dirname, 'crowd', 'subject.js');

function subjectFor(benchCase, variant, repoRoot) {
  const own = benchCase.subjects[variant.id];
  if (own) return { code: fs.readFileSync(own, 'utf8'), origin: path.relative(repoRoot, own) };
  if (!variant.lower || !benchCase.subjects.source) return null;
  const filename = path.relative(repoRoot, benchCase.subjects.source);
  const source = fs.readFileSync(benchCase.subjects.source, 'utf8');
  return { code: variant.lower(source, { filename, repoRoot }), origin: `${filename} lowered by ${variant.id}` };
}

/**
 * The crowd of a crowded case as this variant builds it: lowered as a subject
 * is, or as written for a variant that lowers nothing (hand-written code
 * shares the program with native suspend functions).
 */
function crowdFor(variant, repoRoot) {
  const source = fs.readFileSync(CROWD_SOURCE, 'utf8');
  if (!variant.lower) return source;
  return variant.lower(source, { filename: path.relative(repoRoot, CROWD_SOURCE), repoRoot });
}

function settingsFor(benchCase, quick) {
  const defaults = measurementSettings[benchCase.measure];
  if (!defaults) throw new Error(`bench/cases/${benchCase.id}: unknown measurement kind \`${benchCase.measure}\``);
  return quick
    ? { ...defaults.quick, ...benchCase.quickSettings }
    : { ...defaults.full, ...benchCase.settings };
}

function checkObservations(benchCase, params, observed) {
  for (const { key, value } of observed) {
    const expected = benchCase.expected(params, key);
    if (!isDeepStrictEqual(value, expected)) {
      return `wrong result (${key}): got ${JSON.stringify(value)}, expected ${JSON.stringify(expected)}`;
    }
  }
  return null;
}

function firstLine(text) {
  return String(text).split('\n')[0];
}

/** Build each variant's files; returns one entry per variant, prepared or not. */
function prepareVariants({ benchCase, variants, params, input, settings, workDir, repoRoot }) {
  return variants.map((variant) => {
    const entry = { variant, status: 'pending', reason: null, values: [], samples: [], secondary: {} };
    let subject;
    let crowd = null;
    try {
      subject = subjectFor(benchCase, variant, repoRoot);
      if (subject !== null && benchCase.crowded) crowd = crowdFor(variant, repoRoot);
    } catch (error) {
      entry.status = 'failed';
      entry.reason = error instanceof VariantUnavailable ? error.reason : `build failed: ${firstLine(error.message)}`;
      return entry;
    }
    if (subject === null) {
      entry.status = 'absent';
      entry.reason = 'not applicable to this case';
      return entry;
    }
    const { dir, driverFile } = writeVariantFiles(workDir, benchCase, variant.id, subject.code);
    const crowdFile = crowd === null ? null : writeCrowdFile(dir, crowd);
    entry.jobFile = writeJob(dir, {
      case: benchCase.id,
      variant: variant.id,
      subject: subject.origin,
      measure: benchCase.measure,
      driverFile,
      crowdFile,
      caseDir: benchCase.workloadDir,
      repoRoot,
      params,
      input,
      settings,
    });
    return entry;
  });
}

async function measureCase({ benchCase, variants, repeat, quick, workDir, repoRoot, log }) {
  let params = quick ? { ...benchCase.params, ...benchCase.quickParams } : benchCase.params;
  let input;
  let notes = [];
  if (benchCase.prepare) {
    const prepared = await benchCase.prepare({ repoRoot, quick, log });
    params = { ...params, ...prepared.params };
    input = prepared.input;
    notes = prepared.notes || [];
  }
  const settings = settingsFor(benchCase, quick);
  const processes = repeat || settings.processes;
  const entries = prepareVariants({ benchCase, variants, params, input, settings, workDir, repoRoot });
  for (const entry of entries) {
    if (entry.status === 'failed') log(`  ${entry.variant.id}: n/a (${entry.reason})`);
  }

  for (let round = 1; round <= processes; round++) {
    for (const entry of entries) {
      if (entry.status !== 'pending' && entry.status !== 'ok') continue;
      const outcome = await runMeasurement({
        jobFile: entry.jobFile,
        nodeFlags: benchCase.nodeFlags,
        cwd: repoRoot,
        timeoutMs: TIMEOUT_MS,
      });
      const problem = outcome.ok
        ? checkObservations(benchCase, params, outcome.result.observed)
        : `${round > 1 ? `process ${round}: ` : ''}${outcome.reason}`;
      if (problem) {
        entry.status = 'failed';
        entry.reason = problem;
        log(`  ${entry.variant.id}: n/a (${problem})`);
        continue;
      }
      entry.status = 'ok';
      entry.unit = outcome.result.unit;
      entry.values.push(outcome.result.value);
      entry.samples.push(outcome.result.samples);
      for (const [name, value] of Object.entries(outcome.result.secondary || {})) {
        (entry.secondary[name] = entry.secondary[name] || []).push(value);
      }
      log(`  ${entry.variant.id} ${round}/${processes}: ${outcome.result.value.toFixed(3)} ${outcome.result.unit}`);
    }
  }

  const rows = entries.map((entry) => ({
    variant: entry.variant.id,
    optional: entry.variant.optional,
    status: entry.status === 'ok' ? 'ok' : entry.status === 'absent' ? 'absent' : 'n/a',
    reason: entry.status === 'ok' ? null : entry.reason,
    unit: entry.unit,
    values: entry.values,
    samples: entry.samples,
    secondary: Object.fromEntries(Object.entries(entry.secondary).map(([name, values]) => [name, median(values)])),
    median: entry.status === 'ok' ? median(entry.values) : null,
    min: entry.status === 'ok' ? Math.min(...entry.values) : null,
    max: entry.status === 'ok' ? Math.max(...entry.values) : null,
  }));
  return { benchCase, params, settings, processes, rows, notes };
}

module.exports = { measureCase };
