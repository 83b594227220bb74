'use strict';
/**
 * bench/.work/ (gitignored): what the measurement processes run.
 *
 *   .work/<case>/<variant>/subject.js   the variant's module
 *   .work/<case>/<variant>/driver.js    the case's driver, unchanged
 *   .work/<case>/<variant>/crowd.js     a crowded case's crowd, built by the variant
 *   .work/<case>/<variant>/job.json     what child.js measures
 *   .work/node_modules/@coro/runtime    link to packages/runtime, so lowered
 *                                       code's require('@coro/runtime') finds
 *                                       this checkout's runtime
 *
 * The folder is emptied at the start of every run, and the files stay after
 * it, to read or to run again by hand (`node bench/measure/child.js job.json`).
 */
const fs = require('fs');
const path = require('path');

function prepareWorkspace(workDir, repoRoot) {
  fs.rmSync(workDir, { recursive: true, force: true });
  const scope = path.join(workDir, 'node_modules', '@coro');
  fs.mkdirSync(scope, { recursive: true });
  const runtimeLink = path.join(scope, 'runtime');
  fs.symlinkSync(path.relative(scope, path.join(repoRoot, 'packages', 'runtime')), runtimeLink, 'junction');
}

function writeVariantFiles(workDir, benchCase, variantId, subjectCode) {
  const dir = path.join(workDir, benchCase.id, variantId);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'subject.js'), subjectCode);
  const driverFile = path.join(dir, 'driver.js');
  fs.copyFileSync(benchCase.driverFile, driverFile);
  return { dir, driverFile };
}

function writeCrowdFile(dir, code) {
  const crowdFile = path.join(dir, 'crowd.js');
  fs.writeFileSync(crowdFile, code);
  return crowdFile;
}

function writeJob(dir, job) {
  const jobFile = path.join(dir, 'job.json');
  fs.writeFileSync(jobFile, `${JSON.stringify(job, null, 2)}\n`);
  return jobFile;
}

module.exports = { prepareWorkspace, writeVariantFiles, writeCrowdFile, writeJob };
