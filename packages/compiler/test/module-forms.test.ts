/**
 * Forms only a module or a large file has, run for real: an anonymous
 * default-exported generator or async function (it needs a binding of its
 * own to be linked, and keeps the name "default"), the same with type parameters in
 * TypeScript (the binding's name goes before them), a module that declares
 * a global the inline runtime reads (`import Promise from 'bluebird'`), and
 * a file whose expression chains are far deeper than the call stack outside
 * any suspend function.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { transform } from '../src';

function runModules(files: Record<string, string>, entry: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coro-module-forms-'));
  for (const [name, code] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), code);
  return execFileSync(process.execPath, [path.join(dir, entry)], { encoding: 'utf8' });
}

test('export default function* () {}, async function* () {} and async function () {} are linked and keep the name "default"', () => {
  const lower = (source: string) => {
    const result = transform(source, { filename: 'lib.mjs', runtime: 'inline' });
    expect(result.diagnostics).toEqual([]);
    return result.code;
  };
  const printed = runModules(
    {
      'gen.mjs': lower('export default function* (n) { yield n; yield n + 1; }\n'),
      'agen.mjs': lower('export default async function* (n) { yield n; }\n'),
      'afn.mjs': lower('export default async function (n) { return (await n) * 2; }\n'),
      'afn-defaults.mjs': lower('export default async function (a, b = 1, c) { return a + b; }\n'),
      'main.mjs': [
        "import g from './gen.mjs';",
        "import ag from './agen.mjs';",
        "import af from './afn.mjs';",
        "import afd from './afn-defaults.mjs';",
        'console.log(g.name, [...g(5)].join(), Object.getPrototypeOf(g(1)) === g.prototype);',
        "const linked = (f) => [f.name, f.length, f.constructor.name, Object.prototype.toString.call(f)].join(' ');",
        'console.log(linked(af), linked(afd));',
        'const it = ag(7);',
        'it.next().then((r) => console.log(ag.name, r.value, Object.getPrototypeOf(it) === ag.prototype));',
        'af(4).then((v) => afd(v)).then(console.log);',
      ].join('\n'),
    },
    'main.mjs',
  );
  expect(printed).toBe(
    'default 5,6 true\ndefault 1 AsyncFunction [object AsyncFunction] default 1 AsyncFunction [object AsyncFunction]\ndefault 7 true\n9\n',
  );
});

test('an inline runtime reads the engine\'s Promise and Symbol where the module declares its own', () => {
  const lower = (source: string, filename: string) => {
    const result = transform(source, { filename, runtime: 'inline' });
    expect(result.diagnostics).toEqual([]);
    return result.code;
  };
  const program = [
    'async function load(x) { await null; return x * 2; }',
    'async function* pages() { yield await new Promise((resolve) => resolve(1)); yield await load(2); }',
    'function* ids() { yield typeof Symbol; }',
    'const pending = load(1);',
    'console.log(pending instanceof Promise, Object.getPrototypeOf(pending) === globalThis.Promise.prototype);',
    "(async () => { for await (const page of pages()) console.log(page, Promise.tag); console.log([...ids()].join()); })();",
  ].join('\n');
  const printed = runModules(
    {
      'bluebird.cjs': "class Bluebird extends Promise {}\nBluebird.tag = 'bluebird';\nmodule.exports = Bluebird;\n",
      // In a module the imported binding is initialized before the body runs, so the runtime would take it for the global.
      'esm.mjs': lower(`import Promise from './bluebird.cjs';\nconst Symbol = 'own';\n${program}\n`, 'esm.mjs'),
      // In CommonJS the `const` is in its dead zone when the runtime at the top runs.
      'cjs.cjs': lower(`const Promise = require('./bluebird.cjs');\nconst Symbol = 'own';\n${program}\n`, 'cjs.cjs'),
      'main.mjs': "await import('./esm.mjs');\nawait new Promise((resolve) => setTimeout(resolve, 10));\nawait import('./cjs.cjs');\n",
    },
    'main.mjs',
  );
  const once = 'false true\n1 bluebird\n4 bluebird\nstring\n';
  expect(printed).toBe(once + once);
});

test('generic anonymous default exports in TypeScript are named before their type parameters, and run', () => {
  const lower = (source: string) => {
    const result = transform(source, { filename: 'lib.mts', runtime: 'inline' });
    expect(result.diagnostics).toEqual([]);
    expect(result.code).not.toMatch(/function\s*<[^>]*>\s*\$/);
    return ts.transpileModule(result.code, { fileName: 'lib.mts', compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ESNext } }).outputText;
  };
  const printed = runModules(
    {
      'gen.mjs': lower('export default function* <T>(n: T) { yield n; }\n'),
      'agen.mjs': lower('export default async function* <T extends number>(n: T) { yield await n; }\n'),
      'afn.mjs': lower('export default async function <T>(n: T): Promise<T> { return await n; }\n'),
      'arrow.mjs': lower('export default async <T,>(n: T) => await n;\n'),
      'main.mjs': [
        "import g from './gen.mjs';",
        "import ag from './agen.mjs';",
        "import af from './afn.mjs';",
        "import arrow from './arrow.mjs';",
        'console.log(g.name, [...g(5)].join(), ag.name, af.name);',
        'ag(7).next().then((r) => af(r.value + 1)).then((v) => arrow(v + 1)).then(console.log);',
      ].join('\n'),
    },
    'main.mjs',
  );
  expect(printed).toBe('default 5 default default\n9\n');
});

test('a 10,000-term expression outside any suspend function does not overflow the compiler', () => {
  const chain = Array.from({ length: 10_000 }, (_, i) => `a${i % 7}`).join(' + ');
  const source = `var a0 = 1, a1 = 1, a2 = 1, a3 = 1, a4 = 1, a5 = 1, a6 = 1;\nvar total = ${chain};\nfunction* g() { yield total; }\nconsole.log(g().next().value);\n`;
  const result = transform(source, { filename: 'chain.js', runtime: 'inline', sourceType: 'script' });
  expect(result.diagnostics).toEqual([]);
  expect(runModules({ 'chain.js': result.code }, 'chain.js')).toBe('10000\n');
});
