/**
 * The options of a `transform` entry: the known ones pass through, anything
 * else is refused with a message that names it.
 */

import { readTransformerConfig } from '../src/transformer-config';

test('no options, or the known ones', () => {
  const none = { runtime: undefined, jsx: undefined, coroutines: undefined, coroutineBudget: undefined, evalAndWith: undefined };
  expect(readTransformerConfig(undefined)).toEqual(none);
  expect(readTransformerConfig({})).toEqual(none);
  expect(readTransformerConfig({ runtime: 'inline', jsx: 'react-jsx' })).toEqual({ ...none, runtime: 'inline', jsx: 'react-jsx' });
  expect(readTransformerConfig({ evalAndWith: 'refuse' })).toEqual({ ...none, evalAndWith: 'refuse' });
  expect(readTransformerConfig({ coroutines: 'src/jobs/**' }).coroutines).toEqual(['src/jobs/**']);
  expect(readTransformerConfig({ coroutines: ['src/**', '!src/legacy.ts'] }).coroutines).toEqual(['src/**', '!src/legacy.ts']);
  expect(readTransformerConfig({ coroutineBudget: 500 })).toEqual({ ...none, coroutineBudget: 500 });
});

test.each([
  ['an unknown option', { runtimes: 'require' }, /@coro\/jest: unknown option 'runtimes'; the options are runtime, jsx, coroutines, coroutineBudget, evalAndWith/],
  ['a wrong evalAndWith', { evalAndWith: 'allow' }, /@coro\/jest: evalAndWith must be one of lower, refuse; got "allow"/],
  ['a wrong runtime', { runtime: 'esm' }, /@coro\/jest: runtime must be one of import, require, inline; got "esm"/],
  ['a wrong jsx', { jsx: 'react-native' }, /@coro\/jest: jsx must be one of react, react-jsx, preserve; got "react-native"/],
  ['a list instead of an object', ['require'], /@coro\/jest: the transformer config must be an object/],
  ['coroutines that are not globs', { coroutines: true }, /@coro\/jest: coroutines must be a glob or an array of globs, such as 'src\/\*\*'; got true/],
  ['a coroutineBudget of 0', { coroutineBudget: 0 }, /@coro\/jest: coroutineBudget must be a whole number of loop iterations above 0, such as 1000; got 0/],
  ['a fractional coroutineBudget', { coroutineBudget: 2.5 }, /@coro\/jest: coroutineBudget must be a whole number of loop iterations above 0, such as 1000; got 2.5/],
  ['an empty glob among the coroutines', { coroutines: ['src/**', ''] }, /@coro\/jest: coroutines must be a glob or an array of globs/],
])('%s is refused', (_name, config, message) => {
  expect(() => readTransformerConfig(config)).toThrow(message);
});
