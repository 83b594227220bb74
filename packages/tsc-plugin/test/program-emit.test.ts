/**
 * The plugin from code: `program.emit(…, { before: [coroTransformer(…)] })`
 * with TypeScript's real API (the call ts-loader's `getCustomTransformers`
 * makes), where diagnostics go, which TypeScript does the work, and what it
 * refuses.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { coroTransformer, CoroDiagnosticsError, DIAGNOSTIC_CODE_OFFSET } from '@coro/tsc-plugin';
import { assertPluginBuilt, CONSOLE_DECLARATION, makeProject, node, read, removeProject } from './project';

let project: string | undefined;

beforeAll(assertPluginBuilt);
afterEach(() => removeProject(project));

const GOOD_TS = [
  "import { label } from './label';",
  'export function* countdown(from: number): Generator<string> {',
  '  while (from > 0) yield label(from--);',
  '}',
  'console.log([...countdown(3)].join(" "));',
  '',
].join('\n');
const LABEL_TS = 'export function label(n: number): string { return `#${n}`; }\n';
/** Bad with the option `evalAndWith: 'refuse'`, which these tests hand the plugin: direct eval in a generator. */
const BAD_TS = ['export function* evaluate(code: string) {', '  yield 1;', '  eval(code);', '}', ''].join('\n');

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  rootDir: 'src',
  outDir: 'out',
  declaration: true,
  sourceMap: true,
  strict: true,
  lib: ['lib.es2022.d.ts'],
  types: [],
};

function createProgram(root: string, typescript: typeof ts = ts): ts.Program {
  const files = ['globals.d.ts', 'good.ts', 'label.ts', 'bad.ts'].map((file) => join(root, 'src', file));
  return typescript.createProgram(files, { ...OPTIONS, rootDir: join(root, 'src'), outDir: join(root, 'out') });
}

/** A `writeFile` that keeps what tsc writes, by path relative to the project. */
function collector(root: string): { written: Map<string, string>; writeFile: ts.WriteFileCallback } {
  const written = new Map<string, string>();
  return {
    written,
    writeFile: (fileName, text) => {
      written.set(relative(root, fileName), text);
      mkdirSync(dirname(fileName), { recursive: true });
      writeFileSync(fileName, text);
    },
  };
}

beforeEach(() => {
  project = makeProject({ 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/good.ts': GOOD_TS, 'src/label.ts': LABEL_TS, 'src/bad.ts': BAD_TS });
});

test('with addDiagnostic: the good files are lowered and run, the bad one is reported and not written', () => {
  const program = createProgram(project as string);
  const diagnostics: ts.Diagnostic[] = [];
  const { written, writeFile } = collector(project as string);

  const result = program.emit(undefined, writeFile, undefined, false, {
    before: [coroTransformer(program, { runtime: 'require', evalAndWith: 'refuse' }, { ts, addDiagnostic: (diagnostic) => diagnostics.push(diagnostic) })],
  });

  expect(result.emitSkipped).toBe(false);
  expect([...written.keys()].sort()).toEqual([
    'out/bad.d.ts',
    'out/good.d.ts',
    'out/good.js',
    'out/good.js.map',
    'out/label.d.ts',
    'out/label.js',
    'out/label.js.map',
  ]);
  expect(written.get('out/good.js')).toContain('var $coro = require("@coro/runtime");');
  expect(node(['out/good.js'], project as string)).toMatchObject({ status: 0, stdout: '#3 #2 #1\n', stderr: '' });

  expect(diagnostics).toHaveLength(1);
  const [diagnostic] = diagnostics;
  expect(diagnostic.file).toBe(program.getSourceFile(join(project as string, 'src/bad.ts')));
  const { line, character } = ts.getLineAndCharacterOfPosition(diagnostic.file as ts.SourceFile, diagnostic.start as number);
  expect({ line: line + 1, column: character + 1, code: diagnostic.code, category: diagnostic.category }).toEqual({
    line: 3,
    column: 3,
    code: DIAGNOSTIC_CODE_OFFSET + 1003,
    category: ts.DiagnosticCategory.Error,
  });
  expect(diagnostic.messageText).toMatch(/^coro: direct eval/);
});

test('without addDiagnostic: the emit stops with an error naming file:line:col, with a code frame', () => {
  const program = createProgram(project as string);
  const { written, writeFile } = collector(project as string);

  let thrown: unknown;
  try {
    program.emit(program.getSourceFile(join(project as string, 'src/bad.ts')), writeFile, undefined, false, { before: [coroTransformer(program, { evalAndWith: 'refuse' })] });
  } catch (error) {
    thrown = error;
  }

  expect(thrown).toBeInstanceOf(CoroDiagnosticsError);
  const error = thrown as CoroDiagnosticsError;
  expect(error.message).toMatch(/src\/bad\.ts:3:3 - error TS991003: coro: direct eval/);
  expect(error.message).toContain('3   eval(code);');
  expect(error.message).not.toContain('\u001b[');
  expect(error.diagnostics).toHaveLength(1);
  expect(written.size).toBe(0);
});

test('ts.transform writes nothing, so a file cannot be withheld from it: the error is thrown even with addDiagnostic', () => {
  const sourceFile = ts.createSourceFile('bad.ts', BAD_TS, ts.ScriptTarget.ES2022, true);
  const addDiagnostic = jest.fn();

  expect(() => ts.transform(sourceFile, [coroTransformer(undefined, { evalAndWith: 'refuse' }, { ts, addDiagnostic })])).toThrow(/bad\.ts:3:3 - error TS991003/);
  expect(addDiagnostic).not.toHaveBeenCalled();
});

test('without evalAndWith, direct eval in a generator is lowered: the generator keeps its bindings as real variables', () => {
  const sourceFile = ts.createSourceFile('bad.ts', BAD_TS, ts.ScriptTarget.ES2022, true);
  const addDiagnostic = jest.fn();

  const result = ts.transform(sourceFile, [coroTransformer(undefined, { runtime: 'require' }, { ts, addDiagnostic })]);
  const text = ts.createPrinter().printFile(result.transformed[0]);

  expect(addDiagnostic).not.toHaveBeenCalled();
  expect(text).not.toContain('function*');
  expect(text).toContain('eval(code)');
});

test('the TypeScript handed over does the parsing: the new nodes are of its kind, and another copy is refused', () => {
  let other: typeof ts | undefined;
  jest.isolateModules(() => {
    other = require('typescript') as typeof ts;
  });
  const copy = other as typeof ts;
  expect(copy).not.toBe(ts);
  const program = createProgram(project as string, copy);
  const good = program.getSourceFile(join(project as string, 'src/good.ts')) as ts.SourceFile;
  let lowered: ts.SourceFile | undefined;
  const capture: ts.TransformerFactory<ts.SourceFile> = () => (sourceFile) => {
    lowered = sourceFile;
    return sourceFile;
  };

  program.emit(good, () => undefined, undefined, false, { before: [coroTransformer(program, { runtime: 'require' }, { ts: copy }), capture] });

  const made = (typescript: typeof ts) => Object.getPrototypeOf(typescript.createSourceFile('x.ts', 'function f() {}', typescript.ScriptTarget.ES2022).statements[0]) as object;
  const added = (lowered as ts.SourceFile).statements.filter((statement) => !good.statements.includes(statement));
  expect(added.length).toBeGreaterThan(0);
  for (const statement of added) {
    expect(Object.getPrototypeOf(statement)).toBe(made(copy));
    expect(Object.getPrototypeOf(statement)).not.toBe(made(ts));
  }

  expect(() => program.emit(good, () => undefined, undefined, false, { before: [coroTransformer(program, { runtime: 'require' }, { ts })] })).toThrow(
    /comes from another copy of TypeScript .* coroTransformer\(program, options, \{ ts \}\)/,
  );
});

test('a file another before transformer changed first is refused, not lowered from stale text', () => {
  const program = createProgram(project as string);
  const good = program.getSourceFile(join(project as string, 'src/good.ts')) as ts.SourceFile;
  const addStatement: ts.TransformerFactory<ts.SourceFile> = (context) => (sourceFile) =>
    context.factory.updateSourceFile(sourceFile, [...sourceFile.statements, context.factory.createExpressionStatement(context.factory.createNumericLiteral(0))]);
  const diagnostics: ts.Diagnostic[] = [];
  const { written, writeFile } = collector(project as string);

  program.emit(good, writeFile, undefined, false, {
    before: [addStatement, coroTransformer(program, {}, { ts, addDiagnostic: (diagnostic) => diagnostics.push(diagnostic) })],
  });

  expect([...written.keys()]).toEqual(['out/good.d.ts']);
  expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.messageText])).toEqual([
    [DIAGNOSTIC_CODE_OFFSET + 1005, expect.stringMatching(/changed by a transformer that runs before @coro\/tsc-plugin.*list @coro\/tsc-plugin first/)],
  ]);
  // Listed first, it lowers the file and the other transformer's change follows.
  written.clear();
  program.emit(good, writeFile, undefined, false, { before: [coroTransformer(program, {}, { ts }), addStatement] });
  expect(written.get('out/good.js')).toMatch(/\n0;\n/);
  expect(written.get('out/good.js')).not.toMatch(/function\s*\*/);
});

test('statements reordered in place inside code coro rewrites are refused, at the reordered list', () => {
  const outer = ['export function outer() {', '  const a = 1;', '  function* inner() { yield a; }', '  return [...inner()];', '}', ''].join('\n');
  writeFileSync(join(project as string, 'src/good.ts'), outer);
  const program = createProgram(project as string);
  const good = program.getSourceFile(join(project as string, 'src/good.ts')) as ts.SourceFile;
  // As ts-jest's hoisting does: the source's own statement list, sorted in place.
  const reverseInPlace: ts.TransformerFactory<ts.SourceFile> = () => (sourceFile) => {
    const body = (sourceFile.statements[0] as ts.FunctionDeclaration).body as ts.Block;
    (body.statements as unknown as ts.Statement[]).reverse();
    return sourceFile;
  };
  const diagnostics: ts.Diagnostic[] = [];

  program.emit(good, () => undefined, undefined, false, {
    before: [reverseInPlace, coroTransformer(program, {}, { ts, addDiagnostic: (diagnostic) => diagnostics.push(diagnostic) })],
  });

  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0].code).toBe(DIAGNOSTIC_CODE_OFFSET + 1005);
  expect(diagnostics[0].messageText).toMatch(/reordered the statements here \(as ts-jest does to hoist jest\.mock calls\)/);
  expect(diagnostics[0].start).toBe(outer.indexOf('{'));
});

test('TypeScript 7 has no API to run a plugin: it is refused, naming what to use instead', () => {
  for (const version of ['7.0.0', '7.1.0-dev.20270101']) {
    expect(() => coroTransformer(undefined, {}, { ts: { version } })).toThrow(
      `@coro/tsc-plugin: TypeScript ${version} has no JavaScript compiler API, so it cannot run transformer plugins. ` +
        'Lower suspend functions with `coro transpile` (package @coro/cli) or with `@coro/vite-plugin` instead, ' +
        'or build with TypeScript 6 or 5 (npm install --save-dev typescript@~6.0.3, or typescript@~5.9.3).',
    );
  }
  expect(() => coroTransformer(undefined, {}, { ts: {} })).toThrow('what it was handed as TypeScript has no version');
  expect(() => coroTransformer(undefined, {}, { ts: { version: '4.9.5' } })).toThrow(
    '@coro/tsc-plugin: TypeScript 4.9.5 is older than coro supports; build with TypeScript 5 or 6.',
  );
});

test('options are checked: a wrong value or an unknown key is an error, ts-patch keys are ignored', () => {
  expect(() => coroTransformer(undefined, { runtime: 'esm' })).toThrow(`@coro/tsc-plugin: unknown runtime "esm"; use 'import', 'require' or 'inline'`);
  expect(() => coroTransformer(undefined, { evalAndWith: 'allow' })).toThrow(`@coro/tsc-plugin: unknown evalAndWith "allow"; use 'lower' or 'refuse'`);
  expect(() => coroTransformer(undefined, { runtme: 'inline' })).toThrow("@coro/tsc-plugin: unknown option 'runtme'; the options are: runtime, coroutines, coroutineBudget, evalAndWith");
  expect(() => coroTransformer(undefined, { coroutineBudget: -5 })).toThrow('@coro/tsc-plugin: coroutineBudget must be a whole number of loop iterations above 0, such as 1000; got -5');
  expect(() => coroTransformer(undefined, { coroutines: 7 })).toThrow("@coro/tsc-plugin: coroutines must be a glob or an array of globs, such as 'src/**'; got 7");
  expect(() => coroTransformer(undefined, 'inline')).toThrow('@coro/tsc-plugin: options must be an object, not "inline"');
  expect(() => coroTransformer(undefined, { transform: '@coro/tsc-plugin', import: 'default', isEsm: false, runtime: 'inline' })).not.toThrow();
});

test('decorated generator and async methods under legacy decorators and their metadata: the output prints what tsc alone emits', () => {
  const source = [
    'const seen: string[] = [];',
    '(Reflect as any).metadata = (key: string, value: any) => (_target: object, member?: string) => {',
    "  if (key === 'design:returntype') seen.push(`${member} returns ${value === undefined ? 'undefined' : value.name}`);",
    '};',
    'function Get(path: string) {',
    '  return (_target: object, key: string, descriptor: PropertyDescriptor) => {',
    '    const method = descriptor.value;',
    '    seen.push(`${path} ${key} ${Object.getPrototypeOf(method).constructor.name}`);',
    '    descriptor.value = function (this: unknown, ...args: unknown[]) { seen.push(`call ${key}`); return method.apply(this, args); };',
    '  };',
    '}',
    'function Param(name: string) { return (_target: object, key: string, index: number) => { seen.push(`param ${name} ${key} ${index}`); }; }',
    'class Controller {',
    "  @Get(':id') async findOne(@Param('id') id: string): Promise<string> { await null; return 'one ' + id; }",
    "  @Get('all') async findAll(@Param('q') q?: string) { await null; return ['all', q]; }",
    "  @Get('ids') *ids() { yield 1; yield 2; }",
    '}',
    'const controller = new Controller();',
    'seen.push([...controller.ids()].join());',
    "Promise.all([controller.findOne('7'), controller.findAll('x')]).then((values) => console.log([...seen, JSON.stringify(values)].join('\\n')));",
    '',
  ].join('\n');
  const root = makeProject({ 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/controller.ts': source });
  try {
    const options: ts.CompilerOptions = { ...OPTIONS, declaration: false, sourceMap: false, experimentalDecorators: true, emitDecoratorMetadata: true, rootDir: join(root, 'src') };
    const files = ['globals.d.ts', 'controller.ts'].map((file) => join(root, 'src', file));
    const run = (outDir: string, before: ts.TransformerFactory<ts.SourceFile>[]) => {
      const program = ts.createProgram(files, { ...options, outDir: join(root, outDir) });
      const { writeFile } = collector(root);
      expect(program.emit(undefined, writeFile, undefined, false, { before }).emitSkipped).toBe(false);
      return node([join(outDir, 'controller.js')], root);
    };
    const native = run('native', []);
    const program = ts.createProgram(files, { ...options, outDir: join(root, 'lowered') });
    const lowered = run('lowered', [coroTransformer(program, { runtime: 'require' })]);
    expect(native).toMatchObject({ status: 0, stderr: '' });
    expect(native.stdout).toContain('findAll returns Promise');
    expect(native.stdout).toContain(':id findOne AsyncFunction');
    expect(lowered).toMatchObject({ status: 0, stdout: native.stdout, stderr: '' });
    expect(read(root, 'lowered/controller.js')).toContain('linkDecoratedMethod(findAll$Frame');
  } finally {
    removeProject(root);
  }
});
