/**
 * Putting the lowered file's statements back in the order the source tree
 * has: new statements travel with the source statement they were written
 * before, and the ones before any source statement stay first.
 */

import ts from 'typescript';
import { inSourceTreeOrder, isInTextOrder } from '../src/statement-order';

const source = ts.createSourceFile('a.ts', 'import "./a";\njest.mock("./a");\nclass C {}\n', ts.ScriptTarget.ES2022);
const [importA, mockA, classC] = source.statements;

test('groups follow their anchors into the tree order', () => {
  const lowered = ['runtime import', 'import "./a"', 'jest.mock', 'helper of C', 'class C', 'helper after C'];
  const anchors = [undefined, importA, mockA, undefined, classC, undefined];

  expect(inSourceTreeOrder(lowered, anchors, [mockA, importA, classC])).toEqual([
    'runtime import',
    'jest.mock',
    'import "./a"',
    'helper of C',
    'class C',
    'helper after C',
  ]);
  expect(inSourceTreeOrder(lowered, anchors, [classC, mockA, importA])).toEqual([
    'runtime import',
    'helper of C',
    'class C',
    'helper after C',
    'jest.mock',
    'import "./a"',
  ]);
});

test('without any anchor, nothing moves', () => {
  expect(inSourceTreeOrder(['a', 'b'], [undefined, undefined], [classC])).toEqual(['a', 'b']);
});

test('text order is the order of positions', () => {
  expect(isInTextOrder(source.statements)).toBe(true);
  expect(isInTextOrder([mockA, importA])).toBe(false);
});
