/**
 * One program, run in a worker thread of its own with source maps on: posts
 * the stack frames of every error the program's own code constructs, as
 * `node --enable-source-maps` prints them.
 *
 * The error constructors are wrapped so that each error is recorded where it
 * is made: what a stack trace says is fixed then, whoever catches it later.
 * An error made by an engine (a `TypeError` for `null.x`) or by the runtime
 * (the runtime's frame is on top) is not the program's own and is left out.
 */
const { parentPort, workerData } = require('worker_threads');

const ERROR_CONSTRUCTORS = ['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError'];
const LOCATION = /^\s+at (?:(async )?.*? \()?(.+):(\d+):(\d+)\)?$/;
/** Timers still pending this long after the program started are not waited for. */
const SETTLE_MS = 2000;

process.setSourceMapsEnabled(true);
for (const method of ['log', 'info', 'debug', 'warn', 'error']) console[method] = () => {};
process.on('uncaughtException', () => {});
process.on('unhandledRejection', () => {});

const created = [];
for (const name of ERROR_CONSTRUCTORS) {
  const Native = globalThis[name];
  const Recorded = function (...args) {
    const error = Reflect.construct(Native, args, new.target ?? Recorded);
    Native.captureStackTrace(error, Recorded);
    created.push(error);
    return error;
  };
  Object.setPrototypeOf(Recorded, Native);
  Recorded.prototype = Native.prototype;
  Object.defineProperty(Recorded, 'name', { value: name });
  globalThis[name] = Recorded;
}

function framesOf(error) {
  const frames = [];
  for (const line of String(error.stack).split('\n')) {
    const m = LOCATION.exec(line);
    if (m) frames.push({ async: m[1] !== undefined, file: m[2], line: Number(m[3]), column: Number(m[4]) });
  }
  return frames;
}

async function settle(started) {
  do await new Promise((resolve) => setImmediate(resolve));
  while (Date.now() - started < SETTLE_MS && process.getActiveResourcesInfo().some((kind) => kind === 'Timeout' || kind === 'Immediate'));
}

async function main() {
  const started = Date.now();
  try {
    require(workerData.program);
  } catch {
    // A program that throws at its top level still made its errors.
  }
  await settle(started);
  const errors = [];
  for (const error of created) {
    const frames = framesOf(error);
    if (frames.length === 0 || frames[0].file !== workerData.userFile) continue;
    errors.push(frames.filter((frame) => frame.file === workerData.userFile));
  }
  parentPort.postMessage(errors);
}

main();
