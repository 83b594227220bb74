/**
 * The golden-fixture suite: every `fixtures/<suite>/<case>/` folder with an
 * `input.js`, `input.ts`, `input.jsx` or `input.tsx` is one `describe` block.
 *
 * A runnable fixture (the default) checks that
 * 1. the lowering (`runtime: 'require'`) is byte for byte the golden `output.js`,
 *    has no diagnostics, and is deterministic;
 * 2. the native input runs to its end and prints a non-empty trace;
 * 3. the golden `output.js` prints the same trace (with the real `@coro/runtime`);
 * 4. the `runtime: 'inline'` lowering prints the same trace, with nothing to require;
 * 5. both lowerings parse (also when `execute` is false, or a `knownGap` hides
 *    what running them would show): in the input's language, and as the
 *    JavaScript that runs, with no syntax error and no early error.
 *
 * An error fixture (`"expectDiagnostics": true` in `options.json`) checks that
 * the lowering produces no code and exactly the diagnostics of the golden
 * `diagnostics.json`; it has no `output.js`.
 *
 * With the transform option `"dumpIR": true` in `options.json`, the printed IR
 * of the lowering is also a golden, `ir.txt` (the notation of ir.ts).
 *
 * `options.json` holds transform options (passed to `transform` as they are)
 * plus these keys that belong to this runner:
 * - `expectDiagnostics` (boolean): an error fixture, see above;
 * - `execute` (boolean, default true): false for a fixture that only has a golden;
 * - `timeoutMs` (number): per-run budget, default 5000;
 * - `knownGap` (string): why the lowered trace still differs from native. Its
 *   two trace tests are `test.failing`: they pass while the gap is there and
 *   fail the day it closes, so the marker is removed with the fix.
 * - `decorators` (`"standard"` or `"legacy"`): TypeScript input with decorators,
 *   which Node cannot run: the input and the lowerings are transpiled to ES2022
 *   (standard decorators) or with `experimentalDecorators` and
 *   `emitDecoratorMetadata` (legacy ones), with generators and async functions
 *   left native either way.
 * - `nativeDiffers` (string): why Node's own trace is not the specification's
 *   (an engine that predates a spec change). The lowered traces are compared
 *   with the fixture's `expected-trace.txt`, written by hand from the spec,
 *   and a test checks that native still differs, so the marker goes when Node
 *   catches up.
 * The runner always sets `runtime` itself; inputs are classic scripts, so
 * `sourceType` defaults to `'script'`.
 *
 * Fixtures of the `coroutines` suite have no native counterpart (a native
 * async function has no cancellation, no scope, no scheduler): the golden
 * `output.js` runs in a Node process of its own (`./scheduled-execution`:
 * timers, `async_hooks`, unhandled rejections) and prints the hand-written
 * `expected-trace.txt`. Coroutines have no `runtime: 'inline'` form (one
 * scheduler per program), so only the `require` lowering is parsed and run.
 *
 * Goldens are written only with `CORO_UPDATE_FIXTURES=1` (`npm run fixtures:update`),
 * and then only the files whose content changed.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import * as ts from 'typescript';
import { callWithTimeout, execute, ExecutionResult } from '@coro/testkit';
import { runScheduled } from './scheduled-execution';
import { discoverFixtures, type Fixture, type InputLanguage, type RuntimeMode, type TransformOptions } from './fixture-catalog';

interface Diagnostic {
  message: string;
  category: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
}

interface TransformResult {
  code: string | null | undefined;
  map?: unknown;
  diagnostics: Diagnostic[];
  ir?: string;
}

interface Compiler {
  transform(code: string, options: TransformOptions): TransformResult;
}

const UPDATE = process.env.CORO_UPDATE_FIXTURES === '1';
const UPDATE_HINT = 'run `npm run fixtures:update` and read the new golden in the diff before committing it';
/** A transform takes milliseconds; one that loops forever must fail its fixture, not hang the run. */
const TRANSFORM_TIMEOUT_MS = 10_000;

const fixtures = discoverFixtures();

describe.each(fixtures.map((fixture) => [fixture.id, fixture] as const))('%s', (_id, fixture) => {
  const input = fs.readFileSync(fixture.inputPath, 'utf8');
  // Each lowering is made once and read by every test that checks it (a failed one is tried again by the next test).
  const lowerings = new Map<RuntimeMode, TransformResult>();
  const lowering = (runtime: RuntimeMode): TransformResult => {
    let result = lowerings.get(runtime);
    if (result === undefined) {
      result = lower(input, fixture, runtime);
      lowerings.set(runtime, result);
    }
    return result;
  };

  if (fixture.options.expectDiagnostics) {
    test('reports the diagnostics of diagnostics.json and produces no code', () => {
      const outputPath = path.join(fixture.dir, 'output.js');
      if (fs.existsSync(outputPath)) {
        throw new Error(`${fixture.id}: an error fixture has no output.js; delete ${outputPath}`);
      }
      const result = lower(input, fixture, 'require');
      if (result.code) {
        throw new Error(`${fixture.id}: expected no code for an error fixture, got:\n${result.code}`);
      }
      const diagnostics = result.diagnostics.map(normalizeDiagnostic);
      if (!diagnostics.some((diagnostic) => diagnostic.category === 'error')) {
        throw new Error(`${fixture.id}: expected at least one error diagnostic, got ${JSON.stringify(diagnostics)}`);
      }
      const golden = readOrUpdateGolden(fixture, 'diagnostics.json', `${JSON.stringify(diagnostics, null, 2)}\n`);
      expect(diagnostics).toEqual(JSON.parse(golden));
    });
    return;
  }

  test('lowers to the golden output.js', () => {
    const result = lowering('require');
    expect(formatDiagnostics(result.diagnostics)).toBe('');
    if (typeof result.code !== 'string' || result.code === '') {
      throw new Error(`${fixture.id}: transform produced no code`);
    }
    const again = lower(input, fixture, 'require');
    if (again.code !== result.code) throw new Error(`${fixture.id}: transform is not deterministic`);
    const golden = readOrUpdateGolden(fixture, 'output.js', result.code);
    expect(result.code).toBe(golden);
  });

  if (fixture.options.transform.dumpIR) {
    test('prints the golden IR (ir.txt)', () => {
      const result = lowering('require');
      if (typeof result.ir !== 'string' || result.ir === '') throw new Error(`${fixture.id}: transform printed no IR`);
      expect(result.ir).toBe(readOrUpdateGolden(fixture, 'ir.txt', result.ir));
    });
  }

  const coroutineSuite = fixture.id.startsWith('coroutines/');

  test('the require and inline lowerings parse, as the input language and as JavaScript', () => {
    for (const runtime of coroutineSuite ? (['require'] as const) : (['require', 'inline'] as const)) {
      const result = lowering(runtime);
      if (typeof result.code !== 'string' || result.code === '') throw new Error(`${fixture.id}: ${runtime} transform produced no code`);
      expect(syntaxErrors(result.code, fixture, runtime)).toEqual([]);
    }
  });

  if (!fixture.options.execute) return;

  if (coroutineSuite) {
    test('output.js, run with the scheduler, prints expected-trace.txt', () => {
      const outputPath = path.join(fixture.dir, 'output.js');
      if (!fs.existsSync(outputPath)) throw new Error(`${fixture.id}: output.js is missing; ${UPDATE_HINT}`);
      const trace = runScheduled(fs.readFileSync(outputPath, 'utf8'), fixture.filename, fixture.options.timeoutMs);
      expect(trace).toEqual(readExpectedTrace(fixture));
    });
    return;
  }

  let nativeRun: ExecutionResult | undefined;
  const native = (): ExecutionResult => (nativeRun ??= run(fixture, input, 'input'));

  test('native input runs to its end and prints', () => {
    const result = native();
    expect(result.outcome).not.toBe('timeout');
    expect(result.trace.length).toBeGreaterThan(0);
  });

  const traceTest = fixture.options.knownGap ? test.failing : test;
  const gap = fixture.options.knownGap ? ` (known gap: ${fixture.options.knownGap})` : '';
  const specified = fixture.options.nativeDiffers;
  const expectedTrace = (): string[] => (specified ? readExpectedTrace(fixture) : native().trace);
  const expected = specified ? 'the specified trace' : 'the native trace';

  if (specified) {
    test(`native still differs from expected-trace.txt (${specified})`, () => {
      expect(native().trace).not.toEqual(readExpectedTrace(fixture));
    });
  }

  traceTest(`output.js prints ${expected}${gap}`, () => {
    const outputPath = path.join(fixture.dir, 'output.js');
    if (!fs.existsSync(outputPath)) throw new Error(`${fixture.id}: output.js is missing; ${UPDATE_HINT}`);
    const lowered = run(fixture, fs.readFileSync(outputPath, 'utf8'), 'output');
    expect(lowered.trace).toEqual(expectedTrace());
  });

  traceTest(`the runtime: 'inline' lowering prints ${expected}${gap}`, () => {
    const result = lowering('inline');
    expect(formatDiagnostics(result.diagnostics)).toBe('');
    if (typeof result.code !== 'string') throw new Error(`${fixture.id}: inline transform produced no code`);
    const lowered = run(fixture, result.code, 'inline');
    expect(lowered.trace).toEqual(expectedTrace());
  });
});

/** The hand-written trace of a `nativeDiffers` or coroutine fixture, one line per trace line. */
function readExpectedTrace(fixture: Fixture): string[] {
  const file = path.join(fixture.dir, 'expected-trace.txt');
  if (!fs.existsSync(file)) throw new Error(`${fixture.id}: a nativeDiffers or coroutine fixture needs expected-trace.txt`);
  return fs.readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
}

let compiler: Compiler | undefined;

function loadCompiler(): Compiler {
  if (compiler === undefined) {
    try {
      compiler = require('@coro/compiler') as Compiler;
    } catch (error) {
      throw new Error(`cannot load @coro/compiler (build it first: npx turbo run build): ${String(error)}`);
    }
  }
  return compiler;
}

function lower(input: string, fixture: Fixture, runtime: RuntimeMode): TransformResult {
  const options: TransformOptions = { ...fixture.options.transform, filename: fixture.filename, runtime };
  // The inline output is checked as what it is for: a self-contained classic script.
  if (runtime === 'inline') options.sourceType = 'script';
  const compiler = loadCompiler();
  return callWithTimeout(() => compiler.transform(input, options), TRANSFORM_TIMEOUT_MS, `transform of ${fixture.id} (${runtime})`);
}

/**
 * Runs one variant of a fixture; TypeScript and JSX variants are transpiled first (JSX as `jsx: react`
 * calls, to the fixture's `@jsx` pragma when it has one), keeping native generators.
 */
function run(fixture: Fixture, code: string, variant: 'input' | 'output' | 'inline'): ExecutionResult {
  const runnable = fixture.language === 'js' ? code : stripTypes(code, fixture.filename, fixture.options.decorators);
  const filename = variant === 'input' ? fixture.filename : `${fixture.filename} (${variant})`;
  return execute(runnable, { filename, timeoutMs: fixture.options.timeoutMs });
}

/** By file name, decorator flavour and code: the syntax test and a run of the same lowering strip it once. */
const strippedTypes = new Map<string, string>();

function stripTypes(code: string, fileName: string, decorators?: 'standard' | 'legacy'): string {
  const key = `${fileName}\0${decorators ?? ''}\0${code}`;
  let stripped = strippedTypes.get(key);
  if (stripped === undefined) {
    stripped = transpileForNode(code, fileName, decorators);
    strippedTypes.set(key, stripped);
  }
  return stripped;
}

function transpileForNode(code: string, fileName: string, decorators?: 'standard' | 'legacy'): string {
  const output = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      // Below ESNext TypeScript downlevels standard decorators; ES2022 keeps generators and async functions.
      target: decorators === 'standard' ? ts.ScriptTarget.ES2022 : ts.ScriptTarget.ESNext,
      experimentalDecorators: decorators === 'legacy',
      emitDecoratorMetadata: decorators === 'legacy',
      module: ts.ModuleKind.ESNext,
      // The fixture is a sloppy classic script: no "use strict" may be added.
      alwaysStrict: false,
      ignoreDeprecations: '6.0',
      useDefineForClassFields: true,
      jsx: ts.JsxEmit.React,
      sourceMap: false,
    },
  });
  const diagnostics = output.diagnostics ?? [];
  if (diagnostics.length > 0) {
    const text = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n');
    throw new Error(`${fileName}: cannot strip types:\n${text}`);
  }
  return output.outputText;
}

/**
 * What keeps a lowering from loading. TypeScript's parser reads the output in
 * the input's language (it reads modules and TypeScript alike), then the
 * JavaScript that runs (types stripped); V8 compiles that JavaScript as the
 * classic script the runner executes, which adds the early errors TypeScript
 * leaves to its checker (`{ a = 1 }` outside a pattern, `__proto__` twice).
 */
function syntaxErrors(code: string, fixture: Fixture, runtime: RuntimeMode): string[] {
  const name = `${fixture.filename} (${runtime})`;
  const errors = parseErrors(code, name, SCRIPT_KINDS[fixture.language]);
  if (errors.length > 0) return errors;
  const javaScript = fixture.language === 'js' ? code : stripTypes(code, fixture.filename, fixture.options.decorators);
  if (fixture.language !== 'js') errors.push(...parseErrors(javaScript, name, ts.ScriptKind.JS));
  // A module would need `vm.SourceTextModule`, behind a flag in Node 20: TypeScript's parser reads those alone.
  const script = runtime === 'inline' || fixture.options.transform.sourceType !== 'module';
  if (script) {
    try {
      new vm.Script(javaScript, { filename: name });
    } catch (error) {
      errors.push(`V8: ${String(error)}`);
    }
  }
  return errors;
}

const SCRIPT_KINDS: Record<InputLanguage, ts.ScriptKind> = {
  js: ts.ScriptKind.JS,
  ts: ts.ScriptKind.TS,
  jsx: ts.ScriptKind.JSX,
  tsx: ts.ScriptKind.TSX,
};

function parseErrors(code: string, name: string, kind: ts.ScriptKind): string[] {
  const file = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, false, kind);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => {
    const { line, character } = file.getLineAndCharacterOfPosition(d.start);
    return `${ts.ScriptKind[kind]} ${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/**
 * In update mode writes `content` when it differs from the file and returns
 * it; otherwise returns the golden, failing when it is missing.
 */
function readOrUpdateGolden(fixture: Fixture, file: string, content: string): string {
  const goldenPath = path.join(fixture.dir, file);
  const exists = fs.existsSync(goldenPath);
  if (UPDATE) {
    if (!exists || fs.readFileSync(goldenPath, 'utf8') !== content) fs.writeFileSync(goldenPath, content);
    return content;
  }
  if (!exists) throw new Error(`${fixture.id}: ${file} is missing; ${UPDATE_HINT}`);
  return fs.readFileSync(goldenPath, 'utf8');
}

function normalizeDiagnostic(diagnostic: Diagnostic): Diagnostic {
  const { message, category, file, line, column } = diagnostic;
  return { message, category, file, line, column };
}

function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.file}:${d.line}:${d.column}: ${d.category}: ${d.message}`)
    .join('\n');
}
