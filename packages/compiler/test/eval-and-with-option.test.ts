/**
 * The `evalAndWith` option: a suspend function with direct `eval` or `with`
 * is lowered with its bindings in the per-call scope by default, refused with
 * `'refuse'`, and always refused in a coroutine; a function of the same file
 * without either is lowered as it would be alone.
 */
import { transform } from '../src';

const PLAIN = 'function* plain(a) {\n  const b = a * 2;\n  yield b;\n  yield a;\n}\n';
const DYNAMIC = "function* dynamic(code) {\n  var local = 1;\n  yield eval(code);\n}\n";

const lower = (code: string, options: object = {}) => transform(code, { filename: 'main.js', runtime: 'require', sourceType: 'script', ...options });

test('by default direct eval is lowered, its function alone paying for it', () => {
  const alone = lower(PLAIN);
  const beside = lower(PLAIN + DYNAMIC);

  expect(beside.diagnostics).toEqual([]);
  expect(beside.code).toContain('function dynamic(code) { var local; return new.target ? $coro.notAConstructor() : new dynamic$Frame(($frame, $state, $mode, $value) => {');
  const start = alone.code.indexOf('function plain$Frame(');
  expect(start).toBeGreaterThan(0);
  const plainHelpers = alone.code.slice(start);
  expect(beside.code).toContain(plainHelpers.slice(0, plainHelpers.indexOf('\n}\n') + 3));
  expect(beside.code).toContain('function plain$step($frame, $state, $mode, $value) {');
});

test("evalAndWith: 'refuse' reports direct eval (CORO1003) and with (CORO1004), and writes no code", () => {
  const refusedEval = lower(DYNAMIC, { evalAndWith: 'refuse' });
  const refusedWith = lower('function* scoped(o) {\n  with (o) { a; }\n  yield 1;\n}\n', { evalAndWith: 'refuse' });

  expect(refusedEval.code).toBe('');
  expect(refusedEval.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
    [1003, 3, 9, "direct eval is not lowered inside a generator: the option evalAndWith is 'refuse'"],
  ]);
  expect(refusedWith.code).toBe('');
  expect(refusedWith.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([[1004, 2, 3]]);
});

test("evalAndWith: 'lower' is the default, said out loud", () => {
  expect(lower(DYNAMIC, { evalAndWith: 'lower' }).code).toBe(lower(DYNAMIC).code);
});

test('a coroutine with direct eval is refused whatever the option says', () => {
  const result = lower("async function task(code) {\n  await null;\n  return eval(code);\n}\n", { coroutines: true });

  expect(result.code).toBe('');
  expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
    [1003, 'direct eval is not lowered inside a coroutine: its step function is made once, with its task'],
  ]);
});

test('an unknown evalAndWith is invalid options (CORO1005)', () => {
  const result = lower(DYNAMIC, { evalAndWith: 'allow' });

  expect(result.code).toBe('');
  expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([[1005, "unknown evalAndWith option 'allow': use 'lower' or 'refuse'"]]);
});
