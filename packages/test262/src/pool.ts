/**
 * Running jobs on worker processes, so that no test can stop the run.
 *
 * ## Example
 *
 * ```ts
 * const records = await runInWorkers(
 *   [{ path: 'language/expressions/yield/star-array.js', mode: 'strict' }, …],
 *   { workers: 2, testDirectory, harnessDirectory },
 * );
 * // [{ path, mode: 'strict', native: { status: 'pass' }, lowered: { status: 'pass' } }, …] in job order
 * ```
 *
 * ## Implementation
 *
 * Each slot owns one `node` child process (worker.ts) and hands it one job
 * at a time from a shared queue. A worker reports each step of a job as it
 * starts and ends it; a worker that says nothing for {@link STEP_LIMIT_MS}
 * is killed (an endless loop of promise jobs, or a compiler that does not
 * terminate, never returns to the worker's event loop), and one that exits
 * mid-job (an engine abort, running out of memory) is replaced. Either way
 * the step it was on gets a `hang` or `crash` outcome and the run goes on
 * with the next job on a fresh process. Such a job is run once more before
 * its outcome counts: on a machine shared with other work, a stall of
 * seconds is not always the test's doing, and a flaky hang would fail the
 * comparison with the expectations. A worker is also replaced after
 * {@link JOBS_PER_WORKER} jobs, because every `vm` context leaves some memory
 * behind that only the end of the process returns (about 150 MB after 1,600
 * runs, since the `import()` hooks stopped holding their realms,
 * module-graph.ts). Not more often: a new worker spends about 0.8 s of CPU
 * time loading its modules, the compiler among them; at 400 jobs each, the
 * 46 workers of a pass over the selection spent 37 s doing that.
 *
 * The step limit is far above any test's need (they take milliseconds) and
 * above the script timeout inside the worker (execution.ts), which catches
 * the ordinary endless loop without a new process. It starts once the worker
 * says it is ready: loading the compiler takes seconds on a busy machine and
 * belongs to no test. Until then the limit is {@link START_LIMIT_MS}.
 *
 * ## References
 *
 * Node.js `child_process.fork`; ./protocol.ts.
 */
import { fork, type ChildProcess } from 'child_process';
import * as path from 'path';
import type { Mode } from './mode';
import { fail, type Outcome } from './outcome';
import type { Job, WorkerMessage } from './protocol';
import type { Translation } from './translation';

export interface RunRecord {
  readonly path: string;
  readonly mode: Mode;
  readonly native: Outcome;
  /** Absent when the native run did not pass: the lowered one is not run then. */
  readonly lowered: Outcome | undefined;
}

export interface PoolOptions {
  readonly workers: number;
  readonly testDirectory: string;
  readonly harnessDirectory: string;
  /** How long a worker may stay silent within a job. Default {@link STEP_LIMIT_MS}. */
  readonly stepLimitMs?: number;
  /** Called once per finished job, in completion order. */
  readonly onRecord?: (record: RunRecord) => void;
}

export const STEP_LIMIT_MS = 20_000;
/** How long a new worker may take to load its modules. */
export const START_LIMIT_MS = 120_000;
const JOBS_PER_WORKER = 1000;

/** From `src/` (ts-jest) and from `dist/` alike: the worker always runs built. */
const WORKER_FILE = path.resolve(__dirname, '..', 'dist', 'worker.js');
const WORKER_FLAGS = ['--experimental-vm-modules', '--expose-gc', '--no-warnings'];

export function runInWorkers(jobs: readonly Omit<Job, 'id'>[], options: PoolOptions): Promise<RunRecord[]> {
  const records: RunRecord[] = new Array(jobs.length);
  if (jobs.length === 0) return Promise.resolve(records);
  return new Promise((resolve) => {
    let taken = 0;
    let finished = 0;
    const retries: Job[] = [];
    const retried = new Set<number>();
    const take = (): Job | undefined => retries.shift() ?? (taken < jobs.length ? { id: taken, ...jobs[taken++] } : undefined);
    const complete = (job: Job, record: RunRecord): void => {
      if (wasStopped(record) && !retried.has(job.id)) {
        retried.add(job.id);
        retries.push(job);
        return;
      }
      records[job.id] = record;
      options.onRecord?.(record);
      if (++finished === jobs.length) resolve(records);
    };
    const slots = Math.max(1, Math.min(options.workers, jobs.length));
    for (let index = 0; index < slots; index++) new WorkerSlot(take, complete, options).runNext();
  });
}

function wasStopped(record: RunRecord): boolean {
  return [record.native, record.lowered].some((outcome) => outcome?.status === 'fail' && (outcome.failure.stage === 'hang' || outcome.failure.stage === 'crash'));
}

interface JobInProgress {
  readonly job: Job;
  step: Translation['name'];
  native?: Outcome;
  lowered?: Outcome;
}

class WorkerSlot {
  private child: ChildProcess | undefined;
  private current: JobInProgress | undefined;
  private timer: NodeJS.Timeout | undefined;
  private jobsOnChild = 0;
  private childReady = false;

  constructor(
    private readonly take: () => Job | undefined,
    private readonly complete: (job: Job, record: RunRecord) => void,
    private readonly options: PoolOptions,
  ) {}

  runNext(): void {
    const job = this.take();
    if (job === undefined) {
      this.retire();
      return;
    }
    // Known to fail natively: there is nothing to run.
    if (job.native && job.native.status !== 'pass') {
      this.complete(job, { path: job.path, mode: job.mode, native: job.native, lowered: undefined });
      this.runNext();
      return;
    }
    if (this.jobsOnChild >= JOBS_PER_WORKER) this.retire();
    const child = this.child ?? this.spawn();
    this.jobsOnChild++;
    this.current = job.native ? { job, step: 'lowered', native: job.native } : { job, step: 'native' };
    this.arm();
    child.send(job);
  }

  private spawn(): ChildProcess {
    const child = fork(WORKER_FILE, [this.options.testDirectory, this.options.harnessDirectory], {
      execArgv: WORKER_FLAGS,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message: WorkerMessage) => {
      if (child === this.child) this.receive(message);
    });
    child.on('exit', (code, signal) => {
      if (child !== this.child) return;
      this.child = undefined;
      if (this.current !== undefined) this.lose('crash', `the worker process died (${signal ?? `exit code ${code}`})`);
    });
    child.on('error', () => {
      // 'exit' follows whenever the process existed; a failed send is reported there.
    });
    this.child = child;
    this.jobsOnChild = 0;
    this.childReady = false;
    return child;
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'ready') {
      this.childReady = true;
      if (this.current !== undefined) this.arm();
      return;
    }
    const current = this.current;
    if (current === undefined || message.id !== current.job.id) return;
    this.arm();
    if (message.kind === 'started') current.step = message.translation;
    else if (message.kind === 'outcome') current[message.translation] = message.outcome;
    else this.finish();
  }

  /** The job's current step gets `stage`, its process is ended, and the slot moves on. */
  private lose(stage: 'hang' | 'crash', message: string): void {
    const current = this.current!;
    current[current.step] = fail(stage, message);
    const child = this.child;
    this.child = undefined;
    child?.kill('SIGKILL');
    this.finish();
  }

  private finish(): void {
    clearTimeout(this.timer);
    const current = this.current!;
    this.current = undefined;
    const { job } = current;
    this.complete(job, { path: job.path, mode: job.mode, native: current.native!, lowered: current.lowered });
    this.runNext();
  }

  private arm(): void {
    const limit = this.childReady ? (this.options.stepLimitMs ?? STEP_LIMIT_MS) : START_LIMIT_MS;
    const message = this.childReady ? `no answer from the worker for ${limit / 1000} s` : `the worker did not start within ${limit / 1000} s`;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lose('hang', message), limit);
  }

  private retire(): void {
    const child = this.child;
    this.child = undefined;
    child?.kill();
  }
}
