/**
 * The plugin under `tspc` on each TypeScript major it supports, side by side:
 * TypeScript 6 (the repository's `typescript`) and TypeScript 5 (5.9, which
 * the private package packages/typescript-5 installs in its own folder, so
 * that it does not replace the repository's `tsc`). ts-patch builds its patched
 * compiler from the TypeScript that TSP_COMPILER_TS_PATH names, and hands
 * that instance to the plugin; the same version's plain `tsc` makes the
 * native build. Both outputs run and must print the same, and the lowered
 * one has no generator or async function left.
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { assertPluginBuilt, CONSOLE_DECLARATION, makeProject, read, removeProject, REPO, TSPC, type Run } from './project';

const VERSIONS = [
  { major: 6, typescript: join(REPO, 'node_modules/typescript') },
  { major: 5, typescript: join(REPO, 'packages/typescript-5/node_modules/typescript') },
];

const PROGRAM = `${CONSOLE_DECLARATION}
function* countdown(from: number): Generator<number, void, undefined> {
  try {
    for (let n = from; n > 0; n--) yield n;
  } finally {
    console.log('countdown closed');
  }
}

async function double(value: Promise<number>): Promise<number> {
  return (await value) * 2;
}

async function* pairs(words: readonly string[]): AsyncGenerator<string> {
  for (const [index, word] of words.entries()) yield \`\${index}:\${await word}\`;
}

export async function main(): Promise<void> {
  for (const n of countdown(4)) if (n === 2) break; else console.log(n);
  const order: string[] = [];
  const doubled = double(Promise.resolve(21)).then((value) => order.push(\`double \${value}\`));
  Promise.resolve().then(() => order.push('tick 1')).then(() => order.push('tick 2'));
  await doubled;
  console.log(order.join(', '));
  for await (const pair of pairs(['a', 'b'])) console.log(pair);
}

void main();
`;

let project: string | undefined;
beforeAll(assertPluginBuilt);
afterEach(() => removeProject(project));

test.each(VERSIONS)('TypeScript $major: tspc lowers, and the output prints what plain tsc’s does', ({ major, typescript }) => {
  const version = (JSON.parse(read(typescript, 'package.json')) as { version: string }).version;
  expect(Number.parseInt(version, 10)).toBe(major);
  project = makeProject({ 'src/main.ts': PROGRAM });

  const env = { TSP_COMPILER_TS_PATH: typescript };
  expect(runNode([TSPC, '--version'], project, env).stdout).toContain(`Version ${version}`);
  expectSuccess(runNode([TSPC, '-p', project], project, env));
  const lowered = read(project, 'out/main.js');
  expect(lowered).not.toMatch(/\bfunction\s*\*|\basync\s+(function\b|\*|\()/);
  const printed = expectSuccess(runNode(['out/main.js'], project)).stdout;

  expectSuccess(runNode([join(typescript, 'bin/tsc'), '-p', project, '--outDir', 'native'], project));
  expect(read(project, 'native/main.js')).toMatch(/async function\*/);
  expect(printed).toBe(expectSuccess(runNode(['native/main.js'], project)).stdout);
  expect(printed).toBe('4\n3\ncountdown closed\ntick 1, double 42, tick 2\n0:a\n1:b\n');
});

function runNode(args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectSuccess(result: Run): Run {
  if (result.status !== 0) throw new Error(`exited with ${String(result.status)}\n${result.stdout}${result.stderr}`);
  return result;
}
