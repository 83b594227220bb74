/**
 * The transform's last check: lowered code that does not parse is an
 * internal error (CORO1008) that points at the code it came from, never
 * output. A lowering whose wrapper ends in a stray `)` stands in for a
 * compiler bug.
 */
import type * as Lower from '../src/lower';

jest.mock('../src/lower', () => {
  const actual: typeof Lower = jest.requireActual('../src/lower');
  return {
    ...actual,
    lowerFunction: (...args: Parameters<typeof Lower.lowerFunction>) => {
      const lowered = actual.lowerFunction(...args);
      return { ...lowered, replacement: lowered.replacement + ' )' };
    },
  };
});

import { transform } from '../src';

test('lowered code that does not parse is an internal error at its origin, with no code', () => {
  for (const filename of ['broken.js', 'broken.ts']) {
    const result = transform('const before = 1;\nfunction* g() { yield before; }\n', { filename, runtime: 'require', sourceType: 'script' });
    expect(result.code).toBe('');
    expect(result.map).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic).toMatchObject({ category: 'error', code: 1008, file: filename, line: 2 });
    expect(diagnostic.message).toMatch(/^internal error: the lowered code does not parse \(at \d+:\d+ of the output: .+\)/);
  }
});
