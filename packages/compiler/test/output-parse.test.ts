/**
 * The output's parse check reads an inline runtime's body once per text and
 * finds the same errors, at the same lines and columns, as a parse of the
 * whole output.
 */
import type * as TypeScript from 'typescript';

const parsedTexts: string[] = [];

jest.mock('typescript', () => {
  const actual: typeof TypeScript = jest.requireActual('typescript');
  return {
    ...actual,
    createSourceFile: (...args: Parameters<typeof actual.createSourceFile>) => {
      parsedTexts.push(args[1]);
      return actual.createSourceFile(...args);
    },
  };
});

import * as ts from 'typescript';
import { firstSyntaxError } from '../src/output-parse';

const BODY = '\n"use strict";\nfunction helper(a) {\n  return { a: a };\n}\nreturn { helper: helper };\n';
const block = (body: string) => `var $coro = (function () {${body}})();\n`;
const JS = ts.ScriptKind.JS;

beforeEach(() => {
  parsedTexts.length = 0;
});

test('a runtime body is parsed alone once per text; the file is parsed with that body left as line breaks', () => {
  const runtime = block(BODY);
  const output = `"use strict";\n${runtime}function g() { return $coro.helper(1); }\n`;
  expect(firstSyntaxError(output, 'first.js', JS, { start: 14, text: runtime })).toBeUndefined();
  expect(parsedTexts).toEqual([runtime, `"use strict";\nvar $coro = (function () {${BODY.replace(/[^\n]/g, '')}})();\nfunction g() { return $coro.helper(1); }\n`]);
  parsedTexts.length = 0;
  expect(firstSyntaxError(output.replace('1', '2'), 'second.js', JS, { start: 14, text: runtime })).toBeUndefined();
  expect(parsedTexts).toHaveLength(1);
  expect(parsedTexts[0]).not.toContain('helper(a)');
});

test('an error outside the runtime body is placed as a parse of the whole output places it', () => {
  const runtime = block(BODY.replace('helper(a)', 'helper(b)'));
  const output = `${runtime}function g() { return $coro.helper(1) ) }\n`;
  const whole = firstSyntaxError(output, 'a.js', JS, undefined);
  expect(whole).toMatchObject({ line: 7, character: 38 });
  expect(firstSyntaxError(output, 'a.js', JS, { start: 0, text: runtime })).toEqual(whole);
  // The wrapper around the body is still read: a runtime block written where no statement may stand is an error.
  const misplaced = `var x = ${runtime}`;
  expect(firstSyntaxError(misplaced, 'a.js', JS, { start: 8, text: runtime })).toEqual(firstSyntaxError(misplaced, 'a.js', JS, undefined));
  expect(firstSyntaxError(misplaced, 'a.js', JS, undefined)).toBeDefined();
});

test('a runtime body with an error, or a block not where it is said to be, is parsed with the whole output', () => {
  const broken = block(BODY.replace('return { a: a };', 'return { a: };'));
  const output = `${broken}g();\n`;
  const whole = firstSyntaxError(output, 'a.js', JS, undefined);
  expect(whole).toMatchObject({ line: 3 });
  expect(firstSyntaxError(output, 'a.js', JS, { start: 0, text: broken })).toEqual(whole);
  parsedTexts.length = 0;
  const runtime = block(BODY.replace('helper(a)', 'helper(c)'));
  expect(firstSyntaxError(`g();\n${runtime}`, 'a.js', JS, { start: 0, text: runtime })).toBeUndefined();
  expect(parsedTexts).toEqual([`g();\n${runtime}`]);
});

test('a yield or await left in a function that is no generator or async function is an error the parser alone does not report', () => {
  const stepWithAwait = 'function f$step($frame) {\n  return (await t)`x`;\n}\n';
  expect(firstSyntaxError(stepWithAwait, 'a.js', JS, undefined)).toEqual({ line: 1, character: 10, message: "'await' outside an async function" });
  expect(firstSyntaxError('"use strict";\nfunction s() { return yield 1; }\n', 'a.js', JS, undefined)).toMatchObject({ line: 1, message: "'yield' outside a generator" });
  expect(firstSyntaxError('async function f() { class C { static { await 1; } } }\n', 'a.js', JS, undefined)).toMatchObject({ message: "'await' outside an async function" });
  expect(firstSyntaxError('async function f() { for await (const x of xs); }\n', 'a.js', JS, undefined)).toBeUndefined();
  expect(firstSyntaxError('function f() { for await (const x of xs); }\n', 'a.js', JS, undefined)).toMatchObject({ message: "'await' outside an async function" });
  // The module's own top-level await, a word in a string, and sloppy calls of functions named so are no suspensions.
  expect(firstSyntaxError('await load();\nconst s = "await yield";\nfunction g() { return await(1) + yield(2); }\n', 'a.mjs', JS, undefined)).toBeUndefined();
  expect(firstSyntaxError('const g = async () => await 1, h = function* () { yield 1; };\n', 'a.js', JS, undefined)).toBeUndefined();
});
