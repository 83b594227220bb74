/**
 * The shared bad-input corpus (@coro/testkit) through a real `vite build`:
 * each input is the entry of its own build, and gets either a clear error at
 * the documented place, with nothing written, or a bundle that runs and
 * prints what the native input prints. Never a crash. Cases the compiler
 * does not meet yet (`knownFailure`) are `test.failing`, as the corpus asks.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { badInputs, type BadInput } from '@coro/testkit';
import { assertBuilt, buildProblems, inBatches, listFiles, makeProject, node, removeProject, vite, type Run } from './harness';

interface CaseBuild {
  readonly project: string;
  readonly build: Run;
}

const builds = new Map<string, CaseBuild>();

/**
 * Inputs Vite refuses before any plugin sees them, and what it says instead.
 * Vite 8 (Rolldown) will not load a file that is not UTF-8; the plugin's own
 * check, for hosts that decode such files with U+FFFD, is tested in
 * source-encoding.test.ts.
 */
const REFUSED_BY_VITE: Readonly<Record<string, RegExp>> = {
  'invalid-utf8': /Could not load src\/invalid-utf8\.js - stream did not contain valid UTF-8/,
};

/**
 * Inputs Vite builds with a warning of its own about the code as written, which it gives for the
 * native input too: Rolldown warns of every direct `eval`, and coro keeps the user's `eval` direct.
 */
const WARNED_BY_VITE: Readonly<Record<string, RegExp>> = {
  'direct-eval-in-generator': /^\S*\[EVAL\] \S*Use of direct `eval` function is strongly discouraged/,
};

/**
 * Codes that differ because Vite and Rollup read every `.js` file as an ES
 * module, which is strict code: there `with` is an early error (CORO1017)
 * before it is a construct coro refuses in a sloppy script (CORO1035).
 */
const CODE_IN_A_MODULE: Readonly<Record<string, number>> = { 'with-in-generator': 1017 };

const outputName = (input: BadInput) => input.filename.replace(/\.\w+$/, '.js');

async function buildCase(input: BadInput): Promise<CaseBuild> {
  const project = makeProject({
    'vite.config.mjs': `import coro from '@coro/vite-plugin';
export default { plugins: [coro()], build: { ssr: 'src/${input.filename}', outDir: 'out' } };
`,
    [`src/${input.filename}`]: input.bytes,
  });
  return { project, build: await vite(['build'], project) };
}

beforeAll(async () => {
  assertBuilt();
  const results = await inBatches(badInputs.map((input) => () => buildCase(input)), 2);
  badInputs.forEach((input, index) => builds.set(input.name, results[index]));
}, 120_000);

afterAll(() => {
  for (const { project } of builds.values()) removeProject(project);
});

function testOf(input: BadInput): jest.It {
  return input.knownFailure === undefined ? test : test.failing;
}

const titled = (input: BadInput, what: string) =>
  input.knownFailure === undefined ? `${input.name}: ${what}` : `${input.name}: ${what} (known failure: ${input.knownFailure})`;

for (const input of badInputs) {
  if (input.expect === 'diagnostic') {
    testOf(input)(titled(input, 'the build fails with the error at its place and writes nothing'), () => {
      const { project, build } = builds.get(input.name)!;
      const { line, column, code, message } = input.diagnostic;

      expect(build.status).toBe(1);
      expect(listFiles(join(project, 'out'))).toEqual([]);
      expect(build.stderr).toMatch(message);
      if (REFUSED_BY_VITE[input.name] !== undefined) {
        expect(build.stderr).toMatch(REFUSED_BY_VITE[input.name]);
        return;
      }
      // Vite prints Rollup's `loc`: a 1-based line and a 0-based column.
      const file = `${realpathSync(project)}/src/${input.filename}`;
      expect(build.stderr).toContain(`[plugin coro] ${file}:${line}:${column === undefined ? '' : `${column - 1}\n`}`);
      const expectedCode = CODE_IN_A_MODULE[input.name] ?? code;
      if (expectedCode !== undefined) expect(build.stderr).toContain(`CORO${expectedCode}: `);
      expect(build.stderr).not.toMatch(/Maximum call stack size exceeded/);
    });
  } else {
    testOf(input)(titled(input, 'the build succeeds and the bundle prints what the native input prints'), async () => {
      const { project, build } = builds.get(input.name)!;
      const warning = WARNED_BY_VITE[input.name];
      if (warning === undefined) expect(buildProblems(build.stderr)).toBe('');
      else expect(buildProblems(build.stderr)).toMatch(warning);
      expect(buildProblems(build.stderr)).not.toContain('coro');
      expect(build.status).toBe(0);

      const run = await node([join('out', outputName(input))], project);

      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(input.prints.map((line) => `${line}\n`).join(''));
    });
  }
}
