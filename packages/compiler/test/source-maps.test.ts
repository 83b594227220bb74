/**
 * Source maps of lowered code: an error thrown inside a lowered generator or
 * async function after several suspensions is reported by
 * `node --enable-source-maps` at its original file, line and column, under
 * the function's own name (the map names the step function's start), and
 * every original statement inside a lowered function has a mapping onto the
 * code it became (what a debugger needs to bind a breakpoint there).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ts from 'typescript';
import { decode } from '@jridgewell/sourcemap-codec';
import { transform } from '../src';

const ASYNC_SOURCE = `async function load(id) {
  await null;
  return id * 2;
}

async function check(ids) {
  let total = 0;
  for (const id of ids) {
    total += await load(id);
    if (total > 10) {
      throw new Error('too much: ' + total);
    }
  }
  return total;
}

check([1, 2, 3, 4]).catch((e) => { console.log(e.stack); });
`;

const GENERATOR_SOURCE = `function* walk(items) {
  for (const item of items) {
    const doubled = yield item;
    if (doubled === 6) {
      throw new RangeError('three');
    }
  }
}

const it = walk([1, 2, 3, 4]);
let step = it.next();
try {
  while (!step.done) step = it.next(step.value * 2);
} catch (e) {
  console.log(e.stack);
}
`;

/** Lowers `source` as `file` in a fresh directory, runs it with source maps on, returns what it printed. */
function runLowered(file: string, source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coro-source-maps-'));
  const inputPath = path.join(dir, file);
  const result = transform(source, { filename: inputPath, runtime: 'inline', sourceType: 'script' });
  expect(result.diagnostics).toEqual([]);
  const map = { ...JSON.parse(result.map!.toString()), sources: [file] };
  const outputPath = path.join(dir, file.replace(/\.js$/, '.lowered.js'));
  const inline = Buffer.from(JSON.stringify(map)).toString('base64');
  fs.writeFileSync(outputPath, `${result.code}\n//# sourceMappingURL=data:application/json;base64,${inline}\n`);
  return execFileSync(process.execPath, ['--enable-source-maps', outputPath], { encoding: 'utf8' });
}

/** `file:line:column` of the `new` in the first `throw new` of `source`, 1-based as stack traces print it. */
function throwSite(file: string, source: string): string {
  const offset = source.indexOf('throw new') + 'throw '.length;
  const lines = source.slice(0, offset).split('\n');
  return `${file}:${lines.length}:${lines[lines.length - 1].length + 1}`;
}

test('an error thrown in an async function after several awaits points at the original line and column', () => {
  const printed = runLowered('check.js', ASYNC_SOURCE);
  expect(printed).toContain('Error: too much: 12');
  expect(printed).toContain(throwSite('check.js', ASYNC_SOURCE));
});

test('an error thrown in a generator after several yields points at the original line and column', () => {
  const printed = runLowered('walk.js', GENERATOR_SOURCE);
  expect(printed).toContain('RangeError: three');
  expect(printed).toContain(throwSite('walk.js', GENERATOR_SOURCE));
});

test.each([
  ['async function', 'check.js', ASYNC_SOURCE, 'check'],
  ['generator', 'walk.js', GENERATOR_SOURCE, 'walk'],
])('the frame of a lowered %s is named as native names it, not after its step function', (_kind, file, source, name) => {
  const printed = runLowered(file, source);
  expect(printed).toContain(`at ${name} (`);
  expect(printed).not.toContain('$step');
});

const METHOD_SOURCE = `class Store {
  async load() {
    await null;
    throw new Error('store');
  }
  static *keys() {
    throw new Error('keys');
  }
}
const api = {
  async fetch() {
    await null;
    throw new Error('api');
  },
};
function show(e) { console.log(e.stack.split('\\n')[1].trim()); }
new Store().load().catch(show);
api.fetch().catch(show);
try { Store.keys().next(); } catch (e) { show(e); }
`;

test("a method's frame is named Type.name, as V8 names the original called on its holder", () => {
  const printed = runLowered('store.js', METHOD_SOURCE);
  const frames = printed.split('\n').filter(Boolean).map((line) => line.replace(/\(.*[\\/]/, '('));
  expect(frames.sort()).toEqual(['at Object.fetch (store.js:13:11)', 'at Store.keys (store.js:7:11)', 'at Store.load (store.js:4:11)']);
});


const ANONYMOUS_SOURCE = `function show(e) { console.log(e.stack.split('\\n')[1].trim()); }
function call(f) { return f(); }
call(async () => {
  await null;
  throw new Error('arrow');
}).catch(show);
call(async function () {
  await null;
  throw new Error('expression');
}).catch(show);
try {
  [function* () {
    throw new Error('generator');
  }][0]().next();
} catch (e) {
  show(e);
}
`;

test("a function without a name has its frame named <anonymous>, never after the compiler's helpers", () => {
  const printed = runLowered('anonymous.js', ANONYMOUS_SOURCE);
  const frames = printed.split('\n').filter(Boolean).map((line) => line.replace(/\(.*[\\/]/, '('));
  expect(frames.sort()).toEqual(['at <anonymous> (anonymous.js:13:11)', 'at <anonymous> (anonymous.js:5:9)', 'at <anonymous> (anonymous.js:9:9)']);
});
const SYNC_THROW_SOURCE = `async function inner() {
  throw new Error('before any await');
}
async function outer() {
  return inner();
}
outer().catch((e) => console.log(e.stack));
`;

test("the wrapper's call into the runtime maps to nothing: no frame at the declaration's line that native code does not have", () => {
  const printed = runLowered('sync.js', SYNC_THROW_SOURCE);
  expect(printed).toContain('sync.js:2:9');
  expect(printed).toContain('sync.js:5:10');
  expect(printed).not.toMatch(/sync\.js:[14]:1\)/);
  expect(printed).toMatch(/at inner \(.*sync\.lowered\.js:\d+:\d+\)/);
});

test.each([
  ['async', ASYNC_SOURCE],
  ['generator', GENERATOR_SOURCE],
])('every statement of a lowered %s function maps onto the lowered code', (_kind, source) => {
  const result = transform(source, { filename: 'input.js', runtime: 'require', sourceType: 'script' });
  const mappedOriginalPositions = new Set<string>();
  for (const line of decode(result.map!.mappings)) {
    for (const segment of line) if (segment.length >= 4) mappedOriginalPositions.add(`${segment[2]}:${segment[3]}`);
  }
  const sourceFile = ts.createSourceFile('input.js', source, ts.ScriptTarget.Latest, true);
  const unmapped: string[] = [];
  const visit = (node: ts.Node, insideLowered: boolean): void => {
    const lowered = insideLowered || ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && isSuspendFunction(node));
    if (insideLowered && ts.isStatement(node) && !ts.isBlock(node)) {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      if (!mappedOriginalPositions.has(`${line}:${character}`)) unmapped.push(`${line + 1}:${character + 1} ${node.getText(sourceFile).split('\n')[0]}`);
    }
    ts.forEachChild(node, (child) => visit(child, lowered));
  };
  visit(sourceFile, false);
  expect(unmapped).toEqual([]);
});

function isSuspendFunction(node: ts.FunctionLikeDeclaration): boolean {
  const isAsync = (ts.getModifiers(node as ts.FunctionDeclaration) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  return node.asteriskToken !== undefined || isAsync;
}
