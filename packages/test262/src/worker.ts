/**
 * The worker process: runs the jobs the pool sends, one at a time, and
 * reports each step as it happens.
 *
 * ## Example
 *
 * ```
 * pool → worker   { id: 7, path: 'language/expressions/yield/star-array.js', mode: 'strict' }
 * worker → pool   { id: 7, kind: 'started', translation: 'native' }
 * worker → pool   { id: 7, kind: 'outcome', translation: 'native', outcome: { status: 'pass' } }
 * worker → pool   { id: 7, kind: 'started', translation: 'lowered' }
 * worker → pool   { id: 7, kind: 'outcome', translation: 'lowered', outcome: { status: 'pass' } }
 * worker → pool   { id: 7, kind: 'done' }
 * ```
 *
 * ## Implementation
 *
 * Started by pool.ts with `node --experimental-vm-modules --expose-gc
 * dist/worker.js <test dir> <harness dir>`. A test is run lowered only when
 * it passed natively: the lowered result of a test the engine fails would
 * be counted nowhere. A job with a known native outcome runs only lowered; a
 * `nativeOnly` job (recording the native table) only natively. `ready` says
 * the modules are loaded (the compiler takes seconds on a busy machine), so
 * that the pool's time limit measures jobs, not the start. The `started` messages let the pool tell which run a
 * hang or a crash belongs to. Harness scripts are compiled once per worker.
 *
 * Unhandled rejections are ignored (test262 does not judge them, and Node
 * would otherwise end the process on the first); an uncaught exception from
 * a host callback fails the run in progress (execution.ts).
 *
 * ## References
 *
 * Node.js `child_process.fork`, `process.send`.
 */
import { loadTest, recordUncaught, runTest } from './execution';
import { Harness } from './harness';
import type { Job, WorkerMessage } from './protocol';
import { lowered, native, type Translation } from './translation';

const [testDirectory, harnessDirectory] = process.argv.slice(2);
const harness = new Harness(harnessDirectory);

process.on('unhandledRejection', () => {});
process.on('uncaughtException', recordUncaught);

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

async function runJob(job: Job): Promise<void> {
  const test = loadTest(testDirectory, job.path);
  for (const translation of translationsOf(job)) {
    await send({ id: job.id, kind: 'started', translation: translation.name });
    const outcome = await runTest(test, job.mode, translation, harness);
    await send({ id: job.id, kind: 'outcome', translation: translation.name, outcome });
    if (outcome.status !== 'pass') break;
  }
  await send({ id: job.id, kind: 'done' });
}

function translationsOf(job: Job): Translation[] {
  if (job.native) return [lowered];
  return job.nativeOnly ? [native] : [native, lowered];
}

let queue = Promise.resolve();
process.on('message', (job: Job) => {
  queue = queue.then(() => runJob(job)).catch((error: unknown) => {
    // A fault of the runner itself, not of a test: the pool reports it as a crash of this job.
    process.stderr.write(`test262 worker: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(70);
  });
});

void send({ kind: 'ready' });
