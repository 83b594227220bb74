/**
 * `getCacheKey`: the same input gives the same key, in another transformer
 * instance too (Jest workers each create their own); anything that changes
 * the output changes the key. Checked on the transformer object, as Jest
 * calls it, since a stale cache cannot be told apart from a correct one in
 * a single Jest run.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransformer, type JestTransformOptions } from '../src';

const OPTIONS: JestTransformOptions = { supportsStaticESM: false, instrument: false, configString: '{"rootDir":"/p"}', config: { rootDir: '/p' } };
const TEXT = 'function* g() { yield 1; }\n';

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'coro-jest-key-'));
  mkdirSync(join(directory, 'esm'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

test('the same input gives the same key, from any transformer instance with the same config', () => {
  const path = join(directory, 'a.js');
  const key = createTransformer({ runtime: 'require' }).getCacheKey(TEXT, path, OPTIONS);
  expect(key).toMatch(/^[0-9a-f]{64}$/);
  expect(createTransformer({ runtime: 'require' }).getCacheKey(TEXT, path, OPTIONS)).toBe(key);
});

test('the text, the path, the config, the module mode, module-or-script and Jest\'s config each change the key', () => {
  const path = join(directory, 'a.js');
  const base = createTransformer({ runtime: 'require' });
  const key = base.getCacheKey(TEXT, path, OPTIONS);
  const variants = [
    base.getCacheKey(TEXT + '\n', path, OPTIONS),
    base.getCacheKey(TEXT, join(directory, 'b.js'), OPTIONS),
    createTransformer({ runtime: 'inline' }).getCacheKey(TEXT, path, OPTIONS),
    createTransformer({ runtime: 'require', jsx: 'react-jsx' }).getCacheKey(TEXT, path, OPTIONS),
    base.getCacheKey(TEXT, path, { ...OPTIONS, supportsStaticESM: true }),
    base.getCacheKey(TEXT, path, { ...OPTIONS, instrument: true }),
    base.getCacheKey(TEXT, path, { ...OPTIONS, configString: '{"rootDir":"/q"}' }),
  ];
  expect(new Set([key, ...variants]).size).toBe(variants.length + 1);
});

test('a package.json "type" that makes the same file a module changes the key', () => {
  const path = join(directory, 'esm/a.js');
  writeFileSync(join(directory, 'esm/package.json'), '{ "type": "commonjs" }\n');
  const asScript = createTransformer({}).getCacheKey(TEXT, path, OPTIONS);
  writeFileSync(join(directory, 'esm/package.json'), '{ "type": "module" }\n');
  const asModule = createTransformer({}).getCacheKey(TEXT, path, OPTIONS);
  expect(asModule).not.toBe(asScript);
});
