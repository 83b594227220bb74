/**
 * How `coro` behaves towards a terminal: diagnostics in colour only when
 * standard error is a TTY or FORCE_COLOR asks for it, never with NO_COLOR
 * or FORCE_COLOR=0; and standard input that is a terminal is not waited on.
 * A real pseudo-terminal comes from util-linux `script`, so those tests run
 * on Linux only.
 */

import { spawnSync } from 'node:child_process';
import { assertCliBuilt, CLI, coro, makeWorkspace, removeWorkspace } from './workspace';

const BAD_JS = 'function* g() {\n  yield 2 +;\n}\n';
const ESCAPE = '\u001b[';

let workspace: string;

beforeAll(assertCliBuilt);
beforeEach(() => {
  workspace = makeWorkspace({ 'bad.js': BAD_JS }, { linkRuntime: false });
});
afterEach(() => removeWorkspace(workspace));

const onLinux = process.platform === 'linux' ? test : test.skip;

/** Runs coro with standard input, output and error on a pseudo-terminal; what the terminal showed, and the exit status. */
function coroOnTerminal(args: readonly string[], env: Record<string, string | undefined>): { shown: string; status: number | null } {
  const command = [process.execPath, CLI, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
    cwd: workspace,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { shown: result.stdout, status: result.status };
}

onLinux('a diagnostic on a terminal is in colour: cyan file, yellow position, red error, grey code', () => {
  const { shown, status } = coroOnTerminal(['transpile', 'bad.js', '-d', 'out'], {});

  expect(status).toBe(1);
  expect(shown).toContain(`${ESCAPE}36mbad.js${ESCAPE}39m:${ESCAPE}33m2:12${ESCAPE}39m - ${ESCAPE}31merror${ESCAPE}39m ${ESCAPE}90mCORO1001${ESCAPE}39m`);
});

onLinux('NO_COLOR turns colour off on a terminal, and so does FORCE_COLOR=0', () => {
  for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '0' }, { NO_COLOR: '1', FORCE_COLOR: '1' }]) {
    const { shown, status } = coroOnTerminal(['transpile', 'bad.js', '-d', 'out'], env);
    expect(status).toBe(1);
    expect(shown).toContain('bad.js:2:12 - error CORO1001: Expression expected.');
    expect(shown).not.toContain(ESCAPE);
  }
});

onLinux('without an input and with standard input on a terminal, coro does not wait for typing: exit 2', () => {
  const { shown, status } = coroOnTerminal(['transpile'], {});

  expect(status).toBe(2);
  expect(shown).toMatch(/coro: missing <file\|dir\|glob> to transpile; or pipe code into standard input/);
});

test('through a pipe there is no colour, unless FORCE_COLOR asks for it', () => {
  const plain = coro(['transpile', 'bad.js', '-d', 'out'], workspace, { env: { NO_COLOR: undefined } });
  expect(plain.status).toBe(1);
  expect(plain.stderr).toMatch(/^bad\.js:2:12 - error CORO1001: /);
  expect(plain.stderr).not.toContain(ESCAPE);

  const forced = coro(['transpile', 'bad.js', '-d', 'out'], workspace, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
  expect(forced.status).toBe(1);
  expect(forced.stderr).toContain(`${ESCAPE}31merror${ESCAPE}39m`);
  expect(forced.stdout).toBe('');
});
