/**
 * docs/architecture.md and the IR notation cannot drift from the code: the
 * examples are the compiler's real output, the contract tables list exactly
 * what the sources of truth hold, every file and function the "where things
 * live" index names exists, and no file of the repository leans on a design
 * document outside it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import ts from 'typescript';
import { FRAME_FIELDS } from '../dist/frame-fields';

interface Compiler {
  transform(code: string, options: Record<string, unknown>): { code: string };
}

const REPO_ROOT = path.resolve(__dirname, '../../..');
const COMPILER_SRC = path.join(REPO_ROOT, 'packages/compiler/src');
const DOC = fs.readFileSync(path.join(REPO_ROOT, 'docs/architecture.md'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiler = require('@coro/compiler') as Compiler;

/** The rows of the markdown table that follows `heading`, as arrays of cells. */
function tableAfter(heading: string): string[][] {
  const start = DOC.indexOf(heading);
  if (start < 0) throw new Error(`docs/architecture.md has no "${heading}"`);
  const lines = DOC.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
  }
  return rows;
}

/** The names written as code (`name` or `name(…)`) in a table cell. */
function codeNames(cell: string): string[] {
  return [...cell.matchAll(/`([\w$]+)(?:\([^`]*\))?`/g)].map((m) => m[1]);
}

function fencedBlocksAfter(heading: string): string[] {
  const section = DOC.slice(DOC.indexOf(heading));
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** Syntax the index names as code, which no file declares. */
const KEYWORDS = new Set(['try', 'switch', 'for', 'break', 'continue', 'return', 'yield', 'await', 'finally']);

describe('docs/architecture.md', () => {
  test('the lowered generator it shows is what the compiler emits', () => {
    const [input, output] = fencedBlocksAfter('## What a lowered generator looks like');
    expect(compiler.transform(input, { runtime: 'require', sourceType: 'script' }).code).toBe(output);
  });

  test('the frame field table lists exactly the fields the runtime owns', () => {
    const documented = tableAfter('### Frame fields').flatMap((row) => codeNames(row[0]).filter((name) => name.startsWith('$')));
    expect(new Set(documented)).toEqual(new Set(FRAME_FIELDS.map((f) => f.name)));
  });

  test('the runtime export table lists exactly the exports of @coro/runtime', () => {
    const documented = tableAfter('### Runtime exports').flatMap((row) => codeNames(row[0]));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.keys(require('@coro/runtime')).filter((name) => name !== 'inlineRuntime');
    expect(new Set(documented)).toEqual(new Set(exported));
  });

  test('every file and function in "Where things live" and the build/ table exists', () => {
    const rows = [...tableAfter('## Where things live'), ...tableAfter('`build/` is layered'), ...tableAfter('`early-errors/` is the one pass')];
    const problems: string[] = [];
    for (const row of rows) {
      const files = row.flatMap((cell) => [...cell.matchAll(/`((?:[\w-]+\/)?[\w-]+\.ts)`/g)].map((m) => m[1]));
      const names = codeNames(row[1]).filter((name) => /^[A-Za-z]/.test(name) && !KEYWORDS.has(name));
      const sources = files.map((file) => {
        const full = path.join(COMPILER_SRC, file);
        if (!fs.existsSync(full)) problems.push(`${file} does not exist`);
        return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
      });
      for (const name of names) {
        if (!sources.some((text) => new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(text))) {
          problems.push(`${name} is not in ${files.join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("the runtime's frame types declare exactly the fields the runtime owns", () => {
    const file = path.join(REPO_ROOT, 'packages/runtime/src/frame.ts');
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const declared = new Set<string>();
    source.forEachChild((node) => {
      if (!ts.isInterfaceDeclaration(node)) return;
      for (const member of node.members) {
        if (member.name && ts.isIdentifier(member.name) && member.name.text.startsWith('$')) declared.add(member.name.text);
      }
    });
    expect(declared).toEqual(new Set(FRAME_FIELDS.map((f) => f.name)));
  });
});

test("ir.ts's example is the printed IR of fixtures/ir/try-finally-yield", () => {
  const irSource = fs.readFileSync(path.join(COMPILER_SRC, 'ir.ts'), 'utf8');
  const example = /builds to[^\n]*\n[^\n]*\n \* ```\n([\s\S]*?) \* ```/.exec(irSource);
  if (!example) throw new Error("ir.ts's header has no printed IR example");
  const printed = example[1]
    .split('\n')
    .map((line) => line.replace(/^ \* ?/, ''))
    .join('\n');
  expect(printed).toBe(fs.readFileSync(path.join(REPO_ROOT, 'fixtures/ir/try-finally-yield/ir.txt'), 'utf8'));
});

test('no file of the repository cites a design document outside it', () => {
  const outside = ['DESIGN', 'md'].join('.');
  const tracked = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  const citing = tracked.filter((file) => {
    const full = path.join(REPO_ROOT, file);
    return fs.existsSync(full) && fs.statSync(full).size < 2_000_000 && fs.readFileSync(full, 'utf8').includes(outside);
  });
  expect(citing).toEqual([]);
});
