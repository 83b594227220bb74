/**
 * Which test262 tests measure coro: those of generators, async functions,
 * async generators, `for await`, async iteration and generator/async methods.
 *
 * ## Example
 *
 * ```ts
 * selectTests(suite.testDirectory)
 * // → [{ path: 'annexB/language/expressions/yield/star-iterable-return-emulates-undefined-throws-when-called.js',
 * //      frontMatter: { features: ['generators', 'IsHTMLDDA'], … } }, …]   (sorted by path)
 * ```
 *
 * ## Implementation
 *
 * A test is selected when its front matter names one of
 * {@link SELECTED_FEATURES}, or when it lies under one of
 * {@link SELECTED_DIRECTORIES} (tests of generator objects and async
 * functions do not always list a feature). The features catch the many
 * generated tests that exercise a suspend function from elsewhere: the
 * destructuring tests of `gen-meth`, `async-gen-func-decl`, …, the object and
 * class method definitions, the `dstr` and `dflt-params` families.
 * Only files that mention a feature's name are parsed, so choosing among the
 * ~48,000 files costs a second or two. `_FIXTURE` files are modules imported
 * by tests, never tests themselves.
 *
 * ## References
 *
 * test262 INTERPRETING.md ("Modules", "Metadata"); test262's features.txt.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readFrontMatter, type FrontMatter } from './front-matter';

export const SELECTED_FEATURES: readonly string[] = ['generators', 'async-functions', 'async-iteration'];

export const SELECTED_DIRECTORIES: readonly string[] = [
  'language/expressions/generators',
  'language/statements/generators',
  'language/expressions/async-function',
  'language/statements/async-function',
  'language/expressions/async-arrow-function',
  'language/expressions/async-generator',
  'language/statements/async-generator',
  'language/expressions/await',
  'language/expressions/yield',
  'language/statements/for-await-of',
  'language/expressions/class/gen-method',
  'language/expressions/class/gen-method-static',
  'language/expressions/class/async-method',
  'language/expressions/class/async-method-static',
  'language/expressions/class/async-gen-method',
  'language/expressions/class/async-gen-method-static',
  'language/statements/class/gen-method',
  'language/statements/class/gen-method-static',
  'language/statements/class/async-method',
  'language/statements/class/async-method-static',
  'language/statements/class/async-gen-method',
  'language/statements/class/async-gen-method-static',
  'built-ins/GeneratorPrototype',
  'built-ins/GeneratorFunction',
  'built-ins/AsyncGeneratorPrototype',
  'built-ins/AsyncGeneratorFunction',
  'built-ins/AsyncFunction',
  'built-ins/AsyncFromSyncIteratorPrototype',
  'built-ins/AsyncIteratorPrototype',
  'annexB/language/expressions/yield',
  'annexB/language/statements/for-await-of',
];

export interface SelectedTest {
  /** Relative to the suite's `test/` folder, with forward slashes. */
  readonly path: string;
  readonly frontMatter: FrontMatter;
}

/** The selected tests under `testDirectory`, sorted by path. */
export function selectTests(testDirectory: string): SelectedTest[] {
  const selected: SelectedTest[] = [];
  for (const file of listTestFiles(testDirectory)) {
    const inDirectory = SELECTED_DIRECTORIES.some((directory) => file.startsWith(directory + '/'));
    const source = fs.readFileSync(path.join(testDirectory, file), 'utf8');
    if (!inDirectory && !SELECTED_FEATURES.some((feature) => source.includes(feature))) continue;
    const frontMatter = readFrontMatter(source);
    if (inDirectory || frontMatter.features.some((feature) => SELECTED_FEATURES.includes(feature))) {
      selected.push({ path: file, frontMatter });
    }
  }
  return selected;
}

function listTestFiles(testDirectory: string): string[] {
  const files: string[] = [];
  const visit = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(testDirectory, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else if (entry.name.endsWith('.js') && !entry.name.includes('_FIXTURE')) files.push(child);
    }
  };
  visit('');
  return files.sort();
}
