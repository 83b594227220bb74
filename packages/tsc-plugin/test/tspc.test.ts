/**
 * The plugin under the real `tspc` (ts-patch): each project is built twice,
 * with the plugin and with plain `tsc` (the native build), and both outputs
 * are run; they must print the same. What tsc does after the plugin (type
 * stripping, import elision, decorators, enums, namespaces, module
 * transforms, declaration emit) is checked on the files it wrote.
 */

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertPluginBuilt, CONSOLE_DECLARATION, listFiles, makeProject, node, read, removeProject, tsc, tspc } from './project';

let project: string | undefined;

beforeAll(assertPluginBuilt);
afterEach(() => removeProject(project));

const SHAPES_TS = `
export interface Shape { readonly sides: number }
export type Named = { name: string };
export const enum Unit { Centimetre = 10, Metre = 1000 }
export enum Colour { Red = 'red', Blue = 'blue' }
export class Polygon implements Shape {
  constructor(readonly sides: number, readonly name: string) {}
}
export function area(sides: number): number { return sides * sides; }
`;

const MAIN_TS = `
import { Polygon, area, Colour, Unit } from './shapes';
import type { Shape } from './shapes';
import { Named } from './shapes';

export let produced = 0;

/** The areas of polygons up to \`max\` sides. */
export function* areas(max: number): Generator<number, string> {
  for (let sides = 3; sides <= max; sides++) {
    produced++;
    yield area(sides) * Unit.Centimetre;
  }
  return 'done';
}

function* colours() { yield Colour.Red; yield* [Colour.Blue]; }
export { colours };

namespace Registry {
  export const prefix = 'shape:';
  export function* keys(shapes: readonly Shape[]) { for (const shape of shapes) yield prefix + shape.sides; }
}
namespace Registry {
  export function* all(named: Named[]) { yield* keys([new Polygon(4, 'square')]); for (const n of named) yield prefix + n.name; }
}

function logged(_target: object, key: string, _descriptor: PropertyDescriptor): void { console.log('decorated', key); }

class Gallery {
  private readonly shapes: Polygon[] = [];
  constructor(private readonly title: string) {}
  add(shape: Polygon): this { this.shapes.push(shape); return this; }
  @logged *describe(unit: Unit, filter?: Shape): Generator<string> {
    for (const shape of this.shapes) {
      if (filter && shape.sides !== filter.sides) continue;
      yield \`\${this.title}: \${shape.name} (\${shape.sides * unit})\`;
    }
  }
}

function* shadowing() {
  const area = (n: number) => -n;
  yield area(2);
}

const gallery = new Gallery('g').add(new Polygon(3, 'triangle')).add(new Polygon(4, 'square'));
console.log([...areas(5)], produced);
const it = areas(3);
it.next();
console.log(JSON.stringify(it.next()));
console.log([...colours()]);
console.log([...Registry.all([{ name: 'custom' }])]);
console.log([...gallery.describe(Unit.Metre)], [...gallery.describe(Unit.Centimetre, { sides: 4 })]);
console.log([...shadowing()]);
`;

/** Builds with the plugin into out/ and natively into out-native/, and runs `entry` from both. */
function buildBoth(root: string, entry: string, tspcArgs: readonly string[] = []): { lowered: string; native: string } {
  const built = tspc(root, tspcArgs);
  expect(built.stderr).toBe('');
  expect(built.stdout).toBe('');
  expect(built.status).toBe(0);
  const native = tsc(root, ['--outDir', 'out-native', ...tspcArgs]);
  expect(native.stdout + native.stderr).toBe('');
  const loweredRun = node([join('out', entry)], root);
  const nativeRun = node([join('out-native', entry)], root);
  expect(loweredRun.stderr).toBe('');
  expect(nativeRun.stderr).toBe('');
  expect(loweredRun.stdout).toBe(nativeRun.stdout);
  return { lowered: loweredRun.stdout, native: nativeRun.stdout };
}

function requiresOf(code: string): string[] {
  return [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]).sort();
}

test('a CommonJS program with imports, enums, namespaces and decorators runs as the native build does', () => {
  project = makeProject(
    { 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/shapes.ts': SHAPES_TS, 'src/main.ts': MAIN_TS },
    { compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true } },
  );

  const { lowered } = buildBoth(project, 'main.js');

  expect(lowered.split('\n')).toEqual([
    'decorated describe',
    '[ 90, 160, 250 ] 3',
    '{"value":"done","done":true}',
    "[ 'red', 'blue' ]",
    "[ 'shape:4', 'shape:custom' ]",
    "[ 'g: triangle (3000)', 'g: square (4000)' ] [ 'g: square (40)' ]",
    '[ -2 ]',
    '',
  ]);
  const main = read(project, 'out/main.js');
  expect(main).not.toMatch(/function\s*\*|\*\s*describe/);
  // The runtime import went through tsc's CommonJS transform like any import, and the
  // type-only imports were elided exactly as without coro.
  expect(requiresOf(main)).toEqual([...requiresOf(read(project, 'out-native/main.js')), '@coro/runtime'].sort());
  expect(main).not.toMatch(/^import /m);
  // Const enum members inside the lowered generators are inlined, as outside them.
  expect(main).toMatch(/\(0, shapes_1\.area\)\([^)]*\) \* 10 \/\* Unit\.Centimetre \*\//);
  expect(main).toContain('exports.produced++');
  // `export { colours }` still finds the declaration that replaced `function* colours`.
  const exportsOf = (code: string) => [...code.matchAll(/^exports\.(\w+) = /gm)].map((match) => match[1]).sort();
  expect(exportsOf(main)).toEqual(exportsOf(read(project, 'out-native/main.js')));
  expect(exportsOf(main)).toContain('colours');
  // Decorator metadata of the lowered method names the same types as without coro.
  const metadataOf = (code: string) => code.match(/__metadata\("design:[a-z]+", .*\)/g);
  expect(metadataOf(main)).toEqual(metadataOf(read(project, 'out-native/main.js')));
  expect(metadataOf(main)).toContain('__metadata("design:paramtypes", [Number, Object])');
  // Declarations come from the source, not from the lowered code.
  for (const file of ['main.d.ts', 'shapes.d.ts']) expect(read(project, join('out', file))).toBe(read(project, join('out-native', file)));
});

test('an anonymous default-exported generator or async function under CommonJS is exported by the name its wrapper declares', () => {
  project = makeProject({
    'src/globals.d.ts': CONSOLE_DECLARATION,
    'src/count.ts': 'export default function* (n: number) { for (let i = 0; i < n; i++) yield i; }\n',
    'src/twice.ts': 'export default async function (x: number) { await null; return x * 2; }\n',
    'src/main.ts': "import count from './count';\nimport twice from './twice';\nconsole.log([...count(3)]);\ntwice(2).then((value) => console.log(value));\n",
  });

  const { lowered } = buildBoth(project, 'main.js');

  expect(lowered).toBe('[ 0, 1, 2 ]\n4\n');
  expect(read(project, 'out/count.js')).toMatch(/^exports\.default = \$generator\$default;$/m);
});

test('enums in a lowered function, one across an await and one reading a machine variable, are the objects the native build makes', () => {
  // tsc's own enum emit asks its checker for the members' values and names, which it has not for a declaration coro rewrote.
  const levels = [
    'export async function levels(base: number) {',
    '  const Low = -1;',
    '  enum Level { Low, High = Low + 2, Name = "level" }',
    '  await null;',
    '  let scaled = "";',
    '  { const enum Scale { One = 1, Ten = One * 10 } enum Offset { Start = base, End = Start + 1 } scaled = `${Scale.Ten} ${Offset.End} ${Offset[Offset.End]}`; }',
    '  return [Level.High, Level[Level.High], Level.Name, Low, scaled].join(" ");',
    '}',
    'levels(5).then((text) => console.log(text));',
    '',
  ].join('\n');
  project = makeProject({ 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/levels.ts': levels });

  const { lowered } = buildBoth(project, 'levels.js');

  expect(lowered).toBe('2 High level -1 10 6 End\n');
});

test('a class with parameter properties declared in an async function, its fields assigned (useDefineForClassFields false), builds and runs', () => {
  const item = [
    'export async function describe(prefix: string) {',
    "  const suffix = await Promise.resolve('!');",
    '  class Item {',
    '    count = 1;',
    '    constructor(public readonly name: string) {}',
    '    describe() { return prefix + this.name + suffix + this.count; }',
    '  }',
    "  return new Item('x').describe();",
    '}',
    "describe('>').then((text) => console.log(text));",
    '',
  ].join('\n');
  project = makeProject({ 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/item.ts': item }, { compilerOptions: { useDefineForClassFields: false } });

  const { lowered } = buildBoth(project, 'item.js');

  expect(lowered).toBe('>x!1\n');
});

test('decorator metadata of classes declared in an async function and a generator names the imported and outer classes as the native build does', () => {
  const dep = 'export class Dep {}\nexport interface Options { verbose: boolean }\nexport namespace Models { export class User {} }\n';
  const main = [
    "import { Dep, Options, Models } from './dep';",
    'class Outer {}',
    'const recorded: string[] = [];',
    '(Reflect as unknown as { metadata: unknown }).metadata = (key: string, value: unknown) => (_target: object, member?: string) => {',
    "  const types = Array.isArray(value) ? value : [value];",
    "  recorded.push(`${member ?? 'class'} ${key} ${types.map((type) => (type as { name: string }).name).join(',')}`);",
    '};',
    'function member(_target: object, _key: string, _descriptor?: PropertyDescriptor): void {}',
    'function injectable(_target: Function): void {}',
    'export async function service(prefix: string) {',
    '  await null;',
    '  class Service {',
    '    @member handle(dep: Dep, options: Options, user: Models.User): Outer { return new Outer(); }',
    '    @member label!: string;',
    '    describe() { return prefix; }',
    '  }',
    '  return new Service().describe();',
    '}',
    'export function* controllers() {',
    '  yield 1;',
    '  {',
    '    @injectable class Controller { constructor(readonly dep: Dep, readonly outer: Outer) {} }',
    '    yield Controller.name;',
    '  }',
    '}',
    "service('s').then((text) => console.log(text, [...controllers()].join(' '), recorded.join('; ')));",
    '',
  ].join('\n');
  project = makeProject(
    { 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/dep.ts': dep, 'src/main.ts': main },
    { compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true } },
  );

  const { lowered } = buildBoth(project, 'main.js');

  expect(lowered).toBe(
    's 1 Controller handle design:returntype Outer; handle design:paramtypes Dep,Object,User; handle design:type Function; ' +
      'label design:type String; class design:paramtypes Dep,Outer\n',
  );
});

test('below ES2022, a class an async function binds reads its own private statics by its name from a lowered method, as the native build does', () => {
  const counter = [
    'function watched<T, V>(target: ClassAccessorDecoratorTarget<T, V>, _context: ClassAccessorDecoratorContext<T, V>) { return target; }',
    'export async function counters(start: number) {',
    '  await null;',
    '  class Counter {',
    '    static #made = start;',
    '    #count = 0;',
    '    static { Counter.#made++; }',
    '    static async made() { await null; return Counter.#made; }',
    '    async *ticks(n: number) { for (let i = 0; i < n; i++) { await null; yield ++this.#count + Counter.#made; } }',
    '  }',
    // Kept a declaration (in an arrow that returns it) for its decorator: the name the arrow returns is the binding around the class.
    '  class Ids {',
    '    @watched accessor last = 0;',
    '    static #next = start;',
    '    static *#take(n: number) { for (let i = 0; i < n; i++) yield Ids.#next++; }',
    '    static take(n: number) { return [...Ids.#take(n)]; }',
    '  }',
    '  const ticks: number[] = [];',
    '  for await (const tick of new Counter().ticks(2)) ticks.push(tick);',
    '  return [await Counter.made(), ...ticks, ...Ids.take(2)];',
    '}',
    'counters(10).then((values) => console.log(values.join(\' \')));',
    '',
  ].join('\n');
  project = makeProject({ 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/counter.ts': counter }, { compilerOptions: { target: 'es2020' } });

  const { lowered } = buildBoth(project, 'counter.js');

  expect(lowered).toBe('11 12 13 10 11\n');
});

const JSX_FILES = {
  'src/globals.d.ts': `${CONSOLE_DECLARATION}declare namespace JSX { type Element = string; interface IntrinsicElements { [tag: string]: unknown } }\n`,
  'src/h.ts': 'export function h(tag: string, _props: unknown, ...children: unknown[]): string {\n  return `<${tag}>${children.join("")}</${tag}>`;\n}\n',
};

const listTsx = (hModule: string) =>
  [
    `import { h } from '${hModule}';`,
    'export function* items<T>(values: readonly T[]): Generator<JSX.Element> {',
    '  for (const value of values) yield <li>{String(value)}</li>;',
    '}',
    'console.log(<ul>{[...items([1, 2])]}</ul>);',
    '',
  ].join('\n');

test('ES modules and TSX (nodenext, "type": "module") keep the runtime import as an import', () => {
  project = makeProject(
    { ...JSX_FILES, 'src/list.tsx': listTsx('./h.js') },
    { compilerOptions: { module: 'nodenext', jsx: 'react', jsxFactory: 'h' }, packageJson: { type: 'module' } },
  );

  const { lowered } = buildBoth(project, 'list.js');

  expect(lowered).toBe('<ul><li>1</li>,<li>2</li></ul>\n');
  const list = read(project, 'out/list.js');
  expect(list).toMatch(/^import \* as \$coro from "@coro\/runtime";$/m);
  expect(list).not.toMatch(/function\s*\*/);
});

test('TSX under CommonJS: the imported JSX factory is rewritten inside the lowered generator too', () => {
  project = makeProject({ ...JSX_FILES, 'src/list.tsx': listTsx('./h') }, { compilerOptions: { jsx: 'react', jsxFactory: 'h' } });

  const { lowered } = buildBoth(project, 'list.js');

  expect(lowered).toBe('<ul><li>1</li>,<li>2</li></ul>\n');
  expect(read(project, 'out/list.js')).toMatch(/return { value: \(0, h_1\.h\)\("li", null, String\(/);
});

test('the default runtime follows how tsc emits each file: import for modules, require or inline for scripts', () => {
  const files = {
    'src/globals.d.ts': CONSOLE_DECLARATION,
    'src/module.ts': "export function* one() { yield 'module'; }\nconsole.log([...one()]);\n",
    'src/script.ts': "function* two() { yield 'script'; }\nconsole.log([...two()]);\n",
  };
  project = makeProject(files);
  buildBoth(project, 'module.js');
  expect(node(['out/script.js'], project).stdout).toBe("[ 'script' ]\n");
  expect(read(project, 'out/module.js')).toMatch(/__importStar\(require\("@coro\/runtime"\)\)/);
  expect(read(project, 'out/script.js')).toMatch(/^var \$coro = require\("@coro\/runtime"\);$/m);
  removeProject(project);

  // An ES-module build: a script has nothing to import the runtime with, so the helpers are written in.
  project = makeProject(files, { compilerOptions: { module: 'esnext' }, packageJson: { type: 'module' } });
  buildBoth(project, 'module.js');
  expect(read(project, 'out/module.js')).toMatch(/^import \* as \$coro from "@coro\/runtime";$/m);
  expect(read(project, 'out/script.js')).not.toMatch(/(?:require\(|from|import\()\s*['"]@coro\/runtime/);
  rmSync(join(project, 'node_modules/@coro/runtime'));
  expect(node(['out/script.js'], project)).toMatchObject({ status: 0, stdout: "[ 'script' ]\n" });
});

test('runtime "inline" writes the runtime into the file: the output runs without @coro/runtime installed', () => {
  project = makeProject(
    { 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/main.ts': 'export function* pair() { yield 1; yield* [2]; }\nconsole.log([...pair()]);\n' },
    { plugin: { runtime: 'inline' } },
  );
  expect(tspc(project)).toMatchObject({ status: 0, stdout: '', stderr: '' });
  rmSync(join(project, 'node_modules/@coro/runtime'));

  expect(read(project, 'out/main.js')).not.toMatch(/(?:require\(|from|import\()\s*['"]@coro\/runtime/);
  expect(node(['out/main.js'], project)).toMatchObject({ status: 0, stdout: '[ 1, 2 ]\n', stderr: '' });
});

test('with target ES5, tsc downlevels the rest and has no generator left to lower itself', () => {
  project = makeProject(
    { 'src/globals.d.ts': CONSOLE_DECLARATION, 'src/shapes.ts': SHAPES_TS, 'src/main.ts': MAIN_TS },
    {
      compilerOptions: {
        target: 'es5',
        ignoreDeprecations: '6.0',
        downlevelIteration: true,
        lib: ['es2022'],
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    },
  );

  buildBoth(project, 'main.js');

  const main = read(project, 'out/main.js');
  expect(main).not.toContain('__generator');
  expect(read(project, 'out-native/main.js')).toContain('__generator');
});

test('comments: the licence header stays first, documentation stays on lowered and untouched declarations', () => {
  project = makeProject({
    'src/globals.d.ts': CONSOLE_DECLARATION,
    'src/label.ts': 'export function label(n: number): string { return `#${n}`; }\n',
    'src/main.ts': [
      '/*!',
      ' * Licence header',
      ' */',
      '',
      "import { label } from './label';",
      '',
      '/** Counts down. */',
      'export function* countdown(n: number) { while (n > 0) yield label(n--); }',
      '',
      'export class Shelf {',
      '  /** Untouched. */',
      '  plain(): number { return 1; }',
      '  /** Lowered. */',
      '  *items() { yield 1; } // after the method',
      '}',
      'console.log([...countdown(2)], [...new Shelf().items()]);',
      '',
    ].join('\n'),
  });

  buildBoth(project, 'main.js');

  const main = read(project, 'out/main.js');
  expect(main).toMatch(/^"use strict";\n\/\*!\n \* Licence header\n \*\/\n/);
  expect(main).toMatch(/\/\*\* Counts down\. \*\/\nfunction countdown\(/);
  expect(main).toMatch(/\/\*\* Untouched\. \*\/\n\s*plain\(\) \{/);
  expect(main).toMatch(/\/\*\* Lowered\. \*\/\n\s*items\(\) \{.*\} \/\/ after the method\n/);
});

test('a wrong plugin option is one tsc error; files that need lowering are not written, the others are', () => {
  project = makeProject(
    {
      'src/globals.d.ts': CONSOLE_DECLARATION,
      'src/lowered.ts': 'export function* g() { yield 1; }\n',
      'src/plain.ts': 'export const plain = 1;\n',
    },
    { plugin: { runtime: 'esm' } },
  );

  const built = tspc(project, ['--pretty', 'false']);

  expect(built.status).not.toBe(0);
  expect(built.stdout).toBe(`error TS991005: @coro/tsc-plugin: unknown runtime "esm"; use 'import', 'require' or 'inline'\n`);
  expect(listFiles(project, 'out')).toEqual(['lowered.d.ts', 'plain.d.ts', 'plain.js', 'plain.js.map']);
});

test('the coroutines option: the files its globs match (from the tsconfig directory) have coroutines, the others async functions', () => {
  const kind = (name: string): string =>
    `export async function ${name}(): Promise<string> { await null; return 'done'; }\n` +
    `const result: any = ${name}();\n` +
    `export const kind: string = result instanceof Promise ? 'async function' : 'coroutine ' + result.state + ' ' + result.result;\n`;
  project = makeProject(
    {
      'src/globals.d.ts': CONSOLE_DECLARATION,
      'src/jobs/work.ts': kind('work'),
      'src/jobs/legacy.ts': kind('legacy'),
      'src/plain.ts': kind('plain'),
      'src/main.ts': "import * as work from './jobs/work';\nimport * as legacy from './jobs/legacy';\nimport * as plain from './plain';\nconsole.log(work.kind, '|', legacy.kind, '|', plain.kind);\n",
    },
    { plugin: { coroutines: ['src/jobs/**', '!src/jobs/legacy.ts'] } },
  );

  const built = tspc(project);
  expect(built.stdout + built.stderr).toBe('');
  expect(built.status).toBe(0);

  const run = node(['out/main.js'], project);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('coroutine completed done | async function | async function\n');
});

test('the coroutineBudget option: looping coroutines take turns every that many iterations', () => {
  project = makeProject(
    {
      'src/spin.ts': [
        "import { scope } from '@coro/runtime/coroutines';",
        'const log: string[] = [];',
        'async function spin(name: string): Promise<void> { for (let i = 0; i < 4; i++) log.push(name + i); }',
        'async function main(): Promise<void> {',
        "  await scope(async (s) => { s.launch(() => spin('a')); s.launch(() => spin('b')); });",
        "  console.log(log.join(' '));",
        '}',
        'main();',
        '',
      ].join('\n'),
    },
    // The coroutine API's types name AbortSignal, which a project has from the DOM's lib (as here, with `console`) or @types/node.
    { plugin: { coroutines: ['src/**'], coroutineBudget: 2 }, compilerOptions: { lib: ['es2022', 'dom'] } },
  );

  const built = tspc(project);
  expect(built.stdout + built.stderr).toBe('');
  expect(built.status).toBe(0);
  expect(node(['out/spin.js'], project)).toEqual({ status: 0, stdout: 'a0 a1 b0 b1 a2 a3 b2 b3\n', stderr: '' });
});

test('the at async lines of lowered code name the file from the tsconfig directory: the output holds no path of the machine it was built on', () => {
  project = makeProject({
    'src/globals.d.ts': CONSOLE_DECLARATION,
    'src/fail.ts':
      "async function inner(): Promise<never> { await null; throw new Error('boom'); }\n" +
      'async function outer(): Promise<void> { await inner(); }\n' +
      "outer().catch((error: Error) => console.log(String(error.stack).split('\\n').filter((line) => line.includes('at async')).join('\\n')));\n",
  });

  const built = tspc(project);
  expect(built.stdout + built.stderr).toBe('');
  expect(built.status).toBe(0);

  expect(read(project, 'out/fail.js')).not.toContain(project);
  const run = node(['out/fail.js'], project);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('    at async outer (src/fail.ts:2:41)\n');
});
