/**
 * The differential fuzzer, in three parts:
 * 1. the program generator is deterministic, covers what it promises and only
 *    makes sound programs (checked natively, no compiler involved);
 * 2. the shrinker finds small programs, on a synthetic predicate and on a
 *    stand-in compiler with a known bug;
 * 3. the real check: 3000 programs from fixed seeds, native against lowered
 *    (`runtime: 'inline'` and `'require'`), on two threads. The seeds are split
 *    into tests so that a failure names its seed range; its message names the
 *    seed and holds the shrunk program and both traces. Replay one seed with
 *    `node scripts/fuzz.js --seed N --count 1`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  checkNative,
  closeCompiler,
  defaultThreadCount,
  FuzzPool,
  fuzzSeed,
  IsolatedTransform,
  summarizeVerdicts,
  wellFormedProblems,
  formatReport,
  generateProgram,
  printProgram,
  printProgramBody,
  programCost,
  Random,
  seedRange,
  shrinkFailure,
  shrinkProgram,
  type Transform,
} from '@coro/testkit/dist/fuzz';

const DIFFERENTIAL_SEEDS = 3000;
const SEEDS_PER_TEST = 250;
/** Shrinking the first failure of a range may take this long. */
const SHRINK_TIME_MS = 15_000;
/** A range stops at this many failing seeds: enough to see a pattern, and a broken compiler stays quick to report. */
const FAILURES_PER_RANGE = 5;
/** Checking a range takes seconds; a failing one is checked up to its fifth failure, then shrunk. */
const RANGE_TIMEOUT_MS = 120_000;

describe('Random', () => {
  test('is a pure function of its seed', () => {
    const draws = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.int(0, 1000));
    };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
  });

  test('stays within bounds and reaches both ends', () => {
    const random = new Random(1);
    const seen = new Set<number>();
    for (let index = 0; index < 1000; index++) seen.add(random.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });
});

describe('the program generator', () => {
  test('gives the same program for the same seed', () => {
    for (const seed of [1, 2, 99, 123456]) {
      expect(printProgram(generateProgram(seed))).toBe(printProgram(generateProgram(seed)));
    }
    expect(printProgram(generateProgram(1))).not.toBe(printProgram(generateProgram(2)));
  });

  test('only makes sound programs: 1000 seeds are well formed and run natively to their end, without unintended engine errors', () => {
    const problems: string[] = [];
    let lines = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const program = generateProgram(seed);
      for (const problem of wellFormedProblems(program)) problems.push(`seed ${seed}: ${problem}`);
      const check = checkNative(printProgram(program));
      lines += check.execution.trace.length;
      if (check.problem !== null) problems.push(`seed ${seed}: ${check.problem}`);
    }
    expect(problems).toEqual([]);
    // Programs that print almost nothing would test almost nothing.
    expect(lines / 1000).toBeGreaterThan(5);
  });

  test('covers every construct it promises within a few hundred seeds', () => {
    const sources = Array.from({ length: 300 }, (_, index) => printProgramBody(generateProgram(index + 1))).join('\n');
    const constructs: Record<string, RegExp> = {
      'for with let': /for \(let i\d+ = 0;/,
      'for-of over an array': /for \((const|let) [xy] of \[/,
      'for-of over a string': /for \((const|let) [xy] of '/,
      'for-of over a generator': /for \((const|let) [xy] of g\d\(/,
      'while with a counter': /while \(w\d+\+\+ </,
      'do-while': /\} while \(\+\+d\d+ </,
      'for-in': /for \(const k in \{/,
      'labelled loop': /L\d+: (for|while|do)/,
      'labelled block': /L\d+: \{/,
      'break to a label': /break L\d+;/,
      'continue to a label': /continue L\d+;/,
      'switch with default': /default:/,
      'try/catch/finally': /\} catch \((e|err)\) \{[^]*?\} finally \{/,
      'optional catch binding': /\} catch \{/,
      'throw': /throw new Error\('boom/,
      'throw in catch': /\} catch \((e|err)\) \{\n(\s+)log[^\n]*\n(\2[^\n]*\n)*?\2(if \([^\n]*\n\s+)?throw /,
      'yield in finally': /\} finally \{\n(\s+)(\S[^\n]*\n\1)*?yield /,
      'return in finally': /\} finally \{\n(\s+)(\S[^\n]*\n\1)*?(if \([^\n]*\n\s+)?return /,
      'return with a value': /return [^;]/,
      'yield in call arguments': /(log|pair)\([^;]*\(?yield\b/,
      'yield as a binary operand': /[+\-*<%] \(yield\b|\(yield[^)]*\) [+\-*<%=]/,
      'yield in a conditional': /\? (\(yield|yield)/,
      'yield in short-circuit': /(&&|\|\||\?\?) \(yield/,
      'yield in an array literal': /\[(yield|[^\]]*, yield)/,
      'yield in an object literal': /[abc]: yield/,
      'yield in a template literal': /\$\{yield/,
      'compound assignment of a yield': /[+\-*]= yield/,
      'logical assignment': /(\?\?=|\|\|=)/,
      'yield* to a generator': /yield\* g\d\(/,
      'yield* to an array': /yield\* \[/,
      'yield* used as a value': /= yield\* /,
      'closure pushed for later': /fns\.push\(\(\) =>/,
      'closure that assigns': /fns\.push\(\(\) => \([a-cpq] [+\-*?|]*=/,
      'shadowing declaration': /\{\n\s+(let|const) [abc] = [^\n]*\n[^]*?\{\n\s+(let|const) [abc] =/,
      'arguments': /arguments\.length/,
      'arguments in an arrow': /fns\.push\(\(\) => [^\n]*arguments\.length/,
      'local generator': /const h\d+ = function\* \(/,
      'yield* to a local generator': /yield\* h\d+\(/,
      'spread of an iterable': /\[\.\.\.(g\d|'|\[)|pair\(\.\.\./,
      'comma sequence with a yield': /\([^()]*, \(?yield\b/,
      'array destructuring of a generator': /(let|const) \[t\d+[^\]\n]*\] = g\d\(/,
      'object destructuring': /(let|const) \{ [abc]: t\d+/,
      'yield in a destructuring default': /[[{,] (?:[abc]: )?t\d+ = \(?yield/,
      'next(v) from a consumer': /step\('c\d it\d', it\d, 'next', \d/,
      'return(v) from a consumer': /'return', /,
      'throw(e) from a consumer': /'throw', new Error/,
      'two iterators interleaved': /const it1 =/,
      'spread': /\[\.\.\.g\d/,
      'Array.from': /Array\.from\(g\d/,
      'for-of with break': /if \(\+\+n >= \d\) break;/,
      'destructuring': /const \[v0, v1\] = g\d/,
      'closures called mid-run': /^\s+callFns\('c\d'\);/m,
    };
    const missing = Object.keys(constructs).filter((name) => !constructs[name].test(sources));
    expect(missing).toEqual([]);
  });
});

/** A "compiler" that leaves generators native but turns every `yield*` into `yield`: a known bug. */
const yieldStarToYield: Transform = (code) => ({ code: code.replace(/yield\*/g, 'yield'), diagnostics: [] });

describe('the shrinker', () => {
  test('removes everything a synthetic failure does not need', () => {
    const seed = [...seedRange(1, 200)].find((candidate) => /finally/.test(printProgramBody(generateProgram(candidate))));
    expect(seed).toBeDefined();
    const original = generateProgram(seed as number);
    const shrunk = shrinkProgram(original, (candidate) => /finally/.test(printProgramBody(candidate)));
    expect(shrunk.exhausted).toBe(false);
    expect(programCost(shrunk.program)).toBeLessThan(programCost(original));
    expect(printProgramBody(shrunk.program)).toMatch(/^function\* g\d\(\) \{\n {2}try \{\n {2}\} finally \{\n {2}\}\n\}\ncallFns\('end'\);\n$/);
  });

  test('shrinks a trace mismatch of a stand-in compiler to a few lines, and reports both traces', () => {
    const options = { transform: yieldStarToYield, requireLowering: false, modes: ['inline' as const] };
    const failing = [...seedRange(1, 300)].map((seed) => fuzzSeed(seed, options)).find((outcome) => outcome.failure !== null);
    expect(failing?.failure?.kind).toBe('trace-mismatch');
    const shrunk = shrinkFailure(failing!, options);
    const body = printProgramBody(shrunk.program);
    expect(body).toContain('yield*');
    expect(body.split('\n').length).toBeLessThanOrEqual(14);
    const report = formatReport(shrunk);
    expect(report).toContain(`seed ${failing!.seed} fails (trace-mismatch, runtime 'inline')`);
    expect(report).toContain(body.trim().split('\n')[0]);
    expect(report).toMatch(/Native trace:\n {4}\S/);
    expect(report).toMatch(/Lowered trace \(inline\):\n {4}\S/);
  });
});

describe('the isolated transform', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'coro-fuzz-test-'));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  const compilerModule = (name: string, source: string): string => {
    const file = path.join(directory, `${name}.js`);
    fs.writeFileSync(file, source);
    return file;
  };
  const options = { filename: 'a.js', runtime: 'inline' as const, sourceMap: false, sourceType: 'script' as const };

  test('returns what the compiler returns, and stops a compiler caught in an endless loop', () => {
    const isolated = new IsolatedTransform(
      compilerModule(
        'looping',
        `exports.transform = (code) => {
          while (code === 'hang') {}
          return { code: code + ';', diagnostics: [{ message: 'm', category: 'warning' }] };
        };`,
      ),
    );
    try {
      expect(isolated.call('a', options, 5000)).toEqual({
        kind: 'done',
        output: { code: 'a;', diagnostics: [{ message: 'm', category: 'warning', line: undefined, column: undefined, code: undefined }] },
      });
      const started = Date.now();
      expect(isolated.call('hang', options, 300)).toEqual({ kind: 'timeout' });
      expect(Date.now() - started).toBeLessThan(5000);
      // The next call gets a fresh worker.
      expect(isolated.call('b', options, 5000)).toMatchObject({ kind: 'done', output: { code: 'b;' } });
    } finally {
      isolated.close();
    }
  });

  test('reports what the compiler throws, and a compiler that does not load', () => {
    const throwing = new IsolatedTransform(compilerModule('throwing', `exports.transform = () => { throw new RangeError('no'); };`));
    const broken = new IsolatedTransform(compilerModule('broken', `throw new Error('cannot start');`));
    try {
      expect(throwing.call('a', options, 5000)).toMatchObject({ kind: 'threw', message: expect.stringContaining('RangeError: no') });
      expect(broken.call('a', options, 5000)).toMatchObject({ kind: 'unavailable', message: expect.stringContaining('cannot start') });
    } finally {
      throwing.close();
      broken.close();
    }
  });
});

describe('differential fuzzing of @coro/compiler', () => {
  // One pool for all ranges: each of its threads loads the compiler once.
  let pool: FuzzPool;
  beforeAll(() => {
    pool = new FuzzPool({ threads: Math.min(2, defaultThreadCount()), stopAfterFailures: FAILURES_PER_RANGE });
  });
  afterAll(async () => {
    await pool.close();
    closeCompiler();
  });

  const ranges: [number, number][] = [];
  for (let from = 1; from <= DIFFERENTIAL_SEEDS; from += SEEDS_PER_TEST) {
    ranges.push([from, Math.min(DIFFERENTIAL_SEEDS, from + SEEDS_PER_TEST - 1)]);
  }

  test.each(ranges)('seeds %i..%i: native and lowered programs print the same trace', async (from, to) => {
    const verdicts = await pool.check([...seedRange(from, to)]);
    const outcome = summarizeVerdicts(verdicts, { timeLimitMs: SHRINK_TIME_MS });
    if (outcome.report !== null) throw new Error(outcome.report);
    expect(outcome.checked).toBe(to - from + 1);
  }, RANGE_TIMEOUT_MS);
});
