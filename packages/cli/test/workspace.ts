/**
 * What the CLI tests share: a throw-away directory to run in, the built
 * `coro` run as a child process, and node run on what it wrote.
 *
 * The tests run the real `packages/cli/dist/cli.js`, as a user would, so they
 * need the build (`npm test` builds first). A workspace can link
 * `node_modules/@coro/runtime` to the repo's runtime, so lowered output that
 * imports or requires it resolves from the temp directory, for CommonJS and
 * ES modules alike (NODE_PATH would only serve `require`).
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

export const REPO = resolve(__dirname, '../../..');
export const CLI = join(REPO, 'packages/cli/dist/cli.js');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function assertCliBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${relative(REPO, CLI)} is missing: build first (npm test builds all packages)`);
}

export function makeWorkspace(files: Record<string, string>, options: { linkRuntime?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'coro-cli-'));
  for (const [path, text] of Object.entries(files)) writeFile(join(root, path), text);
  if (options.linkRuntime ?? true) {
    mkdirSync(join(root, 'node_modules/@coro'), { recursive: true });
    symlinkSync(join(REPO, 'packages/runtime'), join(root, 'node_modules/@coro/runtime'), 'dir');
  }
  return root;
}

export function removeWorkspace(root: string | undefined): void {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
}

/** Runs `node packages/cli/dist/cli.js …args` in `cwd`. */
export function coro(args: readonly string[], cwd: string): Run {
  return run([CLI, ...args], cwd);
}

/** Runs a JavaScript file with node, the way a user would run coro's output. */
export function node(file: string, cwd: string): Run {
  return run([file], cwd);
}

/**
 * Copies `from` to `to`, writing TypeScript files as JavaScript with only their
 * types removed: the native program that coro's output must behave like.
 */
export function writeNativeCopy(from: string, to: string): void {
  for (const path of listFiles(from)) {
    if (/\.d\.[mc]?ts$/.test(path)) continue;
    const text = readFileSync(join(from, path), 'utf8');
    if (/\.[mc]?ts$/.test(path)) {
      const javascript = ts.transpileModule(text, {
        fileName: path,
        compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.Preserve },
      }).outputText;
      writeFile(join(to, path.replace(/ts$/, 'js')), javascript);
    } else {
      writeFile(join(to, path), text);
    }
  }
}

/** Every file under `root`, relative to it, sorted. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(root, path));
    }
  };
  walk(root);
  return found.sort();
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function run(args: readonly string[], cwd: string): Run {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
