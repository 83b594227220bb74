/**
 * What the CLI tests share: a throw-away directory to run in, the built
 * `coro` run as a child process (to completion, or left running for watch
 * mode), and node run on what it wrote.
 *
 * The tests run the real `packages/cli/dist/cli.js`, as a user would, so they
 * need the build (`npm test` builds first). A workspace can link
 * `node_modules/@coro/runtime` to the repo's runtime, so lowered output that
 * imports or requires it resolves from the temp directory, for CommonJS and
 * ES modules alike (NODE_PATH would only serve `require`). Children run
 * without colour unless a test asks for an environment of its own.
 */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

export function makeWorkspace(files: Record<string, string | Uint8Array>, options: { linkRuntime?: boolean } = {}): string {
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

export interface RunOptions {
  /** Piped into standard input; without it, standard input is an empty pipe. */
  readonly input?: string | Uint8Array;
  /** Replaces the colourless default environment's variables of the same name. */
  readonly env?: Record<string, string | undefined>;
}

/** Runs `node packages/cli/dist/cli.js …args` in `cwd`. */
export function coro(args: readonly string[], cwd: string, options: RunOptions = {}): Run {
  return run([CLI, ...args], cwd, options);
}

/** Runs a JavaScript file with node (and node's own options before it), the way a user would run coro's output. */
export function node(file: string, cwd: string, nodeOptions: readonly string[] = []): Run {
  return run([...nodeOptions, file], cwd);
}

/** A `coro` left running (watch mode), with what it has printed so far. */
export interface RunningCoro {
  readonly child: ChildProcess;
  stderr(): string;
  /** Resolves once stderr matches `pattern` (searching from `from`), with the index after the match; rejects after 15 s. */
  waitForStderr(pattern: RegExp, from?: number): Promise<number>;
  stop(): Promise<void>;
}

export function startCoro(args: readonly string[], cwd: string): RunningCoro {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: colourlessEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    for (const wake of waiters) wake();
  });
  child.on('exit', () => {
    for (const wake of waiters) wake();
  });
  return {
    child,
    stderr: () => stderr,
    waitForStderr: (pattern, from = 0) =>
      new Promise((resolve, reject) => {
        const finish = (settle: () => void): void => {
          waiters.delete(check);
          clearTimeout(timer);
          settle();
        };
        const check = (): void => {
          const found = pattern.exec(stderr.slice(from));
          if (found !== null) finish(() => resolve(from + found.index + found[0].length));
          else if (child.exitCode !== null || child.signalCode !== null) {
            finish(() => reject(new Error(`coro exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}; stderr:\n${stderr}`)));
          }
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`coro did not print ${pattern} within 15 s; stderr:\n${stderr}`))), 15_000);
        waiters.add(check);
        check();
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Polls `condition` until it holds; rejects with `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
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

function writeFile(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function colourlessEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined };
}

function run(args: readonly string[], cwd: string, options: RunOptions = {}): Run {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...colourlessEnv(), ...options.env },
    input: options.input ?? '',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
