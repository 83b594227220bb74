'use strict';
// The regenerator variant's plugins (bench/variants/regenerator.js): the
// helpers, regenerator's runtime among them, written into each file.
const babel = require('@babel/core');

exports.lowerFile = function lowerFile({ filename, text, sourceType }) {
  const { code } = babel.transformSync(text, {
    filename,
    babelrc: false,
    configFile: false,
    sourceType,
    parserOpts: { plugins: filename.endsWith('.ts') ? ['typescript'] : [] },
    plugins: ['@babel/plugin-transform-async-to-generator', '@babel/plugin-transform-regenerator'],
  });
  return code;
};
