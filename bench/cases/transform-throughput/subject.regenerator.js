'use strict';
// The plugins of the regenerator variant (bench/variants/regenerator.js), with
// source maps, as a build runs them. Babel's parser reads TypeScript by itself;
// the types stay in the output, as coro keeps them.
const babel = require('@babel/core');

exports.transformFile = function transformFile({ filename, text, sourceType }) {
  return babel.transformSync(text, {
    filename,
    babelrc: false,
    configFile: false,
    sourceType,
    sourceMaps: true,
    parserOpts: { plugins: filename.endsWith('.ts') ? ['typescript'] : [] },
    plugins: ['@babel/plugin-transform-async-to-generator', '@babel/plugin-transform-regenerator'],
  }).code;
};
