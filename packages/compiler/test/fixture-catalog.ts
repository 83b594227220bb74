/**
 * The fixtures under `fixtures/<suite>/<case>/` and what their
 * `options.json` says: what the golden-fixture suite and the stack-trace
 * oracle both run (the keys are described in `fixtures.test.ts`).
 */
import * as fs from 'fs';
import * as path from 'path';

export type RuntimeMode = 'import' | 'require' | 'inline';

export interface TransformOptions {
  filename?: string;
  runtime?: RuntimeMode;
  sourceMap?: boolean;
  sourceType?: 'module' | 'script';
  [option: string]: unknown;
}

export interface FixtureOptions {
  knownGap: string | undefined;
  nativeDiffers: string | undefined;
  expectDiagnostics: boolean;
  execute: boolean;
  timeoutMs: number;
  /** For TypeScript input with decorators: which kind, downleveled by TypeScript when the input and the lowerings run. */
  decorators: 'standard' | 'legacy' | undefined;
  transform: TransformOptions;
}

export type InputLanguage = 'js' | 'ts' | 'jsx' | 'tsx';

const INPUTS = ['input.js', 'input.ts', 'input.jsx', 'input.tsx'];

export interface Fixture {
  /** `<suite>/<case>`, the test's name. */
  id: string;
  dir: string;
  inputPath: string;
  /** The input's language: TypeScript and JSX are transpiled (`jsx: react`) before they run natively. */
  language: InputLanguage;
  /** The input's path from the repository root, with `/`: what diagnostics name. */
  filename: string;
  options: FixtureOptions;
}

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const FIXTURES_ROOT = path.join(REPO_ROOT, 'fixtures');
const RUNNER_KEYS = new Set(['expectDiagnostics', 'execute', 'timeoutMs', 'knownGap', 'nativeDiffers', 'decorators']);

export function discoverFixtures(): Fixture[] {
  const found: Fixture[] = [];
  for (const suite of sortedDirectories(FIXTURES_ROOT)) {
    for (const name of sortedDirectories(path.join(FIXTURES_ROOT, suite))) {
      const dir = path.join(FIXTURES_ROOT, suite, name);
      const inputs = INPUTS.filter((file) => fs.existsSync(path.join(dir, file)));
      if (inputs.length === 0) continue;
      if (inputs.length > 1) throw new Error(`fixture ${suite}/${name} has more than one input: ${inputs.join(', ')}`);
      const inputPath = path.join(dir, inputs[0]);
      found.push({
        id: `${suite}/${name}`,
        dir,
        inputPath,
        language: path.extname(inputs[0]).slice(1) as InputLanguage,
        filename: path.relative(REPO_ROOT, inputPath).split(path.sep).join('/'),
        options: readOptions(dir, `${suite}/${name}`),
      });
    }
  }
  if (found.length === 0) throw new Error(`no fixtures under ${FIXTURES_ROOT}`);
  return found;
}

function sortedDirectories(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function readOptions(dir: string, id: string): FixtureOptions {
  const file = path.join(dir, 'options.json');
  const raw: Record<string, unknown> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const transform: TransformOptions = { sourceType: 'script', sourceMap: false };
  for (const [key, value] of Object.entries(raw)) {
    if (RUNNER_KEYS.has(key)) continue;
    if (key === 'runtime' || key === 'filename') {
      throw new Error(`${id}/options.json: '${key}' is chosen by the fixture runner`);
    }
    transform[key] = value;
  }
  return {
    knownGap: typeof raw.knownGap === 'string' ? raw.knownGap : undefined,
    nativeDiffers: typeof raw.nativeDiffers === 'string' ? raw.nativeDiffers : undefined,
    expectDiagnostics: raw.expectDiagnostics === true,
    execute: raw.execute !== false && raw.expectDiagnostics !== true,
    timeoutMs: typeof raw.timeoutMs === 'number' ? raw.timeoutMs : 5000,
    decorators: raw.decorators === 'standard' || raw.decorators === 'legacy' ? raw.decorators : undefined,
    transform,
  };
}
