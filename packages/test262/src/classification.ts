/**
 * A rough reason category for a lowered-only failure, read from where the
 * run stopped, its message, and the test.
 *
 * ## Example
 *
 * ```ts
 * classifyFailure({ stage: 'refused', message: "CORO1035: a 'with' statement whose body holds a suspension point is not lowered" }, test)
 * // 'with-body-suspends'
 * classifyFailure({ stage: 'leftover', message: 'generator function in a parameter list at 4:19' }, test)
 * // 'suspend-function-in-parameters'
 * classifyFailure({ stage: 'negative', message: 'expected SyntaxError in phase parse, got …' }, { frontMatter: { negative: { phase: 'parse', … } } })
 * // 'early-error-not-reported'
 * ```
 *
 * ## Implementation
 *
 * An ordered list of rules; the first that matches wins and the last always
 * does. The rules were written by reading the failures of a complete run:
 * each names a behaviour that differs from native, coarse on purpose (the
 * expectations file lists each test; the category is for reading it and the
 * report, and never decides pass or fail). Refusals are told apart by
 * coro's diagnostic codes, runtime failures by the words of the harness's
 * assertions, so a reworded message moves a failure to `other` rather than
 * to a wrong category.
 *
 * ## References
 *
 * ./outcome.ts (the stages); README.md "Status" (the known gaps);
 * harness/assert.js, harness/propertyHelper.js, harness/nativeFunctionMatcher.js.
 */
import { DiagnosticCode } from '@coro/compiler';
import type { FrontMatter } from './front-matter';
import type { Failure } from './outcome';

export interface ClassifiedTest {
  readonly path: string;
  readonly frontMatter: Pick<FrontMatter, 'negative'>;
}

interface Rule {
  readonly category: string;
  matches(failure: Failure, test: ClassifiedTest): boolean;
}

const RULES: readonly Rule[] = [
  { category: 'compiler-crash', matches: (failure) => failure.stage === 'compiler-crash' },
  { category: 'hang-or-crash', matches: (failure) => failure.stage === 'hang' || failure.stage === 'crash' },
  { category: 'top-level-await-kept', matches: (failure) => failure.stage === 'leftover' && /^top-level /.test(failure.message) },
  { category: 'suspend-function-in-parameters', matches: (failure) => failure.stage === 'leftover' && / in a parameter list /.test(failure.message) },
  { category: 'suspend-function-left', matches: (failure) => failure.stage === 'leftover' },
  { category: 'with-body-suspends', matches: (failure) => refusedWith(failure, DiagnosticCode.WithBodySuspends) },
  // Sloppy direct eval's `var` lands in the step function's activation, which holds none of the function's lexical bindings.
  { category: 'eval-var-in-step-activation', matches: (failure, test) => failure.stage === 'runtime' && /-lex-distinct\.js$/.test(test.path) },
  // The lowering passes on TypeScript's syntax errors; these tests are valid JavaScript that TypeScript's parser rejects.
  { category: 'typescript-parser-rejects', matches: (failure) => refusedWith(failure, DiagnosticCode.SyntaxError) },
  { category: 'lowering-refused', matches: (failure) => failure.stage === 'refused' },
  { category: 'early-error-not-reported', matches: (failure, test) => test.frontMatter.negative?.phase === 'parse' },
  { category: 'lowered-output-does-not-parse', matches: (failure) => failure.stage === 'parse' },
  {
    category: 'function-constructor-unsupported',
    matches: (failure) => /cannot compile source text|import\.meta in \w+Body/.test(failure.message),
  },
  { category: 'function-constructor-realm', matches: (failure, test) => /Function\/proto-from-ctor-realm/.test(test.path) },
  {
    category: 'function-name-not-inferred',
    matches: (failure, test) => /fn-name/.test(test.path) || /name descriptor value should be|correct name is assigned/.test(failure.message),
  },
  { category: 'function-source-text', matches: (failure) => /Conforms to NativeFunction Syntax/.test(failure.message) },
  {
    category: 'wrapper-function-shape',
    matches: (failure, test) =>
      /forbidden-ext|restricted-properties|superclass-/.test(test.path) ||
      /isConstructor|"caller"|prototype should be undefined|length is properly set|Cannot redefine property: prototype/.test(failure.message),
  },
  { category: 'await-constructor-lookup', matches: (failure) => /Actual \[pre, constructor/.test(failure.message) },
  { category: 'async-never-done', matches: (failure) => failure.stage === 'async-timeout' },
  { category: 'other', matches: () => true },
];

/** Whether the lowering's first error diagnostic has one of `codes` (translation.ts writes them `CORO<code>: …`). */
function refusedWith(failure: Failure, ...codes: number[]): boolean {
  return failure.stage === 'refused' && codes.some((code) => failure.message.startsWith(`CORO${code}:`));
}

export function classifyFailure(failure: Failure, test: ClassifiedTest): string {
  return RULES.find((rule) => rule.matches(failure, test))!.category;
}
