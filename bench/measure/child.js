'use strict';
/**
 * The entry point of every measurement process: `node [flags] child.js job.json`.
 *
 * One process measures one variant of one case, so every variant starts from a
 * fresh isolate (no shared inline caches, maps or heap). The job names the
 * driver to load and the measurement kind (a file beside this one). A crowded
 * job first runs its crowd (the rest of a program: many suspend functions,
 * each called a few times) and only then loads the driver. The result is
 * printed as one line starting with RESULT_MARKER, so whatever the measured
 * code prints does not get in the way.
 */
const fs = require('fs');
const path = require('path');
const { RESULT_MARKER } = require('./protocol');

async function main() {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const measure = require(path.join(__dirname, job.measure));
  if (job.crowdFile) await require(job.crowdFile).exercise();
  const driver = require(job.driverFile);
  if (typeof driver.setup === 'function') {
    await driver.setup({ caseDir: job.caseDir, repoRoot: job.repoRoot, params: job.params, input: job.input });
  }
  const result = await measure(driver, job);
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
