/**
 * Early errors (src/early-errors/): each rule with code an engine must
 * refuse before running it, reported with the rule's code and no output,
 * and code beside it that is valid and must still be lowered. Every script
 * case is also compiled by Node itself (`vm.Script`), so a case that does
 * not say what the engine says fails here, not in a user's build.
 */
import vm from 'node:vm';
import { DiagnosticCode, transform } from '../src';

interface Rule {
  readonly name: string;
  readonly code: number;
  readonly invalid: readonly string[];
  readonly valid: readonly string[];
}

const RULES: readonly Rule[] = [
  {
    name: 'yield, await and strict reserved words as identifiers',
    code: DiagnosticCode.ReservedWord,
    invalid: [
      'function* g() { var yield; }',
      'function* g() { var yi\\u0065ld; }',
      'async function f() { var await; }',
      'async function f() { var \\u0061wait; }',
      'async function f() { let { await } = {}; }',
      '(async function* await() {});',
      'var g = function* yield() {};',
      'async function f() { function await() {} }',
      'function* g() { (x = yield) => {}; }',
      'async (await) => {};',
      'async function f() { l: { var await; } }',
      'class C { static { var await; } }',
      'class C { x = yield; }',
      '"use strict"; var interface;',
      'let let = 1;',
      '"use strict"; for (let in {});',
    ],
    valid: [
      'var yield, await; yield = await;',
      'function* g() { () => { var yield; }; }',
      'async function f() { function g() { var await; } }',
      'async function f() { var o = { await: 1 }; return o.await; }',
      'function* g() { let { yield: x } = {}; yield x; }',
      'function yield() {} async function await() {}',
      'for (let in {});',
      'var interface, package, let;',
    ],
  },
  {
    name: 'eval and arguments bound or assigned in strict code',
    code: DiagnosticCode.StrictModeViolation,
    invalid: ['"use strict"; var eval;', 'function f(eval) { "use strict"; }', '"use strict"; eval = 1;', '"use strict"; [arguments] = [];', '"use strict"; ({ eval } = {});', 'function f() { "use strict"; arguments++; }'],
    valid: ['var eval; eval = 1;', '"use strict"; arguments.x = 1; ({ eval: a } = { eval: 1 }); var a;', 'function* g(arguments) { yield arguments; }'],
  },
  {
    name: 'yield and await expressions where no suspension may stand',
    code: DiagnosticCode.MisplacedSuspension,
    invalid: [
      'function* g(x = yield) {}',
      'async function f(x = await 1) {}',
      'async function f() { (x = await 1) => x; }',
      'async (a = await 1) => a;',
      'class C { static { await 0; } }',
      'function f() { for await (const x of []) ; }',
      'async function f() { [1].forEach(() => { await 1; }); }',
    ],
    valid: ['async function f(x = async () => await 1) { return await x(); }', 'function* g(x = function* () { yield 1; }) { yield* x(); }', 'async function f() { for await (const x of []) ; }'],
  },
  {
    name: 'redeclarations: lexical names, parameters, catch parameters, __proto__',
    code: DiagnosticCode.Redeclaration,
    invalid: [
      'let a; let a;',
      'let a; var a;',
      '{ var a; let a; }',
      'async function f(bar) { let bar; }',
      '(async function*(a) { const a = 0; });',
      'var o = { *foo(a) { let a = 3; } };',
      'switch (0) { case 1: let a; case 2: let a; }',
      'try {} catch (e) { let e; }',
      'try {} catch ([e]) { var e; }',
      'for (let i;;) { var i; }',
      '{ function* f() {} function f() {} }',
      'let [a, a] = [];',
      '(a, a) => 0;',
      'async (a, a) => 0;',
      '({ m(a, a) {} });',
      'function f(a, [a]) {}',
      '"use strict"; function f(a, a) {}',
      'class C { #a; #a; }',
      '({ __proto__: 1, "__proto__": 2 });',
    ],
    valid: [
      'function f(a) { var a; function a() {} }',
      'function f(a, a) {}',
      'function* g(a, a) {} async function h(a, a) {}',
      'try {} catch (e) { var e; for (var e of []); }',
      '{ function f() {} function f() {} }',
      'switch (0) { case 1: function f() {} case 2: function f() {} }',
      'var f; function f() {} { let f; }',
      'class C { get #a() { return 1; } set #a(v) {} }',
      '({ __proto__: 1, ["__proto__"]: 2, __proto__() {} });',
      'var a, b; ({ __proto__: a, __proto__: b } = {});',
    ],
  },
  {
    name: '"use strict" with non-simple parameters',
    code: DiagnosticCode.UseStrictWithNonSimpleParameters,
    invalid: ['async function f(x = 1) { "use strict"; }', '(async function ({ p }) { "use strict"; });', 'var C = class { static async m([e]) { "use strict"; } };', '(...rest) => { "use strict"; };'],
    valid: ['async function f(x) { "use strict"; }', '"use strict"; async function f(x = 1) {}'],
  },
  {
    name: 'labels and jump targets',
    code: DiagnosticCode.InvalidJumpTarget,
    invalid: ['a: a: ;', 'x: { continue x; }', 'function* g() { while (1) { (() => { break; })(); } }', 'break;', 'x: while (1) { (function () { break x; }); }', 'async function f() { continue; }'],
    valid: ['a: b: while (1) continue a;', 'x: { break x; }', 'a: { } a: { }', 'switch (0) { case 1: break; }', 'a: { (() => { a: ; })(); }'],
  },
  {
    name: 'declarations where only a statement may stand',
    code: DiagnosticCode.DeclarationNotAllowedHere,
    invalid: [
      'if (true) function* g() {}',
      'if (false) ; else async function f() {}',
      'label: async function* g() {}',
      'label: function* g() {}',
      'while (0) function f() {}',
      'if (1) label: function f() {}',
      '"use strict"; label: function f() {}',
      'async function* f() { for await (var x of []) let\n[a] = 0; }',
      'if (1) class C {}',
    ],
    valid: ['if (true) function f() {}', 'label: function f() {}', 'var let, x; if (1) let\nx = 1;'],
  },
  {
    name: 'for-in, for-of and for await heads',
    code: DiagnosticCode.InvalidForHead,
    invalid: [
      'async function f() { for await (const [x] = 1 of []) {} }',
      'async function f() { for await (var x = 1 of []) {} }',
      'for (let x = 1 in {});',
      'for (var [x] = 1 in {});',
      'for (let a, b of []);',
      'for (async of []);',
    ],
    valid: ['for (var x = 1 in {});', 'async function f() { for await (async of []); }', 'for (async.x of []);', 'for ((async) of []);'],
  },
  {
    name: 'super, new.target and arguments',
    code: DiagnosticCode.MisplacedSuperOrMeta,
    invalid: [
      'function f() { super.x; }',
      '({ m: function () { return super.x; } });',
      'class A { constructor() { super(); } }',
      'class B extends Object { m() { super(); } }',
      'class B extends Object { x = super(); }',
      'new.target;',
      '() => new.target;',
      'class C { x = () => arguments; }',
      'class C { static { arguments; } }',
      'function f() { return new.t\\u0061rget; }',
      'async function f() { return import.meta; }',
    ],
    valid: [
      '({ *m() { yield super.x; } });',
      'class B extends Object { constructor() { (() => super())(); } x = super.y; }',
      'function f() { return () => new.target; }',
      'class C { x = new.target; y = function () { return arguments; }; }',
    ],
  },
  {
    name: 'strict mode: delete of a name, with, legacy octal',
    code: DiagnosticCode.StrictModeViolation,
    invalid: ['"use strict"; delete x;', '"use strict"; delete ((x));', '"use strict"; with ({}) {}', '"use strict"; 010;', '"use strict"; 08;', '"use strict"; "\\01";', 'function f() { "use strict"; return "\\8"; }', 'class C { m() { return 010; } }'],
    valid: ['delete x;', '"use strict"; delete x.y;', '010; 08; "\\01"; "\\8";', '"use strict"; "\\0"; "\\\\01";'],
  },
  {
    name: 'class elements',
    code: DiagnosticCode.InvalidClassElement,
    invalid: ['class C { * constructor() {} }', 'var C = class { async * constructor() {} };', 'class C { async constructor() {} }', 'class C { get constructor() {} }', 'class C { constructor() {} constructor() {} }', 'class C { static prototype() {} }', 'class C { static prototype = 1; }'],
    valid: ['class C { static *constructor() {} prototype() {} static ["prototype"]() {} }', 'class C { "constructor"() {} }'],
  },
  {
    name: 'line break before =>',
    code: DiagnosticCode.LineTerminatorBeforeArrow,
    invalid: ['async (x)\n=> x;', '(a, b) /*\n*/ => a;', '() \n=> 0;'],
    valid: ['async (x) =>\nx;', '(a, b) /* */ => a;'],
  },
  {
    name: 'shorthand property with an initializer outside a pattern',
    code: DiagnosticCode.ShorthandInitializer,
    invalid: ['({ a = 1 });', 'f({ a = 1 }); function f() {}'],
    valid: ['var a; ({ a = 1 } = {}); [{ a = 1 }] = [{}]; ({ b: { a = 1 } } = { b: {} }); for ({ a = 1 } of []);'],
  },
  {
    name: 'import and export declarations in a script',
    code: DiagnosticCode.SyntaxError,
    invalid: [
      'export function* g() { yield 1; }',
      'export default async function () {}',
      'export class C { async m() {} }',
      'export const c = 1;',
      'var a; export { a };',
      "export * from 'x';",
      "import x from 'x';",
      "import 'x';",
    ],
    valid: ["var exports = {}; exports.g = function* () { yield 1; };", "async function f() { return import('x'); }"],
  },
];

function errorsOf(source: string, sourceType: 'script' | 'module') {
  return transform(source, { filename: 'input.js', runtime: 'inline', sourceType }).diagnostics.filter((d) => d.category === 'error');
}

function engineAccepts(source: string): boolean {
  try {
    new vm.Script(source);
    return true;
  } catch {
    return false;
  }
}

describe.each(RULES)('$name', ({ code, invalid, valid }) => {
  test.each(invalid)('refused: %s', (source) => {
    expect(engineAccepts(source)).toBe(false);
    const errors = errorsOf(source, 'script');
    expect(errors.map((d) => d.code)).toContain(code);
    expect(transform(source, { filename: 'input.js', runtime: 'inline', sourceType: 'script' }).code).toBe('');
  });
  test.each(valid)('accepted: %s', (source) => {
    expect(engineAccepts(source)).toBe(true);
    expect(errorsOf(source, 'script')).toEqual([]);
  });
});

describe('module code', () => {
  test('await is reserved everywhere in a module, yield and the strict words too', () => {
    expect(errorsOf('function f() { var await; }', 'module').map((d) => d.code)).toEqual([DiagnosticCode.ReservedWord]);
    expect(errorsOf('var yield;', 'module').map((d) => d.code)).toEqual([DiagnosticCode.ReservedWord]);
    expect(errorsOf('function f() { var await; }', 'script')).toEqual([]);
  });
  test('function declarations at the top of a module are lexical', () => {
    expect(errorsOf('function f() {} function f() {}', 'module').map((d) => d.code)).toEqual([DiagnosticCode.Redeclaration]);
    expect(errorsOf('var f; function f() {}', 'module').map((d) => d.code)).toEqual([DiagnosticCode.Redeclaration]);
    expect(errorsOf('function f() {} function f() {}', 'script')).toEqual([]);
  });
  test('top-level await and for await stay valid', () => {
    expect(errorsOf('await 1; for await (const x of []) ;', 'module')).toEqual([]);
  });
});

describe('TypeScript input', () => {
  const errorsOfTs = (source: string) => transform(source, { filename: 'input.ts', runtime: 'inline' }).diagnostics.filter((d) => d.category === 'error');
  test('overloads, declarations that merge, types and ambient declarations bind nothing', () => {
    const source = [
      'function f(a: string): void;',
      'function f(a: number): void;',
      'function f(a: unknown) { return a; }',
      'class C { m(): void; m(x?: number) {} constructor(a: string); constructor(public a?: string) {} }',
      'namespace C { export const x = 1; }',
      'enum E { A } enum E { B = 2 }',
      'interface I { yield: number; await(): void; }',
      'declare let d: number; declare function h(): void;',
      'abstract class A { abstract m(): void; }',
      'export async function* g(this: unknown, x: number): AsyncGenerator<number> { yield x; }',
      '',
    ].join('\n');
    expect(errorsOfTs(source)).toEqual([]);
  });
  test("a script keeps TypeScript's CommonJS syntax and its exported types", () => {
    const source = "import x = require('x');\nimport type { T } from 't';\nexport interface I {}\nexport type U = T;\nexport declare const d: number;\nexport function f(): void;\nexport = async function* () { yield x; };\n";
    expect(transform(source, { filename: 'input.cts', runtime: 'require', sourceType: 'script' }).diagnostics).toEqual([]);
  });
  test('the same rules hold in TypeScript', () => {
    expect(errorsOfTs('async function f(a: number) { let a = 1; }').map((d) => d.code)).toEqual([DiagnosticCode.Redeclaration]);
    expect(errorsOfTs('function* g(): Generator { var yield: number; }').map((d) => d.code)).toEqual([DiagnosticCode.ReservedWord]);
  });
});

test('each error is at its position, in order, with an engine-like message', () => {
  const errors = errorsOf('async function* g(a) {\n  let a;\n  var await;\n}\n', 'script');
  expect(errors.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
    [DiagnosticCode.Redeclaration, 2, 7, "Identifier 'a' has already been declared"],
    [DiagnosticCode.ReservedWord, 3, 7, "'await' cannot be used as an identifier in an async function"],
  ]);
});
