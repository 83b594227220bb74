/**
 * What the tsc-plugin tests share: a throw-away TypeScript project with the
 * plugin in its tsconfig, the real `tspc` (and plain `tsc`) run on it in a
 * child process, and node run on what they wrote.
 *
 * A project links `node_modules/@coro/tsc-plugin` and `@coro/runtime` to
 * this workspace, as an install would, so ts-patch resolves the plugin from
 * the project and the emitted code resolves the runtime. The plugin runs
 * from its build (`dist/`), which `npm test` makes first.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../../..');
export const PLUGIN = join(REPO, 'packages/tsc-plugin');
export const TSPC = join(REPO, 'node_modules/ts-patch/bin/tspc.js');
export const TSC = join(REPO, 'node_modules/typescript/bin/tsc');

/** What the test programs may print with: lib es2022 has no `console`. */
export const CONSOLE_DECLARATION = 'declare const console: { log(...values: unknown[]): void; error(...values: unknown[]): void };\n';

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ProjectOptions {
  /** Merged over the defaults (target es2022, CommonJS, src → out, strict, declarations, source maps). */
  readonly compilerOptions?: Record<string, unknown>;
  /** Keys of the plugin entry besides `transform`. */
  readonly plugin?: Record<string, unknown>;
  /** Written as the project's package.json. */
  readonly packageJson?: Record<string, unknown>;
}

export const DEFAULT_COMPILER_OPTIONS: Readonly<Record<string, unknown>> = {
  target: 'es2022',
  module: 'commonjs',
  rootDir: 'src',
  outDir: 'out',
  strict: true,
  lib: ['es2022'],
  types: [],
  declaration: true,
  sourceMap: true,
};

export function assertPluginBuilt(): void {
  const entry = join(PLUGIN, 'dist/index.js');
  if (!existsSync(entry)) throw new Error(`${relative(REPO, entry)} is missing: build first (npm test builds all packages)`);
}

/** A temp project: `files` under its root, a tsconfig with the plugin, the workspace packages linked. */
export function makeProject(files: Record<string, string | Uint8Array>, options: ProjectOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'coro-tsc-plugin-'));
  const tsconfig = {
    compilerOptions: {
      ...DEFAULT_COMPILER_OPTIONS,
      ...options.compilerOptions,
      plugins: [{ transform: '@coro/tsc-plugin', ...options.plugin }],
    },
    include: ['src'],
  };
  writeFile(join(root, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  if (options.packageJson !== undefined) writeFile(join(root, 'package.json'), JSON.stringify(options.packageJson));
  for (const [path, content] of Object.entries(files)) writeFile(join(root, path), content);
  linkWorkspacePackages(root, ['tsc-plugin', 'runtime']);
  return root;
}

/** Links `root/node_modules/@coro/<name>` to this workspace's package, as an install would. */
export function linkWorkspacePackages(root: string, names: readonly string[]): void {
  mkdirSync(join(root, 'node_modules/@coro'), { recursive: true });
  for (const name of names) symlinkSync(join(REPO, 'packages', name), join(root, 'node_modules/@coro', name), 'dir');
}

export function removeProject(root: string | undefined): void {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
}

/** `tspc -p <root> …args`: TypeScript with ts-patch's plugins, as a user runs it. */
export function tspc(root: string, args: readonly string[] = []): Run {
  return run([TSPC, '-p', root, ...args], root);
}

/** Plain `tsc` (which ignores transformer plugins): the native build to compare with. */
export function tsc(root: string, args: readonly string[] = []): Run {
  return run([TSC, '-p', root, ...args], root);
}

/** `node …args` in `cwd`. */
export function node(args: readonly string[], cwd: string): Run {
  return run(args, cwd);
}

export function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** Every file under `root/directory`, relative to it, sorted. */
export function listFiles(root: string, directory: string): string[] {
  const base = join(root, directory);
  if (!existsSync(base)) return [];
  const found: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else found.push(relative(base, child));
    }
  };
  walk(base);
  return found.sort();
}

function writeFile(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function run(args: readonly string[], cwd: string): Run {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
