/**
 * The stack-trace oracle: for every runnable fixture whose code makes an
 * error, each error's frames in the fixture's own file, as
 * `node --enable-source-maps` prints them for the lowered output, are the
 * frames native prints for the input: the same line and column, frame for
 * frame.
 *
 * Each program runs in a worker thread of its own (`record-errors.js`), the
 * native input first; a fixture whose input makes no error of its own is
 * done there. An input that never names an error constructor (no `Error` in
 * its text) makes none of its own and is not run at all. The lowered output (`runtime: 'require'`, so the runtime's
 * frames are the runtime's files) sits beside the input with its source map,
 * which names the input: its frames come back under the input's path.
 * `await` callers (`at async …`) are compared too.
 *
 * TypeScript fixtures (native is their stripped JavaScript, another file),
 * coroutines (no native counterpart) and fixtures with a `knownGap` or
 * `nativeDiffers` (their runs differ on purpose) are not compared.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { transform } from '../src';
import { discoverFixtures, REPO_ROOT, type Fixture } from './fixture-catalog';

interface Frame {
  readonly async: boolean;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Per error the program made, its frames in the program's own file. */
type ErrorFrames = Frame[][];

interface Comparison {
  readonly native: ErrorFrames;
  readonly lowered: ErrorFrames | undefined;
}

const MADE_OUTSIDE_ASYNC =
  'an error made outside any async function (here in a thenable\'s `then`) and awaited later has no `at async` lines natively; lowered, each awaiting caller adds its line as the rejection passes (the runtime cannot tell where the error was made)';
const ITERATOR_FRAMES = 'the runtime calls next/return of the iterator for the loop or delegation: the user frame is where the lowered loop stands, not its head';

/**
 * Where the lowered frames still differ from native, and why. Their tests
 * are `test.failing`: the day one matches, its test fails until its entry
 * goes.
 */
const KNOWN_MISMATCHES = new Map<string, string>([
  ['async/await-thenable-throwing-then', MADE_OUTSIDE_ASYNC],
  [
    'async/first-await-throws-then-nested-call-suspends',
    'an error thrown in an `await` itself (its PromiseResolve reading a throwing `constructor`) has the awaiting frame at the operand natively; lowered at the `await`, where the call of `awaitValue` maps',
  ],
  ['async/for-await-return-method-checks', ITERATOR_FRAMES],
  ['generators/for-of-close-on-throw', ITERATOR_FRAMES],
  ['generators/for-of-no-close', ITERATOR_FRAMES],
]);

const RECORDER = path.join(__dirname, 'stack-trace-oracle', 'record-errors.js');
/** Two programs at a time: the machine's cores, not more. */
const CONCURRENCY = 2;

const fixtures = discoverFixtures().filter(
  (f) => f.options.execute && f.language === 'js' && !f.options.knownGap && !f.options.nativeDiffers && !f.id.startsWith('coroutines/'),
);
const comparisons = new Map<string, Comparison>();
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'coro-stack-oracle-'));
  // The lowered programs require @coro/runtime: the repository's, built.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const queue = [...fixtures];
  const next = async (): Promise<void> => {
    for (let fixture = queue.shift(); fixture; fixture = queue.shift()) comparisons.set(fixture.id, await compare(fixture));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, next));
}, 600_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test('some fixtures make errors of their own, so the oracle compares something', () => {
  expect([...comparisons.values()].filter((c) => c.lowered !== undefined).length).toBeGreaterThan(20);
});

describe.each(fixtures.map((f) => [f.id]))('%s', (id) => {
  const known = KNOWN_MISMATCHES.get(id);
  (known ? test.failing : test)(`the lowered frames are the native frames${known ? ` (known: ${known})` : ''}`, () => {
    const { native, lowered } = comparisons.get(id)!;
    // Nothing to compare passes, and so fails a known mismatch: its entry goes.
    if (lowered === undefined) return;
    expect(lowered.map(describeFrames)).toEqual(native.map(describeFrames));
  });
});

test('every known mismatch names a compared fixture', () => {
  expect([...KNOWN_MISMATCHES.keys()].filter((id) => !comparisons.has(id))).toEqual([]);
});

function describeFrames(frames: Frame[]): string[] {
  return frames.map((f) => `${f.async ? 'async ' : ''}${path.basename(f.file)}:${f.line}:${f.column}`);
}

async function compare(fixture: Fixture): Promise<Comparison> {
  const dir = path.join(root, fixture.id);
  fs.mkdirSync(dir, { recursive: true });
  const inputPath = path.join(dir, 'input.js');
  const input = fs.readFileSync(fixture.inputPath, 'utf8');
  if (!input.includes('Error')) return { native: [], lowered: undefined };
  fs.writeFileSync(inputPath, input);
  const native = await record(inputPath, inputPath);
  if (native.length === 0) return { native, lowered: undefined };
  const result = transform(input, { ...fixture.options.transform, filename: inputPath, runtime: 'require', sourceMap: true });
  if (!result.code || !result.map) throw new Error(`${fixture.id}: no lowering`);
  const map = { ...JSON.parse(result.map.toString()), sources: ['input.js'] };
  const loweredPath = path.join(dir, 'input.lowered.js');
  const inlineMap = Buffer.from(JSON.stringify(map)).toString('base64');
  fs.writeFileSync(loweredPath, `${result.code}\n//# sourceMappingURL=data:application/json;base64,${inlineMap}\n`);
  return { native, lowered: await record(loweredPath, inputPath) };
}

function record(program: string, userFile: string): Promise<ErrorFrames> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(RECORDER, { workerData: { program, userFile }, stdout: true, stderr: true });
    worker.once('message', (errors: ErrorFrames) => {
      resolve(errors);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
