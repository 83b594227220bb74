'use strict';
/**
 * Loads every case: a folder under bench/cases/ with a `case.js`.
 *
 * A case folder holds
 *   case.js                 what is measured and what is expected (below)
 *   driver.js               the workload, identical for every variant; it
 *                           reaches the code under test with require('./subject')
 *   subject.js              the suspend functions under test, as written; run
 *                           as is by `native`, lowered by the compiler variants
 *   subject.<variant>.js    that variant's own subject, run as is (always the
 *                           case for `hand-written`); a case without subject.js
 *                           (say, compiler throughput) gives one per variant,
 *                           and variants given none are shown as "—"
 *
 * case.js exports
 *   title, order            for the tables (cases are shown by order, then name)
 *   summary                 one line: what the workload does
 *   measure                 a measurement kind, bench/measure/<kind>.js
 *                           (`time`: driver.run(params), ms per call, may be
 *                           async; `heap`: driver.create(i) kept alive, bytes
 *                           per object)
 *   params, quickParams     passed to the driver (full run / --quick run)
 *   prepare({ repoRoot, quick, log })
 *                           optional, runs once in the harness before any
 *                           process; returns { params, input, notes }:
 *                           `params` are merged into the case's params,
 *                           `input` (JSON) is handed to every process's
 *                           driver.setup as is, so all variants work on one
 *                           snapshot, and `notes` (Markdown list items) are
 *                           shown under the case's table
 *   settings, quickSettings optional overrides of bench/measure/settings.js
 *   nodeFlags               optional flags of the measurement process
 *   expected(params, key)   what the driver must return; `key` names the
 *                           observation (see the measurement kind)
 *   display                 optional { unit, unitsPerRun(params) }: show a
 *                           time as a rate (e.g. lines/s) instead of ms
 *   variants                optional: the only variants that run this case
 *                           (a coroutine case: the others have no cancellation
 *                           or scheduler to measure)
 *   baselines               optional, default ['native', 'hand-written']:
 *                           the variants the ratio columns divide by
 *   targets                 [{ variant, baseline, max }] (ratio to baseline),
 *                           [{ variant, max }] (absolute, in the unit), or
 *                           [{ variant, min }] (a rate, for a case with display)
 *   basedOn                 optional, the id of another case: its driver and
 *                           subjects are used, so a case can run the same
 *                           workload in other conditions
 *   crowded                 optional, true: before the measurement the process
 *                           runs the crowd (bench/crowd/subject.js, built by
 *                           the variant as a subject is), so that the
 *                           variant's runtime has seen many functions of every
 *                           kind, as in a real program
 *   references              figures measured elsewhere, quoted beside ours:
 *                           [{ variant, baseline, ratio }] or [{ variant, value }]
 *                           (in the unit the table shows: B, ms or the display
 *                           unit); a variant the bench does not run (say, SWC)
 *                           gets a row with only the reference
 */
const fs = require('fs');
const path = require('path');

const REQUIRED_FIELDS = ['title', 'summary', 'measure', 'params', 'expected'];

function loadCase(dir) {
  const definition = require(path.join(dir, 'case.js'));
  const id = path.basename(dir);
  for (const field of REQUIRED_FIELDS) {
    if (definition[field] === undefined) throw new Error(`bench/cases/${id}/case.js: missing \`${field}\``);
  }
  if (!definition.display && (definition.targets || []).some((target) => target.min != null)) {
    throw new Error(`bench/cases/${id}/case.js: a \`min\` target is a rate and needs \`display\``);
  }
  const workloadDir = definition.basedOn ? path.join(path.dirname(dir), definition.basedOn) : dir;
  const files = fs.readdirSync(workloadDir);
  if (!files.includes('driver.js')) throw new Error(`bench/cases/${id}: missing driver.js`);
  const subjects = {};
  for (const file of files) {
    const match = /^subject(?:\.([\w-]+))?\.js$/.exec(file);
    if (match) subjects[match[1] || 'source'] = path.join(workloadDir, file);
  }
  return {
    baselines: ['native', 'hand-written'],
    targets: [],
    references: [],
    nodeFlags: [],
    crowded: false,
    order: Infinity,
    ...definition,
    id,
    dir,
    workloadDir,
    driverFile: path.join(workloadDir, 'driver.js'),
    subjects,
  };
}

function loadCases(casesDir = __dirname) {
  return fs
    .readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(casesDir, entry.name, 'case.js')))
    .map((entry) => loadCase(path.join(casesDir, entry.name)))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

module.exports = { loadCases };
