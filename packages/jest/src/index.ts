/**
 * `@coro/jest`: run Jest tests on code whose generators coro has lowered.
 *
 * Example:
 *   // jest.config.js
 *   module.exports = {
 *     transform: { '\\.[jt]sx?$': ['@coro/jest', { runtime: 'require' }] },
 *   };
 *
 * Implementation:
 *   Jest loads a transformer module through its default export (it reads
 *   compiled ES modules that way) and, finding `createTransformer` there,
 *   calls it with the options of the `transform` entry. The transformer
 *   itself is ./transformer.ts.
 *
 * References:
 *   https://jestjs.io/docs/code-transformation#writing-custom-transformers
 *   https://github.com/jestjs/jest/blob/v30.0.0/packages/jest-util/src/requireOrImportModule.ts
 */

import { createTransformer } from './transformer';

export { createTransformer };
export type { CoroJestTransformer, JestTransformOptions } from './transformer';
export type { TransformerConfig } from './transformer-config';
export { CoroTransformError } from './transform-error';

export default { createTransformer };
