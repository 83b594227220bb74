/**
 * No package has an import cycle: in every package under packages/, the
 * modules of src/, test/ and scripts/ import one another without ever coming
 * back to where they started. Type-only imports count: a cycle of types is a
 * cycle of concepts, whatever the emitted code keeps of it.
 *
 * The graph is dpdm's (a devDependency of the repository), run once over all
 * packages, each package's modules alone (an import of another package
 * leaves the graph, so cycles are per package), together with a two-module
 * cycle made here, which proves on every run that the tool still finds one.
 * dpdm's command line loads ES-module-only dependencies with `require`, which
 * Node 20 does unflagged from 20.19 on, so it runs in a child process: Jest's
 * module loader would refuse them.
 *
 * References:
 *   https://github.com/acrazing/dpdm (the command line, `--output`)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

const REPO = resolve(__dirname, '../../..');
/** Packages with modules of their own (packages/typescript-5 only installs a dependency). */
const PACKAGES = readdirSync(join(REPO, 'packages')).filter((name) =>
  ['src', 'test', 'scripts'].some((folder) => existsSync(join(REPO, 'packages', name, folder))),
);

/** No package may have a cycle; an entry here would have to say why its cycle is there. */
const ALLOWED_CYCLES: Readonly<Record<string, readonly string[]>> = {};

interface DpdmOutput {
  readonly entries: readonly string[];
  readonly circulars: readonly (readonly string[])[];
}

let probe: string;
let found: Map<string, string[]>;

beforeAll(() => {
  probe = mkdtempSync(join(tmpdir(), 'coro-import-cycles-'));
  writeFileSync(join(probe, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
  writeFileSync(join(probe, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
  const output = join(probe, 'dpdm.json');
  const ownModules = `^(${escapeRegExp(join(REPO, 'packages'))}/[^/]+/(src|test|scripts)/|${escapeRegExp(probe)}/)`;
  const run = spawnSync(
    process.execPath,
    [
      require.resolve('dpdm/lib/bin/dpdm.js'),
      ...['--no-tree', '--no-circular', '--no-warning', '--no-progress', '--include', ownModules, '--output', output],
      ...['packages/*/src/**/*.ts', 'packages/*/test/**/*.{ts,mjs}', 'packages/*/scripts/**/*.js', join(probe, '*.ts')],
    ],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`dpdm failed (${run.status ?? run.signal}):\n${run.stderr}`);
  const result = JSON.parse(readFileSync(output, 'utf8')) as DpdmOutput;
  found = new Map();
  for (const entry of result.entries) found.set(ownerOf(entry), []);
  for (const cycle of result.circulars) found.get(ownerOf(cycle[0]))?.push(cycleText(cycle));
  for (const cycles of found.values()) cycles.sort();
}, 120_000);

afterAll(() => rmSync(probe, { recursive: true, force: true }));

test('the tool finds a cycle where there is one', () => {
  expect(found.get('probe')).toEqual(['a.ts → b.ts → a.ts']);
});

test.each(PACKAGES)('%s has no import cycle beyond its allow-list', (name) => {
  expect(found.has(name)).toBe(true);
  expect(found.get(name)).toEqual([...(ALLOWED_CYCLES[name] ?? [])]);
});

test('the allow-list names only packages that exist', () => {
  expect(Object.keys(ALLOWED_CYCLES).filter((name) => !PACKAGES.includes(name))).toEqual([]);
});

/** `probe` for the probe's modules, else the package a module path (relative to the repository) is in. */
function ownerOf(path: string): string {
  const absolute = resolve(REPO, path);
  if (absolute.startsWith(probe + sep)) return 'probe';
  return relative(join(REPO, 'packages'), absolute).split(sep)[0];
}

/** A cycle as its package sees it, from its smallest path, so the text does not depend on where the search entered it. */
function cycleText(cycle: readonly string[]): string {
  const owner = ownerOf(cycle[0]);
  const root = owner === 'probe' ? probe : join(REPO, 'packages', owner);
  const paths = cycle.map((path) => relative(root, resolve(REPO, path)));
  const start = paths.indexOf([...paths].sort()[0]);
  const rotated = [...paths.slice(start), ...paths.slice(0, start)];
  return [...rotated, rotated[0]].join(' → ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
