'use strict';
/**
 * Harness side of a measurement: run one job in a fresh `node` process and
 * read its result. A process that crashes, times out or prints no result is
 * reported as a failure with the reason (the last line of its stderr), never
 * thrown: the caller decides whether that failure is the variant's or the
 * harness's.
 */
const { spawn } = require('child_process');
const path = require('path');
const { RESULT_MARKER } = require('./protocol');

const CHILD = path.join(__dirname, 'child.js');
const STDERR_KEPT = 64 * 1024;

function lastMeaningfulLine(text) {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  // The first line of a stack trace carries the message; node prints the
  // throwing source line and a caret before it.
  const messageLine = lines.find((line) => /^[A-Za-z]*Error\b|^Error:|^\w+: /.test(line));
  return messageLine || lines[lines.length - 1] || '';
}

function runMeasurement({ jobFile, nodeFlags, cwd, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, CHILD, jobFile], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: `could not start node: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ ok: false, reason: `timed out after ${timeoutMs / 1000} s` });
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code === 0 && line) {
        try {
          return resolve({ ok: true, result: JSON.parse(line.slice(RESULT_MARKER.length)) });
        } catch (error) {
          return resolve({ ok: false, reason: `unreadable result: ${error.message}` });
        }
      }
      const why = lastMeaningfulLine(stderr) || (signal ? `killed by ${signal}` : `exit code ${code}`);
      resolve({ ok: false, reason: why, stderr });
    });
  });
}

module.exports = { runMeasurement };
