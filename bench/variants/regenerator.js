'use strict';
/**
 * Babel's regenerator transform, with its helpers inlined (no
 * @babel/plugin-transform-runtime), so the output runs standalone.
 * async-to-generator runs first, so async functions go through the same
 * regenerator machine as Babel users get with preset-env.
 */
const babel = require('@babel/core');

module.exports = {
  id: 'regenerator',
  description:
    '@babel/core with @babel/plugin-transform-async-to-generator and @babel/plugin-transform-regenerator, helpers inlined',
  optional: false,
  lower(source, { filename }) {
    const result = babel.transformSync(source, {
      filename,
      babelrc: false,
      configFile: false,
      sourceType: 'script',
      compact: false,
      plugins: ['@babel/plugin-transform-async-to-generator', '@babel/plugin-transform-regenerator'],
    });
    return result.code;
  },
};
