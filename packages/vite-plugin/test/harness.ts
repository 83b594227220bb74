/**
 * What the plugin's tests share: throw-away projects, and the real tools
 * (vite, rollup, node) run on them as child processes.
 *
 * A project is a temporary directory whose `node_modules` links the
 * packages a user's project would have installed (`@coro/*` from this
 * workspace, vite, rollup, rolldown, vitest, esbuild, webpack), so configs import
 * `@coro/vite-plugin` and lowered code imports `@coro/runtime` exactly as in
 * an application. Each package is linked on its own rather than the whole
 * `node_modules`, so what the tools write there (`.vite`, `.vite-temp`)
 * stays in the project. Vite is ESM-only and Jest runs CommonJS, so Vite
 * always runs in a child process; so do node runs of built output.
 *
 * The tests need the build (`npm test` builds first): the plugin's dist
 * (CommonJS for Jest, ES modules for configs) and the runtime's.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../../..');
export const VITE = join(REPO, 'node_modules/vite/bin/vite.js');
export const ROLLUP = join(REPO, 'node_modules/rollup/dist/bin/rollup');
const TEST_SUPPORT = __dirname;

const LINKED_PACKAGES = ['@coro', 'vite', 'rollup', 'rolldown', 'vitest', 'esbuild', 'webpack'];
const BUILT_FILES = ['packages/vite-plugin/dist/index.js', 'packages/vite-plugin/dist/esm/index.js', 'packages/runtime/dist/esm/index.js'];

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function assertBuilt(): void {
  for (const file of BUILT_FILES) {
    if (!existsSync(join(REPO, file))) throw new Error(`${file} is missing: build first (npm test builds all packages)`);
  }
}

/** A new project holding `files` (an ES module package unless `package.json` is given). */
export function makeProject(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'coro-vite-plugin-'));
  writeFiles(root, { 'package.json': '{ "type": "module" }\n', ...files });
  linkPackages(root);
  return root;
}

/** A new project holding a copy of `example` (without its node_modules and build output). */
export function copyExample(example: string): string {
  const root = mkdtempSync(join(tmpdir(), 'coro-vite-plugin-'));
  cpSync(join(REPO, 'examples', example), root, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|dist)$/.test(source),
  });
  linkPackages(root);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export function removeProject(root: string | undefined): void {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
}

/** Every file under `root` (relative, sorted), for asserting what a build wrote. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return found.sort();
}

/** Runs node with `args` in `cwd`; resolves when it exits, whatever the status. */
export function node(args: readonly string[], cwd: string, options: { timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}

/** The vite command, `vite <args>`, run in `cwd`. */
export function vite(args: readonly string[], cwd: string): Promise<Run> {
  return node([VITE, ...args], cwd);
}

/** The rollup command, `rollup <args>`, run in `cwd`. */
export function rollup(args: readonly string[], cwd: string): Promise<Run> {
  return node([ROLLUP, ...args], cwd);
}

/**
 * Runs a page's module script in node, from a file or from a dev server's
 * URL, with the little of the DOM the page uses; resolves with what the page
 * wrote into `#output`.
 */
export function runPage(script: string, cwd: string): Promise<Run> {
  return node([join(TEST_SUPPORT, 'page-runner.mjs'), script], cwd);
}

/**
 * What a build wrote to stderr, less Rolldown's PLUGIN_TIMINGS note. That
 * note says how long plugins took on this machine at this moment (a loaded
 * CI machine gets it for a 50,000-line file), not that anything is wrong.
 */
export function buildProblems(stderr: string): string {
  return stderr.replace(/^.*\[PLUGIN_TIMINGS\][\s\S]*?^See https:\/\/rolldown\.rs\/\S+ for more details\.\n\n?/m, '');
}

/** Runs `tasks` at most `limit` at a time (vite builds are CPU-bound). */
export async function inBatches<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

function linkPackages(root: string): void {
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const name of LINKED_PACKAGES) symlinkSync(join(REPO, 'node_modules', name), join(root, 'node_modules', name), 'dir');
}
