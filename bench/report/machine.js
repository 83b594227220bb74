'use strict';
/** Where and how the figures were taken: printed with them, and written into BENCHMARKS.md. */
const os = require('os');
const { execFileSync } = require('child_process');

function gitRevision(repoRoot) {
  try {
    const run = (args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const revision = run(['rev-parse', '--short', 'HEAD']);
    const dirty = run(['status', '--porcelain', '--', 'packages']) !== '';
    return dirty ? `${revision} + uncommitted changes in packages/` : revision;
  } catch {
    return 'unknown';
  }
}

function describeCommand(argv) {
  const args = argv.slice(2);
  if (process.env.npm_lifecycle_event === 'bench') return ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' ');
  return ['node bench/run.js', ...args].join(' ');
}

function describeMachine() {
  const cpus = os.cpus();
  const model = cpus.length > 0 ? cpus[0].model.trim() : 'unknown CPU';
  return {
    cpu: model,
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** The 1-minute load average against the core count: how busy the machine was. */
function loadAverage() {
  return `${os.loadavg()[0].toFixed(2)} (${os.cpus().length} cores)`;
}

function describeRun({ repoRoot, argv, startedAt }) {
  return {
    loadAtStart: loadAverage(),
    command: describeCommand(argv),
    date: startedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
    node: process.version,
    v8: process.versions.v8,
    machine: describeMachine(),
    revision: gitRevision(repoRoot),
  };
}

module.exports = { describeRun, loadAverage };
