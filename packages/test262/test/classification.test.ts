import { classifyFailure, type ClassifiedTest } from '../src/classification';
import type { Failure } from '../src/outcome';

const positive: ClassifiedTest = { path: 'language/statements/generators/x.js', frontMatter: { negative: undefined } };
const negativeParse: ClassifiedTest = { path: 'language/statements/generators/x.js', frontMatter: { negative: { phase: 'parse', type: 'SyntaxError' } } };

describe('failure categories', () => {
  it.each<[Failure, ClassifiedTest, string]>([
    [{ stage: 'leftover', message: 'generator function in a parameter list at 4:19' }, positive, 'suspend-function-in-parameters'],
    [{ stage: 'leftover', message: 'top-level for await at 52:1' }, positive, 'top-level-await-kept'],
    [{ stage: 'leftover', message: 'async arrow function at 3:1' }, positive, 'suspend-function-left'],
    [{ stage: 'refused', message: "CORO1035: a 'with' statement whose body holds a suspension point is not lowered" }, positive, 'with-body-suspends'],
    [{ stage: 'refused', message: 'CORO1003: direct eval is not lowered inside a coroutine' }, positive, 'lowering-refused'],
    [
      { stage: 'runtime', message: 'Test262Error: Expected a SyntaxError to be thrown but no exception was thrown at all' },
      { path: 'language/statements/generators/scope-body-lex-distinct.js', frontMatter: { negative: undefined } },
      'eval-var-in-step-activation',
    ],
    [{ stage: 'refused', message: "CORO1001: ',' expected." }, positive, 'typescript-parser-rejects'],
    [{ stage: 'negative', message: 'expected SyntaxError in phase parse, got throw "Test262: …" in phase runtime' }, negativeParse, 'early-error-not-reported'],
    [{ stage: 'runtime', message: 'EvalError: GeneratorFunction cannot compile source text: no function compiler is installed' }, positive, 'function-constructor-unsupported'],
    [
      { stage: 'runtime', message: 'Test262Error: Expected SameValue(«[object GeneratorFunction]», «[object GeneratorFunction]») to be true' },
      { path: 'built-ins/GeneratorFunction/proto-from-ctor-realm.js', frontMatter: { negative: undefined } },
      'function-constructor-realm',
    ],
    [{ stage: 'runtime', message: 'Test262Error: name descriptor value should be gen; name value should be gen' }, positive, 'function-name-not-inferred'],
    [{ stage: 'runtime', message: 'Test262Error: Conforms to NativeFunction Syntax: "f () { … }"' }, positive, 'function-source-text'],
    [{ stage: 'runtime', message: 'Test262Error: No "caller" own property Expected SameValue(«true», «false») to be true' }, positive, 'wrapper-function-shape'],
    [{ stage: 'async-timeout', message: '$DONE was never called' }, positive, 'async-never-done'],
    [{ stage: 'hang', message: 'no answer from the worker for 20 s' }, positive, 'hang-or-crash'],
    [{ stage: 'runtime', message: 'Test262Error: Expected SameValue(«1», «2») to be true' }, positive, 'other'],
  ])('case %#: %j', (failure, test, category) => {
    expect(classifyFailure(failure, test)).toBe(category);
  });
});
